#pragma once

#include "analyzer.h"

namespace meshroute {

// The pods and Service behind a Gateway's selector, as istioctl's
// IngressGatewayPortAnalyzer (analyzers/gateway/gateway.go) checks them: a
// server port the Service in front of the gateway pods does not expose
// (IST0162), and a selector that matches no opened pod (IST0101, information
// only). Without the pods, `istio: ingressgateway` is taken to be the default
// installation and its Service's ports.
class IngressGatewayPortAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
