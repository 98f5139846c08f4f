#pragma once

// Small shared pieces of the input-reading tests: manifests made in code and
// diagnostics printed for a failure message.
#include "diagnostic.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace meshroute::test {

// `count` Services, one document each: a stream whose size and resource count a test controls.
inline QByteArray services(int count)
{
    QByteArray yaml;
    for (int i = 0; i < count; ++i)
        yaml += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s" + QByteArray::number(i)
            + "\nspec:\n  ports:\n  - port: 80\n";
    return yaml;
}

// The diagnostics as check prints them, one per line.
inline QString dump(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toText());
    return lines.join(QLatin1Char('\n'));
}

} // namespace meshroute::test
