#include "exporter.h"

#include "yamledit.h"
#include "yamlscan.h"
#include "yamlwriter.h"

#include <algorithm>
#include <optional>

namespace meshroute {

namespace {

const char *const metadataNoise[]
    = { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink" };
const char *const lastApplied = "kubectl.kubernetes.io/last-applied-configuration";

int lineStartOf(const QByteArray &text, int offset)
{
    while (offset > 0 && text[offset - 1] != '\n')
        --offset;
    return offset;
}

int nextLineStart(const QByteArray &text, int offset)
{
    while (offset < text.size() && text[offset] != '\n')
        ++offset;
    return offset < text.size() ? offset + 1 : offset;
}

bool onlySpacesBetween(const QByteArray &text, int from, int to)
{
    for (int i = from; i < to; ++i)
        if (text[i] != ' ' && text[i] != '\t')
            return false;
    return true;
}

// The bytes of one `key: value` entry of a block mapping, whole lines where possible.
TextChange removeEntry(const QByteArray &text, const YamlNode &map, std::size_t pair)
{
    const YamlNode &key = map.children[2 * pair];
    const YamlNode &value = map.children[2 * pair + 1];
    const int keyLine = lineStartOf(text, key.start.offset);
    const int from = onlySpacesBetween(text, keyLine, key.start.offset) ? keyLine : key.start.offset;
    int to;
    if (2 * pair + 2 < map.children.size()) {
        const YamlNode &next = map.children[2 * pair + 2];
        const int nextLine = lineStartOf(text, next.start.offset);
        to = (from == keyLine && onlySpacesBetween(text, nextLine, next.start.offset)) ? nextLine
                                                                                       : next.start.offset;
    } else {
        to = nextLineStart(text, std::max(value.endOffset, key.endOffset));
    }
    return TextChange { from, to - from, {} };
}

// Removes the leading "---" line (we write our own separators) and a trailing "..." line.
QByteArray stripMarkers(QByteArray text)
{
    if (text.startsWith("---")) {
        int i = 3;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i >= text.size() || text[i] == '\n' || text[i] == '\r' || text[i] == '#')
            text.remove(0, nextLineStart(text, 0));
        else
            text.remove(0, i);
    }
    while (text.endsWith("\n\n"))
        text.chop(1);
    if (text.endsWith("...\n") && (text.size() == 4 || text[text.size() - 5] == '\n'))
        text.chop(4);
    if (!text.isEmpty() && !text.endsWith('\n'))
        text.append('\n');
    return text;
}

// Removes `indent` leading spaces from every line but the first.
QByteArray dedent(const QByteArray &text, int indent)
{
    if (indent <= 0)
        return text;
    QByteArray out;
    out.reserve(text.size());
    int i = 0;
    bool first = true;
    while (i < text.size()) {
        int end = nextLineStart(text, i);
        int skip = 0;
        if (!first)
            while (skip < indent && i + skip < end && text[i + skip] == ' ')
                ++skip;
        out.append(text.constData() + i + skip, end - i - skip);
        i = end;
        first = false;
    }
    return out;
}

bool isNoiseFree(const YamlNode &object)
{
    return object.style != YamlNode::Style::Flow;
}

// A copy of the tree without the noise, for objects written in flow style (JSON).
YamlNode withoutNoise(const YamlNode &object, const QString &apiVersion)
{
    YamlNode out = object;
    auto dropKey = [](YamlNode &map, std::string_view key) {
        for (std::size_t i = 0; i + 1 < map.children.size(); i += 2)
            if (map.children[i].value == key) {
                map.children.erase(map.children.begin() + long(i), map.children.begin() + long(i) + 2);
                return;
            }
    };
    dropKey(out, "status");
    for (std::size_t i = 0; i + 1 < out.children.size(); i += 2) {
        YamlNode &value = out.children[i + 1];
        if (out.children[i].value == "apiVersion" && !apiVersion.isEmpty()) {
            value.value = apiVersion.toStdString();
            value.style = YamlNode::Style::Plain;
        }
        if (out.children[i].value == "metadata" && value.isMapping()) {
            for (const char *k : metadataNoise)
                dropKey(value, k);
            for (std::size_t j = 0; j + 1 < value.children.size(); j += 2)
                if (value.children[j].value == "annotations") {
                    dropKey(value.children[j + 1], lastApplied);
                    if (value.children[j + 1].children.empty())
                        dropKey(value, "annotations");
                    break;
                }
        }
    }
    return out;
}

// The aliases in a tree, and the anchored nodes, in text order. An alias is a copy of the
// anchored node standing where "*name" is written: its children are not text of this
// document, so neither walk looks inside one.
void collectSharing(
    const YamlNode &node, std::vector<const YamlNode *> &aliases, std::vector<const YamlNode *> &anchors)
{
    if (node.isAlias) {
        aliases.push_back(&node);
        return;
    }
    if (!node.anchor.empty())
        anchors.push_back(&node);
    for (const YamlNode &child : node.children)
        collectSharing(child, aliases, anchors);
}

// The first of `nodes` (in text order) that starts at or after `offset`.
std::vector<const YamlNode *>::const_iterator firstFrom(
    const std::vector<const YamlNode *> &nodes, int offset)
{
    return std::lower_bound(nodes.begin(), nodes.end(), offset,
        [](const YamlNode *node, int at) { return node->start.offset < at; });
}

// The node an alias refers to: the last one anchored under its name before it, as YAML
// resolves aliases. Null when none is.
const YamlNode *anchoredNode(const std::vector<const YamlNode *> &anchors, const YamlNode &alias)
{
    for (auto it = firstFrom(anchors, alias.start.offset); it != anchors.begin();)
        if ((*--it)->anchor == alias.anchor)
            return *it;
    return nullptr;
}

// One YAML document, parsed once for every object exported from it: a `kind: List` holds
// thousands, and reading the whole document again for each item made export quadratic.
struct ExportSource
{
    explicit ExportSource(const QByteArray &documentText)
        : text(documentText)
        , parsed(YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size()))))
    {
        if (parsed.ok)
            collectSharing(parsed.root, aliases, anchors);
    }
    // aliases and anchors point into `parsed`.
    ExportSource(const ExportSource &) = delete;
    ExportSource &operator=(const ExportSource &) = delete;

    const QByteArray text;
    const YamlParseResult parsed;
    std::vector<const YamlNode *> aliases; // in text order, as collectSharing finds them
    std::vector<const YamlNode *> anchors;
};

bool insideAny(const QList<TextChange> &changes, int offset)
{
    for (const TextChange &c : changes)
        if (offset >= c.offset && offset < c.offset + c.length)
            return true;
    return false;
}

// Aliases whose anchor does not reach the output (it lies outside the object, as in a
// `kind: List` whose items share an anchor, or in removed noise) become their value, written
// in flow style where the alias stood, so the exported document parses on its own.
void expandDanglingAliases(
    const ExportSource &source, const YamlNode &object, int from, int to, QList<TextChange> &changes)
{
    const QList<TextChange> planned = changes;
    const auto end = firstFrom(source.aliases, object.endOffset);
    for (auto it = firstFrom(source.aliases, object.start.offset); it != end; ++it) {
        const YamlNode *alias = *it;
        if (insideAny(planned, alias->start.offset))
            continue; // removed or rewritten anyway
        const YamlNode *anchored = anchoredNode(source.anchors, *alias);
        if (anchored && anchored->start.offset >= from && anchored->start.offset < to
            && !insideAny(planned, anchored->start.offset))
            continue;
        changes.append(TextChange {
            alias->start.offset, alias->endOffset - alias->start.offset, YamlWriter::writeFlow(*alias) });
    }
}

bool parses(const QByteArray &text)
{
    return YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size()))).ok;
}

QString targetApiVersion(const Resource &resource, const ExportOptions &options)
{
    if (options.apiVersion.isEmpty())
        return {};
    switch (resource.kind) {
    case ResourceKind::VirtualService:
    case ResourceKind::DestinationRule:
    case ResourceKind::Gateway:
    case ResourceKind::ServiceEntry:
        return QStringLiteral("networking.istio.io/") + options.apiVersion;
    default:
        return {};
    }
}

// The text of one object of `source`, as Exporter::objectText describes it.
QByteArray exportedObject(const ExportSource &source, const Resource &resource, const ExportOptions &options)
{
    const QByteArray &documentText = source.text;
    const YamlParseResult &parsed = source.parsed;
    if (!parsed.ok)
        return {};
    const YamlNode *object = &parsed.root;
    if (resource.listItem >= 0) {
        const YamlNode *items = parsed.root.find("items");
        if (!items || !items->isSequence() || std::size_t(resource.listItem) >= items->children.size())
            return {};
        object = &items->children[std::size_t(resource.listItem)];
    }
    const QString apiVersion = targetApiVersion(resource, options);
    if (!isNoiseFree(*object) || !object->isMapping()) {
        QByteArray text = YamlWriter::write(withoutNoise(*object, apiVersion));
        return text;
    }

    QList<TextChange> changes;
    for (std::size_t i = 0; i < object->pairCount(); ++i) {
        const YamlNode &key = object->children[2 * i];
        const YamlNode &value = object->children[2 * i + 1];
        if (key.value == "status") {
            changes.append(removeEntry(documentText, *object, i));
        } else if (key.value == "apiVersion" && !apiVersion.isEmpty()
            && value.value != apiVersion.toStdString()) {
            changes.append(YamlEdit::setScalar(value, apiVersion));
        } else if (key.value == "metadata" && value.isMapping() && value.style != YamlNode::Style::Flow) {
            for (std::size_t j = 0; j < value.pairCount(); ++j) {
                const std::string &mk = value.children[2 * j].value;
                bool noise = false;
                for (const char *k : metadataNoise)
                    noise = noise || mk == k;
                if (noise) {
                    changes.append(removeEntry(documentText, value, j));
                } else if (mk == "annotations") {
                    const YamlNode &annotations = value.children[2 * j + 1];
                    for (std::size_t a = 0; a < annotations.pairCount(); ++a)
                        if (annotations.children[2 * a].value == lastApplied) {
                            if (annotations.pairCount() == 1)
                                changes.append(removeEntry(documentText, value, j));
                            else if (annotations.style != YamlNode::Style::Flow)
                                changes.append(removeEntry(documentText, annotations, a));
                        }
                }
            }
        }
    }
    const bool listItem = resource.listItem >= 0;
    const int from = listItem ? object->start.offset : 0;
    const int itemLength
        = listItem ? nextLineStart(documentText, object->endOffset) - from : int(documentText.size());
    const qsizetype before = changes.size();
    expandDanglingAliases(source, *object, from, from + itemLength, changes);
    const bool expanded = changes.size() > before;
    QByteArray text;
    if (!listItem) {
        text = stripMarkers(YamlEdit::apply(documentText, changes));
    } else {
        for (TextChange &c : changes) {
            c.offset -= from;
            c.length = std::min(c.length, itemLength - c.offset);
        }
        QByteArray item = YamlEdit::apply(documentText.mid(from, itemLength), changes);
        text = stripMarkers(dedent(item, object->start.column - 1));
    }
    // Text surgery around aliases has more corners than the rest; if it ever leaves text that
    // does not parse, write the expanded tree instead (comments lost, the objects intact).
    if (expanded && !parses(text))
        return YamlWriter::write(withoutNoise(*object, apiVersion));
    return text;
}

} // namespace

QStringList Exporter::noiseFields()
{
    QStringList out { QStringLiteral("status") };
    for (const char *k : metadataNoise)
        out.append(QStringLiteral("metadata.") + QLatin1String(k));
    out.append(QStringLiteral("metadata.annotations.") + QLatin1String(lastApplied));
    return out;
}

QString Exporter::canonicalKind(const QString &kind)
{
    const QString k = kind.toLower();
    if (k == QLatin1String("vs") || k == QLatin1String("virtualservice")
        || k == QLatin1String("virtualservices"))
        return QStringLiteral("VirtualService");
    if (k == QLatin1String("dr") || k == QLatin1String("destinationrule")
        || k == QLatin1String("destinationrules"))
        return QStringLiteral("DestinationRule");
    if (k == QLatin1String("gw") || k == QLatin1String("gateway") || k == QLatin1String("gateways"))
        return QStringLiteral("Gateway");
    if (k == QLatin1String("se") || k == QLatin1String("serviceentry")
        || k == QLatin1String("serviceentries"))
        return QStringLiteral("ServiceEntry");
    if (k == QLatin1String("svc") || k == QLatin1String("service") || k == QLatin1String("services"))
        return QStringLiteral("Service");
    if (k == QLatin1String("deploy") || k == QLatin1String("deployment") || k == QLatin1String("deployments"))
        return QStringLiteral("Deployment");
    // The Gateway API kinds by kubectl's names for them (the CRDs' names.shortNames: gtw, gc,
    // refgrant; the singular and plural of the others). "gtw" is the Gateway API Gateway only:
    // selects() tells it from Istio's "gw".
    static const struct
    {
        const char *names[3];
        const char *kind;
    } gatewayApi[] = { { { "gtw", nullptr, nullptr }, "Gateway" },
        { { "gc", "gatewayclass", "gatewayclasses" }, "GatewayClass" },
        { { "httproute", "httproutes", nullptr }, "HTTPRoute" },
        { { "grpcroute", "grpcroutes", nullptr }, "GRPCRoute" },
        { { "tcproute", "tcproutes", nullptr }, "TCPRoute" },
        { { "tlsroute", "tlsroutes", nullptr }, "TLSRoute" },
        { { "refgrant", "referencegrant", "referencegrants" }, "ReferenceGrant" } };
    for (const auto &entry : gatewayApi)
        for (const char *name : entry.names)
            if (name && k == QLatin1String(name))
                return QLatin1String(entry.kind);
    return kind;
}

bool Exporter::selects(const Resource &resource, const ExportOptions &options)
{
    if (options.kinds.isEmpty())
        return true;
    for (const QString &k : options.kinds) {
        // kubectl's short names tell the two Gateways apart; "gateway" names both, as the kind does.
        if (k.compare(QLatin1String("gw"), Qt::CaseInsensitive) == 0
            && resource.kind != ResourceKind::Gateway)
            continue;
        if (k.compare(QLatin1String("gtw"), Qt::CaseInsensitive) == 0
            && resource.kind != ResourceKind::KubernetesGateway)
            continue;
        if (canonicalKind(k).compare(resource.kindName.value, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray Exporter::objectText(
    const QByteArray &documentText, const Resource &resource, const ExportOptions &options)
{
    const ExportSource source(documentText);
    return exportedObject(source, resource, options);
}

QByteArray Exporter::exportYaml(
    const QList<SourceFile> &files, const Workspace &workspace, const ExportOptions &options, QString *error)
{
    QByteArray out;
    bool first = true;
    std::optional<ExportSource> source; // the document of the previous object, for the items of a List
    const Resource *sourceOf = nullptr;
    for (const Resource &r : workspace.resources) {
        if (!selects(r, options))
            continue;
        const SourceFile &file = files[r.fileIndex];
        if (!sourceOf || sourceOf->fileIndex != r.fileIndex || sourceOf->documentIndex != r.documentIndex) {
            const YamlDocumentSpan &span = file.spans[std::size_t(r.documentIndex)];
            // Without the byte order mark of a file's first document: in the middle of the
            // stream, after a "---", it would be text of its own.
            const int mark = span.offset == 0 ? YamlScan::byteOrderMarkLength(
                                 std::string_view(file.text.constData(), std::size_t(file.text.size())))
                                              : 0;
            source.emplace(file.text.mid(span.offset + mark, span.length - mark));
            sourceOf = &r;
        }
        const QByteArray text = exportedObject(*source, r, options);
        if (text.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1: %2 could not be written").arg(file.path, r.displayName());
            continue;
        }
        if (!first)
            out += "---\n";
        out += text;
        first = false;
    }
    return out;
}

} // namespace meshroute
