#pragma once

#include "yamlnode.h"

#include <QHash>
#include <QList>
#include <QString>

namespace meshroute {

struct Resource;
struct Subset;

// Gateway API has no subsets: as Istio's traffic-shifting guide does, each
// version gets its own Service. A DestinationRule subset S of Service svc
// becomes Service `svc-S` in svc's namespace, selecting svc's pods that carry
// S's labels, on svc's ports. Each pair is planned once, however often routed to.
class SubsetServicePlanner
{
public:
    // The name of the Service that stands for `subset` of `service`.
    QString serviceFor(const Resource &service, const Subset &subset);
    // The Services planned so far, in the order first asked for.
    const QList<YamlNode> &services() const { return m_services; }
    // "svc-S.ns.svc.cluster.local" -> {"svc.ns.svc.cluster.local", "S"}: how
    // the proof maps a converted destination back to the original one.
    const QHash<QString, QPair<QString, QString>> &origins() const { return m_origins; }

    // `svc-S` made a valid Service name (DNS-1035 label: lower case, '-', at most 63).
    static QString serviceName(const QString &service, const QString &subset);

private:
    QHash<QString, QPair<QString, QString>> m_origins;
    QList<YamlNode> m_services;
};

} // namespace meshroute
