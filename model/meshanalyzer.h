#pragma once

namespace meshroute {

class CheckContext;

// Analysis across resources, as `istioctl analyze` does and a little further:
// destinations, subsets, ports and gateways that do not exist (IST0101,
// IST0112), hosts claimed twice (IST0109), VirtualService hosts a Gateway
// does not serve (IST0132), subsets that select no pods (IST0173), unknown
// DestinationRule hosts (IST0174), gateway conflicts and ports (IST0145,
// IST0162), Service port names (IST0118), and Kiali's checks without an IST
// twin. What lies outside the opened files is never more than info: a
// missing host is an error only when the Services of its namespace were opened.
class MeshAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
};

} // namespace meshroute
