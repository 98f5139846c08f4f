#include "setroutematches.h"

#include "commandtest.h"
#include "yamledit.h"

using namespace meshroute;
using namespace meshroute::test;

class TestSetRouteMatches : public QObject
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

    void replaceHeaderMatchWithPrefix()
    {
        YamlNode uri = YamlEdit::mapping();
        YamlEdit::setEntry(uri, "prefix", YamlEdit::stringScalar("/api"));
        YamlNode block = YamlEdit::mapping();
        YamlEdit::setEntry(block, "uri", uri);
        YamlEdit::setEntry(block, "ignoreUriCase", YamlEdit::plainScalar("true"));
        YamlNode list = YamlEdit::sequence();
        YamlEdit::appendItem(list, block);
        QString error;
        auto cmd = SetRouteMatches::create(&m_doc, m_vs, 0, list, &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("    - headers:\n        end-user:\n          exact: jason\n",
            "    - uri:\n        prefix: /api\n      ignoreUriCase: true\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        const HttpMatchRequest &m = vsOf(m_doc, m_vs)->http[0].match[0];
        QCOMPARE(m.uri.type, StringMatch::Type::Prefix);
        QVERIFY(m.rare->ignoreUriCase.value);
    }
    void addMatchToCatchAll()
    {
        YamlNode block = YamlEdit::mapping();
        YamlNode method = YamlEdit::mapping();
        YamlEdit::setEntry(method, "exact", YamlEdit::stringScalar("GET"));
        YamlEdit::setEntry(block, "method", method);
        YamlNode list = YamlEdit::sequence();
        YamlEdit::appendItem(list, block);
        QString error;
        auto cmd = SetRouteMatches::create(&m_doc, m_vs, 1, list, &error);
        QByteArray expected = m_text;
        expected.replace(
            "    x-unknown: kept\n", "    x-unknown: kept\n    match:\n    - method:\n        exact: GET\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[1].match[0].method->value, QStringLiteral("GET"));
    }
    void emptyListMakesCatchAll()
    {
        QString error;
        auto cmd = SetRouteMatches::create(&m_doc, m_vs, 0, YamlEdit::sequence(), &error);
        QByteArray expected = m_text;
        expected.replace("    match:\n    - headers:\n        end-user:\n          exact: jason\n", "");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QVERIFY(vsOf(m_doc, m_vs)->http[0].isCatchAll());
    }
    void corpus()
    {
        // Rewriting every match list from its own parsed tree keeps what the model reads.
        QVERIFY(sweepCorpus(
                    [](Document &doc, const Resource &r, int route) -> std::unique_ptr<UndoCommand> {
                        if (r.virtualService()->http[route].match.isEmpty())
                            return nullptr;
                        YamlNode root;
                        doc.parseDocument(r.fileIndex, r.documentIndex, &root);
                        const YamlNode *m = YamlEdit::find(root,
                            doc.resourcePath(r)
                                + YamlPath {
                                    QByteArray("spec"), QByteArray("http"), route, QByteArray("match") });
                        if (!m || !m->isSequence() || m->children.empty())
                            return nullptr;
                        QString error;
                        return SetRouteMatches::create(&doc, r.id, route, YamlEdit::detach(*m), &error);
                    },
                    [](const Document &doc, int id, int route) {
                        return !vsOf(doc, id)->http[route].match.isEmpty();
                    })
            > 20);
    }
};

QTEST_GUILESS_MAIN(TestSetRouteMatches)
#include "tst_setroutematches.moc"
