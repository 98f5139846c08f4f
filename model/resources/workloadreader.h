#pragma once

#include "fieldreader.h"
#include "kubernetesservice.h"

namespace meshroute {

// Reads the spec of a Deployment-like object (Deployment, StatefulSet, ReplicaSet,
// DaemonSet, Rollout): replicas, selector, and the labels and sidecar of its pods.
class WorkloadReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    Workload read(const YamlNode &spec, const FieldPath &path);
};

} // namespace meshroute
