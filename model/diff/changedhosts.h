#pragma once

#include "resourcepairs.h"

#include <QStringList>

namespace meshroute {

// The hosts whose answers an edit can change, so that an incremental diff
// routes only requests to them. An edited VirtualService or HTTPRoute changes
// its own hosts (on both sides); an edit that reaches further (a Service's
// ports, a DestinationRule's subsets, a Gateway's listeners, a delegate or a
// route without hostnames) changes every host.
class ChangedHosts
{
public:
    static ChangedHosts of(const QList<ResourcePair> &pairs);
    static ChangedHosts everything();

    bool all() const { return m_all; }
    const QStringList &patterns() const { return m_patterns; }
    // Whether a request to `host` (a concrete name) may be answered differently.
    bool covers(const QString &host) const;
    // Whether a resource routes any host that changed.
    bool touches(const Resource &resource) const;

private:
    void add(const Resource &resource);

    bool m_all = false;
    QStringList m_patterns;
};

} // namespace meshroute
