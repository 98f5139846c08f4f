#pragma once

#include "fieldreader.h"
#include "gateway.h"

namespace meshroute {

// Reads the spec of a Gateway: its selector and servers (port, hosts, TLS).
class GatewayReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    Gateway read(const YamlNode &n, const FieldPath &path);

private:
    Server server(const YamlNode &item, const FieldPath &ip);
    ServerTls serverTls(const YamlNode &f, const FieldPath &fp);
};

} // namespace meshroute
