#pragma once

#include "diffreport.h"
#include "workspace.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace meshroute {

// One side of a diff: a loaded workspace and, when known, its files' bytes
// (parallel to workspace.files), which tell which resources were edited so
// that only the hosts they touch are routed again. Without texts every
// resource counts as edited: correct, only slower.
struct DiffSide
{
    QString label; // "HEAD~1:k8s/", "bookinfo.yaml", "saved"
    Workspace workspace;
    QList<QByteArray> fileTexts;
    Diagnostics loadErrors; // reader errors of this side, reported as the diff's errors
};

struct DiffOptions
{
    // The user's requests (--requests), routed on both sides in addition to the generated ones.
    QList<SampleRequest> requests;
    QString requestOrigin = QStringLiteral("--requests");
    // Only requests sent by this gateway ("ns/name", Istio's or Gateway API's); empty: every sender.
    QString gateway;
    bool generateRequests = true; // one per match of every rule, a near miss for each, each host's "/"
    bool incremental = true; // re-route only hosts whose resources changed
    bool findings = true; // run the checker on both sides
};

// Compares what two revisions of a mesh do to requests: every request whose
// answer changes, the weighted splits, the checker's findings and the
// resources and rules by identity. Pure: no files read or written.
class TrafficDiff
{
public:
    static DiffReport compare(const DiffSide &before, const DiffSide &after, const DiffOptions &options = {});
};

} // namespace meshroute
