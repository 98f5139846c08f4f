#pragma once

#include "analyzer.h"

namespace meshroute {

// IST0176 as istioctl reports it (pkg/config/analysis/analyzers/k8sgateway/crdversion.go,
// CRDVersionAnalyzer): a Gateway API CustomResourceDefinition whose
// `gateway.networking.k8s.io/bundle-version` annotation is below the minimum this Istio requires
// (pkg/config/schema/gatewayapi/minimumversions.go, MinimumCRDVersions). istiod does not watch such
// a CRD, so its routes are never processed. Decided from the CRD's metadata alone, so it works on
// files (an install manifest opened with the routes).
class GatewayApiCrdVersionAnalyzer
{
public:
    static void analyze(CheckContext &ctx, const Resource &r);
    static Analyzer definition();
};

} // namespace meshroute
