#pragma once

#include "router.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

class Request;

// What N requests would do: counts per cluster drawn as Envoy's weighted
// clusters draw them, next to what plain Kubernetes Service load balancing
// over ready pods would give.
struct SimulationResult
{
    struct ClusterCount
    {
        QString cluster;
        QString host;
        QString subset;
        int port = 0;
        double expectedShare = 0; // percent, from the weights
        quint64 count = 0;
        double share = 0; // percent of all requests
    };
    struct BaselineRow
    {
        QString workload; // "ns/name" of the Deployment (or Pod, ...)
        QString host; // the Service FQDN
        QStringList subsets; // DestinationRule subsets whose labels the pods carry
        int pods = 0;
        double share = 0; // percent of the Service's ready pods
    };

    RouteResult route; // the routing decision every draw shares
    quint64 requests = 0;
    quint64 seed = 0;
    QList<ClusterCount> clusters; // in the route's destination order
    quint64 delayed = 0; // fault delay drawn
    quint64 aborted = 0; // fault abort drawn: never reach a cluster
    QList<ClusterCount> mirrors; // copies sent to mirror clusters
    quint64 notForwarded = 0; // redirects, direct responses, 404s
    QList<BaselineRow> baseline;
    QString baselineNote; // why there is no baseline, when there is none
};

// Seeded, deterministic draws: the same seed gives the same counts on every
// platform (std::mt19937_64 is fully specified).
class Simulator
{
public:
    static SimulationResult simulate(
        const Router &router, const Request &request, quint64 requests, quint64 seed = 1);
    // Envoy's pick among weighted clusters: random % total, first cumulative weight above it.
    static int pickWeighted(const quint64 *weights, int count, quint64 total, quint64 random);
    // Round-robin over the ready pods of a Service, per workload.
    static QList<SimulationResult::BaselineRow> kubernetesBaseline(
        const RouteTable &table, const QString &fqdn, QString *note = nullptr);
};

} // namespace meshroute
