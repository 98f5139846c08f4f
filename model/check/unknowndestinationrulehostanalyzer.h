#pragma once

#include "analyzer.h"

namespace meshroute {

// A DestinationRule whose host matches no Service or ServiceEntry, as
// istioctl's DestinationRuleHostAnalyzer reports it (IST0174): a warning
// when the Services of the host's namespace were opened, else information.
class UnknownDestinationRuleHostAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
