#pragma once

#include "analyzer.h"

#include <QtGlobal>

namespace meshroute {

// Rules and matches of one VirtualService that can never be used because an
// earlier one takes their requests first. Reports what Istio's validation
// reports (IST0130 after a rule without match or when every match repeats
// an earlier one; IST0131 for a repeated or prefix-covered match) and goes
// further (MR2004): a rule whose every match is covered by earlier matches
// (prefix under prefix, exact or regex under prefix, regex-as-prefix, equal
// or weaker header/query/method/port/source conditions), naming the rule
// that takes the traffic and a request that shows it.
//
// Earlier matches are found through an index of uri prefixes, exact values
// and regex literal prefixes, so the cost grows with the rules, not with
// their pairs; what stays pairwise (matches the uri cannot tell apart, e.g.
// thousands of header-only rules) is bounded by `pairLimit` comparisons per
// VirtualService, past which one MR2020 notice says how many were skipped.
class ShadowAnalyzer
{
public:
    enum class Mode {
        Indexed,
        PairwiseReference // every earlier match tried in order: the reference tests compare against
    };
    static constexpr qint64 DefaultPairLimit = 250'000;

    static void analyze(
        CheckContext &ctx, const Resource &r, Mode mode = Mode::Indexed, qint64 pairLimit = DefaultPairLimit);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
