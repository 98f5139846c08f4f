#pragma once

#include <QString>
#include <functional>

namespace meshroute {

struct Destination;
struct VirtualService;

// Every destination a VirtualService sends traffic to, in file order: each
// HTTP rule's route, mirror and mirrors, then the TCP and TLS routes.
class DestinationWalk
{
public:
    // Where a destination is; its path is made only for those that are reported.
    struct Site
    {
        enum Kind { Route, Mirror, Mirrors, Tcp, Tls };
        Kind kind;
        int rule;
        int index;

        QString path() const; // spec.http[0].route[1].destination
        QString what() const; // "host" or "mirror host", as messages call it
    };
    using Visit = std::function<void(const Destination &, const Site &)>;
    static void forEach(const VirtualService &vs, const Visit &visit);
};

} // namespace meshroute
