#include "matches/conditionrow.h"
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
#include <QPushButton>
#include <QTest>

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
};

QTEST_MAIN(TestRuleEditor)
#include "tst_ruleeditor.moc"
