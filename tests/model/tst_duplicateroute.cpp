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
};

QTEST_GUILESS_MAIN(TestDuplicateRoute)
#include "tst_duplicateroute.moc"
