#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace meshroute {

struct DiffReport;

// A DiffReport as text for a terminal, as JSON for scripts, and as Markdown
// for a pull-request comment (the summary line first, then one table per
// section, long lists folded in <details>).
class DiffReportWriter
{
public:
    static QString toText(const DiffReport &report);
    static QString toMarkdown(const DiffReport &report);
    static QJsonObject toJson(const DiffReport &report);

    // Lists longer than this are folded in Markdown.
    static constexpr int kFoldAfter = 10;
};

} // namespace meshroute
