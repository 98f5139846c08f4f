#pragma once

#include "analyzer.h"

namespace meshroute {

// Service port names, as istioctl's PortNameAnalyzer (analyzers/service/portname.go)
// checks them outside kube-* and istio-system: a port with neither a
// protocol-prefixed name nor appProtocol (IST0118, information), and on an
// ExternalName Service such a port or one named plainly `tcp` (IST0150).
class PortNameAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
