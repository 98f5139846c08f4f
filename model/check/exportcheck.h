#pragma once

#include "diagnostic.h"
#include "exporter.h"

namespace meshroute {

// Decides whether an export may be written: it lists the errors the API
// server (the CRD schema or Istio's admission webhook) would reject in the
// objects being exported. Warnings, infos and analysis findings (a missing
// reference, IST0101) never block; neither do errors in objects the
// options leave out. Pure, like the checker.
class ExportCheck
{
public:
    // The blocking errors, sorted by file, line and column. `loadDiagnostics`
    // are the loader's for the same files: a YAML document that could not be
    // read at all blocks whatever the kind filter, since its kind is unknown.
    static Diagnostics blockingErrors(const QList<SourceFile> &files, const Workspace &workspace,
        const Diagnostics &loadDiagnostics, const ExportOptions &options);

    // An error whose code the code table marks as rejected by the API server.
    static bool blocks(const Diagnostic &diagnostic);
};

} // namespace meshroute
