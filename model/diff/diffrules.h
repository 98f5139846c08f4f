#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace meshroute {

struct Resource;
struct Workspace;

// One rule of a VirtualService (http[]) or of a Gateway API route (rules[]),
// as the splits and structure sections compare them: by identity, not by
// position, so a rule that moves is the same rule.
struct DiffRule
{
    QString identity; // "name canary", or the match signature of an unnamed rule
    QString label; // "\"canary\"", "http[2]", "rules[0] \"split\""
    int index = -1;
    QString signature; // MatchSignature of its matches
    QList<QPair<QString, qint64>> weights; // destination -> weight as routed (a missing weight: its default)
    bool weighted = false; // more than one destination, or a weight written
    QString location; // "file:line"

    // The rules of a VirtualService, HTTPRoute or GRPCRoute (none for other kinds).
    static QList<DiffRule> of(const Resource &resource, const Workspace &workspace);
    // The identity key of a resource across revisions: its kind, namespace and name.
    static QString resourceKey(const Resource &resource);
};

} // namespace meshroute
