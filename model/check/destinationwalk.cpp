#include "destinationwalk.h"

#include "virtualservice.h"

namespace meshroute {

QString DestinationWalk::Site::path() const
{
    switch (kind) {
    case Route:
        return QStringLiteral("spec.http[%1].route[%2].destination").arg(rule).arg(index);
    case Mirror:
        return QStringLiteral("spec.http[%1].mirror").arg(rule);
    case Mirrors:
        return QStringLiteral("spec.http[%1].mirrors[%2].destination").arg(rule).arg(index);
    case Tcp:
        return QStringLiteral("spec.tcp[%1].route[%2].destination").arg(rule).arg(index);
    case Tls:
        return QStringLiteral("spec.tls[%1].route[%2].destination").arg(rule).arg(index);
    }
    return {};
}

QString DestinationWalk::Site::what() const
{
    return kind == Mirror || kind == Mirrors ? QStringLiteral("mirror host") : QStringLiteral("host");
}

void DestinationWalk::forEach(const VirtualService &vs, const Visit &visit)
{
    for (int i = 0; i < vs.http.size(); ++i) {
        const HttpRoute &rule = vs.http[i];
        for (int k = 0; k < rule.route.size(); ++k)
            visit(rule.route[k].destination, { Site::Route, i, k });
        if (rule.hasMirror)
            visit(rule.mirror, { Site::Mirror, i, 0 });
        for (int k = 0; k < rule.mirrors.size(); ++k)
            visit(rule.mirrors[k].destination, { Site::Mirrors, i, k });
    }
    for (int i = 0; i < vs.tcp.size(); ++i)
        for (int k = 0; k < vs.tcp[i].route.size(); ++k)
            visit(vs.tcp[i].route[k].destination, { Site::Tcp, i, k });
    for (int i = 0; i < vs.tls.size(); ++i)
        for (int k = 0; k < vs.tls[i].route.size(); ++k)
            visit(vs.tls[i].route[k].destination, { Site::Tls, i, k });
}

} // namespace meshroute
