#include "adddestination.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestAddDestination : public QObject
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

    void addToLoneDestination()
    {
        QString error;
        auto cmd = AddDestination::create(&m_doc, m_vs, 0, "reviews", "v3", 9080, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("        subset: v2\n",
            "        subset: v2\n      weight: 100\n    - destination:\n        host: reviews\n        "
            "subset: v3\n        port:\n          number: 9080\n      weight: 0\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        const HttpRoute &r = vsOf(m_doc, m_vs)->http[0];
        QCOMPARE(r.route.size(), 2);
        QCOMPARE(r.route[0].weight.value, 100);
        QCOMPARE(r.route[1].weight.value, 0);
        QCOMPARE(r.route[1].destination.port.number.value, 9080);
    }
    void refusals()
    {
        QString error;
        QVERIFY(!AddDestination::create(&m_doc, m_vs, 0, " ", {}, 0, &error));
        QVERIFY(!AddDestination::create(&m_doc, m_vs, 0, "x", {}, 70000, &error));
        QVERIFY(error.contains("1..65535"));
    }
    void corpus()
    {
        QVERIFY(sweepCorpus(
                    [](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                        QString error;
                        return AddDestination::create(
                            &doc, r.id, route, "canary.example.com", "v9", 0, &error);
                    },
                    [](const Document &doc, int id, int route) {
                        const HttpRoute &h = vsOf(doc, id)->http[route];
                        return h.route.back().destination.subset.value == QLatin1String("v9")
                            && h.route.back().weight.value == 0;
                    })
            > 50);
    }
};

QTEST_GUILESS_MAIN(TestAddDestination)
#include "tst_adddestination.moc"
