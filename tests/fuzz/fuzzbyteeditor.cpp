// Fuzz entry for the byte editor: the structural edits of YamlEdit applied
// through the Document's undo stack, as every edit command does.
//
// Input: YAML text, optionally followed by a line "#edits" and the bytes that
// choose the edits; without that line the text's own bytes choose them, so a
// plain YAML file is a seed. Each edit picks a document, walks to a node and
// applies one operation with a value from a fixed list or from the input.
#include "fuzztargets.h"

#include "crlines.h"
#include "document.h"
#include "loader.h"
#include "replacedocumenttext.h"
#include "undostack.h"
#include "yamledit.h"
#include "yamlparser.h"

#include <QStringList>
#include <optional>

namespace meshroute::fuzz {

namespace {

// The edit choices, consumed a byte at a time; zeros once they run out.
class Choices
{
public:
    explicit Choices(const QByteArray &bytes)
        : m_bytes(bytes)
    { }
    bool atEnd() const { return m_pos >= m_bytes.size(); }
    int next() { return atEnd() ? 0 : quint8(m_bytes[m_pos++]); }
    // 0 .. n-1 (n > 0)
    int pick(int n) { return n <= 1 ? 0 : next() % n; }
    QByteArray take(int n)
    {
        const QByteArray out = m_bytes.mid(m_pos, n);
        m_pos += out.size();
        return out;
    }

private:
    QByteArray m_bytes;
    qsizetype m_pos = 0;
};

YamlNode valueFor(Choices &c)
{
    using namespace YamlEdit;
    switch (c.pick(8)) {
    case 0:
        return plainScalar(QStringLiteral("v2"));
    case 1:
        return plainScalar(QStringLiteral("80"));
    case 2: {
        static const char *const tricky[]
            = { "", "a: b", "#x", "- x", "'q'", "\"", "yes", "1.0", "two\nlines", " lead", "trail ", "~",
                  "null", "{a}", "[b]", "*ref", "&anc", "!tag", "%", "@", "`", "a\tb", "\\", "---", "..." };
        return stringScalar(QString::fromUtf8(tricky[c.pick(int(std::size(tricky)))]));
    }
    case 3:
        return stringScalar(QString::fromUtf8(c.take(1 + c.pick(6))));
    case 4: {
        YamlNode m = mapping();
        setEntry(m, "host", plainScalar(QStringLiteral("reviews")));
        setEntry(m, "weight", plainScalar(QStringLiteral("50")));
        return m;
    }
    case 5: {
        YamlNode s = sequence();
        appendItem(s, plainScalar(QStringLiteral("a")));
        YamlNode m = mapping();
        setEntry(m, "k", stringScalar(QStringLiteral("v: w")));
        appendItem(s, std::move(m));
        return s;
    }
    case 6:
        return mapping();
    default:
        return sequence();
    }
}

// The same data, whatever the positions and styles.
// `tags`: whether an explicit tag counts too, for edits that move text that has them.
bool sameTree(const YamlNode &a, const YamlNode &b, bool tags = false)
{
    if (a.kind != b.kind || a.value != b.value || a.children.size() != b.children.size()
        || (tags && a.tag != b.tag))
        return false;
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (!sameTree(a.children[i], b.children[i], tags))
            return false;
    return true;
}

// Walks from the root to a node the choices pick, recording the path. Only
// steps that YamlEdit::find takes back to the same node (string keys, the
// first of duplicate keys) are taken.
const YamlNode *walk(const YamlNode &root, Choices &c, YamlPath *path)
{
    const YamlNode *node = &root;
    while (!node->children.empty() && c.pick(4) != 0) {
        if (node->isSequence()) {
            const int i = c.pick(int(node->children.size()));
            path->append(i);
            node = &node->children[std::size_t(i)];
            continue;
        }
        const int pair = c.pick(int(node->pairCount()));
        const YamlNode &key = node->children[std::size_t(pair) * 2];
        const YamlNode &value = node->children[std::size_t(pair) * 2 + 1];
        if (!key.isScalar() || node->find(key.value) != &value)
            break;
        path->append(QByteArray::fromStdString(key.value));
        node = &value;
    }
    return node;
}

QString describe(const char *op, const YamlPath &path)
{
    QStringList steps;
    for (const YamlPathStep &s : path)
        steps << (std::holds_alternative<int>(s) ? QStringLiteral("[%1]").arg(std::get<int>(s))
                                                 : QString::fromUtf8(std::get<QByteArray>(s)));
    return QStringLiteral("%1 at /%2").arg(QLatin1String(op), steps.join(QLatin1Char('/')));
}

// The document's whole tree as an edit says it must be: `root` with `value` at `path`, where a key
// that was missing is added last to its mapping. Empty when the path does not lead there.
std::optional<YamlNode> wholeTreeWith(const YamlNode &root, const YamlPath &path, const YamlNode &value)
{
    YamlNode whole = root;
    YamlNode *node = &whole;
    for (qsizetype i = 0; i < path.size(); ++i) {
        auto *next = const_cast<YamlNode *>(YamlEdit::find(*node, { path[i] }));
        if (!next) {
            if (i + 1 != path.size() || !node->isMapping() || !std::holds_alternative<QByteArray>(path[i]))
                return std::nullopt;
            node->children.push_back(YamlEdit::plainScalar(QString::fromUtf8(std::get<QByteArray>(path[i]))));
            node->children.push_back(value);
            return whole;
        }
        node = next;
    }
    *node = value;
    return whole;
}

} // namespace

QString byteEditor(const QByteArray &input)
{
    static const QByteArray marker = "\n#edits\n";
    const qsizetype split = input.indexOf(marker);
    const QByteArray yaml = split < 0 ? input : input.left(split + 1);
    Choices choices(split < 0 ? input : input.mid(split + marker.size()));

    LoadOptions options;
    options.threads = 1;
    options.limits.maxAliasNodes = 20000;
    Document document;
    document.setLoadResult(Loader::loadText(yaml, QStringLiteral("fuzz.yaml"), options));
    if (document.files().size() != 1)
        return QStringLiteral("the input did not load as one file");
    const QByteArray original = document.fileText(0);
    if (original != yaml)
        return QStringLiteral("loading changed the file's bytes");

    for (int step = 0; step < 6 && !choices.atEnd(); ++step) {
        const int documentIndex = choices.pick(int(document.files()[0].spans.size()));
        const QByteArray text = document.documentText(0, documentIndex);
        YamlNode root;
        if (!document.parseDocument(0, documentIndex, &root))
            continue; // edits start from a document that parses, as ResourceEdit::begin insists
        if (CrLines::mixed(text))
            continue; // nor one that mixes lone CRs with LF, which ResourceEdit::begin refuses
        // Lines that end in a lone CR are edited as LF lines of the same length, as ResourceEdit does.
        const bool crLines = CrLines::used(text);
        const QByteArray base = CrLines::toLf(text, crLines);
        const YamlEdit::Layout layout = YamlEdit::detectLayout(base, root);
        YamlPath path;
        const YamlNode *node = walk(root, choices, &path);
        const int items = node->isSequence() ? int(node->children.size()) : 0;
        TextChange change;
        QString error;
        bool ok = false;
        const char *op = "";
        // What the edited document must hold at `path` afterwards, when the edit says.
        std::optional<YamlNode> expected;
        bool withTags = false;
        switch (choices.pick(8)) {
        case 0:
            op = "setScalar";
            if (node->isScalar() || (node->isNull() && !path.isEmpty())) {
                const YamlNode value = valueFor(choices);
                if (value.isScalar() && node->isScalar()) {
                    // Where the scalar stands is the caller's to say, as ResourceEdit::setString does.
                    const YamlNode *parent
                        = path.isEmpty() ? nullptr : YamlEdit::find(root, path.mid(0, path.size() - 1));
                    const bool inFlow = parent && parent->style == YamlNode::Style::Flow;
                    change = YamlEdit::setScalar(*node, QString::fromStdString(value.value), true, inFlow);
                    ok = true;
                } else if (value.isScalar()) {
                    // A null value is set through setPath, which sees how its key was written
                    // (`key:` or an explicit `? key` without a value).
                    ok = YamlEdit::setPath(base, root, path, value, layout, &change, &error);
                }
                expected = value;
            }
            break;
        case 1: {
            op = "setPath";
            if (choices.pick(2) && node->isMapping())
                path.append(QByteArray("added"));
            const YamlNode value = valueFor(choices);
            ok = YamlEdit::setPath(base, root, path, value, layout, &change, &error);
            expected = value;
            break;
        }
        case 2:
            op = "removePath";
            ok = YamlEdit::removePath(base, root, path, layout, &change, &error);
            break;
        case 3:
            op = "insertSequenceItem";
            if (node->isSequence()) {
                const int index = choices.pick(items + 1);
                const YamlNode item = valueFor(choices);
                ok = YamlEdit::insertSequenceItem(base, *node, index, item, layout, &change, &error);
                expected = *node;
                expected->children.insert(expected->children.begin() + index, item);
            }
            break;
        case 4:
            op = "removeSequenceItem";
            if (items > 0) {
                const int index = choices.pick(items);
                ok = YamlEdit::removeSequenceItem(base, *node, index, &change, &error);
                expected = *node;
                expected->children.erase(expected->children.begin() + index);
            }
            break;
        case 5: {
            op = "moveSequenceItem";
            const int from = choices.pick(items);
            const int to = choices.pick(items);
            ok = items > 0 && YamlEdit::moveSequenceItem(base, root, *node, from, to, &change, &error);
            if (ok) {
                // The same items, tags and what each alias stands for, in the new order.
                expected = *node;
                YamlNode moving = expected->children[std::size_t(from)];
                expected->children.erase(expected->children.begin() + from);
                expected->children.insert(expected->children.begin() + to, std::move(moving));
                withTags = true;
            }
            break;
        }
        case 6: {
            op = "duplicateSequenceItem";
            const int index = choices.pick(items);
            ok = items > 0 && YamlEdit::duplicateSequenceItem(base, *node, index, &change, &error);
            if (ok) {
                expected = *node;
                YamlNode copy = expected->children[std::size_t(index)];
                expected->children.insert(expected->children.begin() + index + 1, std::move(copy));
                withTags = true;
            }
            break;
        }
        default:
            op = "removeMapEntry";
            if (node->isMapping() && !node->children.empty()) {
                const std::size_t pair = std::size_t(choices.pick(int(node->pairCount())));
                const YamlNode &key = node->children[pair * 2];
                if (key.isScalar())
                    ok = YamlEdit::removeMapEntry(
                        base, *node, QByteArray::fromStdString(key.value), &change, &error);
                // The entry the key finds first goes, the one picked when it is that one. A block
                // mapping left without entries is no mapping but an empty value: not checked.
                if (ok && node->find(key.value) == &node->children[pair * 2 + 1] && node->pairCount() > 1) {
                    expected = *node;
                    expected->children.erase(expected->children.begin() + qsizetype(pair * 2),
                        expected->children.begin() + qsizetype(pair * 2 + 2));
                }
            }
            break;
        }
        if (!ok)
            continue; // a refusal with a message is a fine answer
        if (change.offset < 0 || change.length < 0 || change.offset + change.length > text.size())
            return describe(op, path) + QStringLiteral(": a change outside the document");

        const QByteArray after = CrLines::toCr(YamlEdit::apply(base, { change }), crLines);
        const YamlParseResult reparsed
            = YamlParser::parseDocument(std::string_view(after.constData(), std::size_t(after.size())));
        if (!reparsed.ok)
            return describe(op, path)
                + QStringLiteral(" left a document that does not parse (%1):\n%2\n--- from:\n%3")
                      .arg(QString::fromStdString(reparsed.error.message), QString::fromUtf8(after),
                          QString::fromUtf8(text));
        if (expected) {
            const YamlNode *now = YamlEdit::find(reparsed.root, path);
            if (!now || !sameTree(*now, *expected, withTags))
                return describe(op, path)
                    + QStringLiteral(" did not put the value there:\n%1\n--- from:\n%2")
                          .arg(QString::fromUtf8(after), QString::fromUtf8(text));
            // Nor may it change anything else: the text around an edit can read differently once
            // the edit is there (a block scalar's last line break). An alias shares its anchor's
            // value, which an edit there changes in both places, so documents with one are left out.
            const std::optional<YamlNode> whole = wholeTreeWith(root, path, *expected);
            if (whole && !text.contains('*') && !sameTree(reparsed.root, *whole))
                return describe(op, path)
                    + QStringLiteral(" changed the document elsewhere:\n%1\n--- from:\n%2")
                          .arg(QString::fromUtf8(after), QString::fromUtf8(text));
        }
        document.undoStack()->push(
            new ReplaceDocumentText(&document, 0, documentIndex, text, after, QStringLiteral("fuzz edit")));
        if (document.documentText(0, documentIndex) != after)
            return describe(op, path) + QStringLiteral(": the document does not hold the edited text");
    }

    const QByteArray edited = document.fileText(0);
    UndoStack *stack = document.undoStack();
    while (stack->canUndo())
        stack->undo();
    if (document.fileText(0) != original)
        return QStringLiteral("undo of %1 edits did not give the original bytes").arg(stack->count());
    while (stack->canRedo())
        stack->redo();
    if (document.fileText(0) != edited)
        return QStringLiteral("redo of %1 edits did not give the edited bytes").arg(stack->count());
    return {};
}

} // namespace meshroute::fuzz
