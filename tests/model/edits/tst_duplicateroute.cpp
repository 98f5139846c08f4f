#include "duplicateroute.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestDuplicateRoute : public QObject
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

    void duplicateNamedRule()
    {
        QString error;
        auto cmd = DuplicateRoute::create(&m_doc, m_vs, 1, &error);
        QVERIFY2(cmd, qPrintable(error));
        const QByteArray canary(
            "  - name: canary\n    route:\n    - destination:\n        host: reviews\n        subset: v1\n   "
            "   weight: 90 # stable\n    - destination:\n        host: reviews\n        subset: v3\n      "
            "weight: 10\n    timeout: 5s\n    x-unknown: kept\n");
        QByteArray copy = canary;
        copy.replace("name: canary", "name: canary-copy");
        QByteArray expected = m_text;
        expected.replace(canary, canary + copy);
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http.size(), 3);
        QCOMPARE(vsOf(m_doc, m_vs)->http[2].name.value, QStringLiteral("canary-copy"));
    }
    // A TLS or TCP rule is copied after itself with its comments and unknown fields;
    // the rules of the other kinds keep their bytes.
    void duplicateL4Rule_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("index");
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QString>("text");
        QTest::newRow("tls with a comment")
            << int(RouteKind::Tls) << 0
            << QByteArray(
                   "  - match:\n    - sniHosts:\n      - shop.example.com\n      port: 443\n    route:\n"
                   "    - destination:\n        host: shop\n        subset: v1\n      weight: 80 # "
                   "stable\n    - destination:\n        host: shop\n        subset: v2\n      weight: "
                   "20\n")
            << QStringLiteral("Duplicate rule TLS #0 of shop");
        QTest::newRow("tcp with an unknown field")
            << int(RouteKind::Tcp) << 0
            << QByteArray(
                   "  - match:\n    - port: 27017\n    route:\n    - destination:\n        host: mongo\n"
                   "        subset: v1\n        port:\n          number: 27017\n      weight: 90\n    - "
                   "destination:\n        host: mongo\n        subset: v2\n        port:\n          "
                   "number: 27017\n      weight: 10\n    x-unknown: kept\n")
            << QStringLiteral("Duplicate rule TCP #0 of shop");
        QTest::newRow("last tcp rule")
            << int(RouteKind::Tcp) << 1 << QByteArray("  - route:\n    - destination:\n        host: mongo\n")
            << QStringLiteral("Duplicate rule TCP #1 of shop");
    }
    void duplicateL4Rule()
    {
        QFETCH(int, kind);
        QFETCH(int, index);
        QFETCH(QByteArray, rule);
        QFETCH(QString, text);
        const auto k = RouteKind(kind);
        m_text = readFile(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/l4routes.yaml"));
        load(m_doc, m_text, QStringLiteral("l4routes.yaml"));
        m_vs = idOf(m_doc, ResourceKind::VirtualService, QStringLiteral("shop"));
        QVERIFY(m_vs >= 0);
        const int before = RouteKinds::count(*vsOf(m_doc, m_vs), k);
        QCOMPARE(m_text.count(rule), 1);
        QString error;
        auto cmd = DuplicateRoute::create(&m_doc, m_vs, k, index, &error);
        QVERIFY2(cmd, qPrintable(error));
        QCOMPARE(cmd->text(), text);
        QByteArray expected = m_text;
        expected.replace(rule, rule + rule);
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        const VirtualService &vs = *vsOf(m_doc, m_vs);
        QCOMPARE(RouteKinds::count(vs, k), before + 1);
        QCOMPARE(vs.http.size(), 1);
        QCOMPARE(
            RouteKinds::destinations(vs, k, index + 1).size(), RouteKinds::destinations(vs, k, index).size());
    }

    void refusals()
    {
        QString error;
        QVERIFY(!DuplicateRoute::create(&m_doc, m_vs, RouteKind::Tcp, 0, &error));
        QVERIFY2(error.contains("has no TCP rule 0"), qPrintable(error));
        QVERIFY(!DuplicateRoute::create(&m_doc, m_vs, RouteKind::Http, 2, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(fileText(m_doc), m_text);
        QCOMPARE(m_doc.undoStack()->count(), 0);
    }

    void corpus()
    {
        QVERIFY(sweepCorpus(
                    [](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                        QString error;
                        return DuplicateRoute::create(&doc, r.id, route, &error);
                    },
                    [](const Document &doc, int id, int route) {
                        const VirtualService *vs = vsOf(doc, id);
                        return vs->http[route].route.size() == vs->http[route + 1].route.size()
                            && vs->http[route].match.size() == vs->http[route + 1].match.size();
                    })
            > 50);
    }

    // Every TLS and TCP rule of the corpus: the copy follows the rule with as
    // many destinations and match blocks, and undo gives back the exact bytes.
    void corpusL4_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("tls") << int(RouteKind::Tls);
        QTest::newRow("tcp") << int(RouteKind::Tcp);
    }
    void corpusL4()
    {
        QFETCH(int, kind);
        const auto k = RouteKind(kind);
        const int runs = sweepCorpus(
            [k](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                QString error;
                auto command = DuplicateRoute::create(&doc, r.id, k, route, &error);
                if (!command)
                    qWarning("%s", qPrintable(error));
                return command;
            },
            [k](const Document &doc, int id, int route) {
                const VirtualService &vs = *vsOf(doc, id);
                if (RouteKinds::destinations(vs, k, route).size()
                    != RouteKinds::destinations(vs, k, route + 1).size())
                    return false;
                return k == RouteKind::Tls ? vs.tls[route].match.size() == vs.tls[route + 1].match.size()
                                           : vs.tcp[route].match.size() == vs.tcp[route + 1].match.size();
            },
            k);
        QVERIFY(runs > 0);
        qInfo("%d %s rules duplicated", runs, k == RouteKind::Tls ? "TLS" : "TCP");
    }
};

QTEST_GUILESS_MAIN(TestDuplicateRoute)
#include "tst_duplicateroute.moc"
