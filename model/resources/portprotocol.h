#pragma once

#include <QString>

namespace meshroute {

// How Istio reads a Service port's protocol from its name.
namespace PortProtocol {

// The protocol a Service port name announces ("http-web" -> "HTTP",
// "grpc-web-x" -> "GRPC-WEB"), upper case; empty when the name announces none
// and Istio sniffs the protocol.
QString ofPortName(const QString &name);

} // namespace PortProtocol
} // namespace meshroute
