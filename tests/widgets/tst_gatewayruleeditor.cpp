// The Gateway API rule editor in the rule list: an HTTPRoute's or GRPCRoute's
// rules listed with summaries, their matches, filters, parents and hostnames
// edited with real input; each edit changes only its own bytes, writes no CRD
// default, leaves nothing the CRD checks refuse (MR11xx), and undoes exactly.
#include "matches/foldablesection.h"
#include "matches/gatewayconditionrow.h"
#include "matches/gatewayfiltereditor.h"
#include "matches/gatewayparentseditor.h"
#include "matches/gatewayruleeditor.h"
#include "matches/routefieldedit.h"
#include "matches/rulelisteditor.h"

#include "checker.h"
#include "document.h"
#include "selection.h"
#include "undostack.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace meshroute;

namespace {

int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    for (const Resource &r : doc.workspace().resources)
        if (r.kind == kind && r.name() == name)
            return r.id;
    return -1;
}

// What `meshroute check` reports against the CRDs' schema and CEL rules.
QStringList crdFindings(const Workspace &ws)
{
    QStringList out;
    for (const Diagnostic &d : Checker::check(ws))
        if (d.code.startsWith(QLatin1String("MR11")) || d.code == QLatin1String("MR2011"))
            out.append(QStringLiteral("%1:%2 [%3] %4").arg(d.file).arg(d.line).arg(d.code, d.message));
    return out;
}

} // namespace

class TestGatewayRuleEditor : public QObject
{
    Q_OBJECT

private:
    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    RuleListEditor *m_editor = nullptr;
    int m_route = -1;
    QByteArray m_original;

    const GatewayApiRoute &route() const { return *m_doc->resource(m_route)->gatewayApiRoute(); }
    GatewayRuleEditor *rule() const { return m_editor->gatewayEditor(); }

    void clickRow(int row)
    {
        QListWidget *list = m_editor->ruleList();
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(list->item(row)).center());
        QTRY_COMPARE(list->currentRow(), row);
        QTRY_COMPARE(rule()->ruleIndex(), row);
    }
    void expand(const QString &title)
    {
        FoldableSection *s = rule()->section(title);
        QVERIFY(s);
        if (!s->isExpanded())
            QTest::mouseClick(s->findChild<QToolButton *>(), Qt::LeftButton);
        QTRY_VERIFY(s->content()->isVisible());
    }
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    void undoAll()
    {
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_doc->open({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/httproute-rules.yaml") });
        m_original = m_doc->files()[0].text;
        m_route = idOf(*m_doc, ResourceKind::HTTPRoute, "shop");
        QVERIFY(m_route >= 0);
        m_selection = new Selection;
        m_editor = new RuleListEditor(m_doc, m_selection);
        m_editor->resize(700, 1000);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor));
        SelectionTarget t;
        t.resourceId = m_route;
        m_selection->select(t);
        QTRY_COMPARE(m_editor->ruleList()->count(), 3);
    }
    void cleanup()
    {
        delete m_editor;
        delete m_selection;
        delete m_doc;
    }

    // The rules in one line each; a click selects the rule for every view, and a rule selected
    // elsewhere (the graph, the Resources tree) selects its row.
    void listsRulesAndFollowsTheSelection()
    {
        QVERIFY(m_editor->showsGatewayApiRoute());
        QVERIFY(rule()->isVisible());
        QVERIFY(!m_editor->upButton()->isVisible()); // Istio orders these by specificity
        QCOMPARE(m_editor->ruleList()->item(0)->text(),
            QStringLiteral("cart  prefix /cart & x-user exact jason  →  cart"));
        QCOMPARE(m_editor->ruleList()->item(1)->text(),
            QStringLiteral("legacy  exact /old  →  [RequestRedirect]"));
        QCOMPARE(m_editor->ruleList()->item(2)->text(), QStringLiteral("#2  every request  →  web"));
        clickRow(1);
        QCOMPARE(m_selection->current().resourceId, m_route);
        QCOMPARE(m_selection->current().routeIndex, 1);
        SelectionTarget t;
        t.resourceId = m_route;
        t.routeIndex = 2;
        m_selection->select(t);
        QTRY_COMPARE(m_editor->ruleList()->currentRow(), 2);
        QTRY_COMPARE(rule()->ruleIndex(), 2);
        QCOMPARE(rule()->blockCount(), 0);
    }

    // A path value typed: only its bytes change, and the type the file leaves out stays out.
    void pathValueChangesOnlyItsBytes()
    {
        QCOMPARE(rule()->blockCount(), 1);
        GatewayConditionRow *path = rule()->conditionRows(0)[0];
        QCOMPARE(path->kind(), GatewayConditionRow::Kind::Path);
        QCOMPARE(path->typeCombo()->currentText(), QStringLiteral("PathPrefix")); // the CRD default, shown
        type(path->valueEdit(), "/basket");
        QTRY_COMPARE(route().rules[0].matches[0].path.value.value, QStringLiteral("/basket"));
        QByteArray want = m_original;
        want.replace("        value: /cart   #", "        value: /basket   #");
        QCOMPARE(m_doc->files()[0].text, want);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QTRY_VERIFY(m_editor->ruleList()->item(0)->text().contains("prefix /basket"));
        undoAll();
    }

    // RegularExpression: an expression RE2 cannot compile (MR2011) is shown as typed and never pushed.
    void regexErrorsAsYouType()
    {
        GatewayConditionRow *path = rule()->conditionRows(0)[0];
        path->typeCombo()->setFocus();
        QTest::keyClick(path->typeCombo(), Qt::Key_Down); // PathPrefix -> RegularExpression
        QTRY_COMPARE(route().rules[0].matches[0].path.type.value, QStringLiteral("RegularExpression"));
        path = rule()->conditionRows(0)[0];
        path->valueEdit()->setFocus();
        path->valueEdit()->selectAll();
        QTest::keyClicks(path->valueEdit(), "/cart(/");
        QTRY_VERIFY(path->errorLabel()->isVisible());
        QVERIFY2(path->errorLabel()->text().contains("missing )"), qPrintable(path->errorLabel()->text()));
        const QByteArray before = m_doc->files()[0].text;
        QTest::keyClick(path->valueEdit(), Qt::Key_Return);
        QCOMPARE(m_doc->files()[0].text, before);
        QTest::keyClicks(path->valueEdit(), ".*)?");
        QTRY_VERIFY(!path->errorLabel()->isVisible());
        QTest::keyClick(path->valueEdit(), Qt::Key_Return);
        QTRY_COMPARE(route().rules[0].matches[0].path.value.value, QStringLiteral("/cart(/.*)?"));
        QTest::keyClicks(path->testEdit(), "/cart/items");
        QCOMPARE(path->testResult()->text(), QStringLiteral("✓ match"));
        QVERIFY(crdFindings(m_doc->workspace()).isEmpty());
        undoAll();
    }

    // The test box answers as Envoy does for Gateway API: a PathPrefix takes whole segments.
    void testBoxUsesSegmentPrefixes()
    {
        GatewayConditionRow *path = rule()->conditionRows(0)[0];
        QTest::keyClicks(path->testEdit(), "/cart/items?page=2");
        QCOMPARE(path->testResult()->text(), QStringLiteral("✓ match"));
        path->testEdit()->clear();
        QTest::keyClicks(path->testEdit(), "/cartx");
        QCOMPARE(path->testResult()->text(), QStringLiteral("✗ no match"));
        GatewayConditionRow *header = rule()->conditionRows(0)[1];
        QCOMPARE(header->nameEdit()->text(), QStringLiteral("x-user"));
        QTest::keyClicks(header->testEdit(), "jason");
        QCOMPARE(header->testResult()->text(), QStringLiteral("✓ match"));
    }

    // New conditions: a header and a method in the match, then a new match (OR) with a path.
    void addConditionsAndAMatch()
    {
        GatewayConditionRow *header = rule()->addCondition(0, GatewayConditionRow::Kind::Header);
        header->nameEdit()->setFocus();
        QTest::keyClicks(header->nameEdit(), "x-canary");
        type(header->valueEdit(), "on");
        QTRY_COMPARE(route().rules[0].matches[0].headers.size(), 2);
        QCOMPARE(route().rules[0].matches[0].headers[1].name.value, QStringLiteral("x-canary"));
        QVERIFY(!route().rules[0].matches[0].headers[1].type.present);
        QTRY_COMPARE(rule()->conditionRows(0).size(), 3);
        GatewayConditionRow *method = rule()->addCondition(0, GatewayConditionRow::Kind::Method);
        type(method->valueEdit(), "get");
        QTRY_VERIFY(method->errorLabel()->isVisible()); // the CRD's enum: upper case
        QCOMPARE(route().rules[0].matches[0].method.present, false);
        type(method->valueEdit(), "POST");
        QTRY_COMPARE(route().rules[0].matches[0].method.value, QStringLiteral("POST"));
        QTRY_COMPARE(rule()->conditionRows(0).size(), 4); // path, method, two headers: the rows follow

        QTest::mouseClick(rule()->addBlockButton(), Qt::LeftButton);
        QTRY_COMPARE(rule()->blockCount(), 2);
        GatewayConditionRow *path = rule()->conditionRows(1)[0];
        type(path->valueEdit(), "/api");
        QTRY_COMPARE(route().rules[0].matches.size(), 2);
        QCOMPARE(route().rules[0].matches[1].path.value.value, QStringLiteral("/api"));
        QVERIFY(!route().rules[0].matches[1].path.type.present);
        QVERIFY(crdFindings(m_doc->workspace()).isEmpty());
        QCOMPARE(m_doc->undoStack()->count(), 3);
        // Removing the header again.
        QTRY_COMPARE(rule()->blockCount(), 2);
        QTRY_VERIFY(rule()->conditionRows(0)[3]->isVisible());
        QTest::mouseClick(rule()->conditionRows(0)[3]->removeButton(), Qt::LeftButton);
        QTRY_COMPARE(route().rules[0].matches[0].headers.size(), 1);
        undoAll();
    }

    // Filters: a redirect's fields edited in place (a bad status refused), a URL rewrite added
    // and its path set; only those bytes change and nothing the CRD refuses is left.
    void filters()
    {
        clickRow(1);
        expand(QStringLiteral("Filters"));
        GatewayFilterEditor *filters = rule()->filterEditor();
        QTRY_COMPARE(filters->filterCount(), 1);
        RouteFieldEdit *host = filters->field("rules.1.filters.0.requestRedirect.hostname");
        QVERIFY(host);
        QCOMPARE(host->lineEdit()->text(), QStringLiteral("www.example.com"));
        type(host->lineEdit(), "shop.example.com");
        QByteArray want = m_original;
        want.replace("hostname: www.example.com", "hostname: shop.example.com");
        QTRY_COMPARE(m_doc->files()[0].text, want);
        RouteFieldEdit *status = filters->field("rules.1.filters.0.requestRedirect.statusCode");
        type(status->lineEdit(), "399");
        QTRY_VERIFY(status->errorLabel()->isVisible());
        QCOMPARE(m_doc->files()[0].text, want);

        // On the cart rule (one PathPrefix match, as the CRD wants for a prefix replacement): a URL
        // rewrite of the prefix, and a request header set.
        clickRow(0);
        QTRY_COMPARE(filters->filterCount(), 0);
        filters->typeCombo()->setCurrentText("URLRewrite");
        QTest::mouseClick(filters->addButton(), Qt::LeftButton);
        QTRY_COMPARE(route().rules[0].filters.size(), 1);
        QTRY_COMPARE(filters->filterCount(), 1);
        QComboBox *pathType = filters->pathTypeCombo(0);
        QVERIFY(pathType);
        pathType->setFocus();
        QTest::keyClick(pathType, Qt::Key_End); // ReplacePrefixMatch
        QTRY_COMPARE(
            route().rules[0].filters[0].urlRewrite.path.type.value, QStringLiteral("ReplacePrefixMatch"));
        QTRY_VERIFY(filters->field("rules.0.filters.0.urlRewrite.path.replacePrefixMatch"));
        type(filters->field("rules.0.filters.0.urlRewrite.path.replacePrefixMatch")->lineEdit(), "/basket");
        QTRY_COMPARE(
            route().rules[0].filters[0].urlRewrite.path.replacePrefixMatch.value, QStringLiteral("/basket"));
        filters->typeCombo()->setCurrentText("RequestHeaderModifier");
        QTest::mouseClick(filters->addButton(), Qt::LeftButton);
        QTRY_COMPARE(route().rules[0].filters.size(), 2);
        QCOMPARE(route().rules[0].filters[1].requestHeaderModifier.set.size(), 1);
        QTRY_VERIFY(filters->field("rules.0.filters.1.requestHeaderModifier.set.0.value"));
        type(filters->field("rules.0.filters.1.requestHeaderModifier.set.0.value")->lineEdit(), "canary");
        QTRY_COMPARE(
            route().rules[0].filters[1].requestHeaderModifier.set[0].value.value, QStringLiteral("canary"));
        QVERIFY2(crdFindings(m_doc->workspace()).isEmpty(),
            qPrintable(crdFindings(m_doc->workspace()).join('\n')));
        QTRY_VERIFY(m_editor->ruleList()->item(0)->text().contains("[URLRewrite, RequestHeaderModifier]"));
        undoAll();
    }

    // Parents and hostnames: a sectionName typed into the parentRef, a hostname added and removed.
    void parentsAndHostnames()
    {
        expand(QStringLiteral("Parents and hostnames"));
        GatewayParentsEditor *parents = rule()->parentsEditor();
        RouteFieldEdit *section = parents->field("parentRefs.0.sectionName");
        QVERIFY(section);
        QVERIFY(section->lineEdit()->text().isEmpty()); // left to the default: every listener
        type(section->lineEdit(), "http");
        QTRY_COMPARE(route().parentRefs[0].sectionName.value, QStringLiteral("http"));
        QSignalSpy failed(parents, &GatewayParentsEditor::editFailed);
        type(parents->newHostnameEdit(), "Shop.Example.com");
        QCOMPARE(failed.count(), 1);
        type(parents->newHostnameEdit(), "www.shop.example.com");
        QTRY_COMPARE(route().hostnames.size(), 2);
        QCOMPARE(route().hostnames[1].value, QStringLiteral("www.shop.example.com"));
        QVERIFY(crdFindings(m_doc->workspace()).isEmpty());
        QCOMPARE(m_doc->undoStack()->count(), 2);
        undoAll();
    }

    // Add a rule (a match of its own, the first backend) and delete it: one step each.
    void addAndDeleteRule()
    {
        QTest::mouseClick(m_editor->addButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 4);
        QCOMPARE(route().rules[3].matches[0].path.value.value, QStringLiteral("/new-rule"));
        QCOMPARE(route().rules[3].backendRefs[0].ref.name.value, QStringLiteral("cart"));
        QTRY_COMPARE(m_editor->ruleList()->currentRow(), 3);
        QVERIFY(crdFindings(m_doc->workspace()).isEmpty());
        QTest::mouseClick(m_editor->deleteButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 3);
        QCOMPARE(m_doc->undoStack()->count(), 2);
        undoAll();
    }

    // Duplicate copies the rule as written, comment included, after it; a named rule's copy
    // gets a name no other rule has (the CRD requires rule names unique in a route).
    void duplicateRuleWithAFreshName()
    {
        QVERIFY(m_editor->duplicateButton()->isVisible());
        clickRow(0);
        QTest::mouseClick(m_editor->duplicateButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 4);
        QCOMPARE(route().rules[1].name.value, QStringLiteral("cart-copy"));
        QCOMPARE(route().rules[1].matches[0].headers[0].value.value, QStringLiteral("jason"));
        QCOMPARE(route().rules[2].name.value, QStringLiteral("legacy"));
        QTRY_COMPARE(m_editor->ruleList()->currentRow(), 1);
        QCOMPARE(m_doc->files()[0].text.count("value: /cart   # PathPrefix by default"), 2);
        clickRow(0);
        QTest::mouseClick(m_editor->duplicateButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 5);
        QCOMPARE(route().rules[1].name.value, QStringLiteral("cart-copy2"));
        QVERIFY(crdFindings(m_doc->workspace()).isEmpty());
        // The unnamed catch-all is copied as it is.
        clickRow(4);
        QTest::mouseClick(m_editor->duplicateButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 6);
        QVERIFY(!route().rules[5].name.present);
        QCOMPARE(route().rules[5].backendRefs[0].ref.name.value, QStringLiteral("web"));
        QCOMPARE(m_doc->undoStack()->count(), 3);
        undoAll();
    }

    // A GRPCRoute: its service/method match and headers.
    void grpcMethodMatch()
    {
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, ResourceKind::GRPCRoute, "catalog");
        m_selection->select(t);
        QTRY_COMPARE(m_editor->ruleList()->count(), 1);
        QCOMPARE(
            m_editor->ruleList()->item(0)->text(), QStringLiteral("#0  exact shop.Catalog/List  →  web"));
        QTRY_COMPARE(rule()->blockCount(), 1);
        GatewayConditionRow *method = rule()->conditionRows(0)[0];
        QCOMPARE(method->kind(), GatewayConditionRow::Kind::GrpcMethod);
        QCOMPARE(method->nameEdit()->text(), QStringLiteral("shop.Catalog"));
        type(method->valueEdit(), "Get");
        const GatewayApiRoute &grpc = *m_doc->resource(t.resourceId)->gatewayApiRoute();
        QTRY_COMPARE(grpc.rules[0].matches[0].grpcMethod.method.value, QStringLiteral("Get"));
        QByteArray want = m_original;
        want.replace("        method: List\n", "        method: Get\n");
        QCOMPARE(m_doc->files()[0].text, want);
        undoAll();
    }
};

QTEST_MAIN(TestGatewayRuleEditor)
#include "tst_gatewayruleeditor.moc"
