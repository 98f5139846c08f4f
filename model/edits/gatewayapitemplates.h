#pragma once

#include "resourcetemplates.h"

namespace meshroute {

// The Gateway API templates of New Resource (gateway.networking.k8s.io/v1):
// a Gateway of class istio with an HTTP listener per hostname; an HTTPRoute
// that attaches a Service to a Gateway; a mesh HTTPRoute (its parentRef the
// Service itself, as Istio's GAMMA support reads it); and a canary split
// between two Services (one rule, two backendRefs weighted 100/0). Only what
// the CRDs require or the user chose is written: their defaults (weight 1,
// PathPrefix "/", allowedRoutes from Same) are left out, as a user would.
class GatewayApiTemplates
{
public:
    // The request's kind must be one of ResourceTemplates' Gateway API kinds.
    static bool build(const Workspace &workspace, const ResourceTemplates::Request &request,
        ResourceTemplates::Result *result, QString *error);
    static bool handles(ResourceTemplates::Kind kind);
    // Empty when `host` fits the CRDs' Hostname pattern (lower-case DNS labels, a leading "*."
    // allowed, no IP address, no lone "*"), else why not. Shared with the rule editor.
    static QString checkHostname(const QString &host);
    // A string as a YAML scalar that reads back as a string (quoted when plain would not).
    static QByteArray yamlString(const QString &s);
    // The non-empty items, trimmed, each once, in order.
    static QStringList cleaned(const QStringList &list);
};

} // namespace meshroute
