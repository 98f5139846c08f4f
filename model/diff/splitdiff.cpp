#include "splitdiff.h"

#include "diffrules.h"

#include <QHash>

namespace meshroute {

namespace {

QList<WeightChange> weightChanges(const DiffRule *was, const DiffRule *is)
{
    QList<WeightChange> out;
    QList<QPair<QString, qint64>> gone = was ? was->weights : QList<QPair<QString, qint64>>();
    for (const auto &[destination, weight] : is ? is->weights : QList<QPair<QString, qint64>>()) {
        qint64 before = -1;
        for (int i = 0; i < gone.size(); ++i)
            if (gone[i].first == destination) {
                before = gone.takeAt(i).second;
                break;
            }
        out.append({ destination, before, weight });
    }
    for (const auto &[destination, weight] : gone)
        out.append({ destination, weight, -1 });
    return out;
}

bool anyChange(const QList<WeightChange> &changes)
{
    for (const WeightChange &w : changes)
        if (w.before != w.after)
            return true;
    return false;
}

} // namespace

QList<SplitChange> SplitDiff::of(
    const QList<ResourcePair> &pairs, const DiffSide &before, const DiffSide &after)
{
    QList<SplitChange> out;
    for (const ResourcePair &p : pairs) {
        if (!p.edited || !p.before || !p.after)
            continue; // an added or removed resource is a structure change; its rules route in traffic
        const QList<DiffRule> was = DiffRule::of(*p.before, before.workspace);
        const QList<DiffRule> is = DiffRule::of(*p.after, after.workspace);
        QHash<QString, const DiffRule *> old;
        for (const DiffRule &r : was)
            old.insert(r.identity, &r);
        for (const DiffRule &r : is) {
            const DiffRule *w = old.value(r.identity);
            if (!w || !(r.weighted || w->weighted))
                continue;
            const QList<WeightChange> changes = weightChanges(w, &r);
            if (anyChange(changes))
                out.append({ p.after->displayName(), r.label, r.location, changes });
        }
    }
    return out;
}

} // namespace meshroute
