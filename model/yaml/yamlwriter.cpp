#include "yamlwriter.h"

#include "yamledit.h"

namespace meshroute {

namespace {

QByteArray scalarText(const YamlNode &n)
{
    if (n.kind == YamlNode::Kind::Null)
        return "null";
    const QString value = QString::fromStdString(n.value);
    // A quoted scalar must stay a string; a plain one keeps its type (number, bool).
    if (n.isQuoted() || n.style == YamlNode::Style::Literal || n.style == YamlNode::Style::Folded)
        return YamlEdit::formatScalar(value, YamlNode::Style::Plain, true);
    return value.toUtf8();
}

bool isEmptyCollection(const YamlNode &n)
{
    return (n.isMapping() || n.isSequence()) && n.children.empty();
}

void writeNode(QByteArray &out, const YamlNode &n, int level, int step);

void writeValueAfterKey(QByteArray &out, const YamlNode &v, int level, int step)
{
    if (isEmptyCollection(v)) {
        out += v.isMapping() ? " {}\n" : " []\n";
    } else if (v.isMapping()) {
        out += '\n';
        writeNode(out, v, level + 1, step);
    } else if (v.isSequence()) {
        out += '\n';
        writeNode(out, v, level, step); // sequences under a key sit at the key's indentation, as kubectl writes them
    } else {
        out += ' ' + scalarText(v) + '\n';
    }
}

void writeNode(QByteArray &out, const YamlNode &n, int level, int step)
{
    const QByteArray pad(level * step, ' ');
    if (n.isMapping()) {
        for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
            out += pad + scalarText(n.children[i]) + ':';
            writeValueAfterKey(out, n.children[i + 1], level, step);
        }
    } else if (n.isSequence()) {
        for (const YamlNode &item : n.children) {
            if (item.isMapping() && !item.children.empty()) {
                // "- key: value" with the following keys aligned under the first.
                QByteArray nested;
                writeNode(nested, item, level + 1, step);
                nested.replace(0, qsizetype(level + 1) * step, pad + "- ");
                out += nested;
            } else if (item.isSequence() && !item.children.empty()) {
                out += pad + "-\n";
                writeNode(out, item, level + 1, step);
            } else if (isEmptyCollection(item)) {
                out += pad + (item.isMapping() ? "- {}\n" : "- []\n");
            } else {
                out += pad + "- " + scalarText(item) + '\n';
            }
        }
    } else {
        out += pad + scalarText(n) + '\n';
    }
}

void writeFlowNode(QByteArray &out, const YamlNode &n)
{
    if (!n.tag.empty())
        out += QByteArray::fromStdString(n.tag) + ' ';
    if (n.isMapping() || n.isSequence()) {
        const bool map = n.isMapping();
        out += map ? '{' : '[';
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            if (i > 0)
                out += map && i % 2 ? ": " : ", ";
            writeFlowNode(out, n.children[i]);
        }
        out += map ? '}' : ']';
    } else if (n.isNull()) {
        out += "null";
    } else {
        // A plain scalar from block text is safe in flow text unless it holds a flow indicator,
        // and then it was a string anyway.
        const bool plain = n.style == YamlNode::Style::Plain && !n.value.empty()
            && n.value.find_first_of(",[]{}") == std::string::npos;
        const QString value = QString::fromStdString(n.value);
        out += plain ? value.toUtf8() : YamlEdit::formatScalar(value, YamlNode::Style::DoubleQuoted, true);
    }
}

} // namespace

QByteArray YamlWriter::writeFlow(const YamlNode &node)
{
    QByteArray out;
    writeFlowNode(out, node);
    return out;
}

QByteArray YamlWriter::write(const YamlNode &node, int indent)
{
    QByteArray out;
    writeNode(out, node, 0, indent);
    return out;
}

} // namespace meshroute
