// TrafficDiff and its parts on our own pairs (tests/data/diff): the
// incremental diff routes only the edited hosts and lists what the full one
// lists; findings compare by code, resource and path, not by line; --gateway
// keeps one sender; WorkspaceSource reads a folder; the Markdown folds long lists.
#include "corpus.h"
#include "diffreportwriter.h"
#include "loader.h"
#include "trafficdiff.h"
#include "workspacesource.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;

namespace {

DiffSide sideOf(const QByteArray &text, const QString &name)
{
    return WorkspaceSource::sideFrom(Loader::loadText(text, name), name);
}

QByteArray fixture(const QString &relative)
{
    return test::readFile(test::dataPath(QStringLiteral("diff/") + relative));
}

// The ratings host gets its own VirtualService, which no edit below touches.
const QByteArray ratingsVirtualService = "---\n"
                                         "apiVersion: networking.istio.io/v1\n"
                                         "kind: VirtualService\n"
                                         "metadata: {name: ratings, namespace: shop}\n"
                                         "spec:\n"
                                         "  hosts: [ratings]\n"
                                         "  http:\n"
                                         "  - match:\n"
                                         "    - uri: {prefix: /ratings}\n"
                                         "    route:\n"
                                         "    - destination: {host: ratings}\n";

QStringList requestLines(const DiffReport &r)
{
    QStringList out;
    for (const ChangedRequest &c : r.traffic)
        out << c.request.senderText() + QLatin1Char(' ') + c.request.requestLine();
    return out;
}

} // namespace

class TstTrafficDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void incrementalRoutesOnlyTheEditedHosts();
    void findingsAndStructureIgnoreMovedLines();
    void gatewayKeepsOneSender();
    void aFolderIsOneSide();
    void markdownFoldsLongLists();
};

void TstTrafficDiff::incrementalRoutesOnlyTheEditedHosts()
{
    const DiffSide before
        = sideOf(fixture(QStringLiteral("weight/old.yaml")) + ratingsVirtualService, QStringLiteral("a"));
    const DiffSide after
        = sideOf(fixture(QStringLiteral("weight/new.yaml")) + ratingsVirtualService, QStringLiteral("b"));
    DiffOptions full;
    full.incremental = false;
    const DiffReport everything = TrafficDiff::compare(before, after, full);
    const DiffReport incremental = TrafficDiff::compare(before, after);
    QCOMPARE(incremental.hostsRerouted, 1);
    QCOMPARE(everything.hostsRerouted, -1);
    QVERIFY2(incremental.requests < everything.requests,
        qPrintable(QStringLiteral("%1 vs %2").arg(incremental.requests).arg(everything.requests)));
    QCOMPARE(requestLines(incremental), requestLines(everything));
    QCOMPARE(requestLines(incremental),
        QStringList { QStringLiteral("sidecar shop GET http://reviews.shop.svc.cluster.local/") });
    // A DestinationRule edit reaches every host that routes to its subsets: nothing is skipped.
    QByteArray dr = fixture(QStringLiteral("weight/old.yaml")) + ratingsVirtualService;
    dr.replace("labels: {version: v2}", "labels: {version: v2, track: canary}");
    QCOMPARE(TrafficDiff::compare(before, sideOf(dr, QStringLiteral("c"))).hostsRerouted, -1);
}

void TstTrafficDiff::findingsAndStructureIgnoreMovedLines()
{
    const QByteArray text
        = fixture(QStringLiteral("reorder/new.yaml")); // MR2004 and IST0131 on rule "preview"
    const DiffSide before = sideOf(text, QStringLiteral("a.yaml"));
    const DiffSide after = sideOf("# moved down\n# by three lines\n\n" + text, QStringLiteral("a.yaml"));
    const DiffReport report = TrafficDiff::compare(before, after);
    QVERIFY(report.traffic.isEmpty());
    QVERIFY(report.findings.isEmpty());
    QVERIFY(report.structure.isEmpty());
    // The same findings are new against the order that had none.
    const DiffReport reordered = TrafficDiff::compare(
        sideOf(fixture(QStringLiteral("reorder/old.yaml")), QStringLiteral("o.yaml")), after);
    QStringList codes;
    for (const FindingChange &f : reordered.findings)
        codes << f.finding.code
                + (f.kind == FindingChange::Kind::New ? QStringLiteral(" new") : QStringLiteral(" gone"));
    codes.sort();
    QCOMPARE(codes, (QStringList { QStringLiteral("IST0131 new"), QStringLiteral("MR2004 new") }));
    QCOMPARE(reordered.findings.first().finding.line, 51); // as the new side reports it
}

void TstTrafficDiff::gatewayKeepsOneSender()
{
    const DiffSide before
        = sideOf(fixture(QStringLiteral("gatewayapi-backend/old.yaml")), QStringLiteral("a"));
    const DiffSide after
        = sideOf(fixture(QStringLiteral("gatewayapi-backend/new.yaml")), QStringLiteral("b"));
    DiffOptions edge;
    edge.gateway = QStringLiteral("web/edge");
    QCOMPARE(requestLines(TrafficDiff::compare(before, after, edge)),
        (QStringList { QStringLiteral("gateway web/edge GET http://shop.example.com/cart"),
            QStringLiteral("gateway web/edge GET http://shop.example.com/cart/more") }));
    DiffOptions other;
    other.gateway = QStringLiteral("web/other");
    const DiffReport none = TrafficDiff::compare(before, after, other);
    QCOMPARE(none.requests, 0);
    QCOMPARE(none.splits.size(), 1); // the split changed all the same
}

void TstTrafficDiff::aFolderIsOneSide()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(
        test::dataPath(QStringLiteral("diff/host-added/old.yaml")), dir.filePath(QStringLiteral("a.yaml"))));
    QFile more(dir.filePath(QStringLiteral("b.yml")));
    QVERIFY(more.open(QIODevice::WriteOnly));
    more.write(ratingsVirtualService);
    more.close();
    DiffSide folder;
    QString error;
    QVERIFY2(WorkspaceSource::fromPath(dir.path()).load(&folder, &error), qPrintable(error));
    QCOMPARE(folder.workspace.files.size(), 2);
    QCOMPARE(folder.fileTexts.size(), 2);
    DiffSide file;
    QVERIFY(WorkspaceSource::fromPath(test::dataPath(QStringLiteral("diff/host-added/old.yaml")))
                .load(&file, &error));
    const DiffReport report = TrafficDiff::compare(file, folder);
    QCOMPARE(report.structure.size(), 1);
    QCOMPARE(report.structure[0].resource, QStringLiteral("VirtualService shop/ratings"));
    QCOMPARE(report.structure[0].kind, StructureChange::Kind::Added);
    DiffSide missing;
    QVERIFY(!WorkspaceSource::fromPath(dir.filePath(QStringLiteral("none.yaml"))).load(&missing, &error));
    QVERIFY2(error.contains(QLatin1String("none.yaml")), qPrintable(error));
}

void TstTrafficDiff::markdownFoldsLongLists()
{
    // Twelve rules, each moved to another subset: twelve requests change.
    QByteArray before
        = "apiVersion: v1\nkind: Service\nmetadata: {name: reviews, namespace: shop}\n"
          "spec:\n  ports:\n  - {name: http, port: 9080}\n---\n"
          "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r, namespace: shop}\n"
          "spec:\n  hosts: [reviews]\n  http:\n";
    for (int i = 0; i < 12; ++i)
        before += QStringLiteral("  - match:\n    - uri: {exact: /r%1}\n    route:\n    - destination: "
                                 "{host: reviews, subset: v1}\n")
                      .arg(i)
                      .toUtf8();
    QByteArray after = before;
    after.replace("subset: v1", "subset: v2");
    const DiffReport report
        = TrafficDiff::compare(sideOf(before, QStringLiteral("a")), sideOf(after, QStringLiteral("b")));
    QCOMPARE(report.traffic.size(), 12);
    const QString md = DiffReportWriter::toMarkdown(report);
    QVERIFY(md.startsWith(QStringLiteral("**meshroute diff** `a` → `b`: 12 changed requests (of ")));
    QCOMPARE(md.count(QLatin1String("<details><summary>2 more</summary>")), 1);
    QCOMPARE(md.count(QLatin1String("| `GET http://reviews.shop.svc.cluster.local/r")), 12);
    QVERIFY(md.indexOf(QLatin1String("/r11 ")) > md.indexOf(QLatin1String("<details>")));
    QCOMPARE(DiffReportWriter::toJson(report).value(QStringLiteral("traffic")).toArray().size(), 12);
}

QTEST_GUILESS_MAIN(TstTrafficDiff)
#include "tst_trafficdiff.moc"
