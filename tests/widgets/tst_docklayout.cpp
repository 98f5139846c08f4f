// The window's docks as a user meets them on a laptop, a 1600x1000 screen and
// a full-HD one: with Bookinfo open, the reviews VirtualService selected and
// the Preview raised, nothing the user has to read or press is clipped.
// View > Reset Layout brings the default back; the empty Inspector says one
// thing; its two delete buttons say what they delete.
#include "docklayout.h"
#include "document.h"
#include "mainwindow.h"
#include "matches/rulelisteditor.h"
#include "preview/previewpanel.h"
#include "preview/samplerequestmodel.h"
#include "preview/splitplot.h"
#include "resources/inspector.h"
#include "resources/resourceeditor.h"
#include "resourcetree/resourcetreemodel.h"
#include "resourcetree/resourcetreeview.h"
#include "selection.h"
#include "weights/weightpanel.h"

#include <QAccessible>
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QtTest>

using namespace meshroute;

namespace {

const QString bookinfoPath = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");

QDockWidget *dockOf(const MainWindow &w, const char *name)
{
    return w.findChild<QDockWidget *>(QLatin1String(name));
}

// The part of `widget` that its ancestors up to the window leave on screen, in its own coordinates.
QRect unclippedRect(const QWidget *widget)
{
    QRect visible = widget->rect();
    QPoint offset;
    for (const QWidget *w = widget; w->parentWidget() && !w->isWindow(); w = w->parentWidget()) {
        offset += w->pos();
        visible &= w->parentWidget()->rect().translated(-offset);
    }
    return visible;
}

bool wholeOnScreen(const QWidget *widget)
{
    return widget->isVisible() && unclippedRect(widget) == widget->rect();
}

// Clicks the tab of a tabbed dock, as the user raises it.
void clickDockTab(MainWindow &w, const QString &title)
{
    for (QTabBar *bar : w.findChildren<QTabBar *>()) {
        if (!bar->isVisible() || bar->parentWidget() != &w)
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->tabText(i) == title) {
                QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
                return;
            }
        }
    }
    QFAIL(qPrintable(QStringLiteral("no tab %1").arg(title)));
}

void clickResource(MainWindow &w, ResourceKind kind, const QString &name)
{
    const Resource *r = w.document()->workspace().find(kind, QStringLiteral("default"), name);
    QVERIFY(r);
    const QModelIndex index = w.resourceTree()->resourceModel()->indexForResource(r->id);
    w.resourceTree()->scrollTo(index);
    QTest::mouseClick(
        w.resourceTree()->viewport(), Qt::LeftButton, {}, w.resourceTree()->visualRect(index).center());
    QCOMPARE(w.selection()->current().resourceId, r->id);
}

PreviewPanel *previewOf(const MainWindow &w)
{
    return w.findChild<PreviewPanel *>();
}

// The pixels of each bar of `bars` on the plot.
QList<QRectF> barRects(const QCPBars *bars)
{
    QList<QRectF> rects;
    if (!bars->visible())
        return rects;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        const double left = bars->keyAxis()->coordToPixel(it->key - bars->width() / 2);
        const double right = bars->keyAxis()->coordToPixel(it->key + bars->width() / 2);
        const double top = bars->valueAxis()->coordToPixel(it->value);
        const double bottom = bars->valueAxis()->coordToPixel(0);
        rects << QRectF(QPointF(left, top), QPointF(right, bottom)).normalized();
    }
    return rects;
}

// A window at `screen`'s default layout with Bookinfo open, reviews selected and the Preview raised.
void openReviewsWithPreview(MainWindow &w, const QSize &screen)
{
    w.applyDefaultLayout(screen);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.size(), DockLayout::forScreen(screen).window);
    w.openPaths({ bookinfoPath });
    clickResource(w, ResourceKind::VirtualService, QStringLiteral("reviews"));
    clickDockTab(w, QStringLiteral("Preview"));
    QTRY_VERIFY(previewOf(w)->isOnScreen());
    QTRY_VERIFY(!previewOf(w)->splitPlot()->categories().isEmpty());
    // The Preview grows to its height once raised, with no scroll bar.
    QTRY_VERIFY(wholeOnScreen(previewOf(w)));
}

} // namespace

class TestDockLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_docklayout"));
        QSettings().clear();
        MainWindow::setDefaultPrompt([](const QString &title, const QString &text,
                                         QMessageBox::StandardButtons, QMessageBox::StandardButton) {
            qWarning("unexpected question: %s: %s", qPrintable(title), qPrintable(text));
            return QMessageBox::Cancel;
        });
    }

    void nothingClippedWithPreviewRaised_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1366x768") << QSize(1366, 768);
        QTest::newRow("1600x1000") << QSize(1600, 1000);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void nothingClippedWithPreviewRaised()
    {
        QFETCH(QSize, screen);
        MainWindow w;
        openReviewsWithPreview(w, screen);
        inspectorIsWhole(w);
        splitPlotIsWhole(w);
        sampleTableIsReadable(w);
        PreviewPanel *preview = previewOf(w);
        QVERIFY(!preview->statusLabel()->text().isEmpty());
        QVERIFY(wholeOnScreen(preview->statusLabel()));
        QVERIFY(preview->statusLabel()->height()
            >= preview->statusLabel()->heightForWidth(preview->statusLabel()->width()));
    }

    void resetLayoutRestoresTheDefault()
    {
        MainWindow fresh;
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));

        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSettings().setValue(QStringLiteral("window/state"), w.saveState());
        QDockWidget *inspector = dockOf(w, "inspectorDock");
        QDockWidget *resources = dockOf(w, "resourcesDock");
        inspector->setFloating(true);
        dockOf(w, "yamlDock")->close();
        resources->close();
        w.resize(w.size() - QSize(120, 80));
        QTRY_VERIFY(!resources->isVisible());

        w.findChild<QAction *>(QStringLiteral("resetLayoutAction"))->trigger();
        QVERIFY(!QSettings().contains(QStringLiteral("window/state")));
        QCOMPARE(w.screen()->availableGeometry().size(), QSize(1366, 768));
        QTRY_COMPARE(w.size(), DockLayout::forScreen(QSize(1366, 768)).window);
        QCOMPARE(fresh.size(), w.size());
        QTRY_VERIFY(resources->isVisible());
        QVERIFY(!inspector->isFloating());
        // The same docks on screen, in the same places (a tab behind another is not on screen).
        for (QDockWidget *dock : fresh.findChildren<QDockWidget *>()) {
            QDockWidget *mine = dockOf(w, qPrintable(dock->objectName()));
            QCOMPARE(w.dockWidgetArea(mine), fresh.dockWidgetArea(dock));
            QTRY_COMPARE(mine->visibleRegion().isEmpty(), dock->visibleRegion().isEmpty());
            if (!dock->visibleRegion().isEmpty())
                QTRY_COMPARE(mine->geometry(), dock->geometry());
        }
        QVERIFY(!resources->visibleRegion().isEmpty());
        QVERIFY(!inspector->visibleRegion().isEmpty());
    }

    void emptyInspectorShowsOnePlaceholder()
    {
        MainWindow w;
        w.applyDefaultLayout(QSize(1366, 768));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ bookinfoPath });
        QCOMPARE(w.selection()->current().resourceId, -1);
        QWidget *content = w.inspector()->widget();
        QStringList texts;
        for (QLabel *label : content->findChildren<QLabel *>())
            if (label->isVisible() && !label->text().isEmpty())
                texts << label->text();
        QCOMPARE(texts, QStringList { w.inspector()->placeholder()->text() });
        QVERIFY(wholeOnScreen(w.inspector()->placeholder()));
        for (QAbstractButton *button : content->findChildren<QAbstractButton *>())
            QVERIFY2(!button->isVisible(), qPrintable(button->text()));

        // Selected, the editors replace it; back to nothing, the placeholder is back alone.
        clickResource(w, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(!w.inspector()->placeholder()->isVisible());
        QVERIFY(w.inspector()->weightPanel()->isVisible());
        for (QAbstractButton *button : content->findChildren<QAbstractButton *>()) {
            if (!button->isVisible() || qobject_cast<QLineEdit *>(button->parentWidget()))
                continue; // a line edit's clear button is part of the line edit
            QVERIFY(!button->text().isEmpty() || !button->toolTip().isEmpty());
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(button);
            QVERIFY(accessible && !accessible->text(QAccessible::Name).isEmpty());
        }
        w.selection()->clear();
        QVERIFY(w.inspector()->placeholder()->isVisible());
        QVERIFY(!w.inspector()->resourceEditor()->isVisible());
    }

    // A Service has no rules: only its own editor, no headings of the rule editors.
    void serviceShowsOnlyItsEditor()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ bookinfoPath });
        clickResource(w, ResourceKind::Service, QStringLiteral("details"));
        QVERIFY(w.inspector()->resourceEditor()->isVisible());
        QVERIFY(!w.inspector()->weightPanel()->isVisible());
        QVERIFY(!w.inspector()->ruleListEditor()->isVisible());
        QVERIFY(!w.inspector()->placeholder()->isVisible());
    }

    void deleteButtonsSayWhatTheyDelete()
    {
        MainWindow w;
        w.applyDefaultLayout(QSize(1366, 768));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ bookinfoPath });
        clickResource(w, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QStringList deletes;
        for (QPushButton *button : w.inspector()->widget()->findChildren<QPushButton *>())
            if (button->isVisible() && button->text().contains(QLatin1String("Delete")))
                deletes << button->text();
        deletes.sort();
        QCOMPARE(deletes, QStringList({ QStringLiteral("Delete Resource"), QStringLiteral("Delete Rule") }));
        QCOMPARE(w.inspector()->resourceEditor()->deleteButton()->text(), QStringLiteral("Delete Resource"));
        QCOMPARE(w.inspector()->ruleListEditor()->deleteButton()->text(), QStringLiteral("Delete Rule"));
    }

private:
    // No horizontal scrolling: the editors have at least the width they ask for, every button
    // is whole across, and the traffic split's rows and buttons are whole on screen.
    void inspectorIsWhole(MainWindow &w)
    {
        Inspector *inspector = w.inspector();
        QWidget *content = inspector->widget();
        QTRY_VERIFY(content->width() >= content->minimumSizeHint().width());
        QVERIFY(!inspector->horizontalScrollBar()->isVisible());
        const QRect viewport = inspector->viewport()->rect();
        for (QAbstractButton *button : content->findChildren<QAbstractButton *>()) {
            if (!button->isVisible() || qobject_cast<QLineEdit *>(button->parentWidget()))
                continue; // a line edit's clear button is part of the line edit
            const QRect r(button->mapTo(inspector->viewport(), QPoint()), button->size());
            QVERIFY2(
                r.left() >= viewport.left() && r.right() <= viewport.right(), qPrintable(button->text()));
            QVERIFY2(button->width() >= button->minimumSizeHint().width(), qPrintable(button->text()));
        }
        WeightPanel *weights = inspector->weightPanel();
        QVERIFY(weights->isVisible());
        QVERIFY(weights->removeButton(1));
        for (QWidget *part : weights->findChildren<QWidget *>())
            if (part->isVisible())
                QVERIFY2(wholeOnScreen(part), part->metaObject()->className());
    }

    // The axes and every bar inside the plot, the legend clear of the bars, the plot whole on screen.
    void splitPlotIsWhole(MainWindow &w)
    {
        SplitPlot *plot = previewOf(w)->splitPlot();
        QVERIFY(wholeOnScreen(plot));
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const QRect axes = plot->axisRect()->outerRect();
        QVERIFY(plot->rect().contains(axes));
        QVERIFY(plot->axisRect()->rect().height() > 60);
        // A baseline bar per category; an Istio bar for each destination (not for reviews v3).
        const QList<QRectF> baseline = barRects(plot->baselineBars());
        QCOMPARE(baseline.size(), plot->categories().size());
        const QList<QRectF> bars = barRects(plot->istioBars()) + baseline;
        QVERIFY(bars.size() > baseline.size());
        const QRectF inside = QRectF(plot->axisRect()->rect()).adjusted(-1, -1, 1, 1);
        for (const QRectF &bar : bars) {
            QVERIFY(inside.contains(bar));
            QVERIFY(!bar.intersects(plot->legend->outerRect()));
        }
    }

    // At least four whole rows, and the Request column as wide as its text.
    void sampleTableIsReadable(MainWindow &w)
    {
        QTableView *table = previewOf(w)->table();
        QVERIFY(wholeOnScreen(table));
        QVERIFY(table->model()->rowCount() >= 4);
        int whole = 0;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            whole += table->viewport()->rect().contains(table->visualRect(table->model()->index(row, 0))) ? 1
                                                                                                          : 0;
        QVERIFY2(whole >= 4, qPrintable(QString::number(whole)));
        const int column = SampleRequestModel::RequestLine;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString text = table->model()->index(row, column).data().toString();
            QVERIFY2(
                table->fontMetrics().horizontalAdvance(text) <= table->columnWidth(column), qPrintable(text));
        }
    }
};

// The window lays itself out for the screen it is on: here a laptop's 1366x768 one.
int main(int argc, char **argv)
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"({"windowFrameMargins": false, "screens": [{"name": "laptop", "x": 0, "y": 0,
        "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestDockLayout test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_docklayout.moc"
