// The traffic diff over every manifest we have (tests/data and, with
// MESHROUTE_CORPUS_DIR, the public corpus):
// - a file diffed against itself changes nothing in any section;
// - against each single-edit variant our edit commands make (SetWeights,
//   SetBackendWeights, SetRouteMatches, MoveRoute), the incremental diff
//   lists exactly the requests whose answer the router, asked directly on
//   both sides for every request made from both sides' rules, says changed.
#include "corpus.h"
#include "diffrequestplanner.h"
#include "document.h"
#include "loader.h"
#include "moveroute.h"
#include "request.h"
#include "router.h"
#include "setbackendweights.h"
#include "setroutematches.h"
#include "setweights.h"
#include "trafficdiff.h"
#include "undostack.h"
#include "workspacesource.h"
#include "yamledit.h"

#include <QSet>
#include <QtTest>
#include <functional>
#include <memory>

using namespace meshroute;

namespace {

DiffSide sideOf(const Document &doc, const QString &label)
{
    DiffSide s;
    s.label = label;
    s.workspace = doc.workspace();
    for (const SourceFile &f : doc.files())
        s.fileTexts.append(f.text);
    return s;
}

QString keyOf(const SampleRequest &s)
{
    return s.senderText() + QLatin1Char(' ') + QString::number(s.port) + QLatin1Char(' ') + s.requestLine()
        + QLatin1Char(' ') + s.headers.join(QLatin1Char('|'));
}

// The oracle: every request made from both sides' rules, routed directly on both sides.
QSet<QString> changedByTheRouter(const DiffSide &before, const DiffSide &after)
{
    const Router was(RouteTable::compile(before.workspace)), is(RouteTable::compile(after.workspace));
    QSet<QString> seen, changed;
    for (const Router *side : { &was, &is })
        for (const ProofRequest &p : DiffRequestPlanner::plan(side->table())) {
            const QString key = keyOf(p.sample);
            Request request;
            if (seen.contains(key) || !p.sample.toRequest(&request))
                continue;
            seen.insert(key);
            if (!DiffOutcome::of(was.route(request), was.table())
                     .sameAnswer(DiffOutcome::of(is.route(request), is.table())))
                changed.insert(key);
        }
    return changed;
}

using MakeEdit = std::function<std::unique_ptr<UndoCommand>(Document &, const Resource &, int rule)>;

// One edit per rule, the first two of each kind in a file (the corpus sweep stays within minutes).
struct EditKind
{
    const char *name;
    MakeEdit make;
};

QList<int> lastTakesAll(qsizetype n)
{
    QList<int> w(n, 0);
    w.last() = 100;
    return w;
}

const QList<EditKind> &editKinds()
{
    static const QList<EditKind> kinds = {
        { "SetWeights",
            [](Document &doc, const Resource &r, int i) -> std::unique_ptr<UndoCommand> {
                const VirtualService *vs = r.virtualService();
                if (!vs || i >= vs->http.size() || vs->http[i].route.size() < 2)
                    return nullptr;
                QString error;
                return SetWeights::create(&doc, r.id, i, lastTakesAll(vs->http[i].route.size()), &error);
            } },
        { "SetBackendWeights",
            [](Document &doc, const Resource &r, int i) -> std::unique_ptr<UndoCommand> {
                const GatewayApiRoute *route = r.gatewayApiRoute();
                if (r.kind != ResourceKind::HTTPRoute || !route || i >= route->rules.size()
                    || route->rules[i].backendRefs.size() < 2)
                    return nullptr;
                QString error;
                return SetBackendWeights::create(
                    &doc, r.id, i, lastTakesAll(route->rules[i].backendRefs.size()), &error);
            } },
        { "SetRouteMatches (catch-all)",
            [](Document &doc, const Resource &r, int i) -> std::unique_ptr<UndoCommand> {
                const VirtualService *vs = r.virtualService();
                if (!vs || i >= vs->http.size() || vs->http[i].match.isEmpty())
                    return nullptr;
                QString error;
                return SetRouteMatches::create(&doc, r.id, i, YamlEdit::sequence(), &error);
            } },
        { "MoveRoute (to the top)",
            [](Document &doc, const Resource &r, int i) -> std::unique_ptr<UndoCommand> {
                const VirtualService *vs = r.virtualService();
                if (!vs || i == 0 || i >= vs->http.size())
                    return nullptr;
                QString error;
                return MoveRoute::create(&doc, r.id, i, 0, &error);
            } },
    };
    return kinds;
}

int ruleCount(const Resource &r)
{
    if (const VirtualService *vs = r.virtualService())
        return int(vs->http.size());
    if (const GatewayApiRoute *route = r.gatewayApiRoute())
        return int(route->rules.size());
    return 0;
}

} // namespace

class TstDiffCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFileAgainstItselfChangesNothing_data() { test::addSweepRows(40, 200); }
    void aFileAgainstItselfChangesNothing();
    void singleEditsReportWhatTheRouterSays_data() { test::addSweepRows(40, 200); }
    void singleEditsReportWhatTheRouterSays();
    // The sweep did its work: edits of every kind ran and some changed traffic.
    void cleanupTestCase();

private:
    QHash<QString, int> m_edits; // per kind
    int m_editsThatChangeTraffic = 0;
    int m_requestsListed = 0;
};

void TstDiffCorpus::cleanupTestCase()
{
    if (!QTest::currentTestFailed() && m_edits.isEmpty())
        return; // the edit sweep was not selected
    qInfo("edits: %d SetWeights, %d SetBackendWeights, %d SetRouteMatches, %d MoveRoute; %d changed traffic "
          "(%d requests listed)",
        m_edits.value(QStringLiteral("SetWeights")), m_edits.value(QStringLiteral("SetBackendWeights")),
        m_edits.value(QStringLiteral("SetRouteMatches (catch-all)")),
        m_edits.value(QStringLiteral("MoveRoute (to the top)")), m_editsThatChangeTraffic, m_requestsListed);
    for (const EditKind &kind : editKinds())
        QVERIFY2(m_edits.value(QLatin1String(kind.name)) > 0, kind.name);
    QVERIFY(m_editsThatChangeTraffic > 10);
}

void TstDiffCorpus::aFileAgainstItselfChangesNothing()
{
    QFETCH(QString, path);
    const DiffSide side = WorkspaceSource::sideFrom(Loader::loadPaths({ path }), path);
    DiffOptions everything;
    everything.incremental = false; // every host routed: nothing may differ
    const DiffReport report = TrafficDiff::compare(side, side, everything);
    QVERIFY2(report.traffic.isEmpty(), qPrintable(report.traffic.value(0).request.requestLine()));
    QVERIFY(report.splits.isEmpty());
    QVERIFY(report.findings.isEmpty());
    QVERIFY(report.structure.isEmpty());
    // A file with load errors says so first (both sides carry them), then what changed: nothing.
    QVERIFY2(report.summary().startsWith(QLatin1String(report.errors.isEmpty() ? "no traffic change" : "")),
        qPrintable(report.summary()));
    QVERIFY2(report.summary().contains(QLatin1String("no traffic change")), qPrintable(report.summary()));
}

void TstDiffCorpus::singleEditsReportWhatTheRouterSays()
{
    QFETCH(QString, path);
    Document doc;
    doc.setLoadResult(Loader::loadPaths({ path }));
    const DiffSide before = sideOf(doc, QStringLiteral("before"));
    DiffOptions options;
    options.findings = false; // the traffic section is under test
    for (const EditKind &kind : editKinds()) {
        int made = 0;
        for (const Resource &r : before.workspace.resources) {
            for (int i = 0; i < ruleCount(r) && made < 2; ++i) {
                std::unique_ptr<UndoCommand> edit = kind.make(doc, *doc.resource(r.id), i);
                if (!edit)
                    continue;
                ++made;
                doc.undoStack()->push(edit.release());
                const DiffSide after = sideOf(doc, QStringLiteral("after"));
                const DiffReport report = TrafficDiff::compare(before, after, options);
                QSet<QString> listed;
                for (const ChangedRequest &c : report.traffic)
                    listed.insert(keyOf(c.request));
                const QSet<QString> expected = changedByTheRouter(before, after);
                const QString where = QStringLiteral("%1 on %2 rule %3")
                                          .arg(QLatin1String(kind.name), r.displayName())
                                          .arg(i);
                QVERIFY2(listed == expected,
                    qPrintable(where + QStringLiteral(": diff lists ")
                        + QStringList(listed.values()).join(QStringLiteral("; "))
                        + QStringLiteral("\nrouter says ")
                        + QStringList(expected.values()).join(QStringLiteral("; "))));
                ++m_edits[QLatin1String(kind.name)];
                m_editsThatChangeTraffic += listed.isEmpty() ? 0 : 1;
                m_requestsListed += int(listed.size());
                doc.undoStack()->undo();
            }
        }
    }
}

QTEST_GUILESS_MAIN(TstDiffCorpus)
#include "tst_diffcorpus.moc"
