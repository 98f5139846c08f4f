// YamlEdit's new text: scalars written so that YAML reads them back as the same
// value, and values built in code rendered as block or flow YAML.
#include "yamlrender.h"

#include "yamlparser.h"

#include <cstring>

#include "yamlscan.h"

#include <QRegularExpression>

namespace meshroute::YamlEdit {

namespace {

// Whether a plain scalar with this text reads back as the same string where it stands. Inside a
// flow collection a flow indicator anywhere ends it (`{name: m[en}` does not parse), as
// YamlWriter::writeFlow knows; in block context only a leading one is special.
bool safeAsPlainString(const QString &value, bool inFlow)
{
    if (value.isEmpty() || value != value.trimmed())
        return false;
    static const QRegularExpression special(QStringLiteral(R"(^[-?:,\[\]{}#&*!|>'"%@`]|: | #|:$)"));
    if (special.match(value).hasMatch())
        return false;
    static const QRegularExpression flowIndicator(QStringLiteral(R"([,\[\]{}])"));
    if (inFlow && value.contains(flowIndicator))
        return false;
    static const QRegularExpression nonString(QStringLiteral(
        R"(^([-+]?[0-9._]+([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$)"));
    return !nonString.match(value).hasMatch() && !value.contains(QLatin1Char('\n'));
}

// Whether a value holds a character YAML takes only as an escape: a control
// character, DEL, C1, U+FFFE/FFFF, or a CR (which would end the line). By
// UTF-16 unit, with no copy: this runs on every weight step of a drag, and a
// surrogate pair is a code point from U+10000 up, all printable.
bool needsEscapes(const QString &value)
{
    for (const QChar c : value)
        if (!c.isSurrogate() && c != QLatin1Char('\t') && c != QLatin1Char('\n')
            && !YamlScan::isPrintable(c.unicode()))
            return true;
    return false;
}

QByteArray doubleQuoted(const QString &value)
{
    QByteArray out = "\"";
    // By code point: a character outside the BMP is two QChars and one UTF-8 sequence. It is encoded
    // from UTF-16 (QChar::fromUcs4): decoding it alone from UCS-4 (QString::fromUcs4) takes U+FEFF
    // for a byte order mark and drops it, so `rro<U+FEFF>` was written "rro".
    for (const char32_t c : value.toUcs4()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (YamlScan::isPrintable(c))
                out += QStringView(QChar::fromUcs4(c)).toUtf8();
            else if (c <= 0xFF)
                out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0')).toLatin1();
            else
                out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0')).toLatin1();
        }
    }
    return out + '"';
}

} // namespace

QByteArray formatScalar(const QString &value, YamlNode::Style style, bool mustStayString, bool inFlow)
{
    // Only a double-quoted string can hold such characters, whatever the style was.
    if (needsEscapes(value))
        return doubleQuoted(value);
    if (style == YamlNode::Style::SingleQuoted && !value.contains(QLatin1Char('\n')))
        return "'" + QString(value).replace(QLatin1Char('\''), QStringLiteral("''")).toUtf8() + "'";
    if (style == YamlNode::Style::DoubleQuoted)
        return doubleQuoted(value);
    if (!mustStayString || safeAsPlainString(value, inFlow))
        return value.toUtf8();
    return doubleQuoted(value);
}

QByteArray keyText(const QByteArray &key, bool inFlow)
{
    return formatScalar(QString::fromUtf8(key), YamlNode::Style::Plain, true, inFlow);
}

QByteArray scalarText(const YamlNode &n, bool inFlow)
{
    if (n.kind == YamlNode::Kind::Null)
        return "null";
    if (n.style == YamlNode::Style::Plain)
        return QByteArray::fromStdString(n.value);
    return formatScalar(QString::fromStdString(n.value), YamlNode::Style::Plain, true, inFlow);
}

bool isEmptyCollection(const YamlNode &n)
{
    return (n.isMapping() || n.isSequence()) && n.children.empty();
}

bool isBlockCollection(const YamlNode &n)
{
    return (n.isMapping() || n.isSequence()) && !n.children.empty() && n.style != YamlNode::Style::Flow;
}

QByteArray withNewlines(QByteArray text, const Layout &layout)
{
    if (layout.newline != "\n")
        text.replace("\n", layout.newline);
    return text;
}

// What follows `key:` for a value under a key at `indent` spaces: " scalar", " {}" or "\n" + block.
QByteArray valueAfterKey(const YamlNode &v, int indent, const Layout &layout)
{
    if (isEmptyCollection(v))
        return v.isMapping() ? " {}" : " []";
    if ((v.isMapping() || v.isSequence()) && v.style == YamlNode::Style::Flow)
        return " " + renderFlow(v);
    if (v.isMapping() || v.isSequence()) {
        const int inner
            = v.isMapping() ? indent + layout.step : indent + (layout.indentSequences ? layout.step : 0);
        QByteArray block = renderBlockLf(v, inner, layout);
        block.chop(1);
        return "\n" + block;
    }
    return " " + scalarText(v);
}

QByteArray renderBlockLf(const YamlNode &node, int indent, const Layout &layout)
{
    const QByteArray pad(indent, ' ');
    QByteArray out;
    if ((node.isMapping() || node.isSequence()) && node.style == YamlNode::Style::Flow)
        return pad + renderFlow(node) + '\n';
    if (node.isMapping() && !node.children.empty()) {
        for (std::size_t i = 0; i + 1 < node.children.size(); i += 2)
            out += pad + keyText(QByteArray::fromStdString(node.children[i].value)) + ':'
                + valueAfterKey(node.children[i + 1], indent, layout) + '\n';
    } else if (node.isSequence() && !node.children.empty()) {
        for (const YamlNode &item : node.children) {
            if (isBlockCollection(item)
                || ((item.isMapping() || item.isSequence()) && !item.children.empty())) {
                QByteArray nested = renderBlockLf(item, indent + 2, layout);
                nested.replace(0, indent + 2, pad + "- ");
                out += nested;
            } else {
                out += pad + "- "
                    + (isEmptyCollection(item) ? (item.isMapping() ? "{}" : "[]") : scalarText(item)) + '\n';
            }
        }
    } else if (isEmptyCollection(node)) {
        out += pad + (node.isMapping() ? "{}" : "[]") + '\n';
    } else {
        out += pad + scalarText(node) + '\n';
    }
    return out;
}

YamlNode asFlow(YamlNode collection)
{
    collection.style = YamlNode::Style::Flow;
    return collection;
}

namespace {

// Lines that an edit writes, moves, copies or removes whole can read otherwise among new
// neighbours only through constructs where yaml-cpp, YAML 1.2 and this reader part ways: a tab in
// the indentation (a blank or comment line indented with a tab is fine until a deeper block
// begins), and, where lines that stood apart come together, properties or explicit keys on lines
// of their own (`&a` over `!t s: 1`, a lone `?`), which the reader refuses rather than misread.
// Without their characters the parse, as long as the document, is skipped; the edit commands
// (ResourceEdit) parse their result anyway and refuse one that does not read.
bool mayReadOtherwise(const QByteArray &document, const TextChange &change, Neighbours neighbours)
{
    const char *const characters = neighbours == Neighbours::Kept ? "\t" : "\t!&*?";
    for (const QByteArray *text : { &document, &change.text })
        for (const char c : *text)
            if (c != '\0' && std::strchr(characters, c))
                return true;
    return false;
}

YamlParseResult parseWith(const QByteArray &document, const TextChange &change)
{
    const QByteArray after = apply(document, { change });
    return YamlParser::parseDocument(std::string_view(after.constData(), std::size_t(after.size())));
}

} // namespace

bool reads(const QByteArray &document, const TextChange &change)
{
    return parseWith(document, change).ok;
}

bool readsWith(const QByteArray &document, const TextChange &change)
{
    return !mayReadOtherwise(document, change, Neighbours::Kept) || parseWith(document, change).ok;
}

bool readsAfter(const QByteArray &document, const TextChange &change, Neighbours neighbours, const char *edit,
    QString *error)
{
    if (!mayReadOtherwise(document, change, neighbours))
        return true;
    const YamlParseResult parsed = parseWith(document, change);
    if (parsed.ok)
        return true;
    *error = QStringLiteral(
        "%1 here would leave YAML that does not read (%2 at line %3); edit it in the YAML view")
                 .arg(QLatin1String(edit), QString::fromStdString(parsed.error.message))
                 .arg(parsed.error.mark.line);
    return false;
}

int keyIndex(const YamlNode &map, const QByteArray &key)
{
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2)
        if (map.children[i].isScalar() && map.children[i].value == key.toStdString())
            return int(i / 2);
    return -1;
}

YamlNode plainScalar(const QString &value)
{
    YamlNode n;
    n.kind = YamlNode::Kind::Scalar;
    n.style = YamlNode::Style::Plain;
    n.value = value.toStdString();
    return n;
}

YamlNode stringScalar(const QString &value)
{
    YamlNode n = plainScalar(value);
    n.style = YamlNode::Style::DoubleQuoted;
    return n;
}

YamlNode mapping()
{
    YamlNode n;
    n.kind = YamlNode::Kind::Mapping;
    n.style = YamlNode::Style::Block;
    return n;
}

YamlNode sequence()
{
    YamlNode n;
    n.kind = YamlNode::Kind::Sequence;
    n.style = YamlNode::Style::Block;
    return n;
}

YamlNode &setEntry(YamlNode &map, const QByteArray &key, YamlNode value)
{
    const int pair = keyIndex(map, key);
    if (pair >= 0) {
        map.children[std::size_t(pair) * 2 + 1] = std::move(value);
        return map.children[std::size_t(pair) * 2 + 1];
    }
    map.children.push_back(stringScalar(QString::fromUtf8(key)));
    map.children.push_back(std::move(value));
    return map.children.back();
}

void appendItem(YamlNode &sequence, YamlNode item)
{
    sequence.children.push_back(std::move(item));
}

YamlNode detach(const YamlNode &node)
{
    YamlNode n;
    n.kind = node.kind;
    n.value = node.value;
    if (node.isScalar())
        n.style = node.isQuoted() || node.style == YamlNode::Style::Literal
                || node.style == YamlNode::Style::Folded
            ? YamlNode::Style::DoubleQuoted
            : YamlNode::Style::Plain;
    else
        n.style = YamlNode::Style::Block;
    for (const YamlNode &c : node.children)
        n.children.push_back(detach(c));
    return n;
}

QByteArray renderBlock(const YamlNode &node, int indent, const Layout &layout)
{
    return withNewlines(renderBlockLf(node, indent, layout), layout);
}

QByteArray renderFlow(const YamlNode &node)
{
    if (node.isMapping()) {
        QByteArray out = "{";
        for (std::size_t i = 0; i + 1 < node.children.size(); i += 2)
            out += (i ? ", " : "") + keyText(QByteArray::fromStdString(node.children[i].value), true) + ": "
                + renderFlow(node.children[i + 1]);
        return out + "}";
    }
    if (node.isSequence()) {
        QByteArray out = "[";
        for (std::size_t i = 0; i < node.children.size(); ++i)
            out += (i ? ", " : "") + renderFlow(node.children[i]);
        return out + "]";
    }
    return scalarText(node, true);
}

} // namespace meshroute::YamlEdit
