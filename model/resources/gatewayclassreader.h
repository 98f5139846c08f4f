#pragma once

#include "gatewayapifieldreader.h"

namespace meshroute {

// Reads the spec of a GatewayClass: which controller implements it.
class GatewayClassReader : public GatewayApiFieldReader
{
public:
    using GatewayApiFieldReader::GatewayApiFieldReader;

    GatewayClass read(const YamlNode &n, const FieldPath &path);
};

} // namespace meshroute
