#pragma once

#include "analyzer.h"

namespace meshroute {

// istioctl's ServiceAssociationAnalyzer (analyzers/deployment/services.go)
// for each Deployment in the mesh, against the Services of its namespace
// whose selector picks its pods: one port number offered with two
// Kubernetes protocols (TCP and UDP) by different Services (IST0116), and
// one targetPort reached through two different port numbers (IST0137). Istio
// builds one inbound listener per pod port and cannot serve both.
class ServiceAssociationAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
