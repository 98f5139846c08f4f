#pragma once

#include "fieldreader.h"
#include "kubernetesservice.h"

namespace meshroute {

// Reads the spec of a ServiceEntry: hosts, ports, location, resolution and workload selector.
class ServiceEntryReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    ServiceEntry read(const YamlNode &n, const FieldPath &path);
};

} // namespace meshroute
