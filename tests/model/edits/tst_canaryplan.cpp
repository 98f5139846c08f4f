// Canary plans: weights per step, each step's YAML made by the real
// SetWeights edit (comments kept, only weights change), nothing left in the
// user's document, and both export forms.
#include "canaryplan.h"
#include "document.h"
#include "loader.h"
#include "request.h"
#include "router.h"
#include "undostack.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;

namespace {

QByteArray bookinfoText()
{
    QFile f(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    for (const Resource &r : doc.workspace().resources)
        if (r.kind == kind && r.name() == name)
            return r.id;
    return -1;
}

// The bytes the step must produce: Bookinfo with the two reviews weights replaced.
QByteArray expectedText(int stable, int canary)
{
    QByteArray text = bookinfoText();
    text.replace("weight: 99  # stable", "weight: " + QByteArray::number(stable) + "  # stable");
    text.replace("weight: 1   # canary", "weight: " + QByteArray::number(canary) + "   # canary");
    return text;
}

} // namespace

class TestCanaryPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weightsFor_data()
    {
        QTest::addColumn<QList<int>>("current");
        QTest::addColumn<int>("target");
        QTest::addColumn<int>("percent");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("two, 5%") << QList<int> { 99, 1 } << 1 << 5 << QList<int> { 95, 5 };
        QTest::newRow("two, 100%") << QList<int> { 99, 1 } << 1 << 100 << QList<int> { 0, 100 };
        QTest::newRow("two, 0%") << QList<int> { 50, 50 } << 1 << 0 << QList<int> { 100, 0 };
        QTest::newRow("three, proportional")
            << QList<int> { 60, 20, 20 } << 2 << 25 << QList<int> { 56, 19, 25 };
        QTest::newRow("three, all others zero: even")
            << QList<int> { 0, 0, 100 } << 2 << 1 << QList<int> { 50, 49, 1 };
        QTest::newRow("first is new") << QList<int> { 0, 100 } << 0 << 50 << QList<int> { 50, 50 };
        QTest::newRow("relative weights") << QList<int> { 3, 1, 0 } << 2 << 20 << QList<int> { 60, 20, 20 };
    }
    void weightsFor()
    {
        QFETCH(QList<int>, current);
        QFETCH(int, target);
        QFETCH(int, percent);
        QFETCH(QList<int>, expected);
        const QList<int> got = CanaryPlan::weightsFor(current, target, percent);
        QCOMPARE(got, expected);
        int sum = 0;
        for (int w : got)
            sum += w;
        QCOMPARE(sum, 100);
    }

    void parsePercents_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("commas") << "1, 5, 25, 50, 100" << true << QList<int> { 1, 5, 25, 50, 100 };
        QTest::newRow("percent signs and spaces") << "10% 50% 100%" << true << QList<int> { 10, 50, 100 };
        QTest::newRow("not increasing") << "5, 5" << false << QList<int> {};
        QTest::newRow("over 100") << "50, 150" << false << QList<int> {};
        QTest::newRow("word") << "1, half" << false << QList<int> {};
        QTest::newRow("empty") << "" << false << QList<int> {};
    }
    void parsePercents()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QList<int>, expected);
        QList<int> got;
        QString error;
        QCOMPARE(CanaryPlan::parsePercents(text, &got, &error), ok);
        if (ok)
            QCOMPARE(got, expected);
        else
            QVERIFY(!error.isEmpty());
    }

    void stepsAreTheRealEditAndLeaveTheDocumentAlone()
    {
        Document doc;
        doc.setLoadResult(Loader::loadText(bookinfoText(), QStringLiteral("bookinfo.yaml")));
        const int reviews = idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(reviews >= 0);
        QSignalSpy changed(&doc, &Document::changed);
        const CanaryPlan plan(reviews, 0, 1, CanaryPlan::defaultPercents());
        QString error;
        const QList<CanaryPlan::Step> steps = plan.compute(doc, &error);
        QVERIFY2(steps.size() == 5, qPrintable(error));
        const QList<QList<int>> weights = { { 99, 1 }, { 95, 5 }, { 75, 25 }, { 50, 50 }, { 0, 100 } };
        for (int i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps[i].weights, weights[i]);
            QCOMPARE(steps[i].fileText, expectedText(weights[i][0], weights[i][1]));
            QVERIFY(steps[i].documentText.contains("name: reviews"));
            QVERIFY(steps[i].documentText.contains("weight: " + QByteArray::number(weights[i][1])));
            QVERIFY(!steps[i].documentText.contains("kind: Deployment"));
        }
        QCOMPARE(steps[1].label, QStringLiteral("step 2 of 5: 5% to reviews v2"));
        // Nothing happened to the user's document.
        QCOMPARE(changed.count(), 0);
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(doc.files()[0].text, bookinfoText());
    }

    void stepWorkspaceRoutesTheStep()
    {
        Document doc;
        doc.setLoadResult(Loader::loadText(bookinfoText(), QStringLiteral("bookinfo.yaml")));
        const CanaryPlan plan(
            idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews")), 0, 1, { 25 });
        QString error;
        const QList<CanaryPlan::Step> steps = plan.compute(doc, &error);
        QCOMPARE(steps.size(), 1);
        const Router router(RouteTable::compile(steps[0].workspace));
        Request req;
        QVERIFY(req.setRequestLine(u"GET http://reviews:9080/reviews/0"));
        const RouteResult r = router.route(req);
        QCOMPARE(r.destinations.size(), 2);
        QCOMPARE(r.destinations[0].share, 75.0);
        QCOMPARE(r.destinations[1].share, 25.0);
    }

    void refusesWhatCannotBePlanned()
    {
        Document doc;
        doc.setLoadResult(Loader::loadText(bookinfoText(), QStringLiteral("bookinfo.yaml")));
        QString error;
        QVERIFY(CanaryPlan(-1, 0, 1, { 5 }).compute(doc, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("select an HTTP rule")));
        const int bookinfo = idOf(doc, ResourceKind::VirtualService, QStringLiteral("bookinfo"));
        QVERIFY(CanaryPlan(bookinfo, 0, 0, { 5 }).compute(doc, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("one destination")));
        const int reviews = idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(CanaryPlan(reviews, 0, 7, { 5 }).compute(doc, &error).isEmpty());
    }

    void exportsOneFilePerStepAndAMultiDocument()
    {
        Document doc;
        doc.setLoadResult(Loader::loadText(bookinfoText(), QStringLiteral("bookinfo.yaml")));
        const CanaryPlan plan(
            idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews")), 0, 1, { 5, 50, 100 });
        QString error;
        const QList<CanaryPlan::Step> steps = plan.compute(doc, &error);
        QCOMPARE(steps.size(), 3);

        QTemporaryDir dir;
        QStringList written;
        QVERIFY2(CanaryPlan::exportFiles(steps, dir.path(), QStringLiteral("bookinfo"), &written, &error),
            qPrintable(error));
        QCOMPARE(written.size(), 3);
        QVERIFY(written[1].endsWith(QStringLiteral("bookinfo.step-2-50pct.yaml")));
        for (int i = 0; i < 3; ++i) {
            QFile f(written[i]);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), steps[i].fileText);
            // Each step file loads as the full workspace again.
            const LoadResult back = Loader::loadPaths({ written[i] });
            QCOMPARE(back.workspace.resources.size(), doc.workspace().resources.size());
        }

        const QByteArray multi = CanaryPlan::multiDocument(steps);
        QCOMPARE(multi.count("\n---\n") + (multi.startsWith("---\n") ? 1 : 0), 3);
        QVERIFY(multi.contains("# Canary step 1 of 3: 5% to reviews v2 (weights 95/5)"));
        QVERIFY(multi.contains("# Canary step 3 of 3: 100% to reviews v2 (weights 0/100)"));
        const LoadResult loaded = Loader::loadText(multi, QStringLiteral("plan.yaml"));
        QCOMPARE(loaded.workspace.resources.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const VirtualService *vs = loaded.workspace.resources[i].virtualService();
            QVERIFY(vs);
            QCOMPARE(int(vs->http[0].route[1].weight.value), steps[i].weights[1]);
        }
    }
};

QTEST_GUILESS_MAIN(TestCanaryPlan)
#include "tst_canaryplan.moc"
