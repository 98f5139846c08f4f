#pragma once

#include "field.h"

#include <QList>
#include <QString>

#include <vector>

namespace meshroute {

// The parts of a TrafficPolicy that meshroute reads. The rest of the policy
// stays in the YAML text untouched; `fieldCount` tells the validator whether
// the policy sets anything at all.
struct TrafficPolicy
{
    Field<QString> loadBalancerSimple;
    bool consistentHash = false;
    Field<QString> tlsMode;
    Field<QString> tlsCaCertificates;
    Field<QString> tlsCredentialName;
    Field<QString> tlsClientCertificate;
    Field<QString> tlsPrivateKey;
    bool hasTunnel = false;
    bool hasProxyProtocol = false;
    int fieldCount = 0;
    SourcePos pos;
    bool present = false;
    // portLevelSettings: each a policy of its own for one port (`port` set only there).
    // std::vector because it holds the type being defined.
    Field<qint64> port;
    std::vector<TrafficPolicy> portLevelSettings;
};

struct Subset
{
    Field<QString> name;
    Labels labels;
    SourcePos labelsPos;
    TrafficPolicy trafficPolicy;
    SourcePos pos;
};

struct DestinationRule
{
    Field<QString> host;
    TrafficPolicy trafficPolicy;
    QList<Subset> subsets;
    QList<Field<QString>> exportTo;
    Labels workloadSelector;
    bool hasWorkloadSelector = false;
    SourcePos workloadSelectorPos;
    SourcePos specPos;

    const Subset *findSubset(const QString &name) const
    {
        for (const Subset &s : subsets)
            if (s.name.value == name)
                return &s;
        return nullptr;
    }
};

} // namespace meshroute
