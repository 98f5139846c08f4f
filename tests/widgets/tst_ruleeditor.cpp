#include "matches/conditionrow.h"
#include "matches/foldablesection.h"
#include "matches/l4ruleeditor.h"
#include "matches/mirrorlisteditor.h"
#include "matches/originlisteditor.h"
#include "matches/ruleeditor.h"
#include "matches/rulelisteditor.h"

#include "document.h"
#include "exporter.h"
#include "selection.h"
#include "undostack.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
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

const VirtualService *vs(const Document &doc, int id)
{
    return doc.resource(id)->virtualService();
}

} // namespace

class TestRuleEditor : public QObject
{
    Q_OBJECT

private:
    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    RuleListEditor *m_editor = nullptr;
    int m_vs = -1;
    QByteArray m_original;

    void showRule(int route)
    {
        SelectionTarget t;
        t.resourceId = m_vs;
        t.routeIndex = route;
        m_selection->select(t);
        QTRY_COMPARE(m_editor->ruleEditor()->routeIndex(), route);
    }

    // The TLS/TCP, mirrors and CORS fixture, with the VirtualService selected.
    void openL4Fixture()
    {
        m_doc->open({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/l4routes.yaml") });
        m_original = m_doc->files()[0].text;
        m_vs = idOf(*m_doc, ResourceKind::VirtualService, "shop");
        QVERIFY(m_vs >= 0);
        SelectionTarget t;
        t.resourceId = m_vs;
        t.routeIndex = 0;
        m_selection->select(t);
        QTRY_COMPARE(m_editor->ruleList()->count(), 4);
    }
    void clickRow(int row)
    {
        QListWidget *list = m_editor->ruleList();
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(list->item(row)).center());
        QTRY_COMPARE(list->currentRow(), row);
    }
    void expand(const QString &section)
    {
        FoldableSection *s = m_editor->ruleEditor()->section(section);
        QVERIFY(s);
        if (!s->isExpanded())
            QTest::mouseClick(s->findChild<QToolButton *>(), Qt::LeftButton);
        QTRY_VERIFY(s->content()->isVisible());
    }
    // Types `text` into `edit` as a user would (replacing what is there) and presses Return.
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

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_doc->open({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/routes.yaml") });
        m_original = m_doc->files()[0].text;
        m_vs = idOf(*m_doc, ResourceKind::VirtualService, "reviews");
        m_selection = new Selection;
        m_editor = new RuleListEditor(m_doc, m_selection);
        m_editor->resize(700, 900);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor));
        showRule(0);
        QCOMPARE(m_editor->ruleList()->count(), 2);
    }
    void cleanup()
    {
        delete m_editor;
        delete m_selection;
        delete m_doc;
    }

    void addPrefixMatchAndExport()
    {
        showRule(1); // the canary rule has no match: a catch-all
        RuleEditor *rule = m_editor->ruleEditor();
        QCOMPARE(rule->blockCount(), 0);
        QTest::mouseClick(rule->addBlockButton(), Qt::LeftButton);
        QCOMPARE(rule->blockCount(), 1);
        ConditionRow *uri = rule->conditionRows(0).value(0);
        QVERIFY(uri);
        QCOMPARE(uri->kind(), ConditionRow::Kind::Uri);
        QCOMPARE(uri->type(), StringMatch::Type::Prefix);
        QCOMPARE(m_doc->undoStack()->count(), 0); // nothing reaches the model before it is committed
        uri->valueEdit()->setFocus();
        QTest::keyClicks(uri->valueEdit(), "/api/v2");
        QTest::keyClick(uri->valueEdit(), Qt::Key_Return);
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[1].match.size(), 1);
        const HttpMatchRequest &m = vs(*m_doc, m_vs)->http[1].match[0];
        QCOMPARE(m.uri.type, StringMatch::Type::Prefix);
        QCOMPARE(m.uri.value, QStringLiteral("/api/v2"));
        QCOMPARE(m_doc->undoStack()->count(), 1);

        QString error;
        const QByteArray exported = Exporter::exportYaml(m_doc->files(), m_doc->workspace(), {}, &error);
        QVERIFY2(exported.contains("  - name: canary\n    route:\n"), exported.constData());
        QVERIFY2(exported.contains("    x-unknown: kept\n    match:\n    - uri:\n        prefix: /api/v2\n"),
            exported.constData());
        // The rule list shows the new condition; undo restores the bytes.
        QTRY_VERIFY(m_editor->ruleList()->item(1)->text().contains("prefix /api/v2"));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

    void invalidRegexShowsRe2ErrorAndChangesNothing()
    {
        RuleEditor *rule = m_editor->ruleEditor();
        ConditionRow *header = rule->conditionRows(0).value(0);
        QVERIFY(header);
        QCOMPARE(header->kind(), ConditionRow::Kind::Header);
        QCOMPARE(header->key(), QStringLiteral("end-user"));
        QCOMPARE(header->value(), QStringLiteral("jason"));
        header->valueEdit()->setFocus();
        header->valueEdit()->selectAll();
        QTest::keyClicks(header->valueEdit(), "(jas");
        // Switching to regex commits at once if valid; "(jas" is not.
        header->typeCombo()->setCurrentIndex(header->typeCombo()->findData(int(StringMatch::Type::Regex)));
        QTest::keyClick(header->valueEdit(), Qt::Key_Return);
        QTRY_VERIFY(header->errorLabel()->isVisible());
        QVERIFY2(
            header->errorLabel()->text().contains("missing )"), qPrintable(header->errorLabel()->text()));
        QVERIFY(!header->valueEdit()->styleSheet().isEmpty()); // the red mark
        QCOMPARE(m_doc->files()[0].text, m_original);
        QCOMPARE(m_doc->undoStack()->count(), 0);
        // Fixed, it goes through as one step.
        QTest::keyClick(header->valueEdit(), Qt::Key_End);
        QTest::keyClicks(header->valueEdit(), ".*)");
        QVERIFY(!header->errorLabel()->isVisible());
        QTest::keyClick(header->valueEdit(), Qt::Key_Return);
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].match[0].headers[0].value.type, StringMatch::Type::Regex);
        QCOMPARE(vs(*m_doc, m_vs)->http[0].match[0].headers[0].value.value, QStringLiteral("(jas.*)"));
        QByteArray expected = m_original;
        expected.replace("          exact: jason\n", "          regex: (jas.*)\n");
        QCOMPARE(m_doc->files()[0].text, expected);
    }

    void emptyPrefixRefused()
    {
        RuleEditor *rule = m_editor->ruleEditor();
        ConditionRow *header = rule->conditionRows(0).value(0);
        header->typeCombo()->setCurrentIndex(header->typeCombo()->findData(int(StringMatch::Type::Prefix)));
        header->valueEdit()->setFocus();
        header->valueEdit()->selectAll();
        QTest::keyClick(header->valueEdit(), Qt::Key_Backspace);
        QTest::keyClick(header->valueEdit(), Qt::Key_Return);
        QVERIFY(header->errorLabel()->text().contains("prefix string match should not be empty"));
        // The type change went through with the old value; the empty prefix did not.
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QVERIFY(m_doc->files()[0].text.contains("          prefix: jason\n"));
    }

    void badDurationRefused()
    {
        QLineEdit *timeout = m_editor->ruleEditor()->fieldEdit("timeout");
        QVERIFY(timeout);
        timeout->setFocus();
        QTest::keyClicks(timeout, "5 days");
        QTest::keyClick(timeout, Qt::Key_Return);
        QVERIFY(m_editor->ruleEditor()->fieldError("timeout")->isVisible());
        QCOMPARE(m_doc->files()[0].text, m_original);
        timeout->selectAll();
        QTest::keyClicks(timeout, "1500ms");
        QTest::keyClick(timeout, Qt::Key_Return);
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].timeout.value, QStringLiteral("1500ms"));
    }

    void testBoxUsesEnvoySemantics()
    {
        ConditionRow row(ConditionRow::Kind::Uri);
        row.setCondition({}, StringMatch::Type::Exact, "/productpage");
        row.testEdit()->setText("/productpage?id=1");
        QVERIFY(row.testResult()->text().contains("✓")); // exact ignores the query
        row.setCondition({}, StringMatch::Type::Prefix, "/api");
        row.testEdit()->setText("/api2/x");
        QVERIFY(row.testResult()->text().contains("✓")); // a raw character prefix, not path segments
        row.setCondition({}, StringMatch::Type::Regex, "/api/v[0-9]+");
        row.testEdit()->setText("/api/v1/books");
        QVERIFY(row.testResult()->text().contains("✗")); // regex must match the whole path
        row.testEdit()->setText("/api/v12?x=1");
        QVERIFY(row.testResult()->text().contains("✓"));
        row.setCondition({}, StringMatch::Type::Prefix, "/API", true);
        row.testEdit()->setText("/api/x");
        QVERIFY(row.testResult()->text().contains("✓")); // ignoreUriCase
        row.setCondition({}, StringMatch::Type::Regex, "/API", true);
        row.testEdit()->setText("/api");
        QVERIFY(row.testResult()->text().contains("✗")); // ignoreUriCase never applies to regex
    }

    void reorderByButtonAndByDrop()
    {
        QCOMPARE(m_editor->ruleList()->currentRow(), 0);
        QTest::mouseClick(m_editor->downButton(), Qt::LeftButton);
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].name.value, QStringLiteral("canary"));
        QCOMPARE(vs(*m_doc, m_vs)->http[1].name.value, QStringLiteral("jason"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_selection->current().routeIndex, 1); // the moved rule stays selected
        // A drop in the list: the view moves the row, the editor moves the rule back.
        QVERIFY(m_editor->ruleList()->model()->moveRow(QModelIndex(), 1, QModelIndex(), 0));
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].name.value, QStringLiteral("jason"));
        QTRY_COMPARE(m_doc->undoStack()->count(), 2);
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

    void addDuplicateDelete()
    {
        QTest::mouseClick(m_editor->duplicateButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 3);
        QCOMPARE(vs(*m_doc, m_vs)->http[1].name.value, QStringLiteral("jason-copy"));
        QTest::mouseClick(m_editor->deleteButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 2);
        QCOMPARE(m_doc->files()[0].text, m_original);
        QTest::mouseClick(m_editor->addButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 3);
        QCOMPARE(vs(*m_doc, m_vs)->http[2].route[0].destination.host.value, QStringLiteral("reviews"));
        QCOMPARE(m_doc->undoStack()->count(), 3);
    }

    void actionSwitch()
    {
        QComboBox *action = m_editor->ruleEditor()->actionCombo();
        action->setFocus();
        const int index = action->findData(2); // direct response
        action->setCurrentIndex(index);
        Q_EMIT action->activated(index);
        QTRY_VERIFY(vs(*m_doc, m_vs)->http[0].directResponse->present);
        QVERIFY(vs(*m_doc, m_vs)->http[0].route.isEmpty());
        QTRY_VERIFY(m_editor->ruleEditor()->fieldEdit("directResponse.status")->isVisible());
        QCOMPARE(m_editor->ruleEditor()->fieldEdit("directResponse.status")->text(), QStringLiteral("404"));
    }

    // TLS and TCP rules are listed after the HTTP ones, labelled by kind and what they match.
    void tcpAndTlsRulesAreListed()
    {
        openL4Fixture();
        QListWidget *list = m_editor->ruleList();
        QVERIFY2(list->item(0)->text().startsWith("HTTP: \"web\""), qPrintable(list->item(0)->text()));
        QCOMPARE(list->item(1)->text(),
            QStringLiteral("TLS: sni shop.example.com & port 443  →  shop/v1, shop/v2"));
        QCOMPARE(list->item(2)->text(), QStringLiteral("TCP: port 27017  →  mongo/v1, mongo/v2"));
        QCOMPARE(list->item(3)->text(), QStringLiteral("TCP: every connection  →  mongo"));
        clickRow(2);
        QCOMPARE(m_selection->current().routeKind, RouteKind::Tcp);
        QCOMPARE(m_selection->current().l4RouteIndex, 0);
        QCOMPARE(m_selection->current().routeIndex, -1); // HTTP-only views see the VirtualService
        QTRY_VERIFY(m_editor->l4Editor()->isVisible());
        QVERIFY(!m_editor->ruleEditor()->isVisible());
        QCOMPARE(m_editor->l4Editor()->titleLabel()->text(), QStringLiteral("TCP rule #0 of shop"));
        QCOMPARE(m_editor->l4Editor()->fieldEdit(0, "port")->text(), QStringLiteral("27017"));
        QVERIFY(!m_editor->l4Editor()->fieldEdit(0, "sniHosts")); // TCP has no SNI
        // Selected elsewhere (the weight panel, a test): the list follows.
        SelectionTarget t;
        t.resourceId = m_vs;
        t.routeKind = RouteKind::Tls;
        t.l4RouteIndex = 0;
        m_selection->select(t);
        QTRY_COMPARE(list->currentRow(), 1);
        QCOMPARE(m_editor->l4Editor()->fieldEdit(0, "sniHosts")->text(), QStringLiteral("shop.example.com"));
        clickRow(0);
        QTRY_VERIFY(m_editor->ruleEditor()->isVisible());
        QCOMPARE(m_selection->current().routeIndex, 0);
    }

    // L4 match fields are validated as typed; a valid one is one command touching its bytes.
    void l4MatchFieldsValidateAndEdit()
    {
        openL4Fixture();
        clickRow(1);
        L4RuleEditor *l4 = m_editor->l4Editor();
        QLineEdit *port = l4->fieldEdit(0, "port");
        QVERIFY(port);
        QCOMPARE(port->text(), QStringLiteral("443"));
        type(port, "70000");
        QVERIFY(l4->fieldError(0, "port")->isVisible());
        QCOMPARE(l4->fieldError(0, "port")->text(),
            QStringLiteral("port number 70000 must be in the range 1..65535"));
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QCOMPARE(m_doc->files()[0].text, m_original);
        type(port, "8443");
        QTRY_COMPARE(vs(*m_doc, m_vs)->tls[0].match[0].port.value, 8443);
        QByteArray expected = m_original;
        expected.replace("      port: 443\n", "      port: 8443\n");
        QCOMPARE(m_doc->files()[0].text, expected);
        QCOMPARE(m_doc->undoStack()->count(), 1);

        // An SNI host must be a domain; a TLS match cannot lose its last one.
        QLineEdit *sni = l4->fieldEdit(0, "sniHosts");
        type(sni, "shop example");
        QVERIFY(l4->fieldError(0, "sniHosts")->isVisible());
        type(sni, "");
        QCOMPARE(
            l4->fieldError(0, "sniHosts")->text(), QStringLiteral("a TLS match needs at least one SNI host"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        type(sni, "shop.example.com, *.shop.example.com");
        QTRY_COMPARE(vs(*m_doc, m_vs)->tls[0].match[0].sniHosts.size(), 2);
        expected.replace(
            "      - shop.example.com\n", "      - shop.example.com\n      - \"*.shop.example.com\"\n");
        QCOMPARE(m_doc->files()[0].text, expected);

        clickRow(2);
        QTRY_COMPARE(m_editor->l4Editor()->routeKind(), RouteKind::Tcp);
        QLineEdit *subnets = l4->fieldEdit(0, "destinationSubnets");
        type(subnets, "10.0.0.0/33");
        QVERIFY(l4->fieldError(0, "destinationSubnets")->text().contains("not an IP address or CIDR block"));
        QCOMPARE(m_doc->undoStack()->count(), 2);
        type(subnets, "10.0.0.0/16");
        QTRY_COMPARE(vs(*m_doc, m_vs)->tcp[0].match[0].destinationSubnets.size(), 1);
        expected.replace(
            "    - port: 27017\n", "    - port: 27017\n      destinationSubnets:\n      - 10.0.0.0/16\n");
        QCOMPARE(m_doc->files()[0].text, expected);
        type(l4->fieldEdit(0, "sourceLabels"), "app=web");
        QTRY_COMPARE(vs(*m_doc, m_vs)->tcp[0].match[0].sourceLabels.size(), 1);
        QCOMPARE(m_doc->undoStack()->count(), 4);
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

    // A new match block reaches the model whole with its first valid value; removing the last
    // block of a TCP rule removes `match:` (TLS refuses: its match is required).
    void l4MatchBlocksAddAndRemove()
    {
        openL4Fixture();
        clickRow(3);
        L4RuleEditor *l4 = m_editor->l4Editor();
        QTRY_COMPARE(l4->routeIndex(), 1);
        QCOMPARE(l4->blockCount(), 0);
        QTest::mouseClick(l4->addBlockButton(), Qt::LeftButton);
        QCOMPARE(l4->blockCount(), 1);
        QCOMPARE(m_doc->undoStack()->count(), 0);
        type(l4->fieldEdit(0, "port"), "5432");
        QTRY_COMPARE(vs(*m_doc, m_vs)->tcp[1].match.size(), 1);
        QCOMPARE(vs(*m_doc, m_vs)->tcp[1].match[0].port.value, 5432);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QByteArray expected = m_original;
        expected.replace("  - route:\n    - destination:\n        host: mongo\n",
            "  - route:\n    - destination:\n        host: mongo\n    match:\n    - port: 5432\n");
        QCOMPARE(m_doc->files()[0].text, expected);
        QTRY_COMPARE(m_editor->ruleList()->item(3)->text(), QStringLiteral("TCP: port 5432  →  mongo"));
        QTest::mouseClick(l4->removeBlockButton(0), Qt::LeftButton);
        QTRY_COMPARE(m_doc->files()[0].text, m_original);
        QCOMPARE(m_doc->undoStack()->count(), 2);

        QSignalSpy failed(m_editor, &RuleListEditor::editFailed);
        clickRow(1);
        QTRY_COMPARE(l4->routeKind(), RouteKind::Tls);
        QTest::mouseClick(l4->removeBlockButton(0), Qt::LeftButton);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains("a TLS rule needs a match block"));
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

    // Up moves a rule that reuses another's route through an anchor (`route: *stable`), which the
    // anchor guard refused; the one move that would put the alias before its anchor is refused
    // with both named, and nothing changes.
    void rulesSharingARouteMoveUntilTheAliasWouldComeFirst()
    {
        m_doc->open({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/sharedroutes.yaml") });
        m_original = m_doc->files()[0].text;
        m_vs = idOf(*m_doc, ResourceKind::VirtualService, "reviews");
        QVERIFY(m_vs >= 0);
        showRule(2);
        QTRY_COMPARE(m_editor->ruleList()->count(), 3);
        QSignalSpy failed(m_editor, &RuleListEditor::editFailed);
        clickRow(2);
        QTest::mouseClick(m_editor->upButton(), Qt::LeftButton);
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[1].name.value, QStringLiteral("everyone"));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(vs(*m_doc, m_vs)->http[1].route[0].destination.subset.value, QStringLiteral("v1"));
        QTRY_COMPARE(m_editor->ruleList()->currentRow(), 1);
        QVERIFY(m_editor->ruleList()->item(1)->text().contains(QStringLiteral("everyone")));

        const QByteArray moved = m_doc->files()[0].text;
        QTest::mouseClick(m_editor->upButton(), Qt::LeftButton);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(),
            QStringLiteral("this move puts the alias *stable at spec.http[1].route (line 22) before its "
                           "anchor &stable (spec.http[0].route); move the anchored value first"));
        QCOMPARE(m_doc->files()[0].text, moved);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(vs(*m_doc, m_vs)->http[0].name.value, QStringLiteral("testers"));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

    // Up/Down and drops reorder TCP rules among TCP rules; a drop across kinds is refused.
    void reorderAddAndDeleteTcpRules()
    {
        openL4Fixture();
        QSignalSpy failed(m_editor, &RuleListEditor::editFailed);
        clickRow(2);
        QTest::mouseClick(m_editor->downButton(), Qt::LeftButton);
        QTRY_VERIFY(vs(*m_doc, m_vs)->tcp[0].match.isEmpty());
        QCOMPARE(vs(*m_doc, m_vs)->tcp[1].match[0].port.value, 27017);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_selection->current().l4RouteIndex, 1); // the moved rule stays selected
        QTRY_COMPARE(m_editor->ruleList()->currentRow(), 3);
        // A TCP rule dropped among the HTTP rules: refused, nothing changes.
        QVERIFY(m_editor->ruleList()->model()->moveRow(QModelIndex(), 3, QModelIndex(), 0));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains("TCP rules are ordered among TCP rules"));
        QTRY_COMPARE(
            m_editor->ruleList()->item(3)->text(), QStringLiteral("TCP: port 27017  →  mongo/v1, mongo/v2"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        // A drop inside the TCP rules moves it back.
        QVERIFY(m_editor->ruleList()->model()->moveRow(QModelIndex(), 3, QModelIndex(), 2));
        QTRY_COMPARE(m_doc->undoStack()->count(), 2);
        QCOMPARE(m_doc->files()[0].text, m_original);

        // Add a TLS rule from the menu: it matches the first host's SNI.
        QAction *addTls = m_editor->addKindButton()->menu()->actions().value(1);
        QVERIFY(addTls && addTls->text().contains("TLS"));
        addTls->trigger();
        QTRY_COMPARE(vs(*m_doc, m_vs)->tls.size(), 2);
        QCOMPARE(vs(*m_doc, m_vs)->tls[1].match[0].sniHosts[0].value, QStringLiteral("shop.example.com"));
        QTRY_COMPARE(m_editor->ruleList()->count(), 5);
        QCOMPARE(m_editor->ruleList()->currentRow(), 2);
        QVERIFY(m_editor->duplicateButton()->isEnabled());
        QTest::mouseClick(m_editor->deleteButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->ruleList()->count(), 4);
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

    // Duplicate on a TCP row copies that rule after it, bytes and all, and selects the copy.
    void duplicateTcpRule()
    {
        openL4Fixture();
        clickRow(2);
        QVERIFY(m_editor->duplicateButton()->isEnabled());
        QTest::mouseClick(m_editor->duplicateButton(), Qt::LeftButton);
        QTRY_COMPARE(vs(*m_doc, m_vs)->tcp.size(), 3);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(vs(*m_doc, m_vs)->tls.size(), 1);
        QCOMPARE(vs(*m_doc, m_vs)->http.size(), 1);
        const QByteArray text = m_doc->files()[0].text;
        const qsizetype tcpAt = m_original.indexOf("  tcp:\n") + 7;
        const qsizetype secondAt
            = m_original.indexOf("  - route:\n    - destination:\n        host: mongo\n");
        const QByteArray first = m_original.mid(tcpAt, secondAt - tcpAt);
        QVERIFY(first.contains("x-unknown: kept"));
        QByteArray expected = m_original;
        expected.insert(secondAt, first);
        QCOMPARE(text, expected);
        QTRY_COMPARE(m_editor->ruleList()->count(), 5);
        QCOMPARE(m_editor->ruleList()->currentRow(), 3);
        QCOMPARE(
            m_editor->ruleList()->item(3)->text(), QStringLiteral("TCP: port 27017  →  mongo/v1, mongo/v2"));
        QCOMPARE(m_selection->current().routeKind, RouteKind::Tcp);
        QCOMPARE(m_selection->current().l4RouteIndex, 1);
        QTRY_VERIFY(m_editor->l4Editor()->isVisible());
        QCOMPARE(m_editor->l4Editor()->titleLabel()->text(), QStringLiteral("TCP rule #1 of shop"));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
        QTRY_COMPARE(m_editor->ruleList()->count(), 4);
    }

    // mirrors: rows of host, subset, port and percentage; each edit one command on its own bytes.
    void mirrorsListEdits()
    {
        openL4Fixture();
        expand("Mirror");
        MirrorListEditor *mirrors = m_editor->ruleEditor()->mirrorEditor();
        QTRY_COMPARE(mirrors->rowCount(), 1);
        QCOMPARE(mirrors->hostCombo(0)->currentText(), QStringLiteral("shop"));
        QCOMPARE(mirrors->subsetCombo(0)->currentText(), QStringLiteral("v2"));
        QCOMPARE(mirrors->percentEdit(0)->text(), QStringLiteral("10"));
        QVERIFY(!mirrors->conflictLabel()->isVisible());

        type(mirrors->percentEdit(0), "150");
        QVERIFY(mirrors->errorLabel(0)->isVisible());
        QCOMPARE(mirrors->errorLabel(0)->text(), QStringLiteral("the percentage is a number from 0 to 100"));
        QCOMPARE(m_doc->undoStack()->count(), 0);
        type(mirrors->percentEdit(0), "25");
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].mirrors[0].percentage.value.value, 25.0);
        QByteArray expected = m_original;
        expected.replace("        value: 10\n", "        value: 25\n");
        QCOMPARE(m_doc->files()[0].text, expected);

        // A new row reaches the model once it has a host; its subsets come from that host's DestinationRule.
        QTest::mouseClick(mirrors->addButton(), Qt::LeftButton);
        QCOMPARE(mirrors->rowCount(), 2);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QVERIFY(mirrors->hostCombo(1)->findText("mongo") >= 0);
        type(mirrors->portEdit(1), "27017");
        QCOMPARE(mirrors->errorLabel(1)->text(), QStringLiteral("a mirror needs a host"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QSignalSpy failed(mirrors, &MirrorListEditor::editFailed);
        type(mirrors->hostCombo(1)->lineEdit(), "mongo");
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].mirrors.size(), 2);
        QVERIFY(failed.isEmpty());
        expected.replace("        value: 25\n",
            "        value: 25\n    - destination:\n        host: mongo\n        port:\n          number: "
            "27017\n");
        QCOMPARE(m_doc->files()[0].text, expected);
        QTRY_VERIFY(mirrors->subsetCombo(1)->findText("v1") >= 0);
        type(mirrors->subsetCombo(1)->lineEdit(), "v1");
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].mirrors[1].destination.subset.value, QStringLiteral("v1"));
        QCOMPARE(m_doc->undoStack()->count(), 3);

        // The legacy single mirror set as well: the validator's message shows.
        type(m_editor->ruleEditor()->fieldEdit("mirror.host"), "shop");
        QTRY_VERIFY(mirrors->conflictLabel()->isVisible());
        QVERIFY2(mirrors->conflictLabel()->text().contains("cannot contain both mirror and mirrors"),
            qPrintable(mirrors->conflictLabel()->text()));
        m_doc->undoStack()->undo();
        QTRY_VERIFY(!mirrors->conflictLabel()->isVisible());

        // Removing the first row removes its item only.
        QTest::mouseClick(mirrors->removeButton(0), Qt::LeftButton);
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].mirrors.size(), 1);
        QCOMPARE(vs(*m_doc, m_vs)->http[0].mirrors[0].destination.host.value, QStringLiteral("mongo"));
        QTRY_COMPARE(mirrors->rowCount(), 1);
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
        QTRY_COMPARE(mirrors->rowCount(), 1);
    }

    // corsPolicy.allowOrigins: StringMatch rows; an invalid regex shows RE2's error and changes nothing.
    void corsOriginsList()
    {
        openL4Fixture();
        expand("CORS");
        OriginListEditor *origins = m_editor->ruleEditor()->originEditor();
        QTRY_COMPARE(origins->rowCount(), 1);
        QCOMPARE(origins->typeCombo(0)->currentText(), QStringLiteral("exact"));
        QCOMPARE(origins->valueEdit(0)->text(), QStringLiteral("https://shop.example.com"));

        QTest::mouseClick(origins->addButton(), Qt::LeftButton);
        QCOMPARE(origins->rowCount(), 2);
        QComboBox *kind = origins->typeCombo(1);
        kind->setCurrentIndex(kind->findText("regex"));
        type(origins->valueEdit(1), "https://(?=admin).*");
        QVERIFY(origins->errorLabel(1)->isVisible());
        QVERIFY2(origins->errorLabel(1)->text().contains("invalid perl operator: (?="),
            qPrintable(origins->errorLabel(1)->text()));
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QCOMPARE(m_doc->files()[0].text, m_original);
        type(origins->valueEdit(1), "https://[a-z]+[.]example[.]com");
        QVERIFY(!origins->errorLabel(1)->isVisible());
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].corsPolicy->allowOrigins.size(), 2);
        QByteArray expected = m_original;
        expected.replace("      - exact: https://shop.example.com\n",
            "      - exact: https://shop.example.com\n      - regex: https://[a-z]+[.]example[.]com\n");
        QCOMPARE(m_doc->files()[0].text, expected);
        QCOMPARE(m_doc->undoStack()->count(), 1);

        // Another type replaces the match; the same type changes only the value.
        QComboBox *first = origins->typeCombo(0);
        first->setCurrentIndex(first->findText("prefix"));
        Q_EMIT first->activated(first->currentIndex());
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].corsPolicy->allowOrigins[0].type, StringMatch::Type::Prefix);
        expected.replace(
            "      - exact: https://shop.example.com\n", "      - prefix: https://shop.example.com\n");
        QCOMPARE(m_doc->files()[0].text, expected);
        type(origins->valueEdit(0), "https://");
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].corsPolicy->allowOrigins[0].value, QStringLiteral("https://"));
        expected.replace("      - prefix: https://shop.example.com\n", "      - prefix: https://\n");
        QCOMPARE(m_doc->files()[0].text, expected);

        QTest::mouseClick(origins->removeButton(1), Qt::LeftButton);
        QTRY_COMPARE(vs(*m_doc, m_vs)->http[0].corsPolicy->allowOrigins.size(), 1);
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
    }
};

QTEST_MAIN(TestRuleEditor)
#include "tst_ruleeditor.moc"
