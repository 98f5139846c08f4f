// The Problems dock: diagnostics grouped by file with line:column and
// severity icons; double-click selects the resource and asks for the line.
#include "document.h"
#include "loader.h"
#include "replacedocumenttext.h"
#include "undostack.h"
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

    // A large workspace is checked on a worker: a burst of edits (a slider drag)
    // leads to one more check of the latest text, not one per edit, and the
    // findings shown meanwhile are never emptied.
    void largeWorkspaceChecksTheLatestTextOnce()
    {
        QByteArray text;
        for (int i = 0; i < 300; ++i) {
            const QByteArray n = "svc" + QByteArray::number(i);
            text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + n
                + "}\nspec:\n  hosts: [" + n + "]\n  http:\n  - route:\n    - destination: {host: " + n
                + ", subset: v1}\n";
            text += "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: " + n
                + "}\nspec:\n  host: " + n + "\n  subsets:\n  - name: v1\n    labels: {version: v1}\n";
        }
        QVERIFY(600 > ProblemsView::asyncThreshold);
        QSignalSpy checked(m_view, &ProblemsView::checked);
        m_doc->setLoadResult(Loader::loadText(text, QStringLiteral("mesh.yaml")));
        QVERIFY(checked.wait(20000));
        QCOMPARE(m_view->errorCount(), 0);

        // svc7 now routes to a subset nobody defines; 20 quick edits end on it.
        const Resource *vs = m_doc->workspace().find(ResourceKind::VirtualService, "default", "svc7");
        QVERIFY(vs);
        const int file = vs->fileIndex, document = vs->documentIndex, vsId = vs->id;
        const QByteArray good = m_doc->documentText(file, document);
        QByteArray bad = good;
        bad.replace("subset: v1", "subset: v9");
        checked.clear();
        for (int i = 0; i < 20; ++i) {
            const QByteArray before = m_doc->documentText(file, document);
            const QByteArray after = i % 2 == 0 ? bad : good;
            m_doc->undoStack()->push(new ReplaceDocumentText(m_doc, file, document, before, after, "Edit"));
        }
        m_doc->undoStack()->push(new ReplaceDocumentText(m_doc, file, document, good, bad, "Edit"));
        // What was shown stays until the new findings arrive.
        QCOMPARE(m_view->errorCount(), 0);
        QVERIFY(checked.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_view->isChecking(), 20000);
        // At most the check that was running and one of the latest text.
        QCOMPARE(checked.size(), 1);
        QCOMPARE(m_view->errorCount(), 1);
        Diagnostic error;
        for (const Diagnostic &d : m_view->problemsModel()->diagnostics())
            if (d.severity == Diagnostic::Severity::Error)
                error = d;
        QCOMPARE(error.code, QStringLiteral("IST0101"));
        QCOMPARE(error.resourceId, vsId);

        // A finding of the edited resource alone (RE2 refuses a look-ahead) shows at once,
        // before any background check; fixing it clears it at once.
        const QByteArray current = m_doc->documentText(file, document);
        QByteArray badRegex = current;
        badRegex.replace("  - route:\n", "  - match:\n    - uri: {regex: \"/(?=x)\"}\n    route:\n");
        QVERIFY(badRegex != current);
        m_doc->undoStack()->push(new ReplaceDocumentText(m_doc, file, document, current, badRegex, "Edit"));
        QCOMPARE(m_view->errorCount(), 2);
        bool regexError = false;
        for (const Diagnostic &d : m_view->problemsModel()->diagnostics())
            regexError |= d.severity == Diagnostic::Severity::Error && d.code != QStringLiteral("IST0101");
        QVERIFY(regexError);
        m_doc->undoStack()->undo();
        QCOMPARE(m_view->errorCount(), 1);
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
