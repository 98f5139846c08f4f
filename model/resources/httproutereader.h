#pragma once

#include "fieldreader.h"
#include "virtualservice.h"

namespace meshroute {

// Reads one HTTP route of a VirtualService (`spec.http[i]`): its matches,
// destinations and the rarer parts (redirect, rewrite, retries, fault, CORS...).
class HttpRouteReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    HttpRoute read(const YamlNode &n, const FieldPath &path);

private:
    HttpMatchRequest matchRequest(const YamlNode &n, const FieldPath &path);
    StringMatch stringMatch(const YamlNode &n, const FieldPath &path, const char *typeName = "StringMatch");
    StringMatchMap stringMatchMap(const YamlNode &n, const FieldPath &path);
    HttpRouteDestination httpRouteDestination(const YamlNode &item, const FieldPath &ip);
    HttpRedirect redirect(const YamlNode &v, const FieldPath &p);
    HttpDirectResponse directResponse(const YamlNode &v, const FieldPath &p);
    Delegate delegate(const YamlNode &v, const FieldPath &p);
    HttpRewrite rewrite(const YamlNode &v, const FieldPath &p);
    HttpRetry retries(const YamlNode &v, const FieldPath &p);
    HttpFaultInjection fault(const YamlNode &v, const FieldPath &p);
    HttpMirrorPolicy mirrorPolicy(const YamlNode &item, const FieldPath &ip);
    CorsPolicy corsPolicy(const YamlNode &v, const FieldPath &p);
    Headers headers(const YamlNode &n, const FieldPath &path);
    HeaderOperations headerOperations(const YamlNode &n, const FieldPath &path);
    Percent percent(const YamlNode &n, const FieldPath &path);
};

} // namespace meshroute
