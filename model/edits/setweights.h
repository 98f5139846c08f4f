#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"

#include <QList>
#include <memory>

namespace meshroute {

// Sets the weights of the destinations of one rule of a VirtualService
// (spec.http|tls|tcp[routeIndex].route[*].weight). Only the weight values' bytes
// change; a missing weight is added under its destination. Consecutive
// SetWeights on the same rule merge, so a slider drag is one undo step.
class SetWeights : public ReplaceDocumentText
{
public:
    // Returns nullptr and an error when the resource, the rule or the weights do not fit.
    static std::unique_ptr<SetWeights> create(Document *document, int resourceId, int routeIndex,
                                              const QList<int> &weights, QString *error);
    // The same for a rule of any kind.
    static std::unique_ptr<SetWeights> create(Document *document, int resourceId, RouteKind kind,
        int routeIndex, const QList<int> &weights, QString *error);

    int id() const override { return int(CommandId::SetWeights); }
    bool mergeWith(const UndoCommand *other) override;

    int resourceId() const { return m_resourceId; }
    int routeIndex() const { return m_routeIndex; }
    RouteKind routeKind() const { return m_kind; }

private:
    SetWeights(Document *document, int fileIndex, int documentIndex, const QByteArray &before,
        const QByteArray &after, int resourceId, RouteKind kind, int routeIndex, const QString &text);

    int m_resourceId;
    RouteKind m_kind;
    int m_routeIndex;
};

} // namespace meshroute
