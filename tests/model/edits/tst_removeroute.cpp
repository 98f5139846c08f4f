#include "removeroute.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestRemoveRoute : public QObject
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

    void removeFirstWithComment()
    {
        QString error;
        auto cmd = RemoveRoute::create(&m_doc, m_vs, 0, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace(
            "  # jason sees v2\n  - name: jason\n    match:\n    - headers:\n        end-user:\n          "
            "exact: jason\n    route:\n    - destination:\n        host: reviews\n        subset: v2\n",
            "");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http.size(), 1);
        QCOMPARE(vsOf(m_doc, m_vs)->http[0].name.value, QStringLiteral("canary"));
    }
    void removeLastRuleRemovesHttp()
    {
        QString error;
        m_doc.undoStack()->push(RemoveRoute::create(&m_doc, m_vs, 0, &error).release());
        auto cmd = RemoveRoute::create(&m_doc, m_vs, 0, &error);
        QVERIFY(cmd);
        m_doc.undoStack()->push(cmd.release());
        QVERIFY(!fileText(m_doc).contains("http:"));
        QVERIFY(vsOf(m_doc, m_vs)->http.isEmpty());
        m_doc.undoStack()->undo();
        m_doc.undoStack()->undo();
        QCOMPARE(fileText(m_doc), m_text);
    }
    void badIndex()
    {
        QString error;
        QVERIFY(!RemoveRoute::create(&m_doc, m_vs, 7, &error));
        QVERIFY(error.contains("no HTTP rule 7"));
    }
    // The edit commands (ResourceEdit::begin) refuse a document that mixes lone CRs
    // with LF, as SetWeights does (tst_setweights), and leave its text as it is.
    void refusesADocumentThatMixesLineBreaks()
    {
        QByteArray mixed = m_text;
        const qsizetype firstBreak = mixed.indexOf('\n');
        QVERIFY(firstBreak > 0);
        mixed[firstBreak] = '\r';
        Document doc;
        load(doc, mixed, QStringLiteral("mixed.yaml"));
        const int vs = idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(vs >= 0);
        QString error;
        QVERIFY(!RemoveRoute::create(&doc, vs, 0, &error));
        QVERIFY2(error.contains(QStringLiteral("mixes line breaks")), qPrintable(error));
        QCOMPARE(fileText(doc), mixed);
    }
    void corpus()
    {
        QVERIFY(sweepCorpus(
                    [](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                        QString error;
                        return RemoveRoute::create(&doc, r.id, route, &error);
                    },
                    [](const Document &doc, int id, int) { return vsOf(doc, id) != nullptr; })
            > 50);
    }
};

QTEST_GUILESS_MAIN(TestRemoveRoute)
#include "tst_removeroute.moc"
