#include "removedestination.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestRemoveDestination : public QObject
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

    void removeRebalances()
    {
        QString error;
        auto cmd = RemoveDestination::create(&m_doc, m_vs, 1, 1, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("      weight: 90 # stable\n    - destination:\n        host: reviews\n        "
                         "subset: v3\n      weight: 10\n",
            "      weight: 100 # stable\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[1].route.size(), 1);
    }
    void onlyDestinationRefused()
    {
        QString error;
        QVERIFY(!RemoveDestination::create(&m_doc, m_vs, 0, 0, &error));
        QVERIFY(error.contains("delete the rule"));
    }
};

QTEST_GUILESS_MAIN(TestRemoveDestination)
#include "tst_removedestination.moc"
