#pragma once

#include "workspace.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace meshroute {

class Document;

// A progressive rollout of one HTTP rule to one of its destinations, step by
// step (1, 5, 25, 50, 100 %), as Argo Rollouts or Flagger would carry it out,
// but previewed and exported before anything runs. The rule is a VirtualService's
// http[] rule, or an HTTPRoute's or GRPCRoute's rules[] entry (its backendRefs).
//
// Each step is computed by the real edit: SetWeights (SetBackendWeights for a
// Gateway API route) pushed on a scratch
// Document loaded from the current text, the text taken, then undone. So a
// step's YAML keeps comments and formatting exactly as the weight slider
// would, and nothing touches the user's document or its undo history.
class CanaryPlan
{
public:
    struct Step
    {
        int percent = 0; // to the new destination
        QList<int> weights; // of every destination of the rule, in order
        QByteArray fileText; // the whole file with the step applied
        QByteArray documentText; // the VirtualService's YAML document with the step applied
        Workspace workspace; // every file, with the step applied: for previewing routes
        QString label; // "step 2 of 5: 5% to reviews v2"
    };

    CanaryPlan() = default;
    CanaryPlan(int resourceId, int routeIndex, int newDestination, const QList<int> &percents)
        : m_resourceId(resourceId)
        , m_routeIndex(routeIndex)
        , m_newDestination(newDestination)
        , m_percents(percents)
    { }

    int resourceId() const { return m_resourceId; }
    int routeIndex() const { return m_routeIndex; }
    int newDestination() const { return m_newDestination; }
    const QList<int> &percents() const { return m_percents; }
    void setPercents(const QList<int> &percents) { m_percents = percents; }
    void setNewDestination(int index) { m_newDestination = index; }

    // "1, 5, 25, 50, 100" -> steps; false for a value outside 0..100 or not increasing.
    static bool parsePercents(const QString &text, QList<int> *out, QString *error);
    static QList<int> defaultPercents() { return { 1, 5, 25, 50, 100 }; }

    // Weights for one step: the new destination gets `percent`, the others
    // share the rest in proportion to their current weights (evenly when those
    // are all 0); largest remainders round, so the weights sum to 100.
    static QList<int> weightsFor(const QList<int> &current, int newDestination, int percent);

    QList<Step> compute(const Document &document, QString *error) const;

    // The destinations of a rule ("reviews v2" for a VirtualService's, "reviews-v3" for a
    // backendRef) and their weights now (a backendRef without weight: carries the CRD's 1);
    // false when `resource` has no HTTP rule `routeIndex`.
    struct Split
    {
        QString rule; // "default/reviews rule \"canary\""
        QStringList destinations;
        QList<int> weights;
    };
    static bool splitOf(const Resource &resource, int routeIndex, Split *out);

    // One file per step: "<base>.step-<n>-<percent>pct.yaml" in `directory`, the whole file each.
    static bool exportFiles(const QList<Step> &steps, const QString &directory, const QString &baseName,
        QStringList *written, QString *error);
    // One multi-document file: the VirtualService once per step, a comment before each.
    static QByteArray multiDocument(const QList<Step> &steps);

private:
    int m_resourceId = -1;
    int m_routeIndex = -1;
    int m_newDestination = -1;
    QList<int> m_percents = defaultPercents();
};

} // namespace meshroute
