#include "moveroute.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestMoveRoute : public QObject
{
    Q_OBJECT

private:
    Document m_doc;
    QByteArray m_text;
    int m_vs = -1;

private Q_SLOTS:
    void init()
    {
        m_text = readFile(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/routes.yaml"));
        QVERIFY(!m_text.isEmpty());
        load(m_doc, m_text, QStringLiteral("routes.yaml"));
        m_vs = idOf(m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(m_vs >= 0);
    }

    void moveLastToFirst()
    {
        QString error;
        auto cmd = MoveRoute::create(&m_doc, m_vs, 1, 0, &error);
        QVERIFY2(cmd, qPrintable(error));
        const QByteArray jason(
            "  # jason sees v2\n  - name: jason\n    match:\n    - headers:\n        end-user:\n          "
            "exact: jason\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n");
        const QByteArray canary(
            "  - name: canary\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n   "
            "   weight: 90 # stable\n    - destination:\n        host: reviews\n        subset: v3\n      "
            "weight: 10\n    timeout: 5s\n    x-unknown: kept\n");
        QByteArray expected = m_text;
        expected.replace(jason + canary, canary + jason);
        QVERIFY(expected != m_text);
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[0].name.value, QStringLiteral("canary"));
        QCOMPARE(vsOf(m_doc, m_vs)->http[1].name.value, QStringLiteral("jason"));
    }
    void sameIndexIsNoStep()
    {
        QString error;
        auto cmd = MoveRoute::create(&m_doc, m_vs, 1, 1, &error);
        QVERIFY(cmd);
        m_doc.undoStack()->push(cmd.release());
        QCOMPARE(m_doc.undoStack()->count(), 0);
    }
    // Rules that share a route through an anchor move like any other (the anchor guard refused any
    // move of them, as text an alias shares was touched), as long as the alias stays after its
    // anchor; the shared route stays one route.
    void rulesSharingARouteMove()
    {
        const QByteArray text
            = readFile(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/sharedroutes.yaml"));
        Document doc;
        load(doc, text, QStringLiteral("sharedroutes.yaml"));
        const int id = idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(id >= 0);

        QString error;
        QVERIFY(!MoveRoute::create(&doc, id, 2, 0, &error));
        QCOMPARE(error,
            QStringLiteral(
                "this move puts the alias *stable at spec.http[2].route (line 30) before its anchor "
                "&stable (spec.http[0].route); move the anchored value first"));

        auto cmd = MoveRoute::create(&doc, id, 2, 1, &error);
        QVERIFY2(cmd, qPrintable(error));
        const QByteArray canary
            = "  - name: canary\n    match:\n    - uri:\n        prefix: /canary\n"
              "    route:\n    - destination:\n        host: reviews\n        subset: v2\n";
        const QByteArray everyone = "  - name: everyone\n    route: *stable\n";
        QByteArray expected = text;
        expected.replace(canary + everyone, everyone + canary);
        QVERIFY(expected != text);
        QVERIFY(pushAndRoundTrip(doc, std::move(cmd), expected));
        const VirtualService *vs = vsOf(doc, id);
        QCOMPARE(vs->http[1].name.value, QStringLiteral("everyone"));
        QCOMPARE(vs->http[1].route.size(), 1);
        QCOMPARE(vs->http[1].route[0].destination.subset.value, QStringLiteral("v1"));
    }

    void corpus()
    {
        QVERIFY(sweepCorpus(
                    [](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                        QString error;
                        return route > 0 ? MoveRoute::create(&doc, r.id, route, 0, &error) : nullptr;
                    },
                    [](const Document &doc, int id, int route) { return vsOf(doc, id)->http.size() > route; })
            > 10);
    }
};

QTEST_GUILESS_MAIN(TestMoveRoute)
#include "tst_moveroute.moc"
