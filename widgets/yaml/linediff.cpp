#include "linediff.h"

#include <algorithm>
#include <vector>

namespace meshroute {

namespace {

constexpr qint64 maxCells = 4'000'000; // LCS table limit (N * M)

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// One step of the edit script over the whole files: 0 same, -1 removed (from a), +1 added (from b).
struct Op
{
    int kind;
    qsizetype ai, bi;
};

// The middles that differ (after the common prefix and before the common
// suffix), aligned by their longest common subsequence; past maxCells, all of
// a's middle removed and all of b's added.
void alignMiddles(const QList<QByteArray> &a, const QList<QByteArray> &b, qsizetype prefix, qsizetype suffix,
    std::vector<Op> &ops)
{
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;
    if (n <= 0 || m <= 0 || n * m > maxCells) {
        for (qsizetype i = 0; i < n; ++i)
            ops.push_back({ -1, prefix + i, -1 });
        for (qsizetype j = 0; j < m; ++j)
            ops.push_back({ 1, -1, prefix + j });
        return;
    }
    // lcs[i][j]: length of the LCS of a[i..n) and b[j..m) (of the middles).
    std::vector<std::vector<int>> lcs(std::size_t(n + 1), std::vector<int>(std::size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1
                                                       : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
            ops.push_back({ 0, prefix + i, prefix + j });
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            ops.push_back({ 1, -1, prefix + j });
            ++j;
        } else {
            ops.push_back({ -1, prefix + i, -1 });
            ++i;
        }
    }
}

std::vector<Op> editScript(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    std::vector<Op> ops;
    for (qsizetype i = 0; i < prefix; ++i)
        ops.push_back({ 0, i, i });
    alignMiddles(a, b, prefix, suffix, ops);
    for (qsizetype i = 0; i < suffix; ++i)
        ops.push_back({ 0, a.size() - suffix + i, b.size() - suffix + i });
    return ops;
}

// Where the hunk that starts with the change at k ends: it takes in the next
// change while it is within 2 * context lines, then `context` lines after.
qsizetype hunkEnd(const std::vector<Op> &ops, qsizetype k, int context)
{
    const qsizetype total = qsizetype(ops.size());
    qsizetype end = k;
    while (end < total) {
        qsizetype next = end;
        while (next < total && ops[std::size_t(next)].kind != 0)
            ++next;
        qsizetype gap = next;
        while (gap < total && ops[std::size_t(gap)].kind == 0 && gap - next < 2 * context + 1)
            ++gap;
        if (gap < total && ops[std::size_t(gap)].kind != 0) {
            end = gap;
            continue;
        }
        return std::min(total, next + context);
    }
    return end;
}

// The "@@ -a,n +b,m @@" line of the hunk of ops[start, end).
QByteArray hunkHeader(const std::vector<Op> &ops, qsizetype start, qsizetype end)
{
    qsizetype aStart = -1, bStart = -1, aCount = 0, bCount = 0;
    for (qsizetype x = start; x < end; ++x) {
        const Op &op = ops[std::size_t(x)];
        if (op.kind <= 0) {
            if (aStart < 0)
                aStart = op.ai;
            ++aCount;
        }
        if (op.kind >= 0) {
            if (bStart < 0)
                bStart = op.bi;
            ++bCount;
        }
    }
    return QByteArray("@@ -%1,%2 +%3,%4 @@")
        .replace("%1", QByteArray::number(aStart + 1))
        .replace("%2", QByteArray::number(aCount))
        .replace("%3", QByteArray::number(bStart + 1))
        .replace("%4", QByteArray::number(bCount));
}

} // namespace

QList<LineDiff::Line> LineDiff::diff(const QByteArray &before, const QByteArray &after, int context)
{
    const QList<QByteArray> a = splitLines(before);
    const QList<QByteArray> b = splitLines(after);
    const std::vector<Op> ops = editScript(a, b);

    // Hunks: changes with `context` lines around them.
    QList<Line> out;
    const qsizetype total = qsizetype(ops.size());
    qsizetype k = 0;
    while (k < total) {
        while (k < total && ops[std::size_t(k)].kind == 0)
            ++k;
        if (k == total)
            break;
        const qsizetype start = std::max<qsizetype>(0, k - context);
        const qsizetype end = hunkEnd(ops, k, context);
        out.append({ Line::Kind::Hunk, hunkHeader(ops, start, end) });
        for (qsizetype x = start; x < end; ++x) {
            const Op &op = ops[std::size_t(x)];
            if (op.kind == 0)
                out.append({ Line::Kind::Context, a[op.ai] });
            else if (op.kind < 0)
                out.append({ Line::Kind::Removed, a[op.ai] });
            else
                out.append({ Line::Kind::Added, b[op.bi] });
        }
        k = end;
    }
    return out;
}

int LineDiff::count(const QList<Line> &lines, Line::Kind kind)
{
    return int(std::count_if(lines.begin(), lines.end(), [kind](const Line &l) { return l.kind == kind; }));
}

QByteArray LineDiff::toText(const QList<Line> &lines)
{
    QByteArray out;
    for (const Line &l : lines) {
        switch (l.kind) {
        case Line::Kind::Hunk:
            break;
        case Line::Kind::Context:
            out += ' ';
            break;
        case Line::Kind::Removed:
            out += '-';
            break;
        case Line::Kind::Added:
            out += '+';
            break;
        }
        out += l.text;
        out += '\n';
    }
    return out;
}

} // namespace meshroute
