#pragma once

// The golden form of findings in tests/data (check/*/expected.txt and
// load/*/expected.txt): one `line:col: severity: [CODE]` line each, without
// messages, so that rewording a message does not churn the golden files.
#include "diagnostic.h"

#include <QString>

namespace meshroute::test {

inline QString goldenDiagnostics(const Diagnostics &ds)
{
    QString out;
    for (const Diagnostic &d : ds)
        out += QStringLiteral("%1:%2: %3: [%4]\n")
                   .arg(d.line)
                   .arg(d.column)
                   .arg(Diagnostic::severityName(d.severity), d.code);
    return out;
}

} // namespace meshroute::test
