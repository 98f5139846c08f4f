#pragma once

// A YamlPath written as text in a test table: steps split at `separator`, a number an index.
#include "yamledit.h"

#include <QString>

namespace meshroute::test {

inline YamlPath yamlPath(const QString &steps, QChar separator = QLatin1Char('.'))
{
    YamlPath path;
    for (const QString &step : steps.split(separator, Qt::SkipEmptyParts)) {
        bool number = false;
        const int index = step.toInt(&number);
        if (number)
            path.append(index);
        else
            path.append(step.toUtf8());
    }
    return path;
}

} // namespace meshroute::test
