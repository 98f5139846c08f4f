#include "diffreportwriter.h"

#include "diffreport.h"

#include <QJsonArray>

namespace meshroute {

namespace {

// "GET http://reviews:9080/ [end-user: jason] from sidecar default"
QString requestText(const SampleRequest &r)
{
    QString text = r.requestLine();
    for (const QString &h : r.headers)
        text += QStringLiteral(" [") + h + QLatin1Char(']');
    text += QStringLiteral(" from ") + r.senderText();
    if (r.port > 0)
        text += QStringLiteral(" port %1").arg(r.port);
    return text;
}

QString at(const QString &location)
{
    return location.isEmpty() ? QString() : QStringLiteral(" (") + location + QLatin1Char(')');
}

QString findingText(const FindingChange &f)
{
    return (f.kind == FindingChange::Kind::New ? QStringLiteral("new: ") : QStringLiteral("gone: "))
        + f.finding.toText();
}

QString structureText(const StructureChange &c)
{
    QString text = StructureChange::kindName(c.kind) + QLatin1Char(' ') + c.resource;
    if (!c.rule.isEmpty())
        text += QLatin1Char(' ') + c.rule;
    if (!c.detail.isEmpty())
        text += QStringLiteral(": ") + c.detail;
    return text + at(c.location);
}

// A Markdown table cell: no line breaks, pipes escaped, code spans where it helps.
QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

// One Markdown section: a heading, a table, the rows past the first kFoldAfter folded.
QString table(const QString &heading, const QString &header, const QStringList &rows)
{
    if (rows.isEmpty())
        return {};
    const int columns = int(header.count(QLatin1Char('|'))) - 1;
    QString rule = QStringLiteral("|");
    for (int i = 0; i < columns; ++i)
        rule += QStringLiteral("---|");
    QString out = QStringLiteral("\n### %1\n\n%2\n%3\n").arg(heading, header, rule);
    const int shown = std::min<int>(int(rows.size()), DiffReportWriter::kFoldAfter);
    for (int i = 0; i < shown; ++i)
        out += rows[i] + QLatin1Char('\n');
    if (shown < rows.size()) {
        out += QStringLiteral("\n<details><summary>%1 more</summary>\n\n%2\n%3\n")
                   .arg(rows.size() - shown)
                   .arg(header, rule);
        for (int i = shown; i < rows.size(); ++i)
            out += rows[i] + QLatin1Char('\n');
        out += QStringLiteral("\n</details>\n");
    }
    return out;
}

QJsonObject outcomeJson(const DiffOutcome &o)
{
    QJsonArray destinations;
    for (const DiffDestination &d : o.destinations)
        destinations.append(
            QJsonObject { { QStringLiteral("destination"), d.name }, { QStringLiteral("share"), d.share } });
    return { { QStringLiteral("status"), o.status }, { QStringLiteral("rule"), o.rule },
        { QStringLiteral("location"), o.location }, { QStringLiteral("destinations"), destinations },
        { QStringLiteral("redirect"), o.redirect }, { QStringLiteral("rewrite"), o.rewrite },
        { QStringLiteral("headers"), QJsonArray::fromStringList(o.headers) },
        { QStringLiteral("fault"), o.fault }, { QStringLiteral("summary"), o.summary() } };
}

QJsonObject diagnosticJson(const Diagnostic &d)
{
    return { { QStringLiteral("code"), d.code },
        { QStringLiteral("severity"), Diagnostic::severityName(d.severity) },
        { QStringLiteral("message"), d.message }, { QStringLiteral("file"), d.file },
        { QStringLiteral("line"), d.line }, { QStringLiteral("column"), d.column },
        { QStringLiteral("resource"), d.resource }, { QStringLiteral("path"), d.path } };
}

} // namespace

QString DiffReportWriter::toText(const DiffReport &report)
{
    QString out = QStringLiteral("%1 -> %2: %3\n").arg(report.oldLabel, report.newLabel, report.summary());
    for (const Diagnostic &d : report.errors)
        out += QStringLiteral("error: ") + d.toText() + QLatin1Char('\n');
    for (const ChangedRequest &c : report.traffic)
        out += QStringLiteral("changed: %1 (%2 of %3)\n  before: %4%5\n  after:  %6%7\n")
                   .arg(requestText(c.request), c.variant, c.origin, c.before.summary(),
                       at(c.before.location), c.after.summary(), at(c.after.location));
    for (const SplitChange &s : report.splits)
        out += QStringLiteral("split: ") + s.summary() + at(s.location) + QLatin1Char('\n');
    for (const FindingChange &f : report.findings)
        out += QStringLiteral("finding ") + findingText(f) + QLatin1Char('\n');
    for (const StructureChange &c : report.structure)
        out += QStringLiteral("structure: ") + structureText(c) + QLatin1Char('\n');
    return out;
}

QString DiffReportWriter::toMarkdown(const DiffReport &report)
{
    QString out = QStringLiteral("**meshroute diff** `%1` → `%2`: %3\n")
                      .arg(report.oldLabel, report.newLabel, report.summary());
    QStringList rows;
    for (const Diagnostic &d : report.errors)
        rows << QStringLiteral("| `%1:%2:%3` | %4 | %5 |")
                    .arg(d.file)
                    .arg(d.line)
                    .arg(d.column)
                    .arg(d.code, cell(d.message));
    out += table(QStringLiteral("Errors"), QStringLiteral("| where | code | message |"), rows);
    rows.clear();
    for (const ChangedRequest &c : report.traffic)
        rows << QStringLiteral("| `%1` | %2 | %3 | %4 |")
                    .arg(cell(requestText(c.request)), cell(c.variant + QStringLiteral(" of ") + c.origin),
                        cell(c.before.summary()), cell(c.after.summary()));
    out += table(
        QStringLiteral("Traffic: %1 changed")
            .arg(report.traffic.size() == 1 ? QStringLiteral("1 request")
                                            : QStringLiteral("%1 requests").arg(report.traffic.size())),
        QStringLiteral("| request | made from | before | after |"), rows);
    rows.clear();
    for (const SplitChange &s : report.splits) {
        QStringList weights;
        for (const WeightChange &w : s.weights)
            weights << QStringLiteral("%1 %2 → %3")
                           .arg(w.destination, w.before < 0 ? QStringLiteral("-") : QString::number(w.before),
                               w.after < 0 ? QStringLiteral("-") : QString::number(w.after));
        rows << QStringLiteral("| %1 | %2 | %3 | `%4` |")
                    .arg(
                        cell(s.resource), cell(s.rule), cell(weights.join(QStringLiteral(", "))), s.location);
    }
    out += table(QStringLiteral("Splits"), QStringLiteral("| resource | rule | weights | where |"), rows);
    rows.clear();
    for (const FindingChange &f : report.findings)
        rows << QStringLiteral("| %1 | %2 | %3 | %4 | `%5:%6` |")
                    .arg(f.kind == FindingChange::Kind::New ? QStringLiteral("new") : QStringLiteral("gone"),
                        f.finding.code, cell(f.finding.resource), cell(f.finding.message), f.finding.file)
                    .arg(f.finding.line);
    out += table(QStringLiteral("Findings"), QStringLiteral("| | code | resource | message | where |"), rows);
    rows.clear();
    for (const StructureChange &c : report.structure)
        rows << QStringLiteral("| %1 | %2 | %3 | %4 | `%5` |")
                    .arg(StructureChange::kindName(c.kind), cell(c.resource), cell(c.rule), cell(c.detail),
                        c.location);
    out += table(
        QStringLiteral("Structure"), QStringLiteral("| change | resource | rule | detail | where |"), rows);
    return out;
}

QJsonObject DiffReportWriter::toJson(const DiffReport &report)
{
    QJsonArray traffic, splits, findings, structure, errors;
    for (const ChangedRequest &c : report.traffic)
        traffic.append(QJsonObject { { QStringLiteral("request"), c.request.requestLine() },
            { QStringLiteral("headers"), QJsonArray::fromStringList(c.request.headers) },
            { QStringLiteral("sender"), c.request.senderText() }, { QStringLiteral("port"), c.request.port },
            { QStringLiteral("origin"), c.origin }, { QStringLiteral("variant"), c.variant },
            { QStringLiteral("before"), outcomeJson(c.before) },
            { QStringLiteral("after"), outcomeJson(c.after) } });
    for (const SplitChange &s : report.splits) {
        QJsonArray weights;
        for (const WeightChange &w : s.weights)
            weights.append(QJsonObject { { QStringLiteral("destination"), w.destination },
                { QStringLiteral("before"), w.before < 0 ? QJsonValue() : QJsonValue(w.before) },
                { QStringLiteral("after"), w.after < 0 ? QJsonValue() : QJsonValue(w.after) } });
        splits.append(
            QJsonObject { { QStringLiteral("resource"), s.resource }, { QStringLiteral("rule"), s.rule },
                { QStringLiteral("location"), s.location }, { QStringLiteral("weights"), weights } });
    }
    for (const FindingChange &f : report.findings) {
        QJsonObject o = diagnosticJson(f.finding);
        o.insert(QStringLiteral("change"),
            f.kind == FindingChange::Kind::New ? QStringLiteral("new") : QStringLiteral("gone"));
        findings.append(o);
    }
    for (const StructureChange &c : report.structure)
        structure.append(QJsonObject { { QStringLiteral("change"), StructureChange::kindName(c.kind) },
            { QStringLiteral("resource"), c.resource }, { QStringLiteral("rule"), c.rule },
            { QStringLiteral("detail"), c.detail }, { QStringLiteral("location"), c.location } });
    for (const Diagnostic &d : report.errors)
        errors.append(diagnosticJson(d));
    return { { QStringLiteral("old"), report.oldLabel }, { QStringLiteral("new"), report.newLabel },
        { QStringLiteral("summary"), report.summary() }, { QStringLiteral("requests"), report.requests },
        { QStringLiteral("hostsRerouted"), report.hostsRerouted },
        { QStringLiteral("trafficChanged"), report.trafficChanged() }, { QStringLiteral("traffic"), traffic },
        { QStringLiteral("splits"), splits }, { QStringLiteral("findings"), findings },
        { QStringLiteral("structure"), structure }, { QStringLiteral("errors"), errors } };
}

} // namespace meshroute
