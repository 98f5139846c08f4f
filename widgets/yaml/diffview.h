#pragma once

#include "linediff.h"

#include <QPlainTextEdit>

namespace meshroute {

// A read-only unified diff (LineDiff), coloured like a diff from the
// palette's own reds and greens and redrawn when the theme changes: what a
// write (Export) or an insert (Convert to Gateway API) will change in a file.
class DiffView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);

    void setDiff(const QList<LineDiff::Line> &lines);
    // A long diff is cut after this many lines, with a note of how many more there are.
    static constexpr int maxShownLines = 20000;

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QList<LineDiff::Line> m_lines;
};

} // namespace meshroute
