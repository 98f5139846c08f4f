#pragma once

#include "replacedocumenttext.h"

#include <QList>
#include <memory>

namespace meshroute {

// Sets the weights of the backendRefs of one rule of an HTTPRoute or GRPCRoute
// (spec.rules[ruleIndex].backendRefs[*].weight). Only the weight values' bytes
// change; a backendRef without `weight:` (the CRD default, 1) gets one inserted
// in the file's style, only when its weight changes. Consecutive edits of the
// same rule merge, so a slider drag is one undo step.
class SetBackendWeights : public ReplaceDocumentText
{
public:
    // The range the CRD allows (gateway.networking.k8s.io_httproutes.yaml: backendRefs[].weight
    // minimum 0, maximum 1000000).
    static constexpr int MaxWeight = 1000000;

    // Returns nullptr and an error when the resource, the rule or the weights do not fit.
    static std::unique_ptr<SetBackendWeights> create(
        Document *document, int resourceId, int ruleIndex, const QList<int> &weights, QString *error);

    // A weights edit like SetWeights: the same id, so the undo stack offers the pair to mergeWith.
    int id() const override { return int(CommandId::SetWeights); }
    bool mergeWith(const UndoCommand *other) override;

    int resourceId() const { return m_resourceId; }
    int ruleIndex() const { return m_ruleIndex; }

private:
    SetBackendWeights(Document *document, int fileIndex, int documentIndex, const QByteArray &before,
        const QByteArray &after, int resourceId, int ruleIndex, const QString &text);

    int m_resourceId;
    int m_ruleIndex;
};

} // namespace meshroute
