#pragma once

#include "field.h"

#include <QList>
#include <QString>

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
