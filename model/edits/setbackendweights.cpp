#include "setbackendweights.h"

#include "anchorguard.h"
#include "crlines.h"
#include "document.h"
#include "itemweight.h"

namespace meshroute {

SetBackendWeights::SetBackendWeights(Document *document, int fileIndex, int documentIndex,
    const QByteArray &before, const QByteArray &after, int resourceId, int ruleIndex, const QString &text)
    : ReplaceDocumentText(document, fileIndex, documentIndex, before, after, text)
    , m_resourceId(resourceId)
    , m_ruleIndex(ruleIndex)
{ }

namespace {

// The rule's name for messages: its `name`, else its index.
QString ruleName(const RouteRule &rule, int index)
{
    return rule.name.present ? QStringLiteral("\"%1\"").arg(rule.name.value) : QString::number(index);
}

// What the command may change: the route, its rule, and weights in the CRD's range.
const RouteRule *checkedRule(
    const Resource *resource, int resourceId, int ruleIndex, const QList<int> &weights, QString *error)
{
    const GatewayApiRoute *route = resource ? resource->gatewayApiRoute() : nullptr;
    if (!route || (resource->kind != ResourceKind::HTTPRoute && resource->kind != ResourceKind::GRPCRoute)) {
        *error = QStringLiteral("no HTTPRoute or GRPCRoute with id %1").arg(resourceId);
        return nullptr;
    }
    if (ruleIndex < 0 || ruleIndex >= route->rules.size()) {
        *error = QStringLiteral("%1 has no rule %2 (it has %3)")
                     .arg(resource->displayName())
                     .arg(ruleIndex)
                     .arg(route->rules.size());
        return nullptr;
    }
    const RouteRule &rule = route->rules[ruleIndex];
    if (weights.size() != rule.backendRefs.size()) {
        *error = QStringLiteral("rule %1 has %2 backendRefs, got %3 weights")
                     .arg(ruleName(rule, ruleIndex))
                     .arg(rule.backendRefs.size())
                     .arg(weights.size());
        return nullptr;
    }
    for (const int w : weights)
        if (w < 0 || w > SetBackendWeights::MaxWeight) {
            *error = QStringLiteral("weight %1 is out of range: the API server takes 0 to %2")
                         .arg(w)
                         .arg(SetBackendWeights::MaxWeight);
            return nullptr;
        }
    return &rule;
}

// The text changes that give each backendRef its weight: the value replaced, or `weight:`
// inserted where the file leaves it out and the new weight is not the default 1.
bool weightChanges(const QByteArray &base, const YamlNode &refNodes, const QList<int> &weights,
    QList<TextChange> *changes, QString *error)
{
    for (int i = 0; i < weights.size(); ++i) {
        // A backendRef without weight has the CRD's default, 1.
        if (!changeItemWeight(
                base, refNodes.children[std::size_t(i)], weights[i], weights[i] != 1, changes)) {
            *error = QStringLiteral("backendRef %1 is not a mapping").arg(i);
            return false;
        }
    }
    return true;
}

} // namespace

std::unique_ptr<SetBackendWeights> SetBackendWeights::create(
    Document *document, int resourceId, int ruleIndex, const QList<int> &weights, QString *error)
{
    const Resource *resource = document->resource(resourceId);
    const RouteRule *rule = checkedRule(resource, resourceId, ruleIndex, weights, error);
    if (!rule)
        return nullptr;
    YamlNode root;
    QString parseError;
    if (!document->parseDocument(resource->fileIndex, resource->documentIndex, &root, &parseError)) {
        *error = parseError;
        return nullptr;
    }
    YamlPath path = document->resourcePath(*resource);
    path += YamlPath { QByteArray("spec"), QByteArray("rules"), ruleIndex, QByteArray("backendRefs") };
    const YamlNode *refNodes = YamlEdit::find(root, path);
    if (!refNodes || !refNodes->isSequence() || int(refNodes->children.size()) != weights.size()) {
        *error = QStringLiteral("the backendRefs of rule %1 are not where the model says; reload the file")
                     .arg(ruleName(*rule, ruleIndex));
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
    if (!weightChanges(base, *refNodes, weights, &changes, error)
        || !AnchorGuard::check(root, changes, error))
        return nullptr;
    const QByteArray after = CrLines::toCr(YamlEdit::apply(base, changes), crLines);
    QStringList shares;
    for (const int w : weights)
        shares.append(QString::number(w));
    const QString text
        = QStringLiteral("Set weights of %1 rule %2 to %3")
              .arg(resource->name(), ruleName(*rule, ruleIndex), shares.join(QLatin1Char('/')));
    return std::unique_ptr<SetBackendWeights>(new SetBackendWeights(
        document, resource->fileIndex, resource->documentIndex, before, after, resourceId, ruleIndex, text));
}

bool SetBackendWeights::mergeWith(const UndoCommand *other)
{
    const auto *o = dynamic_cast<const SetBackendWeights *>(other);
    if (!o || o->m_resourceId != m_resourceId || o->m_ruleIndex != m_ruleIndex)
        return false;
    takeAfter(*o);
    setText(o->text());
    return true;
}

} // namespace meshroute
