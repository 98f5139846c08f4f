#pragma once

#include "diagnostic.h"
#include "diffoutcome.h"
#include "samplerequest.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

// One request the sides answer differently.
struct ChangedRequest
{
    SampleRequest request;
    QString
        origin; // what it was made from: "VirtualService default/reviews spec.http[1].match[0]", "--requests"
    QString
        variant; // "match", "path one segment deeper", "segment boundary", "header changed", "host default"
    DiffOutcome before;
    DiffOutcome after;
};

// A weight that changed in a split: "reviews canary: v1 99 -> 75, v2 1 -> 25".
struct WeightChange
{
    QString destination; // "reviews subset v1", a backendRef's "reviews-v1:9080"
    qint64 before = -1; // -1: the destination is new on this side
    qint64 after = -1; // -1: the destination is gone
};

struct SplitChange
{
    QString resource; // "VirtualService default/reviews"
    QString rule; // "\"canary\"" or "http[1]", "rule 0"
    QString location; // file:line of the rule on the new side (the old one when removed)
    QList<WeightChange> weights;

    // "VirtualService default/reviews "canary": v1 99 -> 75, v2 1 -> 25"
    QString summary() const;
};

// A checker finding that only one side has, compared by code, resource and
// path (not by line: lines move with every edit above).
struct FindingChange
{
    enum class Kind { New, Gone };
    Kind kind = Kind::New;
    Diagnostic finding; // as the side that has it reports it
};

// A resource or rule added, removed, changed or moved (by identity, not by text lines).
struct StructureChange
{
    enum class Kind { Added, Removed, Changed, Reordered };
    Kind kind = Kind::Added;
    QString resource; // "VirtualService default/reviews"
    QString rule; // empty: the resource itself; else "\"canary\"" or "match {uri prefix /api}"
    QString detail; // "http[2] -> http[0]", "file a.yaml -> b.yaml"
    QString location; // file:line on the side that has it (the new one when both)

    static QString kindName(Kind k);
};

// What the new side changes, section by section. Empty sections: nothing changed there.
struct DiffReport
{
    QString oldLabel; // "HEAD~1:k8s/", "bookinfo.yaml"
    QString newLabel;
    int requests = 0; // requests routed through both sides
    // Host names whose resources changed (the others were not routed again); -1: every host.
    int hostsRerouted = 0;
    QList<ChangedRequest> traffic;
    QList<SplitChange> splits;
    QList<FindingChange> findings;
    QList<StructureChange> structure;
    Diagnostics errors; // a side that does not load cleanly (YAML, types): the diff then exits 2

    bool trafficChanged() const { return !traffic.isEmpty(); }
    // "3 requests change (of 120), 1 split, 1 new finding, 2 structure changes" or "no traffic change".
    QString summary() const;
};

} // namespace meshroute
