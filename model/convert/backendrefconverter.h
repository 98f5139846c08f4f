#pragma once

#include "yamlnode.h"

#include <QString>

namespace meshroute {

class ConversionContext;
class SubsetServicePlanner;
struct Destination;
struct HeaderOperations;
struct HttpRouteDestination;
struct Resource;

// A VirtualService destination as a backendRef: the Service (or, for a
// subset, the Service SubsetServicePlanner makes for it) and its port; a host
// that is no Kubernetes Service as Istio's networking.istio.io Hostname kind.
class BackendRefConverter
{
public:
    BackendRefConverter(
        ConversionContext &context, SubsetServicePlanner &planner, const Resource &virtualService)
        : m_context(context)
        , m_planner(planner)
        , m_resource(virtualService)
    { }

    // A weighted backendRef with the destination's header filters.
    YamlNode convert(const HttpRouteDestination &destination, const QString &path);
    // The object reference alone (name, namespace, port): for backendRefs and mirrors.
    YamlNode reference(const Destination &destination, const QString &path);

    // RequestHeaderModifier / ResponseHeaderModifier filter for header operations.
    static YamlNode headerFilter(const HeaderOperations &ops, bool request);

private:
    ConversionContext &m_context;
    SubsetServicePlanner &m_planner;
    const Resource &m_resource;
};

} // namespace meshroute
