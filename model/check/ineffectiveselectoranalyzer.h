#pragma once

#include "analyzer.h"

namespace meshroute {

// IST0166 as istioctl reports it (pkg/config/analysis/analyzers/k8sgateway/workloadselector.go,
// SelectorAnalyzer): an AuthorizationPolicy, RequestAuthentication, Telemetry or WasmPlugin that
// selects the pods of a Gateway API gateway with spec.selector and has no targetRef. Istio does
// not apply a selector to those pods; the policy must name the Gateway in targetRef(s).
// The gateway pods are those istioctl reads (pods labelled gateway.networking.k8s.io/gateway-name,
// here any opened workload whose pods carry that label) and, since files rarely hold pods, the
// ones istiod deploys for each opened Gateway of class istio, labelled with the Gateway's name.
class IneffectiveSelectorAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    static Analyzer definition();
};

} // namespace meshroute
