#pragma once

#include "analyzer.h"

namespace meshroute {

// Kiali's KIA0201 (business/checkers/destinationrules/multi_match_checker.go):
// two DestinationRules for the same host that both define a subset of the
// same name, or one of which has no subsets (and so applies to every subset).
// istiod merges them and keeps only one definition (MR2007).
class DestinationRuleMultiMatchAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
