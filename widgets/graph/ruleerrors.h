#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

struct Resource;
struct Workspace;

// What the API server would reject in each rule of a VirtualService: the
// errors of the checker's own validation of the resource (Checker::checkResource:
// the webhook's rules, no cross-resource analysis, so a graph drawn around one
// resource marks what the whole graph does), by rule. Kept per resource until
// it changes: a weight drag re-checks the one VirtualService it edits, not
// every one drawn.
class RuleErrors
{
public:
    // "[MR1011] regex ... is invalid: ..." for each error about spec.http[index]
    // (list "http"), spec.tls[index] or spec.tcp[index] of `resource`.
    QStringList of(const Workspace &workspace, const Resource &resource, const QString &list, int index);

    // The resources changed: check them again when next asked.
    void forget(const QList<int> &resourceIds);
    void clear() { m_byResource.clear(); }

private:
    // By "spec.http[0]", "spec.tcp[1]"...
    using ByRule = QHash<QString, QStringList>;
    static ByRule check(const Workspace &workspace, const Resource &resource);

    QHash<int, ByRule> m_byResource;
};

} // namespace meshroute
