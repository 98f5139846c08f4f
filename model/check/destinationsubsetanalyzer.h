#pragma once

namespace meshroute {

class CheckContext;

// Whether the subset a destination or mirror names is defined by a
// DestinationRule of its host that the VirtualService's namespace sees, as
// istioctl's DestinationRuleAnalyzer (analyzers/virtualservice/destinationrules.go)
// checks it (IST0101; a missing subset means 503 NC). Without any opened
// DestinationRule for the host it is only information.
class DestinationSubsetAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
};

} // namespace meshroute
