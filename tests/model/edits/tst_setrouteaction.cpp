#include "setrouteaction.h"

#include "commandtest.h"
#include "yamledit.h"

using namespace meshroute;
using namespace meshroute::test;

class TestSetRouteAction : public QObject
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

    void forwardToDirectResponse()
    {
        YamlNode dr = YamlEdit::mapping();
        YamlEdit::setEntry(dr, "status", YamlEdit::plainScalar("503"));
        QString error;
        auto cmd = SetRouteAction::create(&m_doc, m_vs, 0, RouteAction::DirectResponse, dr, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("    route:\n    - destination:\n        host: reviews\n        subset: v2\n",
            "    directResponse:\n      status: 503\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        const HttpRoute &r = vsOf(m_doc, m_vs)->http[0];
        QVERIFY(r.directResponse->present);
        QVERIFY(r.route.isEmpty());
        QCOMPARE(r.directResponse->status.value, 503);
    }
    void routeNeedsDestinations()
    {
        QString error;
        QVERIFY(!SetRouteAction::create(&m_doc, m_vs, 0, RouteAction::Route, YamlEdit::sequence(), &error));
    }
};

QTEST_GUILESS_MAIN(TestSetRouteAction)
#include "tst_setrouteaction.moc"
