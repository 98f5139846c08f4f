#pragma once

#include "fieldreader.h"
#include "kubernetesservice.h"

namespace meshroute {

// Reads the spec of a Kubernetes Service: type, selector and ports. Fields the
// routing does not use are not reported as unknown.
class ServiceReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    KubernetesService read(const YamlNode &n, const FieldPath &path);
    // A list of ServicePort, also written in ServiceEntries.
    QList<ServicePort> ports(const YamlNode &v, const FieldPath &p);
};

} // namespace meshroute
