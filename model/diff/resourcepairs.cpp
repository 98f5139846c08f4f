#include "resourcepairs.h"

#include "diffrules.h"

#include <QHash>
#include <algorithm>

namespace meshroute {

namespace {

// Where each document of a side ends: the start of the next one in its file.
class DocumentEnds
{
public:
    explicit DocumentEnds(const DiffSide &side)
    {
        m_starts.resize(side.workspace.files.size());
        for (const Resource &r : side.workspace.resources)
            if (r.fileIndex >= 0 && r.fileIndex < m_starts.size())
                m_starts[r.fileIndex].append(r.baseOffset);
        for (QList<int> &starts : m_starts)
            std::sort(starts.begin(), starts.end());
    }
    QByteArray text(const DiffSide &side, const Resource &r) const
    {
        if (r.fileIndex < 0 || r.fileIndex >= side.fileTexts.size())
            return {};
        const QByteArray &file = side.fileTexts[r.fileIndex];
        const QList<int> &starts = m_starts[r.fileIndex];
        const auto next = std::upper_bound(starts.cbegin(), starts.cend(), r.baseOffset);
        const int end = next == starts.cend() ? int(file.size()) : *next;
        return file.mid(r.baseOffset, end - r.baseOffset);
    }

private:
    QList<QList<int>> m_starts;
};

} // namespace

QByteArray ResourcePairs::documentText(const DiffSide &side, const Resource &r)
{
    return DocumentEnds(side).text(side, r);
}

namespace {

// The identity of each resource of a side; a name written twice (one object
// in two apiVersions) is told apart by its occurrence.
QList<QString> keysOf(const Workspace &ws)
{
    QHash<QString, int> seen;
    QList<QString> out;
    for (const Resource &r : ws.resources) {
        const QString key = DiffRule::resourceKey(r);
        const int n = seen[key]++;
        out.append(n == 0 ? key : key + QStringLiteral(" #%1").arg(n + 1));
    }
    return out;
}

} // namespace

QList<ResourcePair> ResourcePairs::of(const DiffSide &before, const DiffSide &after)
{
    const QList<QString> oldKeys = keysOf(before.workspace), newKeys = keysOf(after.workspace);
    QHash<QString, const Resource *> old;
    for (int i = 0; i < oldKeys.size(); ++i)
        old.insert(oldKeys[i], &before.workspace.resources[i]);
    const DocumentEnds oldEnds(before), newEnds(after);
    QList<ResourcePair> out;
    for (int i = 0; i < newKeys.size(); ++i) {
        const Resource &r = after.workspace.resources[i];
        ResourcePair p;
        p.after = &r;
        p.before = old.take(newKeys[i]);
        if (p.before) {
            const QByteArray was = oldEnds.text(before, *p.before);
            p.edited = was.isEmpty() || was != newEnds.text(after, r);
        }
        out.append(p);
    }
    for (int i = 0; i < oldKeys.size(); ++i)
        if (old.contains(oldKeys[i]))
            out.append({ &before.workspace.resources[i], nullptr, true });
    return out;
}

} // namespace meshroute
