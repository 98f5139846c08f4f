#pragma once

#include <QString>

namespace meshroute {

// Where the Istio documentation explains each diagnostic code: Istio's own
// analysis page for an IST code, the reference page (and section) of the
// field at fault for the codes of the loader and of meshroute. The Problems
// view opens it and `check --list-codes --format json` prints it.
class DiagnosticDocs
{
public:
    // The documentation URL of a code; empty for a code no table knows.
    static QString url(const QString &code);
};

} // namespace meshroute
