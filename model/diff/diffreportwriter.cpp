#include "diffreportwriter.h"

#include "diffreport.h"

namespace meshroute {

QString DiffReportWriter::toText(const DiffReport &report)
{
    QString out = report.summary() + QLatin1Char('\n');
    for (const ChangedRequest &c : report.traffic)
        out += QStringLiteral("changed: %1\n  before: %2\n  after:  %3\n")
                   .arg(c.request.requestLine(), c.before.summary(), c.after.summary());
    return out;
}

QString DiffReportWriter::toMarkdown(const DiffReport &report)
{
    return QStringLiteral("**%1**\n").arg(report.summary());
}

QJsonObject DiffReportWriter::toJson(const DiffReport &report)
{
    return { { QStringLiteral("summary"), report.summary() },
        { QStringLiteral("trafficChanged"), report.trafficChanged() } };
}

} // namespace meshroute
