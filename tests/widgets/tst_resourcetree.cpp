// The Resources dock: the tree by kind, namespace and name, kept in step
// with the shared selection; an edit refreshes it without a reset.
#include "document.h"
#include "replacedocumenttext.h"
#include "resourcetree/resourcetreemodel.h"
#include "resourcetree/resourcetreeview.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QtTest>

using namespace meshroute;

class TestResourceTree : public QObject
{
    Q_OBJECT

    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    ResourceTreeView *m_view = nullptr;

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_doc->open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        m_selection = new Selection;
        m_view = new ResourceTreeView(m_doc, m_selection);
        m_view->resize(400, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }

    void cleanup()
    {
        delete m_view;
        delete m_selection;
        delete m_doc;
    }

    void listsResourcesByKindNamespaceName()
    {
        ResourceTreeModel *model = m_view->resourceModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList kinds;
        for (int i = 0; i < model->rowCount(); ++i)
            kinds.append(model->index(i, 0).data().toString());
        QCOMPARE(kinds,
            (QStringList { QStringLiteral("Gateways (1)"), QStringLiteral("VirtualServices (2)"),
                QStringLiteral("DestinationRules (1)"), QStringLiteral("Services (4)"),
                QStringLiteral("Workloads (6)") }));
        const QModelIndex vs = model->index(1, 0);
        const QModelIndex ns = model->index(0, 0, vs);
        QCOMPARE(ns.data().toString(), QStringLiteral("default"));
        QCOMPARE(model->rowCount(ns), 2);
        QCOMPARE(model->index(0, 0, ns).data().toString(), QStringLiteral("bookinfo"));
        QCOMPARE(model->index(1, 0, ns).data().toString(), QStringLiteral("reviews"));
        QCOMPARE(model->index(1, ResourceTreeModel::LocationColumn, ns).data().toString(),
            QStringLiteral("bookinfo.yaml:52"));
        QVERIFY(!model->index(1, 0, ns).data(Qt::DecorationRole).value<QIcon>().isNull());
        const QModelIndex workloads = model->index(4, 0);
        QCOMPARE(model->index(0, 0, model->index(0, 0, workloads)).data().toString(),
            QStringLiteral("details-v1  (Deployment)"));
        QVERIFY(m_view->isExpanded(ns));
    }

    // A long file name takes at most 40% of a narrow dock: the names stay readable.
    void longFileNamesLeaveTheNamesReadable()
    {
        Document doc;
        doc.open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml") });
        Selection selection;
        ResourceTreeView view(&doc, &selection);
        view.resize(270, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int nameWidth = view.columnWidth(ResourceTreeModel::NameColumn);
        const int locationWidth = view.columnWidth(ResourceTreeModel::LocationColumn);
        QVERIFY2(locationWidth <= view.viewport()->width() * 2 / 5,
            qPrintable(QStringLiteral("location %1 of %2").arg(locationWidth).arg(view.viewport()->width())));
        QVERIFY2(nameWidth >= view.viewport()->width() / 2, qPrintable(QString::number(nameWidth)));
        // In a wide dock the location gets all of its text.
        view.resize(900, 500);
        const int longest
            = view.fontMetrics().horizontalAdvance(QStringLiteral("bookinfo-gateway-api.yaml:334"));
        QTRY_VERIFY2(view.columnWidth(ResourceTreeModel::LocationColumn) > longest,
            qPrintable(QString::number(view.columnWidth(ResourceTreeModel::LocationColumn))));
    }

    void clickSelectsAndSelectionFollows()
    {
        ResourceTreeModel *model = m_view->resourceModel();
        const Resource *reviews = m_doc->workspace().find(
            ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("reviews"));
        const QModelIndex index = model->indexForResource(reviews->id);
        QVERIFY(index.isValid());
        m_view->scrollTo(index);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->visualRect(index).center());
        QCOMPARE(m_selection->current().resourceId, reviews->id);

        const Resource *dr = m_doc->workspace().find(
            ResourceKind::DestinationRule, QStringLiteral("default"), QStringLiteral("reviews"));
        SelectionTarget t;
        t.resourceId = dr->id;
        t.subset = QStringLiteral("v1");
        m_selection->select(t);
        QCOMPARE(m_view->currentIndex(), model->indexForResource(dr->id));
        // Following the selection does not narrow it to the resource.
        QCOMPARE(m_selection->current().subset, QStringLiteral("v1"));
    }

    void editRefreshesWithoutReset()
    {
        ResourceTreeModel *model = m_view->resourceModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        const Resource *reviews = m_doc->workspace().find(
            ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("reviews"));
        QString error;
        auto command = SetWeights::create(m_doc, reviews->id, 0, { 50, 50 }, &error);
        QVERIFY2(command, qPrintable(error));
        m_doc->undoStack()->push(command.release());
        QCOMPARE(resets.size(), 0);
        m_doc->open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model->rowCount(), 5);
    }

    // A weight step touches no leaf; an edit that adds lines moves the later
    // resources' locations without a reset; a rename shows the new name.
    void leavesFollowEditsInPlace()
    {
        ResourceTreeModel *model = m_view->resourceModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(model, &QAbstractItemModel::dataChanged);
        const Resource *reviews = m_doc->workspace().find(ResourceKind::VirtualService, "default", "reviews");
        const int reviewsId = reviews->id;
        const int drId = m_doc->workspace().find(ResourceKind::DestinationRule, "default", "reviews")->id;
        auto location = [&](int id) {
            return model->indexForResource(id)
                .siblingAtColumn(ResourceTreeModel::LocationColumn)
                .data()
                .toString();
        };
        QCOMPARE(location(drId), QStringLiteral("bookinfo.yaml:72"));

        QString error;
        auto command = SetWeights::create(m_doc, reviewsId, 0, { 98, 2 }, &error);
        QVERIFY2(command, qPrintable(error));
        m_doc->undoStack()->push(command.release());
        QCOMPARE(changes.size(), 0);

        // Two comment lines in the reviews VirtualService: the DestinationRule after it moves down.
        const int file = reviews->fileIndex, document = reviews->documentIndex;
        const QByteArray before = m_doc->documentText(file, document);
        QByteArray after = before;
        after.replace("spec:\n", "# one\n# two\nspec:\n");
        m_doc->undoStack()->push(new ReplaceDocumentText(m_doc, file, document, before, after, "Edit"));
        QCOMPARE(location(drId), QStringLiteral("bookinfo.yaml:74"));
        m_doc->undoStack()->undo();
        QCOMPARE(location(drId), QStringLiteral("bookinfo.yaml:72"));
        QCOMPARE(resets.size(), 0);

        QByteArray renamed = before;
        renamed.replace("  name: reviews\n", "  name: reviews-v2\n");
        m_doc->undoStack()->push(new ReplaceDocumentText(m_doc, file, document, before, renamed, "Rename"));
        QCOMPARE(model->indexForResource(reviewsId).data().toString(), QStringLiteral("reviews-v2"));
    }

    // Delete (the key, or the context menu) removes the selected resource's document; undo restores it.
    void deleteFromTheTree()
    {
        QCOMPARE(m_view->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(m_view->actions().contains(m_view->deleteAction()));
        QVERIFY(!m_view->deleteAction()->isEnabled()); // nothing selected yet
        const QByteArray before = m_doc->files().first().text;
        const int dr = m_doc->workspace().find(ResourceKind::DestinationRule, "default", "reviews")->id;
        SelectionTarget t;
        t.resourceId = dr;
        m_selection->select(t);
        QVERIFY(m_view->deleteAction()->isEnabled());
        m_view->setFocus();
        QTest::keyClick(m_view, Qt::Key_Delete);
        QCOMPARE(m_doc->workspace().find(ResourceKind::DestinationRule, "default", "reviews"), nullptr);
        QVERIFY(!m_doc->files().first().text.contains("kind: DestinationRule"));
        QCOMPARE(m_view->resourceModel()->indexForResource(dr), QModelIndex());
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files().first().text, before);
    }
};

QTEST_MAIN(TestResourceTree)
#include "tst_resourcetree.moc"
