#pragma once

#include "analyzer.h"

namespace meshroute {

// TLS origination that never checks who answers, as istioctl's
// CaCertificateAnalyzer reports it: a DestinationRule whose TLS mode is
// SIMPLE or MUTUAL without caCertificates, for the whole host (IST0128) and
// for each port of portLevelSettings (IST0129). A credentialName on a
// DestinationRule with a workloadSelector brings its own CA and is fine.
class CaCertificateAnalyzer
{
public:
    static void analyze(CheckContext &ctx, const Resource &r);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
