// The Problems dock: diagnostics grouped by file with line:column and
// severity icons; double-click selects the resource and asks for the line.
#include "document.h"
#include "loader.h"
#include "problems/problemsmodel.h"
#include "problems/problemsview.h"
#include "selection.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace meshroute;

namespace {

const QByteArray broken = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
      weight: "most"
---
apiVersion: v1
kind: Service
metadata:
  name: bad
spec:
  ports: [ {port: 80
---
apiVersion: v1
kind: ConfigMap
metadata: {name: fine}
)";

} // namespace

class TestProblemsView : public QObject
{
    Q_OBJECT

    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    ProblemsView *m_view = nullptr;

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_doc->setLoadResult(Loader::loadText(broken, QStringLiteral("broken.yaml")));
        m_selection = new Selection;
        m_view = new ProblemsView(m_doc, m_selection);
        m_view->resize(900, 300);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }

    void cleanup()
    {
        delete m_view;
        delete m_selection;
        delete m_doc;
    }

    void groupsByFileWithLocations()
    {
        ProblemsModel *model = m_view->problemsModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex file = model->index(0, 0);
        QVERIFY(file.data().toString().startsWith(QStringLiteral("broken.yaml")));
        QVERIFY(file.data().toString().contains(QStringLiteral("error")));
        QVERIFY(model->rowCount(file) >= 2);
        QVERIFY(m_view->isExpanded(file));

        // The wrong type on its field, the syntax error with line:column.
        bool weight = false, syntax = false;
        for (int i = 0; i < model->rowCount(file); ++i) {
            const Diagnostic *d = model->diagnostic(model->index(i, 0, file));
            QVERIFY(d);
            const QString location = model->index(i, ProblemsModel::LocationColumn, file).data().toString();
            QCOMPARE(location, QStringLiteral("%1:%2").arg(d->line).arg(d->column));
            QVERIFY(!model->index(i, 0, file).data(Qt::DecorationRole).value<QIcon>().isNull());
            if (d->path.contains(QLatin1String("weight")) && d->line == 12)
                weight = true;
            if (d->message.contains(QLatin1String("YAML")) && d->line >= 19 && d->line <= 21)
                syntax = true;
        }
        QVERIFY(weight);
        QVERIFY(syntax);
        QVERIFY(m_view->errorCount() >= 2);
    }

    void doubleClickSelectsAndGoesToTheLine()
    {
        ProblemsModel *model = m_view->problemsModel();
        const QModelIndex file = model->index(0, 0);
        QModelIndex weightRow;
        for (int i = 0; i < model->rowCount(file); ++i)
            if (model->diagnostic(model->index(i, 0, file))->path.contains(QLatin1String("weight")))
                weightRow = model->index(i, 0, file);
        QVERIFY(weightRow.isValid());
        QSignalSpy goTo(m_view, &ProblemsView::goToLine);
        m_view->scrollTo(weightRow);
        const QPoint at = m_view->visualRect(weightRow).center();
        // A double-click is press, release, double-click, release on the viewport.
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(goTo.size(), 1);
        QCOMPARE(goTo.first().at(0).toInt(), 0);
        QCOMPARE(goTo.first().at(1).toInt(), 12);
        const Resource *vs = m_doc->workspace().find(
            ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("reviews"));
        QCOMPARE(m_selection->current().resourceId, vs->id);
        QCOMPARE(m_selection->current().routeIndex, 0);
        QCOMPARE(m_selection->current().destinationIndex, 0);
    }

    void refreshedAfterEachChange()
    {
        QSignalSpy counts(m_view, &ProblemsView::countsChanged);
        m_doc->open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        QCOMPARE(m_view->errorCount(), 0);
        QVERIFY(counts.size() >= 1);
        QCOMPARE(counts.last().at(0).toInt(), 0);
    }
};

QTEST_MAIN(TestProblemsView)
#include "tst_problemsview.moc"
