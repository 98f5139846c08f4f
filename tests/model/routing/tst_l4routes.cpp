// The rule commands on TLS and TCP rules: SetWeights, AddDestination,
// RemoveDestination, MoveRoute, AddRoute, RemoveRoute and SetRouteField take a
// route kind. Only the edited bytes change, comments and unknown fields stay,
// undo gives back the exact bytes; swept over every TLS/TCP rule of the corpus.
#include "adddestination.h"
#include "addroute.h"
#include "moveroute.h"
#include "removedestination.h"
#include "removeroute.h"
#include "setroutefield.h"
#include "setweights.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestL4Routes : public QObject
{
    Q_OBJECT

private:
    Document m_doc;
    QByteArray m_text;
    int m_vs = -1;

    QList<int> weights(RouteKind kind, int route) const
    {
        QList<int> out;
        for (const RouteKinds::WeightedDestination &d :
            RouteKinds::destinations(*vsOf(m_doc, m_vs), kind, route))
            out.append(int(d.weight->value));
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_text = readFile(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/l4routes.yaml"));
        QVERIFY(!m_text.isEmpty());
        load(m_doc, m_text, QStringLiteral("l4routes.yaml"));
        m_vs = idOf(m_doc, ResourceKind::VirtualService, QStringLiteral("shop"));
        QVERIFY(m_vs >= 0);
        QCOMPARE(vsOf(m_doc, m_vs)->tcp.size(), 2);
        QCOMPARE(vsOf(m_doc, m_vs)->tls.size(), 1);
    }

    void tcpWeightsChangeOnlyTheirBytes()
    {
        QString error;
        auto cmd = SetWeights::create(&m_doc, m_vs, RouteKind::Tcp, 0, { 60, 40 }, &error);
        QVERIFY2(cmd, qPrintable(error));
        QCOMPARE(cmd->text(), QStringLiteral("Set weights of shop rule TCP #0 to 60/40"));
        QByteArray expected = m_text;
        expected.replace("      weight: 90\n", "      weight: 60\n")
            .replace("      weight: 10\n", "      weight: 40\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(weights(RouteKind::Tcp, 0), QList<int>({ 60, 40 }));
    }

    void tlsWeightsKeepTheirComment()
    {
        QString error;
        auto cmd = SetWeights::create(&m_doc, m_vs, RouteKind::Tls, 0, { 50, 50 }, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("      weight: 80 # stable\n", "      weight: 50 # stable\n")
            .replace("      weight: 20\n", "      weight: 50\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
    }

    // A drag over a TCP rule merges into one step; it never merges with the HTTP rule of the same index.
    void tcpDragMergesButNotAcrossKinds()
    {
        QString error;
        for (int v : { 85, 70, 55 })
            m_doc.undoStack()->push(
                SetWeights::create(&m_doc, m_vs, RouteKind::Tcp, 0, { v, 100 - v }, &error).release());
        QCOMPARE(m_doc.undoStack()->count(), 1);
        auto other = SetWeights::create(&m_doc, m_vs, RouteKind::Tls, 0, { 10, 90 }, &error);
        QVERIFY2(other, qPrintable(error));
        m_doc.undoStack()->push(other.release());
        QCOMPARE(m_doc.undoStack()->count(), 2);
        m_doc.undoStack()->undo();
        m_doc.undoStack()->undo();
        QCOMPARE(fileText(m_doc), m_text);
    }

    void refusals()
    {
        QString error;
        QVERIFY(!SetWeights::create(&m_doc, m_vs, RouteKind::Tcp, 2, { 100 }, &error));
        QCOMPARE(error, QStringLiteral("VirtualService default/shop has no TCP rule 2 (it has 2)"));
        QVERIFY(!SetWeights::create(&m_doc, m_vs, RouteKind::Tls, 0, { 100 }, &error));
        QVERIFY(error.contains("2 destinations, got 1"));
        QVERIFY(!RemoveDestination::create(&m_doc, m_vs, RouteKind::Tcp, 1, 0, &error));
        QVERIFY(error.contains("at least one destination"));
        QVERIFY(!MoveRoute::create(&m_doc, m_vs, RouteKind::Tls, 0, 1, &error));
        QVERIFY(error.contains("no TLS rule 1"));
    }

    void addDestinationToTcpRule()
    {
        QString error;
        auto cmd = AddDestination::create(&m_doc, m_vs, RouteKind::Tcp, 1, "mongo", "v2", 27017, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("  - route:\n    - destination:\n        host: mongo\n",
            "  - route:\n    - destination:\n        host: mongo\n      weight: 100\n    - destination:\n"
            "        host: mongo\n        subset: v2\n        port:\n          number: 27017\n      weight: "
            "0\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(weights(RouteKind::Tcp, 1), QList<int>({ 100, 0 }));
    }

    void removeDestinationOfTlsRuleRebalances()
    {
        QString error;
        auto cmd = RemoveDestination::create(&m_doc, m_vs, RouteKind::Tls, 0, 1, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace(
            "      weight: 80 # stable\n    - destination:\n        host: shop\n        subset: v2\n"
            "      weight: 20\n",
            "      weight: 100 # stable\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
    }

    void moveAddRemoveTcpRules()
    {
        QString error;
        auto move = MoveRoute::create(&m_doc, m_vs, RouteKind::Tcp, 1, 0, &error);
        QVERIFY2(move, qPrintable(error));
        QCOMPARE(move->text(), QStringLiteral("Move rule TCP #1 of shop to #0"));
        const QByteArray second = "  - route:\n    - destination:\n        host: mongo\n";
        const qsizetype tcpAt = m_text.indexOf("  tcp:\n") + 7;
        const qsizetype secondAt = m_text.indexOf(second);
        const QByteArray first = m_text.mid(tcpAt, secondAt - tcpAt);
        QByteArray expected = m_text.left(tcpAt) + second + first + m_text.mid(secondAt + second.size());
        QVERIFY(pushAndRoundTrip(m_doc, std::move(move), expected));
        QVERIFY(!vsOf(m_doc, m_vs)->tcp[0].match.size());
        init(); // a fresh document: pushAndRoundTrip counts the steps

        const Resource &r = *m_doc.resource(m_vs);
        auto add = AddRoute::create(
            &m_doc, m_vs, RouteKind::Tls, -1, AddRoute::defaultRule(r, RouteKind::Tls), &error);
        QVERIFY2(add, qPrintable(error));
        QCOMPARE(add->text(), QStringLiteral("Add TLS rule #1 to shop"));
        expected = m_text;
        expected.replace("  tcp:\n",
            "  - match:\n    - sniHosts:\n      - shop.example.com\n    route:\n    - destination:\n"
            "        host: shop.example.com\n  tcp:\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(add), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->tls[1].match[0].sniHosts[0].value, QStringLiteral("shop.example.com"));
        init();

        auto remove = RemoveRoute::create(&m_doc, m_vs, RouteKind::Tls, 0, &error);
        QVERIFY2(remove, qPrintable(error));
        expected = m_text;
        expected.remove(
            expected.indexOf("  tls:\n"), expected.indexOf("  tcp:\n") - expected.indexOf("  tls:\n"));
        QVERIFY(pushAndRoundTrip(m_doc, std::move(remove), expected));
        QVERIFY(vsOf(m_doc, m_vs)->tls.isEmpty());
    }

    void setL4MatchFields()
    {
        QString error;
        auto sni = SetRouteField::create(&m_doc, m_vs, RouteKind::Tls, 0,
            { QByteArray("match"), 0, QByteArray("port") }, YamlEdit::plainScalar(QStringLiteral("8443")), {},
            &error);
        QVERIFY2(sni, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("      port: 443\n", "      port: 8443\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(sni), expected));

        YamlNode subnets = YamlEdit::sequence();
        YamlEdit::appendItem(subnets, YamlEdit::stringScalar(QStringLiteral("10.0.0.0/16")));
        auto tcp = SetRouteField::create(&m_doc, m_vs, RouteKind::Tcp, 0,
            { QByteArray("match"), 0, QByteArray("destinationSubnets") }, subnets, {}, &error);
        QVERIFY2(tcp, qPrintable(error));
        expected.replace(
            "    - port: 27017\n", "    - port: 27017\n      destinationSubnets:\n      - 10.0.0.0/16\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(tcp), expected));
        QCOMPARE(
            vsOf(m_doc, m_vs)->tcp[0].match[0].destinationSubnets[0].value, QStringLiteral("10.0.0.0/16"));
    }

    // Every TLS and TCP rule of the corpus takes each generalised command, and undo restores the bytes.
    void corpus_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("tls") << int(RouteKind::Tls);
        QTest::newRow("tcp") << int(RouteKind::Tcp);
    }
    void corpus()
    {
        QFETCH(int, kind);
        const auto k = RouteKind(kind);
        const auto dests = [k](const Document &doc, int id, int route) {
            return RouteKinds::destinations(*vsOf(doc, id), k, route);
        };
        int total = 0;
        // Even split of every rule with two or more destinations.
        int runs = sweepCorpus(
            [k](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                const qsizetype n = RouteKinds::destinations(*r.virtualService(), k, route).size();
                if (n < 2)
                    return nullptr;
                QList<int> w(n, 0);
                w[0] = 100;
                QString error;
                return SetWeights::create(&doc, r.id, k, route, w, &error);
            },
            [&](const Document &doc, int id, int route) {
                const auto d = dests(doc, id, route);
                return d.front().weight->value == 100 && d.back().weight->value == 0;
            },
            k);
        QVERIFY(runs >= 0);
        total += runs;
        runs = sweepCorpus(
            [k](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                QString error;
                return AddDestination::create(&doc, r.id, k, route, "canary.example.com", "v9", 0, &error);
            },
            [&](const Document &doc, int id, int route) {
                return dests(doc, id, route).back().destination->subset.value == QLatin1String("v9");
            },
            k);
        QVERIFY(runs > 0);
        total += runs;
        runs = sweepCorpus(
            [k](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                QString error;
                return RemoveDestination::create(&doc, r.id, k, route, 0, &error);
            },
            [](const Document &, int, int) { return true; }, k);
        QVERIFY(runs >= 0);
        runs = sweepCorpus(
            [k](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                QString error;
                return RouteKinds::count(*r.virtualService(), k) > 1
                    ? MoveRoute::create(&doc, r.id, k, route, 0, &error)
                    : nullptr;
            },
            [](const Document &, int, int) { return true; }, k);
        QVERIFY(runs >= 0);
        runs = sweepCorpus(
            [k](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                QString error;
                return RemoveRoute::create(&doc, r.id, k, route, &error);
            },
            [](const Document &, int, int) { return true; }, k);
        QVERIFY(runs > 0);
        runs = sweepCorpus(
            [k](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                QString error;
                return AddRoute::create(&doc, r.id, k, route, AddRoute::defaultRule(r, k), &error);
            },
            [k](const Document &doc, int id, int route) {
                return RouteKinds::destinations(*vsOf(doc, id), k, route).size() == 1;
            },
            k);
        QVERIFY(runs > 0);
        runs = sweepCorpus(
            [k](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                QString error;
                return SetRouteField::create(&doc, r.id, k, route,
                    { QByteArray("match"), 0, QByteArray("port") },
                    YamlEdit::plainScalar(QStringLiteral("4242")), {}, &error);
            },
            [k](const Document &doc, int id, int route) {
                const VirtualService &vs = *vsOf(doc, id);
                if (k == RouteKind::Tls)
                    return !vs.tls[route].match.isEmpty() && vs.tls[route].match[0].port.value == 4242;
                return !vs.tcp[route].match.isEmpty() && vs.tcp[route].match[0].port.value == 4242;
            },
            k);
        QVERIFY(runs > 0);
        qInfo("%d weight and destination edits on %s rules", total, k == RouteKind::Tls ? "TLS" : "TCP");
    }
};

QTEST_GUILESS_MAIN(TestL4Routes)
#include "tst_l4routes.moc"
