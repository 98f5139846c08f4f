// The YAML view: shows the selected resource's file scrolled to it with its
// lines marked; a click on a line selects the item written there; it follows
// every model change at once; keys are highlighted and explained.
#include "document.h"
#include "loader.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"
#include "yaml/fieldhelp.h"
#include "yaml/yamlview.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QtTest>

using namespace meshroute;

namespace {

int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    const Resource *r = doc.workspace().find(kind, QStringLiteral("default"), name);
    return r ? r->id : -1;
}

// The file line holding `text` at or after `from`.
int lineOf(const QByteArray &file, const QByteArray &text, int from = 1)
{
    const QList<QByteArray> lines = file.split('\n');
    for (int i = from - 1; i < lines.size(); ++i)
        if (lines[i].contains(text))
            return i + 1;
    return -1;
}

} // namespace

class TestYamlView : public QObject
{
    Q_OBJECT

    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    YamlView *m_view = nullptr;

    QByteArray fileText() const { return m_doc->files().first().text; }

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_doc->open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        m_selection = new Selection;
        m_view = new YamlView(m_doc, m_selection);
        m_view->resize(700, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }

    void cleanup()
    {
        delete m_view;
        delete m_selection;
        delete m_doc;
    }

    void showsSelectedResourceScrolledAndMarked()
    {
        QCOMPARE(m_view->fileIndex(), 0);
        QCOMPARE(m_view->toPlainText().toUtf8(), fileText());
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, ResourceKind::Workload, QStringLiteral("ratings-v1"));
        m_selection->select(t);
        const int kindLine = lineOf(fileText(), "name: ratings-v1") - 2;
        QCOMPARE(m_view->lineText(kindLine), QStringLiteral("kind: Deployment"));
        QCOMPARE(m_view->highlightFirst(), kindLine - 1); // from apiVersion, after the "---"
        QCOMPARE(m_view->lineText(m_view->highlightFirst()), QStringLiteral("apiVersion: apps/v1"));
        QVERIFY(m_view->lineText(m_view->highlightLast()).contains(QStringLiteral("containerPort: 9080")));
        QVERIFY(m_view->isLineVisible(m_view->highlightFirst()));
        QVERIFY(m_view->verticalScrollBar()->value() > 0);
    }

    void marksTheSelectedDestination()
    {
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        t.routeIndex = 0;
        t.destinationIndex = 1;
        m_selection->select(t);
        const int canary = lineOf(fileText(), "weight: 1   # canary");
        QCOMPARE(m_view->highlightLast(), canary);
        QCOMPARE(m_view->highlightFirst(), canary - 3);
        QCOMPARE(m_view->lineText(m_view->highlightFirst()).trimmed(), QStringLiteral("- destination:"));

        SelectionTarget s;
        s.resourceId = idOf(*m_doc, ResourceKind::DestinationRule, QStringLiteral("reviews"));
        s.subset = QStringLiteral("v2");
        m_selection->select(s);
        QCOMPARE(m_view->lineText(m_view->highlightFirst()).trimmed(), QStringLiteral("- name: v2"));
        QCOMPARE(m_view->highlightLast(), m_view->highlightFirst() + 2);
    }

    void clickSelectsTheItemOnThatLine()
    {
        const int reviewsVs = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        SelectionTarget t;
        t.resourceId = reviewsVs;
        m_selection->select(t);
        const int line = lineOf(fileText(), "subset: v2");
        QVERIFY(m_view->isLineVisible(line));
        const QTextBlock block = m_view->document()->findBlockByNumber(line - m_view->firstLine());
        const QRect rect = m_view->cursorRect(QTextCursor(block));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(60, int(rect.center().y())));
        QCOMPARE(m_selection->current().resourceId, reviewsVs);
        QCOMPARE(m_selection->current().routeIndex, 0);
        QCOMPARE(m_selection->current().destinationIndex, 1);
        QVERIFY(m_view->highlightFirst() <= line && m_view->highlightLast() >= line);

        // A line of another resource selects that resource.
        const int drLine = lineOf(fileText(), "  - name: v3");
        QCOMPARE(m_view->targetAt(0, drLine).resourceId,
            idOf(*m_doc, ResourceKind::DestinationRule, QStringLiteral("reviews")));
        QCOMPARE(m_view->targetAt(0, drLine).subset, QStringLiteral("v3"));
        const int matchLine = lineOf(fileText(), "prefix: /static");
        QCOMPARE(m_view->targetAt(0, matchLine).matchIndex, 1);
    }

    // A TLS or TCP rule selected elsewhere marks its spec.tls[i] / spec.tcp[i]
    // lines and scrolls to them; a click inside one selects that rule.
    void tlsAndTcpRulesAreMarkedAndClickable()
    {
        m_doc->open({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/l4routes.yaml") });
        const QByteArray text = fileText();
        QTRY_COMPARE(m_view->toPlainText().toUtf8(), text);
        const int shop = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("shop"));
        QVERIFY(shop >= 0);
        const int tlsLine = lineOf(text, "  tls:");
        const int tcpLine = lineOf(text, "  tcp:");
        const int secondTcp = lineOf(text, "  - route:", tcpLine);
        QVERIFY(tlsLine > 0 && tcpLine > tlsLine && secondTcp > tcpLine);

        SelectionTarget t;
        t.resourceId = shop;
        t.routeKind = RouteKind::Tls;
        t.l4RouteIndex = 0;
        m_selection->select(t);
        QCOMPARE(m_view->highlightFirst(), tlsLine + 1);
        QCOMPARE(m_view->highlightLast(), tcpLine - 1);
        QCOMPARE(m_view->lineText(m_view->highlightLast()).trimmed(), QStringLiteral("weight: 20"));

        t.routeKind = RouteKind::Tcp;
        m_selection->select(t);
        QCOMPARE(m_view->highlightFirst(), tcpLine + 1);
        QCOMPARE(m_view->highlightLast(), lineOf(text, "x-unknown: kept"));

        // The last rule of the file: below the first screen, so the view scrolls.
        t.l4RouteIndex = 1;
        m_selection->select(t);
        QCOMPARE(m_view->highlightFirst(), secondTcp);
        QCOMPARE(m_view->highlightLast(), secondTcp + 2);
        QCOMPARE(m_view->lineText(m_view->highlightLast()).trimmed(), QStringLiteral("host: mongo"));
        QVERIFY(m_view->isLineVisible(secondTcp));
        QVERIFY(!m_view->isLineVisible(m_view->firstLine()));

        // A destination of a TCP rule is marked on its own.
        t.l4RouteIndex = 0;
        t.destinationIndex = 1;
        m_selection->select(t);
        const int v2 = lineOf(text, "subset: v2", tcpLine);
        QCOMPARE(m_view->highlightFirst(), v2 - 2);
        QCOMPARE(m_view->highlightLast(), v2 + 3);

        // A click on a line of the first TCP rule selects it (and the destination written there).
        t = SelectionTarget {};
        t.resourceId = shop;
        t.routeKind = RouteKind::Tls;
        t.l4RouteIndex = 0;
        m_selection->select(t);
        const int portLine = lineOf(text, "- port: 27017");
        QVERIFY(m_view->isLineVisible(portLine));
        const QTextBlock block = m_view->document()->findBlockByNumber(portLine - m_view->firstLine());
        const QRect rect = m_view->cursorRect(QTextCursor(block));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(60, int(rect.center().y())));
        QCOMPARE(m_selection->current().resourceId, shop);
        QCOMPARE(m_selection->current().routeKind, RouteKind::Tcp);
        QCOMPARE(m_selection->current().l4RouteIndex, 0);
        QCOMPARE(m_selection->current().routeIndex, -1); // HTTP-only views see the VirtualService
        QCOMPARE(m_selection->current().matchIndex, 0);
        QCOMPARE(m_view->highlightFirst(), portLine);

        const SelectionTarget sni = m_view->targetAt(0, lineOf(text, "- shop.example.com", tlsLine));
        QCOMPARE(sni.routeKind, RouteKind::Tls);
        QCOMPARE(sni.l4RouteIndex, 0);
        QCOMPARE(sni.matchIndex, 0);
        const SelectionTarget last = m_view->targetAt(0, secondTcp + 2);
        QCOMPARE(last.routeKind, RouteKind::Tcp);
        QCOMPARE(last.l4RouteIndex, 1);
        QCOMPARE(last.destinationIndex, 0);
        // HTTP rules and the lines around the rules are as before.
        const SelectionTarget web = m_view->targetAt(0, lineOf(text, "- name: web"));
        QCOMPARE(web.routeKind, RouteKind::Http);
        QCOMPARE(web.routeIndex, 0);
        QCOMPARE(web.l4RouteIndex, -1);
        const SelectionTarget tcpKey = m_view->targetAt(0, tcpLine);
        QCOMPARE(tcpKey.resourceId, shop);
        QCOMPARE(tcpKey.routeKind, RouteKind::Http);
        QCOMPARE(tcpKey.l4RouteIndex, -1);
    }

    void followsEveryModelChange()
    {
        const int reviewsVs = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        SelectionTarget t;
        t.resourceId = reviewsVs;
        t.routeIndex = 0;
        m_selection->select(t);
        const int line = lineOf(fileText(), "weight: 99");
        const int top = m_view->verticalScrollBar()->value();
        QString error;
        auto command = SetWeights::create(m_doc, reviewsVs, 0, { 75, 25 }, &error);
        QVERIFY2(command, qPrintable(error));
        m_doc->undoStack()->push(command.release());
        QCOMPARE(m_view->lineText(line), QStringLiteral("      weight: 75  # stable"));
        QCOMPARE(m_view->toPlainText().toUtf8(), fileText());
        QCOMPARE(m_view->verticalScrollBar()->value(), top); // an edit does not jump
        m_doc->undoStack()->undo();
        QCOMPARE(m_view->lineText(line), QStringLiteral("      weight: 99  # stable"));
        QCOMPARE(m_view->toPlainText().toUtf8(), fileText());
    }

    void highlightsKeysAndExplainsThem()
    {
        const QTextBlock block
            = m_view->document()->findBlockByNumber(lineOf(fileText(), "kind: Gateway") - 1);
        const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
        bool keyFormatted = false;
        for (const QTextLayout::FormatRange &r : formats)
            keyFormatted |= r.start == 0 && r.length == 4 && r.format.fontWeight() > QFont::Normal;
        QVERIFY(keyFormatted);
        QVERIFY(FieldHelp::toolTip(QStringLiteral("weight")).contains(QStringLiteral("share")));
        QVERIFY(FieldHelp::toolTip(QStringLiteral("subset")).contains(QStringLiteral("DestinationRule")));
        QVERIFY(FieldHelp::toolTip(QStringLiteral("no-such-field")).isEmpty());
    }

    void goToLineOfAProblem()
    {
        m_view->goToLine(0, 40, 5);
        QCOMPARE(m_view->textCursor().blockNumber() + m_view->firstLine(), 40);
        QCOMPARE(m_view->textCursor().positionInBlock(), 4);
        QVERIFY(m_view->isLineVisible(40));
    }

    void bigFileShowsOneDocument()
    {
        QByteArray text;
        int i = 0;
        while (text.size() <= YamlView::maxWholeFileBytes) {
            text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs"
                + QByteArray::number(i++)
                + "\nspec:\n  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n";
            text += QByteArray(40, '#') + "\n";
        }
        m_doc->setLoadResult(Loader::loadText(text, QStringLiteral("big.yaml")));
        SelectionTarget t;
        t.resourceId
            = m_doc->workspace()
                  .find(ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("vs500"))
                  ->id;
        m_selection->select(t);
        QVERIFY(m_view->firstLine() > 1000);
        QVERIFY(m_view->document()->blockCount() < 20);
        QCOMPARE(m_view->lineText(m_view->firstLine() + 4), QStringLiteral("  name: vs500"));
        QCOMPARE(m_view->lineText(lineOf(text, "name: vs500")), QStringLiteral("  name: vs500"));
    }
};

QTEST_MAIN(TestYamlView)
#include "tst_yamlview.moc"
