#pragma once

#include "stringmatch.h"
#include "yamlnode.h"

namespace meshroute {

class ConversionContext;
struct HttpMatchRequest;
struct Resource;

// One VirtualService match as one HTTPRouteMatch. Conditions Gateway API
// cannot say (sourceLabels, port, gateways, ignoreUriCase, withoutHeaders,
// scheme, authority, sourceNamespace) are left out, which makes the match
// broader: each is a warning at the condition. So are the conditions it says
// differently (a prefix is segment-aligned in Gateway API).
class RouteMatchConverter
{
public:
    RouteMatchConverter(ConversionContext &context, const Resource &virtualService)
        : m_context(context)
        , m_resource(virtualService)
    { }

    YamlNode convert(const HttpMatchRequest &match, const QString &path);

private:
    void convertUri(YamlNode &out, const HttpMatchRequest &match, const QString &path);
    YamlNode valueMatches(const StringMatchMap &entries, const QString &path, bool headers);
    void warnUnsupported(const HttpMatchRequest &match, const QString &path);

    ConversionContext &m_context;
    const Resource &m_resource;
};

} // namespace meshroute
