#pragma once

#include "analyzer.h"

namespace meshroute {

// Whether each destination and mirror host of a VirtualService exists, as
// istioctl's DestinationHostAnalyzer (analyzers/virtualservice/destinationhosts.go)
// checks it: a host no Service or ServiceEntry defines, or that is not
// exported to the namespaces using the route (IST0101), a port the service
// does not expose (IST0101), no port while it exposes several (IST0112), and
// a `name.namespace` host Istio does not expand (MR2005). A host of a
// namespace whose Services were not opened is only information.
class DestinationHostAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
