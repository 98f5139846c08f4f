#pragma once

#include "samplerequest.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace meshroute {

struct HttpMatchRequest;
struct Resource;
struct Workspace;

// One request of the proof, and which rule and condition it was made from.
struct ProofRequest
{
    SampleRequest sample;
    QString origin; // "VirtualService default/bookinfo spec.http[1].match[0]"
    QString variant; // "match", "deeper path", "segment boundary", "header changed", "host default"
    int resourceId = -1; // the VirtualService it was made from
    int ruleIndex = -1; // its http[] rule; -1: the host default
    int matchIndex = -1; // the rule's match; -1: none
};

// The requests a migration proof sends: for every rule of every VirtualService,
// one per match built from its conditions, and its near misses (a path one
// segment off, the prefix without its segment boundary, a header value
// changed), plus each host's default "/" from each sender the VirtualService
// applies to (its Gateways' HTTP ports, the mesh on its Service's port).
class ProofRequestPlanner
{
public:
    explicit ProofRequestPlanner(const Workspace &workspace)
        : m_workspace(workspace)
    { }

    QList<ProofRequest> plan();

private:
    struct Sender
    {
        QString gateway; // "ns/name"; empty: a sidecar in `ns`
        QString ns;
        QString scheme;
        int port = 0;
        QString host;
        QString labels; // "app=reviews,version=v2" of a sidecar sender
    };
    QList<Sender> sendersOf(const Resource &virtualService) const;
    void addGatewaySenders(
        QList<Sender> &out, const Resource &virtualService, const QStringList &hosts) const;
    void addMatch(const Sender &s, const HttpMatchRequest *match, const QString &origin);
    void add(const Sender &s, const QString &path, const QStringList &headers, const QString &method,
        const QString &origin, const QString &variant);

    QString regexSample(const QString &pattern);

    const Workspace &m_workspace;
    QHash<QString, QString> m_regexSamples; // pattern -> a string it matches, or empty
    ProofRequest m_from; // resourceId, ruleIndex, matchIndex of the requests being made
    QList<ProofRequest> m_out;
    QSet<QString> m_seen;
};

} // namespace meshroute
