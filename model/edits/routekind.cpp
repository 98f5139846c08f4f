#include "routekind.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute::RouteKinds {

QByteArray section(RouteKind kind)
{
    switch (kind) {
    case RouteKind::Tls:
        return QByteArrayLiteral("tls");
    case RouteKind::Tcp:
        return QByteArrayLiteral("tcp");
    case RouteKind::Http:
        break;
    }
    return QByteArrayLiteral("http");
}

QString label(RouteKind kind)
{
    return QString::fromLatin1(section(kind)).toUpper();
}

YamlPath rulePath(RouteKind kind, int index, const YamlPath &rest)
{
    YamlPath p { QByteArray("spec"), section(kind), index };
    return p + rest;
}

int count(const VirtualService &vs, RouteKind kind)
{
    switch (kind) {
    case RouteKind::Tls:
        return int(vs.tls.size());
    case RouteKind::Tcp:
        return int(vs.tcp.size());
    case RouteKind::Http:
        break;
    }
    return int(vs.http.size());
}

QString displayName(const VirtualService &vs, RouteKind kind, int index)
{
    if (kind == RouteKind::Http)
        return index >= 0 && index < vs.http.size() ? vs.http[index].displayName(index)
                                                    : QStringLiteral("#%1").arg(index);
    return QStringLiteral("%1 #%2").arg(label(kind)).arg(index);
}

QList<WeightedDestination> destinations(const VirtualService &vs, RouteKind kind, int index)
{
    QList<WeightedDestination> out;
    if (index < 0 || index >= count(vs, kind))
        return out;
    if (kind == RouteKind::Http) {
        for (const HttpRouteDestination &d : vs.http[index].route)
            out.append({ &d.destination, &d.weight });
        return out;
    }
    const QList<RouteDestination> &route = kind == RouteKind::Tls ? vs.tls[index].route : vs.tcp[index].route;
    for (const RouteDestination &d : route)
        out.append({ &d.destination, &d.weight });
    return out;
}

const VirtualService *findRule(const ResourceEdit &edit, RouteKind kind, int index, QString *error)
{
    if (kind == RouteKind::Http)
        return edit.rule(index, error) ? edit.resource().virtualService() : nullptr;
    const VirtualService *vs = edit.resource().virtualService();
    if (!vs) {
        *error = QStringLiteral("%1 is not a VirtualService").arg(edit.resource().displayName());
        return nullptr;
    }
    if (index < 0 || index >= count(*vs, kind)) {
        *error = QStringLiteral("%1 has no %2 rule %3")
                     .arg(edit.resource().displayName(), label(kind))
                     .arg(index);
        return nullptr;
    }
    if (!edit.find(rulePath(kind, index))) {
        *error = QStringLiteral("rule %1 is not where the model says; reload the file").arg(index);
        return nullptr;
    }
    return vs;
}

} // namespace meshroute::RouteKinds
