#include "setweights.h"

#include "anchorguard.h"
#include "crlines.h"
#include "document.h"
#include "itemweight.h"

namespace meshroute {

SetWeights::SetWeights(Document *document, int fileIndex, int documentIndex, const QByteArray &before,
    const QByteArray &after, int resourceId, RouteKind kind, int routeIndex, const QString &text)
    : ReplaceDocumentText(document, fileIndex, documentIndex, before, after, text)
    , m_resourceId(resourceId)
    , m_kind(kind)
    , m_routeIndex(routeIndex)
{ }

namespace {

// The text changes that give each destination its weight: the weight's value
// replaced, or a `weight:` inserted where the file leaves it out (only when it
// matters: a split, and not 0). Weights marked unedited keep their text.
bool weightChanges(const QByteArray &base, const YamlNode &destinationNodes, const QList<int> &weights,
    const QList<bool> &unedited, const QString &ruleName, QList<TextChange> *changes, QString *error)
{
    for (int i = 0; i < weights.size(); ++i) {
        if (unedited[i])
            continue;
        const bool matters = weights.size() > 1 && weights[i] != 0;
        if (!changeItemWeight(
                base, destinationNodes.children[std::size_t(i)], weights[i], matters, changes)) {
            *error = QStringLiteral("destination %1 of rule %2 is not a mapping").arg(i).arg(ruleName);
            return false;
        }
    }
    return true;
}

} // namespace

std::unique_ptr<SetWeights> SetWeights::create(
    Document *document, int resourceId, int routeIndex, const QList<int> &weights, QString *error)
{
    return create(document, resourceId, RouteKind::Http, routeIndex, weights, error);
}

std::unique_ptr<SetWeights> SetWeights::create(Document *document, int resourceId, RouteKind kind,
    int routeIndex, const QList<int> &weights, QString *error)
{
    const Resource *resource = document->resource(resourceId);
    const VirtualService *vs = resource ? resource->virtualService() : nullptr;
    if (!vs) {
        *error = QStringLiteral("no VirtualService with id %1").arg(resourceId);
        return nullptr;
    }
    const int count = RouteKinds::count(*vs, kind);
    if (routeIndex < 0 || routeIndex >= count) {
        *error = QStringLiteral("%1 has no %2 rule %3 (it has %4)")
                     .arg(resource->displayName(), RouteKinds::label(kind))
                     .arg(routeIndex)
                     .arg(count);
        return nullptr;
    }
    const QString ruleName = RouteKinds::displayName(*vs, kind, routeIndex);
    const auto destinations = RouteKinds::destinations(*vs, kind, routeIndex);
    const qsizetype destinationCount = destinations.size();
    if (weights.size() != destinationCount) {
        *error = QStringLiteral("rule %1 has %2 destinations, got %3 weights")
                     .arg(ruleName)
                     .arg(destinationCount)
                     .arg(weights.size());
        return nullptr;
    }
    // Weights travel as int through the views, but a file may hold any 64-bit value
    // (check reports those past int32). One that comes back as its own narrowed int
    // was not edited: it keeps its text, never rewritten to the wrapped number.
    QList<bool> unedited;
    for (qsizetype i = 0; i < destinationCount; ++i) {
        const Field<qint64> *current = destinations[i].weight;
        unedited.append(current && current->present && qint64(int(current->value)) != current->value
            && int(current->value) == weights[i]);
    }
    for (qsizetype i = 0; i < weights.size(); ++i)
        if (const int w = weights[i]; w < 0 && !unedited[i]) {
            *error = QStringLiteral("weight %1 is negative; weights are 0 or more").arg(w);
            return nullptr;
        }

    YamlNode root;
    QString parseError;
    if (!document->parseDocument(resource->fileIndex, resource->documentIndex, &root, &parseError)) {
        *error = parseError;
        return nullptr;
    }
    YamlPath path = document->resourcePath(*resource);
    path += RouteKinds::rulePath(kind, routeIndex, { QByteArray("route") });
    const YamlNode *destinationNodes = YamlEdit::find(root, path);
    if (!destinationNodes || !destinationNodes->isSequence()
        || int(destinationNodes->children.size()) != weights.size()) {
        *error = QStringLiteral("the destinations of rule %1 are not where the model says; reload the file")
                     .arg(ruleName);
        return nullptr;
    }
    const QByteArray before = document->documentText(resource->fileIndex, resource->documentIndex);
    if (CrLines::mixed(before)) {
        *error = CrLines::mixedRefusal(resource->displayName());
        return nullptr;
    }
    const bool crLines = CrLines::used(before);
    const QByteArray base = CrLines::toLf(before, crLines);
    QList<TextChange> changes;
    if (!weightChanges(base, *destinationNodes, weights, unedited, ruleName, &changes, error))
        return nullptr;
    if (!AnchorGuard::check(root, changes, error))
        return nullptr;
    const QByteArray after = CrLines::toCr(YamlEdit::apply(base, changes), crLines);
    QStringList shares;
    for (qsizetype i = 0; i < weights.size(); ++i)
        shares.append(QString::number(unedited[i] ? destinations[i].weight->value : weights[i]));
    const QString text = QStringLiteral("Set weights of %1 rule %2 to %3")
                             .arg(resource->name(), ruleName, shares.join(QLatin1Char('/')));
    return std::unique_ptr<SetWeights>(new SetWeights(document, resource->fileIndex, resource->documentIndex,
        before, after, resourceId, kind, routeIndex, text));
}

bool SetWeights::mergeWith(const UndoCommand *other)
{
    const auto *o = dynamic_cast<const SetWeights *>(other);
    if (!o || o->m_resourceId != m_resourceId || o->m_kind != m_kind || o->m_routeIndex != m_routeIndex)
        return false;
    takeAfter(*o);
    setText(o->text());
    return true;
}

} // namespace meshroute
