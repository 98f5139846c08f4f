#pragma once

#include <QByteArray>
#include <QList>

namespace meshroute {

// A line diff in unified form, for showing what a write will change. Exact
// (LCS) between the first and last differing lines when that middle is
// small enough; beyond that, the middle is shown as replaced, which is still
// right, only less minimal.
class LineDiff
{
public:
    struct Line
    {
        enum class Kind { Context, Removed, Added, Hunk };
        Kind kind;
        QByteArray text;
    };

    static QList<Line> diff(const QByteArray &before, const QByteArray &after, int context = 3);
    // "+N -M" counts of a diff.
    static int count(const QList<Line> &lines, Line::Kind kind);
    static QByteArray toText(const QList<Line> &lines);
};

} // namespace meshroute
