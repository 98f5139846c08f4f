#pragma once

namespace meshroute {

class CheckContext;
struct Resource;

// Rules and matches of one VirtualService that can never be used because an
// earlier one takes their requests first. Reports what Istio's validation
// reports (IST0130 after a rule without match or when every match repeats
// an earlier one; IST0131 for a repeated or prefix-covered match) and goes
// further (MR2004): a rule whose every match is covered by earlier matches
// (prefix under prefix, exact or regex under prefix, regex-as-prefix, equal
// or weaker header/query/method/port/source conditions), naming the rule
// that takes the traffic and a request that shows it.
class ShadowAnalyzer
{
public:
    static void analyze(CheckContext &ctx, const Resource &r);
};

} // namespace meshroute
