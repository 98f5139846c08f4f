#pragma once

#include "fieldreader.h"
#include "workloadpolicy.h"

namespace meshroute {

// Reads the selector and target references of the Istio policies that select workloads, as
// istioctl's k8sgateway.SelectorAnalyzer reads them (GetSelector, GetTargetRef). Loose, like every
// reader of a kind meshroute keeps whole: unknown fields are not reported.
class WorkloadPolicyReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    // AuthorizationPolicy and RequestAuthentication (security.istio.io), Telemetry
    // (telemetry.istio.io), WasmPlugin (extensions.istio.io).
    static bool isWorkloadPolicy(const QString &apiVersion, const QString &kind);

    WorkloadPolicy read(const YamlNode &spec, const FieldPath &path);
};

} // namespace meshroute
