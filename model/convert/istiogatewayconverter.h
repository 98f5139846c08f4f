#pragma once

#include "yamlnode.h"

#include <QString>

namespace meshroute {

class ConversionContext;
struct Resource;
struct Server;

// An Istio Gateway (networking.istio.io) as the gateway.networking.k8s.io/v1
// Gateway of class `istio` that Istio's migration guide writes: same name and
// namespace, one listener per server port and host, HTTPS terminated with the
// server's credentialName as certificateRef. What a listener cannot say
// (mutual TLS, httpsRedirect, the selector of a shared ingress) is a warning.
class IstioGatewayConverter
{
public:
    explicit IstioGatewayConverter(ConversionContext &context)
        : m_context(context)
    { }

    // `routesFromAllNamespaces`: a bound VirtualService lives in another namespace.
    // A null node when no server makes a listener.
    YamlNode convert(const Resource &gateway, bool routesFromAllNamespaces);

private:
    void addListeners(YamlNode &listeners, const Resource &r, const Server &server, int serverIndex,
        bool routesFromAllNamespaces);
    // HTTP, HTTPS, TLS or TCP; empty (with a warning) for a protocol Gateway API has no listener for.
    QString listenerProtocol(const Resource &r, const Server &server, int serverIndex);
    YamlNode tls(const Resource &r, const Server &server, int serverIndex);

    ConversionContext &m_context;
};

} // namespace meshroute
