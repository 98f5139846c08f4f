#pragma once

#include "gatewayapifieldreader.h"

namespace meshroute {

// Reads the spec of a ReferenceGrant: which kinds in which namespaces may
// refer to which objects of the grant's own namespace.
class ReferenceGrantReader : public GatewayApiFieldReader
{
public:
    using GatewayApiFieldReader::GatewayApiFieldReader;

    ReferenceGrant read(const YamlNode &n, const FieldPath &path);

private:
    // A `from` item has a namespace, a `to` item a name (ReferenceGrantFrom, ReferenceGrantTo).
    ReferenceGrantPeer peer(const YamlNode &n, const FieldPath &path, bool from);
};

} // namespace meshroute
