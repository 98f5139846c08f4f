#pragma once

#include <QList>
#include <QString>

namespace meshroute {

// One finding about the input: a YAML error, a wrong type, a webhook
// rejection, a cross-resource problem. Lines and columns are 1-based and
// absolute in `file`.
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString code;    // IST0101, MR1001, ...
    QString message; // what is wrong and what to do
    QString file;
    int line = 0;
    int column = 0;
    QString resource; // "VirtualService default/reviews", empty for file-level findings
    QString path;     // "spec.http[0].route[1].weight"
    int resourceId = -1;

    static QString severityName(Severity s)
    {
        switch (s) {
        case Severity::Error: return QStringLiteral("error");
        case Severity::Warning: return QStringLiteral("warning");
        case Severity::Info: return QStringLiteral("info");
        }
        return {};
    }
    // "file:line:col: error: [CODE] message", the form compilers and editors understand.
    QString toText() const
    {
        return QStringLiteral("%1:%2:%3: %4: [%5] %6")
            .arg(file)
            .arg(line)
            .arg(column)
            .arg(severityName(severity), code, message);
    }
};

using Diagnostics = QList<Diagnostic>;

} // namespace meshroute
