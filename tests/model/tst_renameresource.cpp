#include "renameresource.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestRenameResource : public QObject
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

    void rename()
    {
        QString error;
        auto cmd = RenameResource::create(&m_doc, m_vs, "reviews-v2", &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace(
            "  name: reviews\n  namespace: default\n", "  name: reviews-v2\n  namespace: default\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(m_doc.resource(m_vs)->name(), QStringLiteral("reviews-v2"));
    }
    void invalidName()
    {
        QString error;
        QVERIFY(!RenameResource::create(&m_doc, m_vs, "Bad_Name", &error));
        QVERIFY(error.contains("not a valid name"));
    }
};

QTEST_GUILESS_MAIN(TestRenameResource)
#include "tst_renameresource.moc"
