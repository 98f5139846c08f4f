#pragma once

#include "diagnostic.h"

#include <QHash>
#include <QStringList>

namespace meshroute {

struct Resource;
struct Workspace;

struct CheckOptions
{
    // Findings less severe than this are dropped (Error keeps errors only).
    Diagnostic::Severity threshold = Diagnostic::Severity::Info;
    // Codes never reported (the CLI's --ignore).
    QStringList ignoredCodes;
    // Whether `meshroute.io/ignore` annotations silence findings; export turns it off, because the
    // API server rejects an object whatever its annotations say.
    bool applyIgnoreAnnotations = true;
};

// Checks a workspace as Istio would: the webhook's validation of every
// VirtualService, DestinationRule and Gateway, the reachability of rules, and
// the cross-resource analysis. Findings are sorted by file, line and column.
// A resource silences codes for itself with the annotation
// `meshroute.io/ignore: IST0118,MR2003`. Pure: safe to run on a snapshot in a
// background thread.
class Checker
{
public:
    static Diagnostics check(const Workspace &workspace, const CheckOptions &options = {});

    // check() in two parts: each resource's own validation (the webhook's rules
    // and its shadowed rules), and the cross-resource analysis. Both suppressed
    // as check() does; together, sorted, they are exactly what check() reports.
    // An editor re-validates an edited resource at once with checkResource()
    // and leaves the slower whole-mesh part to a worker.
    struct Parts
    {
        QHash<int, Diagnostics> perResource; // by resource id
        Diagnostics mesh;
    };
    static Parts checkParts(const Workspace &workspace, const CheckOptions &options = {});
    static Diagnostics checkResource(
        const Workspace &workspace, const Resource &resource, const CheckOptions &options = {});
    // The cross-resource analysis alone (Parts::mesh): a diff of two revisions checks
    // only the edited resources themselves, but the whole mesh on both sides.
    static Diagnostics checkMesh(const Workspace &workspace, const CheckOptions &options = {});
    // The parts as one list, in check()'s order (files as opened, then line and column).
    static Diagnostics combine(const Workspace &workspace, const Parts &parts);

    // The annotation key for per-resource suppression.
    static constexpr const char *IgnoreAnnotation = "meshroute.io/ignore";
};

} // namespace meshroute
