#pragma once

#include "virtualservice.h"
#include "yamledit.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace meshroute {

class ResourceEdit;

// Which list of a VirtualService a rule lives in: spec.http, spec.tls or
// spec.tcp. Rules are addressed by (kind, index); the commands that edit a
// rule's destinations or order take the kind so one command serves all three.
enum class RouteKind { Http, Tls, Tcp };

namespace RouteKinds {

// "http", "tls", "tcp": the key under spec.
QByteArray section(RouteKind kind);
// "HTTP", "TLS", "TCP", for labels and undo texts.
QString label(RouteKind kind);
// spec.<section>[index] + rest
YamlPath rulePath(RouteKind kind, int index, const YamlPath &rest = {});
// How many rules of this kind the VirtualService has.
int count(const VirtualService &vs, RouteKind kind);
// "jason" or "#2" for HTTP (as Istio names rules), "TCP #0" / "TLS #1" for the others.
QString displayName(const VirtualService &vs, RouteKind kind, int index);

// A destination of a rule with its weight, whatever the rule's kind.
struct WeightedDestination
{
    const Destination *destination = nullptr;
    const Field<qint64> *weight = nullptr;
};
// The destinations of rule `index` in order; empty when there is no such rule.
QList<WeightedDestination> destinations(const VirtualService &vs, RouteKind kind, int index);

// The VirtualService of an edit when it has rule `index` of `kind`, both in the
// model and in the text; else nullptr and an error.
const VirtualService *findRule(const ResourceEdit &edit, RouteKind kind, int index, QString *error);

} // namespace RouteKinds
} // namespace meshroute
