#pragma once

#include "diagnostic.h"

#include <QStringList>

namespace meshroute {

struct Workspace;

struct CheckOptions
{
    // Findings less severe than this are dropped (Error keeps errors only).
    Diagnostic::Severity threshold = Diagnostic::Severity::Info;
    // Codes never reported (the CLI's --ignore).
    QStringList ignoredCodes;
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

    // The annotation key for per-resource suppression.
    static constexpr const char *IgnoreAnnotation = "meshroute.io/ignore";
};

} // namespace meshroute
