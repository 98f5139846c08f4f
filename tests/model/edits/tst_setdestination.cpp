#include "setdestination.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestSetDestination : public QObject
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

    void changeSubsetAndAddPort()
    {
        QString error;
        auto cmd = SetDestination::create(&m_doc, m_vs, 0, 0, "reviews", "v1", 9080, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace(
            "        subset: v2\n", "        subset: v1\n        port:\n          number: 9080\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[0].route[0].destination.subset.value, QStringLiteral("v1"));
    }
    void removeSubset()
    {
        QString error;
        auto cmd = SetDestination::create(&m_doc, m_vs, 0, 0, "ratings", {}, 0, &error);
        QByteArray expected = m_text;
        expected.replace("        host: reviews\n        subset: v2\n", "        host: ratings\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
    }
};

QTEST_GUILESS_MAIN(TestSetDestination)
#include "tst_setdestination.moc"
