#include "setroutefield.h"

#include "commandtest.h"
#include "yamledit.h"

using namespace meshroute;
using namespace meshroute::test;

class TestSetRouteField : public QObject
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

    void changeTimeout()
    {
        QString error;
        auto cmd = SetRouteField::create(
            &m_doc, m_vs, 1, { QByteArray("timeout") }, YamlEdit::stringScalar("10s"), {}, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("timeout: 5s", "timeout: 10s");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[1].timeout.value, QStringLiteral("10s"));
    }
    void addRetries()
    {
        QString error;
        auto cmd = SetRouteField::create(&m_doc, m_vs, 0, { QByteArray("retries"), QByteArray("attempts") },
            YamlEdit::plainScalar("3"), "Set retries", &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("        subset: v2\n", "        subset: v2\n    retries:\n      attempts: 3\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[0].retries->attempts.value, 3);
        QCOMPARE(m_doc.undoStack()->undoText(), QStringLiteral("Set retries"));
    }
    void removeTimeout()
    {
        QString error;
        auto cmd
            = SetRouteField::create(&m_doc, m_vs, 1, { QByteArray("timeout") }, std::nullopt, {}, &error);
        QByteArray expected = m_text;
        expected.replace("    timeout: 5s\n", "");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QVERIFY(!vsOf(m_doc, m_vs)->http[1].timeout.present);
    }
    void changeHeaderCondition()
    {
        QString error;
        YamlNode m = YamlEdit::mapping();
        YamlEdit::setEntry(m, "regex", YamlEdit::stringScalar("jas.*"));
        auto cmd = SetRouteField::create(&m_doc, m_vs, 0,
            { QByteArray("match"), 0, QByteArray("headers"), QByteArray("end-user") }, m, {}, &error);
        QByteArray expected = m_text;
        expected.replace("          exact: jason\n", "          regex: jas.*\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[0].match[0].headers[0].value.type, StringMatch::Type::Regex);
    }
    void corpus()
    {
        QVERIFY(sweepCorpus(
                    [](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                        QString error;
                        return SetRouteField::create(&doc, r.id, route, { QByteArray("timeout") },
                            YamlEdit::stringScalar("7s"), {}, &error);
                    },
                    [](const Document &doc, int id, int route) {
                        return vsOf(doc, id)->http[route].timeout.value == QLatin1String("7s");
                    })
            > 50);
    }
};

QTEST_GUILESS_MAIN(TestSetRouteField)
#include "tst_setroutefield.moc"
