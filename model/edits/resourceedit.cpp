#include "resourceedit.h"

#include "anchorguard.h"
#include "crlines.h"
#include "document.h"
#include "resource.h"
#include "yamlparser.h"

namespace meshroute {

bool ResourceEdit::begin(Document *document, int resourceId, QString *error)
{
    m_document = document;
    m_resourceId = resourceId;
    m_resource = document->resource(resourceId);
    if (!m_resource) {
        *error = QStringLiteral("no resource with id %1").arg(resourceId);
        return false;
    }
    m_fileIndex = m_resource->fileIndex;
    m_documentIndex = m_resource->documentIndex;
    m_base = document->resourcePath(*m_resource);
    m_before = document->documentText(m_fileIndex, m_documentIndex);
    if (CrLines::mixed(m_before)) {
        *error = CrLines::mixedRefusal(m_resource->displayName());
        return false;
    }
    m_crLines = CrLines::used(m_before);
    m_text = CrLines::toLf(m_before, m_crLines);
    QString parseError;
    if (!document->parseDocument(m_fileIndex, m_documentIndex, &m_root, &parseError)) {
        *error = QStringLiteral("%1 does not parse: %2").arg(m_resource->displayName(), parseError);
        return false;
    }
    m_layout = YamlEdit::detectLayout(m_text, m_root);
    return true;
}

const HttpRoute *ResourceEdit::rule(int routeIndex, QString *error) const
{
    const VirtualService *vs = m_resource->virtualService();
    if (!vs) {
        *error = QStringLiteral("%1 is not a VirtualService").arg(m_resource->displayName());
        return nullptr;
    }
    if (routeIndex < 0 || routeIndex >= vs->http.size()) {
        *error = QStringLiteral("%1 has no HTTP rule %2").arg(m_resource->displayName()).arg(routeIndex);
        return nullptr;
    }
    if (!find(rulePath(routeIndex))) {
        *error = QStringLiteral("rule %1 is not where the model says; reload the file").arg(routeIndex);
        return nullptr;
    }
    return &vs->http[routeIndex];
}

YamlPath ResourceEdit::rulePath(int routeIndex, const YamlPath &rest)
{
    YamlPath p { QByteArray("spec"), QByteArray("http"), routeIndex };
    return p + rest;
}

YamlPath ResourceEdit::absolute(const YamlPath &relative) const
{
    return m_base + relative;
}

const YamlNode *ResourceEdit::find(const YamlPath &relative) const
{
    return YamlEdit::find(m_root, absolute(relative));
}

QByteArray ResourceEdit::finalText() const
{
    return CrLines::toCr(m_text, m_crLines);
}

bool ResourceEdit::apply(const TextChange &change, QString *error)
{
    return AnchorGuard::check(m_root, { change }, error) && write(change, error);
}

bool ResourceEdit::write(const TextChange &change, QString *error)
{
    const QByteArray text = YamlEdit::apply(m_text, { change });
    YamlParseResult parsed
        = YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size())));
    if (!parsed.ok) {
        // A bug in an edit, never the user's input: refuse rather than write broken YAML.
        *error = QStringLiteral("the edit would not parse (%1); nothing changed")
                     .arg(QString::fromStdString(parsed.error.message));
        return false;
    }
    m_text = text;
    m_root = std::move(parsed.root);
    return true;
}

bool ResourceEdit::set(const YamlPath &path, const YamlNode &value, QString *error)
{
    TextChange change;
    return YamlEdit::setPath(m_text, m_root, absolute(path), value, m_layout, &change, error)
        && apply(change, error);
}

bool ResourceEdit::setString(const YamlPath &path, const QString &value, QString *error)
{
    const YamlNode *old = find(path);
    if (old && old->isScalar()) {
        if (old->value == value.toStdString())
            return true;
        const YamlNode *parent = path.isEmpty() ? nullptr : find(path.mid(0, path.size() - 1));
        const bool inFlow = parent && parent->style == YamlNode::Style::Flow;
        return apply(YamlEdit::setScalar(*old, value, true, inFlow), error);
    }
    return set(path, YamlEdit::stringScalar(value), error);
}

bool ResourceEdit::remove(const YamlPath &path, QString *error)
{
    TextChange change;
    return YamlEdit::removePath(m_text, m_root, absolute(path), m_layout, &change, error)
        && apply(change, error);
}

bool ResourceEdit::removeIfPresent(const YamlPath &path, QString *error)
{
    return !find(path) || remove(path, error);
}

bool ResourceEdit::insertItem(const YamlPath &sequencePath, int index, const YamlNode &item, QString *error)
{
    const YamlNode *seq = find(sequencePath);
    if (!seq || !seq->isSequence()) {
        *error = QStringLiteral("not a list");
        return false;
    }
    TextChange change;
    return YamlEdit::insertSequenceItem(m_text, *seq, index, item, m_layout, &change, error)
        && apply(change, error);
}

bool ResourceEdit::appendItem(const YamlPath &sequencePath, const YamlNode &item, QString *error)
{
    const YamlNode *seq = find(sequencePath);
    if (!seq || seq->isNull()) {
        YamlNode list = YamlEdit::sequence();
        YamlEdit::appendItem(list, item);
        return set(sequencePath, list, error);
    }
    return insertItem(sequencePath, int(seq->children.size()), item, error);
}

bool ResourceEdit::removeItem(const YamlPath &sequencePath, int index, QString *error)
{
    return remove(YamlPath(sequencePath) << index, error);
}

bool ResourceEdit::moveItem(const YamlPath &sequencePath, int from, int to, QString *error)
{
    const YamlNode *seq = find(sequencePath);
    if (!seq) {
        *error = QStringLiteral("not a list");
        return false;
    }
    // A move carries anchored and aliased items whole; moveSequenceItem itself refuses what would
    // change for an alias (a shared list reordered, an alias bound to another anchor), so moving
    // rules that share a route through an anchor goes through, where the guard saw text touched.
    TextChange change;
    return YamlEdit::moveSequenceItem(m_text, m_root, *seq, from, to, &change, error) && write(change, error);
}

bool ResourceEdit::duplicateItem(const YamlPath &sequencePath, int index, QString *error)
{
    const YamlNode *seq = find(sequencePath);
    if (!seq) {
        *error = QStringLiteral("not a list");
        return false;
    }
    TextChange change;
    return YamlEdit::duplicateSequenceItem(m_text, *seq, index, &change, error) && apply(change, error);
}

} // namespace meshroute

namespace meshroute {

bool ResourceEdit::removeResource(QString *error)
{
    if (m_base.isEmpty()) {
        replaceAll({});
        return true;
    }
    TextChange change;
    return YamlEdit::removePath(m_text, m_root, m_base, m_layout, &change, error) && apply(change, error);
}

} // namespace meshroute
