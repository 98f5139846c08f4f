#include "deleteresource.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestDeleteResource : public QObject
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

    void deleteMiddleDocument()
    {
        QString error;
        const int dr = idOf(m_doc, ResourceKind::DestinationRule, "reviews");
        auto cmd = DeleteResource::create(&m_doc, dr, &error);
        QVERIFY2(cmd, qPrintable(error));
        const int start = m_text.indexOf("---\napiVersion: networking.istio.io/v1\nkind: DestinationRule");
        const int end = m_text.indexOf("---\napiVersion: networking.istio.io/v1\nkind: Gateway");
        QByteArray expected = m_text;
        expected.remove(start, end - start);
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QVERIFY(!m_doc.resource(dr));
        QVERIFY(idOf(m_doc, ResourceKind::Gateway, "gw") >= 0);
    }
    void deleteListItem()
    {
        load(m_doc,
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: "
            "a\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n");
        QString error;
        auto cmd = DeleteResource::create(&m_doc, idOf(m_doc, ResourceKind::Service, "a"), &error);
        QVERIFY2(cmd, qPrintable(error));
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd),
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: "
            "b\n"));
        QCOMPARE(m_doc.workspace().resources.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeleteResource)
#include "tst_deleteresource.moc"
