#include "diffreport.h"

namespace meshroute {

namespace {

QString weightText(qint64 w)
{
    return w < 0 ? QStringLiteral("-") : QString::number(w);
}

QString plural(int n, const char *one, const char *many)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

} // namespace

QString SplitChange::summary() const
{
    QStringList parts;
    for (const WeightChange &w : weights)
        parts << w.destination + QLatin1Char(' ') + weightText(w.before) + QStringLiteral(" -> ")
                + weightText(w.after);
    return resource + QLatin1Char(' ') + rule + QStringLiteral(": ") + parts.join(QStringLiteral(", "));
}

QString StructureChange::kindName(Kind k)
{
    switch (k) {
    case Kind::Added:
        return QStringLiteral("added");
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Reordered:
        return QStringLiteral("reordered");
    }
    return {};
}

QString DiffReport::summary() const
{
    QStringList parts;
    parts << (traffic.isEmpty()
            ? QStringLiteral("no traffic change (%1 routed)").arg(plural(requests, "request", "requests"))
            : QStringLiteral("%1 (of %2 routed)")
                  .arg(plural(int(traffic.size()), "changed request", "changed requests"))
                  .arg(requests));
    if (!splits.isEmpty())
        parts << plural(int(splits.size()), "split changed", "splits changed");
    int added = 0, gone = 0;
    for (const FindingChange &f : findings)
        (f.kind == FindingChange::Kind::New ? added : gone) += 1;
    if (added)
        parts << plural(added, "new finding", "new findings");
    if (gone)
        parts << plural(gone, "finding gone", "findings gone");
    if (!structure.isEmpty())
        parts << plural(int(structure.size()), "structure change", "structure changes");
    if (!errors.isEmpty())
        // Said first: what a side could not read is missing from it, so it reads as removed.
        parts.prepend(plural(int(errors.size()), "error", "errors")
            + QStringLiteral(" (a side did not load cleanly: what it could not read counts as removed)"));
    return parts.join(QStringLiteral(", "));
}

} // namespace meshroute
