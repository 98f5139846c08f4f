#pragma once

#include "analyzer.h"

namespace meshroute {

// IST0138 as istioctl's CertificateAnalyzer (analyzers/gateway/certificate.go):
// the same credentialName on Gateways whose pods overlap lets browsers reuse
// an HTTP/2 connection for a host the other Gateway serves, which answers 404.
class GatewayCertificateAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
