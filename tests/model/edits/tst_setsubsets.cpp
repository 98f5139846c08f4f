#include "setsubsets.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestSetSubsets : public QObject
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

    void editAddRemove()
    {
        const int dr = idOf(m_doc, ResourceKind::DestinationRule, "reviews");
        QList<SubsetSpec> s;
        s.append({ 1, "v2", { { "version", "v2" }, { "track", "canary" } } });
        s.append({ -1, "v3", { { "version", "v3" } } });
        QString error;
        auto cmd = SetSubsets::create(&m_doc, dr, s, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("  - name: v1\n    labels:\n      version: v1\n  - name: v2 # canary\n    labels:\n "
                         "     version: v2\n",
            "  - name: v2 # canary\n    labels:\n      version: v2\n      track: canary\n");
        expected.replace("        simple: ROUND_ROBIN\n",
            "        simple: ROUND_ROBIN\n  - name: v3\n    labels:\n      version: v3\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        const DestinationRule *d = m_doc.resource(dr)->destinationRule();
        QCOMPARE(d->subsets.size(), 2);
        QVERIFY(d->subsets[0].trafficPolicy.present);
        QCOMPARE(d->subsets[1].name.value, QStringLiteral("v3"));
    }
    void replaceAll()
    {
        const int dr = idOf(m_doc, ResourceKind::DestinationRule, "reviews");
        QString error;
        auto cmd = SetSubsets::create(&m_doc, dr, { { -1, "blue", { { "color", "blue" } } } }, &error);
        QVERIFY2(cmd, qPrintable(error));
        m_doc.undoStack()->push(cmd.release());
        const DestinationRule *d = m_doc.resource(dr)->destinationRule();
        QCOMPARE(d->subsets.size(), 1);
        QCOMPARE(d->subsets[0].name.value, QStringLiteral("blue"));
        m_doc.undoStack()->undo();
        QCOMPARE(fileText(m_doc), m_text);
    }
    void invalid()
    {
        const int dr = idOf(m_doc, ResourceKind::DestinationRule, "reviews");
        QString error;
        QVERIFY(!SetSubsets::create(&m_doc, dr, { { -1, "V_1", {} } }, &error));
        QVERIFY(error.contains("invalid"));
        QVERIFY(!SetSubsets::create(&m_doc, dr, { { 0, "a", {} }, { 1, "a", {} } }, &error));
        QVERIFY(error.contains("duplicate"));
    }
};

QTEST_GUILESS_MAIN(TestSetSubsets)
#include "tst_setsubsets.moc"
