#pragma once

#include "diagnostic.h"

#include <QString>

namespace meshroute {

// One row of a code table (the loader's and the checker's): what `meshroute check --list-codes`
// prints and what the README's table is generated from.
struct DiagnosticCodeInfo
{
    QString code; // IST0101, MR1009, ...
    Diagnostic::Severity severity; // the usual severity; a finding may be lower (see explanation)
    QString title; // short name, Istio's where Istio has the code
    QString explanation; // one line: what triggers it
    // An error with this code makes the API server (the CRD schema or Istio's admission webhook)
    // refuse the object, so `meshroute export` refuses to write it; analysis findings never do.
    bool rejectedByApiServer = false;
};

} // namespace meshroute
