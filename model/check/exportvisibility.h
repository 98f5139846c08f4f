#pragma once

#include "field.h"

#include <QSet>
#include <QStringList>

namespace meshroute {

// Which namespaces see a resource, from its exportTo (empty or `*` = all).
struct ExportVisibility
{
    bool all = true;
    QSet<QString> namespaces;

    static ExportVisibility of(const QList<Field<QString>> &exportTo, const QString &own)
    {
        QStringList values;
        for (const Field<QString> &e : exportTo)
            values.append(e.value);
        return of(values, own);
    }
    static ExportVisibility of(const QStringList &exportTo, const QString &own)
    {
        ExportVisibility v;
        if (exportTo.isEmpty() || exportTo.contains(QStringLiteral("*")))
            return v;
        v.all = false;
        for (const QString &e : exportTo)
            v.namespaces.insert(e == QLatin1String(".") ? own : e.trimmed());
        return v;
    }
    bool visibleFrom(const QString &ns) const { return all || namespaces.contains(ns); }
    bool intersects(const ExportVisibility &o) const
    {
        if (all || o.all)
            return all ? (o.all || !o.namespaces.isEmpty()) : !namespaces.isEmpty();
        for (const QString &n : namespaces)
            if (o.namespaces.contains(n))
                return true;
        return false;
    }
};

} // namespace meshroute
