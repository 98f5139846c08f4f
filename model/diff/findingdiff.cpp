#include "findingdiff.h"

#include <QHash>

namespace meshroute {

namespace {

QString keyOf(const Diagnostic &d)
{
    return d.code + QLatin1Char('\n') + d.resource + QLatin1Char('\n') + d.path;
}

// The findings of `side` that `other` has fewer of.
void unmatched(
    const Diagnostics &side, const Diagnostics &other, FindingChange::Kind kind, QList<FindingChange> &out)
{
    QHash<QString, int> counts;
    for (const Diagnostic &d : other)
        ++counts[keyOf(d)];
    for (const Diagnostic &d : side) {
        int &n = counts[keyOf(d)];
        if (n > 0)
            --n;
        else
            out.append({ kind, d });
    }
}

} // namespace

QList<FindingChange> FindingDiff::of(const Diagnostics &before, const Diagnostics &after)
{
    QList<FindingChange> out;
    unmatched(after, before, FindingChange::Kind::New, out);
    unmatched(before, after, FindingChange::Kind::Gone, out);
    return out;
}

} // namespace meshroute
