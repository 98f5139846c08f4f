#pragma once

// Where a text stands in a hand-written fixture, so a test that expects a line number
// finds it in the file instead of hard-coding it.
#include <QByteArray>
#include <QList>

namespace meshroute::test {

// The 1-based number of the first line holding `needle` at or after the first line
// holding `after` (anywhere when `after` is empty); 0 when there is none.
inline int lineOf(const QByteArray &text, const QByteArray &needle, const QByteArray &after = {})
{
    const QList<QByteArray> lines = text.split('\n');
    bool started = after.isEmpty();
    for (int i = 0; i < lines.size(); ++i) {
        started = started || lines[i].contains(after);
        if (started && lines[i].contains(needle))
            return i + 1;
    }
    return 0;
}

} // namespace meshroute::test
