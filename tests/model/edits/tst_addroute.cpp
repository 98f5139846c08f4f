#include "addroute.h"

#include "commandtest.h"
#include "yamledit.h"

using namespace meshroute;
using namespace meshroute::test;

class TestAddRoute : public QObject
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

    void appendDefaultRule()
    {
        QString error;
        auto cmd = AddRoute::create(&m_doc, m_vs, -1, AddRoute::defaultRule(*m_doc.resource(m_vs)), &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("    x-unknown: kept\n",
            "    x-unknown: kept\n  - route:\n    - destination:\n        host: reviews\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http.size(), 3);
        QCOMPARE(vsOf(m_doc, m_vs)->http[2].route[0].destination.host.value, QStringLiteral("reviews"));
    }
    void insertFirstWithPrefix()
    {
        YamlNode uri = YamlEdit::mapping();
        YamlEdit::setEntry(uri, "prefix", YamlEdit::stringScalar(QStringLiteral("/api")));
        YamlNode block = YamlEdit::mapping();
        YamlEdit::setEntry(block, "uri", uri);
        YamlNode match = YamlEdit::sequence();
        YamlEdit::appendItem(match, block);
        YamlNode rule = AddRoute::defaultRule(*m_doc.resource(m_vs));
        YamlNode withMatch = YamlEdit::mapping();
        YamlEdit::setEntry(withMatch, "match", match);
        YamlEdit::setEntry(withMatch, "route", *rule.find("route"));
        QString error;
        auto cmd = AddRoute::create(&m_doc, m_vs, 0, withMatch, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("  http:\n",
            "  http:\n  - match:\n    - uri:\n        prefix: /api\n    route:\n    - destination:\n        "
            "host: reviews\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[0].match[0].uri.value, QStringLiteral("/api"));
        QCOMPARE(vsOf(m_doc, m_vs)->http[1].name.value, QStringLiteral("jason"));
    }
    void intoVirtualServiceWithoutHttp()
    {
        load(m_doc,
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n  "
            "hosts:\n  - x\n");
        const int id = idOf(m_doc, ResourceKind::VirtualService, "x");
        QString error;
        auto cmd = AddRoute::create(&m_doc, id, -1, AddRoute::defaultRule(*m_doc.resource(id)), &error);
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd),
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n  "
            "hosts:\n  - x\n  http:\n  - route:\n    - destination:\n        host: x\n"));
    }
    void refusesOtherKinds()
    {
        QString error;
        QVERIFY(!AddRoute::create(
            &m_doc, idOf(m_doc, ResourceKind::DestinationRule, "reviews"), -1, YamlEdit::mapping(), &error));
        QVERIFY(error.contains("not a VirtualService"));
    }
    void corpus()
    {
        const int runs = sweepCorpus(
            [](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                QString error;
                return route == 0 ? AddRoute::create(&doc, r.id, 0, AddRoute::defaultRule(r), &error)
                                  : nullptr;
            },
            [](const Document &doc, int id, int) { return !vsOf(doc, id)->http[0].route.isEmpty(); });
        QVERIFY(runs > 20);
    }
};

QTEST_GUILESS_MAIN(TestAddRoute)
#include "tst_addroute.moc"
