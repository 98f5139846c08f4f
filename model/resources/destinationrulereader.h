#pragma once

#include "destinationrule.h"
#include "fieldreader.h"

namespace meshroute {

// Reads the spec of a DestinationRule: host, subsets and the traffic policies
// (load balancer and client TLS, per port too).
class DestinationRuleReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    DestinationRule read(const YamlNode &n, const FieldPath &path);

private:
    TrafficPolicy trafficPolicy(const YamlNode &n, const FieldPath &path, bool portLevel = false);
};

} // namespace meshroute
