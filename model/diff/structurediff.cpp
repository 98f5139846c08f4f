#include "structurediff.h"

#include "diffrules.h"

#include <QHash>

namespace meshroute {

namespace {

QString locationOf(const Resource &r, const Workspace &ws)
{
    return QStringLiteral("%1:%2").arg(ws.fileOf(r)).arg(r.absoluteLine(r.pos));
}

// The rules of one resource on both sides.
void compareRules(const Resource &resource, const QList<DiffRule> &was, const QList<DiffRule> &is,
    QList<StructureChange> &out)
{
    using K = StructureChange::Kind;
    const QString name = resource.displayName();
    QHash<QString, const DiffRule *> old, now;
    for (const DiffRule &r : was)
        old.insert(r.identity, &r);
    for (const DiffRule &r : is)
        now.insert(r.identity, &r);
    // Reordered: a rule kept on both sides whose rank among the kept ones moved.
    QStringList keptBefore, keptAfter;
    for (const DiffRule &r : was)
        if (now.contains(r.identity))
            keptBefore << r.identity;
    for (const DiffRule &r : is) {
        const DiffRule *w = old.value(r.identity);
        if (!w) {
            out.append({ K::Added, name, r.label, r.signature, r.location });
            continue;
        }
        keptAfter << r.identity;
        if (w->signature != r.signature)
            out.append({ K::Changed, name, r.label, w->signature + QStringLiteral(" -> ") + r.signature,
                r.location });
    }
    for (const DiffRule &r : was)
        if (!now.contains(r.identity))
            out.append({ K::Removed, name, r.label, r.signature, r.location });
    for (int i = 0; i < keptAfter.size(); ++i)
        if (keptBefore.value(i) != keptAfter[i]) {
            const DiffRule *w = old.value(keptAfter[i]), *r = now.value(keptAfter[i]);
            if (w->index != r->index)
                out.append({ K::Reordered, name, r->label,
                    QStringLiteral("position %1 -> %2").arg(w->index).arg(r->index), r->location });
        }
}

} // namespace

QList<StructureChange> StructureDiff::of(
    const QList<ResourcePair> &pairs, const DiffSide &before, const DiffSide &after)
{
    using K = StructureChange::Kind;
    QList<StructureChange> out;
    for (const ResourcePair &p : pairs) {
        if (!p.before)
            out.append({ K::Added, p.after->displayName(), {}, {}, locationOf(*p.after, after.workspace) });
        else if (!p.after)
            out.append(
                { K::Removed, p.before->displayName(), {}, {}, locationOf(*p.before, before.workspace) });
        else if (p.edited)
            compareRules(*p.after, DiffRule::of(*p.before, before.workspace),
                DiffRule::of(*p.after, after.workspace), out);
    }
    return out;
}

} // namespace meshroute
