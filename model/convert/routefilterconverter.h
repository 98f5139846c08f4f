#pragma once

#include "yamlnode.h"

#include <QString>

namespace meshroute {

class BackendRefConverter;
class ConversionContext;
struct HttpRoute;
struct Resource;

// The actions of a VirtualService rule as HTTPRoute filters: headers as
// header modifiers, redirect as RequestRedirect, rewrite as URLRewrite
// (a prefix match's uri rewrite as ReplacePrefixMatch), mirrors as RequestMirror.
class RouteFilterConverter
{
public:
    RouteFilterConverter(
        ConversionContext &context, BackendRefConverter &backends, const Resource &virtualService)
        : m_context(context)
        , m_backends(backends)
        , m_resource(virtualService)
    { }

    // The rule's filters, in the order Istio applies them; an empty sequence when none.
    YamlNode convert(const HttpRoute &rule, const QString &path);

private:
    YamlNode redirect(const HttpRoute &rule, const QString &path);
    // Empty mapping when the rewrite cannot be said for these matches.
    YamlNode rewrite(const HttpRoute &rule, const QString &path);
    void addMirrors(YamlNode &filters, const HttpRoute &rule, const QString &path);

    ConversionContext &m_context;
    BackendRefConverter &m_backends;
    const Resource &m_resource;
};

} // namespace meshroute
