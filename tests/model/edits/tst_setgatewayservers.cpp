#include "setgatewayservers.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestSetGatewayServers : public QObject
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

    void editAndAdd()
    {
        const int gw = idOf(m_doc, ResourceKind::Gateway, "gw");
        ServerSpec http;
        http.originalIndex = 0;
        http.hosts = { "*.example.com" };
        http.httpsRedirect = true;
        ServerSpec https;
        https.portNumber = 443;
        https.portName = "https";
        https.protocol = "HTTPS";
        https.hosts = { "*.example.com" };
        https.tlsMode = "SIMPLE";
        https.credentialName = "example-cert";
        QString error;
        auto cmd = SetGatewayServers::create(&m_doc, gw, { http, https }, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("    - \"*.example.com\"\n",
            "    - \"*.example.com\"\n    tls:\n      httpsRedirect: true\n  - port:\n      number: 443\n    "
            "  name: https\n      protocol: HTTPS\n    hosts:\n    - \"*.example.com\"\n    tls:\n      "
            "mode: SIMPLE\n      credentialName: example-cert\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        const Gateway *g = m_doc.resource(gw)->gateway();
        QCOMPARE(g->servers.size(), 2);
        QCOMPARE(g->servers[1].tls.mode.value, QStringLiteral("SIMPLE"));
    }
    void httpsNeedsTls()
    {
        ServerSpec s;
        s.protocol = "HTTPS";
        s.hosts = { "a.example.com" };
        QString error;
        QVERIFY(!SetGatewayServers::create(&m_doc, idOf(m_doc, ResourceKind::Gateway, "gw"), { s }, &error));
        QVERIFY(error.contains("TLS"));
    }
};

QTEST_GUILESS_MAIN(TestSetGatewayServers)
#include "tst_setgatewayservers.moc"
