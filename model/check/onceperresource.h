#pragma once

#include "resource.h"

#include <QSet>
#include <QString>

namespace meshroute {

// Information about what was not opened is given once per resource and
// name, not at every use: remembers which (resource, name) pairs were said.
class OncePerResource
{
public:
    // True the first time for this resource and name.
    bool first(const Resource &r, const QString &name)
    {
        const QString key = QString::number(r.id) + QLatin1Char('|') + name;
        if (m_said.contains(key))
            return false;
        m_said.insert(key);
        return true;
    }

private:
    QSet<QString> m_said;
};

} // namespace meshroute
