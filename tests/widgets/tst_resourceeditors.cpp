#include "resources/gatewayservereditor.h"
#include "resources/resourceeditor.h"
#include "resources/subseteditor.h"

#include "document.h"
#include "selection.h"
#include "undostack.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
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

// Edits a table cell as a user does: double-click, type, Enter.
void editCell(QTableWidget *table, int row, int column, const QString &text)
{
    const QRect rect = table->visualItemRect(table->item(row, column));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QTRY_VERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    auto *line = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    line->selectAll();
    QTest::keyClicks(line, text);
    QTest::keyClick(line, Qt::Key_Return);
}

} // namespace

class TestResourceEditors : public QObject
{
    Q_OBJECT

private:
    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    ResourceEditor *m_editor = nullptr;
    QByteArray m_original;

    void select(ResourceKind kind, const QString &name)
    {
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, kind, name);
        QVERIFY(t.resourceId >= 0);
        m_selection->select(t);
    }

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_doc->open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        m_original = m_doc->files()[0].text;
        m_selection = new Selection;
        m_editor = new ResourceEditor(m_doc, m_selection);
        m_editor->resize(800, 600);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor));
        QApplication::setActiveWindow(m_editor);
        QVERIFY(QTest::qWaitForWindowActive(m_editor));
    }
    void cleanup()
    {
        delete m_editor;
        delete m_selection;
        delete m_doc;
    }

    void renameAndInvalidName()
    {
        select(ResourceKind::VirtualService, "reviews");
        QLineEdit *name = m_editor->nameEdit();
        QCOMPARE(name->text(), QStringLiteral("reviews"));
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, "Reviews_2");
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QCOMPARE(m_doc->files()[0].text, m_original);
        name->selectAll();
        QTest::keyClicks(name, "reviews-canary");
        QTest::keyClick(name, Qt::Key_Return);
        QTRY_COMPARE(m_doc->undoStack()->count(), 1);
        QVERIFY(idOf(*m_doc, ResourceKind::VirtualService, "reviews-canary") >= 0);
        QVERIFY(m_doc->files()[0].text.contains(
            "  name: reviews-canary\n  namespace: default\nspec:\n  hosts:\n  - reviews\n"));
    }

    void deleteAndUndo()
    {
        select(ResourceKind::DestinationRule, "reviews");
        QTest::mouseClick(m_editor->deleteButton(), Qt::LeftButton);
        QTRY_COMPARE(idOf(*m_doc, ResourceKind::DestinationRule, "reviews"), -1);
        QVERIFY(!m_doc->files()[0].text.contains("kind: DestinationRule"));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

    void subsetEditor()
    {
        select(ResourceKind::DestinationRule, "reviews");
        SubsetEditor *subsets = m_editor->subsetEditor();
        QVERIFY(subsets->isVisible());
        QTableWidget *table = subsets->table();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("version=v2"));
        QVERIFY(table->item(1, 2)->text().contains("reviews-v2"));
        // Rename v3 to "canary": one command, the label kept.
        editCell(table, 2, 0, "canary");
        QTRY_COMPARE(m_doc->undoStack()->count(), 1);
        QVERIFY(m_doc->files()[0].text.contains("  - name: canary\n    labels:\n      version: v3\n"));
        // An invalid name is refused with the webhook's reason.
        editCell(subsets->table(), 0, 0, "V_1");
        QTRY_VERIFY(subsets->errorLabel()->isVisible());
        QVERIFY(subsets->errorLabel()->text().contains("invalid"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        editCell(subsets->table(), 0, 0, "v1"); // fixed: back to what the model has, no step
        QTRY_VERIFY(!subsets->errorLabel()->isVisible());
        QCOMPARE(m_doc->undoStack()->count(), 1);
        // Add one: v4 with version=v4.
        QTest::mouseClick(subsets->addButton(), Qt::LeftButton);
        QTRY_COMPARE(m_doc->undoStack()->count(), 2);
        QCOMPARE(m_doc->resource(idOf(*m_doc, ResourceKind::DestinationRule, "reviews"))
                     ->destinationRule()
                     ->subsets.size(),
            4);
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_original);
    }

    void gatewayServerEditor()
    {
        select(ResourceKind::Gateway, "bookinfo-gateway");
        GatewayServerEditor *servers = m_editor->serverEditor();
        QVERIFY(servers->isVisible());
        QTableWidget *table = servers->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("80"));
        editCell(table, 0, 0, "8080");
        QTRY_COMPARE(m_doc->undoStack()->count(), 1);
        QVERIFY(m_doc->files()[0].text.contains("      number: 8080\n      name: http\n"));
        // HTTPS without a TLS mode is refused.
        editCell(servers->table(), 0, 2, "HTTPS");
        QTRY_VERIFY(servers->errorLabel()->isVisible());
        QVERIFY(servers->errorLabel()->text().contains("TLS"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        editCell(servers->table(), 0, 2, "HTTP"); // back to what the model has: no step
        QTRY_VERIFY(!servers->errorLabel()->isVisible());
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QTest::mouseClick(servers->addButton(), Qt::LeftButton);
        QTRY_COMPARE(m_doc->undoStack()->count(), 2);
        QCOMPARE(m_doc->resource(idOf(*m_doc, ResourceKind::Gateway, "bookinfo-gateway"))
                     ->gateway()
                     ->servers.size(),
            2);
    }
};

QTEST_MAIN(TestResourceEditors)
#include "tst_resourceeditors.moc"
