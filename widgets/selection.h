#pragma once

#include "routekind.h"

#include <QList>
#include <QObject>
#include <QString>

namespace meshroute {

// What the user has selected, shared by every view (graph, inspector, YAML,
// Problems, Preview): selecting in one selects in all. View state, not
// document data: it never goes through the undo stack.
struct SelectionTarget
{
    int resourceId = -1; // -1: nothing
    int routeIndex = -1; // spec.http[routeIndex] of a VirtualService, or -1
    int destinationIndex = -1; // route[destinationIndex] of that rule, or -1
    int matchIndex = -1; // match[matchIndex] of that rule, or -1
    QString subset; // a subset of a DestinationRule, or empty
    // A TLS or TCP rule: spec.tls/tcp[l4RouteIndex] (routeIndex stays -1, so views
    // that know only HTTP rules see the VirtualService selected).
    RouteKind routeKind = RouteKind::Http;
    int l4RouteIndex = -1;

    bool operator==(const SelectionTarget &o) const
    {
        return resourceId == o.resourceId && routeIndex == o.routeIndex
            && destinationIndex == o.destinationIndex && matchIndex == o.matchIndex && subset == o.subset
            && routeKind == o.routeKind && l4RouteIndex == o.l4RouteIndex;
    }
    bool operator!=(const SelectionTarget &o) const { return !(*this == o); }
};

// The path one sample request takes, lit in the graph and the editors by
// the Preview: gateway -> VirtualService -> rule -> destinations, or for Gateway
// API routes Gateway -> HTTPRoute -> rule -> backends.
struct TrafficPath
{
    int gatewayId = -1;        // the Gateway resource (Istio's or Gateway API's), -1 from a sidecar
    int virtualServiceId = -1; // -1: no route (404); the generated one for a Gateway API route
    int routeIndex = -1;
    int matchIndex = -1;
    // The HTTPRoute / GRPCRoute the matched rule came from, its rules[] and matches[]
    // index; -1 when a VirtualService of the files matched.
    int gatewayApiRouteId = -1;
    int gatewayApiRuleIndex = -1;
    int gatewayApiMatchIndex = -1;
    struct Hop
    {
        QString host; // FQDN
        QString subset; // empty: the whole service
        double share = 0;
        int backendRef = -1; // index in the Gateway API rule's backendRefs, -1 otherwise
    };
    QList<Hop> destinations;

    bool isEmpty() const { return virtualServiceId < 0 && gatewayId < 0; }
};

class Selection : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    const SelectionTarget &current() const { return m_current; }
    void select(const SelectionTarget &target)
    {
        if (target == m_current)
            return;
        m_current = target;
        Q_EMIT changed(m_current);
    }
    void clear() { select(SelectionTarget {}); }

    const TrafficPath &highlight() const { return m_highlight; }
    void setHighlight(const TrafficPath &path)
    {
        m_highlight = path;
        Q_EMIT highlightChanged(m_highlight);
    }

Q_SIGNALS:
    void changed(const meshroute::SelectionTarget &target);
    void highlightChanged(const meshroute::TrafficPath &path);

private:
    SelectionTarget m_current;
    TrafficPath m_highlight;
};

} // namespace meshroute
