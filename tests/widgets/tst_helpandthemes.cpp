// Help and themes as the user meets them: Help > User Guide opens the guide
// (its contents links scroll, external links go to the browser), Help >
// Keyboard Shortcuts lists every shortcut of the window, a diagnostic's code
// opens its Istio documentation page, and View > Theme switches the whole
// window between Light and Dark, with readable YAML and plots, and remembers it.
#include "help/shortcutsdialog.h"
#include "help/userguidewindow.h"
#include "mainwindow.h"
#include "preview/convergenceplot.h"
#include "preview/previewpanel.h"
#include "preview/requestoutcome.h"
#include "preview/samplerequestmodel.h"
#include "preview/splitplot.h"
#include "problems/problemsmodel.h"
#include "problems/problemsview.h"
#include "theme/thememanager.h"
#include "yaml/exportdialog.h"
#include "yaml/yamlview.h"

#include <QAction>
#include <QDesktopServices>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>
#include <cmath>

using namespace meshroute;

namespace {

const QString bookinfoPath = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
const QString hostNotFound = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/check/host-not-found/input.yaml");

// WCAG 2 contrast ratio, written out here so the test does not trust the code it tests.
double contrast(const QColor &a, const QColor &b)
{
    const auto lum = [](const QColor &c) {
        const auto ch
            = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
    };
    const double x = lum(a), y = lum(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// "&Save" as the dialog shows it.
QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

QAction *action(const QObject *window, const char *name)
{
    auto *a = window->findChild<QAction *>(QLatin1String(name));
    if (!a)
        qWarning("no action %s", name);
    return a;
}

// The colour the YAML view draws the key of its first "apiVersion:" line in.
QColor keyColour(YamlView *view)
{
    for (QTextBlock b = view->document()->begin(); b.isValid(); b = b.next())
        if (b.text().startsWith(QLatin1String("apiVersion:")))
            for (const QTextLayout::FormatRange &r : b.layout()->formats())
                if (r.start == 0)
                    return r.format.foreground().color();
    return {};
}

// The split plot as drawn: its background (a corner pixel) and its tick label colour.
struct PlotColours
{
    QColor background, tickLabel;
};

PlotColours plotColours(SplitPlot *plot)
{
    const QImage image = plot->toPixmap(400, 300).toImage();
    return { image.pixelColor(2, 2), plot->yAxis->tickLabelColor() };
}

// The background the export dialog's diff draws its first added line on.
QColor addedLineBackground(ExportDialog *dialog)
{
    auto *diff = dialog->findChild<QPlainTextEdit *>();
    for (QTextBlock b = diff->document()->begin(); b.isValid(); b = b.next())
        if (b.text().startsWith(QLatin1Char('+')))
            return b.begin().fragment().charFormat().background().color();
    return {};
}

} // namespace

// Records what would have been opened in the browser.
class UrlRecorder : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

class TestHelpAndThemes : public QObject
{
    Q_OBJECT

    UrlRecorder m_browser;
    QPalette m_systemPalette;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_helpandthemes"));
        QSettings().clear();
        m_systemPalette = QApplication::palette();
        MainWindow::setDefaultPrompt([](const QString &, const QString &, QMessageBox::StandardButtons,
                                         QMessageBox::StandardButton) { return QMessageBox::Discard; });
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QSettings().clear();
    }

    void init() { m_browser.opened.clear(); }

    void userGuideOpensWithItsSections()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *guide = action(&w, "userGuideAction");
        QVERIFY(guide);
        QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
        guide->trigger();
        auto *window = w.findChild<UserGuideWindow *>();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTextBrowser *browser = window->browser();
        const QString text = browser->toPlainText();
        for (const char *heading :
            { "meshroute User Guide", "Opening files", "Reading the graph", "Editing weights and rules",
                "Problems and their codes", "Preview", "Export", "Command line" })
            QVERIFY2(text.contains(QLatin1String(heading)), heading);
        // Asked twice, the same window comes back.
        guide->trigger();
        QCOMPARE(w.findChildren<UserGuideWindow *>().size(), 1);

        // A contents link scrolls to its section.
        QCOMPARE(browser->verticalScrollBar()->value(), 0);
        QTextCursor link = browser->document()->find(QStringLiteral("Command line"));
        QVERIFY(!link.isNull());
        link.setPosition(link.selectionStart() + 2);
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->cursorRect(link).center());
        QTRY_VERIFY(browser->verticalScrollBar()->value() > 0);
        QVERIFY(m_browser.opened.isEmpty());

        // A link to istio.io goes to the browser.
        QTextCursor external = browser->document()->find(QStringLiteral("analysis messages"));
        QVERIFY(!external.isNull());
        browser->setTextCursor(external);
        browser->ensureCursorVisible();
        external.setPosition(external.selectionStart() + 2);
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->cursorRect(external).center());
        QTRY_COMPARE(m_browser.opened.size(), 1);
        QCOMPARE(m_browser.opened.first(),
            QUrl(QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/")));
    }

    void keyboardShortcutsListsEveryShortcut()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *open = action(&w, "keyboardShortcutsAction");
        QVERIFY(open);
        open->trigger();
        auto *dialog = w.findChild<ShortcutsDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // group -> action text -> shortcut text, as shown.
        QHash<QString, QHash<QString, QString>> shown;
        QTreeWidget *tree = dialog->tree();
        for (int g = 0; g < tree->topLevelItemCount(); ++g) {
            QTreeWidgetItem *group = tree->topLevelItem(g);
            for (int i = 0; i < group->childCount(); ++i)
                shown[group->text(0)].insert(group->child(i)->text(0), group->child(i)->text(1));
        }
        QCOMPARE(shown.value(QStringLiteral("File")).value(QStringLiteral("Save")), QStringLiteral("Ctrl+S"));
        QCOMPARE(shown.value(QStringLiteral("File")).value(QStringLiteral("Open Folder...")),
            QStringLiteral("Ctrl+Shift+O"));
        // Redo is the platform's Redo key (Ctrl+Shift+Z or Ctrl+Y) and Ctrl+Y, each shown once.
        QStringList redo = { QKeySequence(QKeySequence::Redo).toString(QKeySequence::PortableText),
            QStringLiteral("Ctrl+Y") };
        redo.removeDuplicates();
        QCOMPARE(shown.value(QStringLiteral("Edit")).value(QStringLiteral("Redo")),
            redo.join(QLatin1String(", ")));
        QCOMPARE(
            shown.value(QStringLiteral("View")).value(QStringLiteral("Fit Graph")), QStringLiteral("Ctrl+0"));
        QCOMPARE(
            shown.value(QStringLiteral("Help")).value(QStringLiteral("User Guide")), QStringLiteral("F1"));
        QCOMPARE(shown.value(QStringLiteral("Resources")).value(QStringLiteral("Delete Resource")),
            QStringLiteral("Del"));

        // Every action of the window with a shortcut is listed once, with all its shortcuts.
        QStringList all;
        for (const auto &group : std::as_const(shown))
            for (auto it = group.cbegin(); it != group.cend(); ++it)
                all << it.key() + QLatin1Char('=') + it.value();
        int withShortcut = 0;
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->shortcuts().isEmpty() || a->text().isEmpty())
                continue;
            ++withShortcut;
            QStringList keys;
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString(QKeySequence::PortableText);
            keys.removeDuplicates();
            const QString expected = plain(a->text()) + QLatin1Char('=') + keys.join(QLatin1String(", "));
            QVERIFY2(all.contains(expected), qPrintable(expected));
        }
        QCOMPARE(all.size(), withShortcut);
        QVERIFY(withShortcut >= 12);
    }

    void diagnosticCodeOpensItsDocumentation()
    {
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ hostNotFound });
        ProblemsView *problems = w.problemsView();
        QModelIndex ist0101, mr1009;
        ProblemsModel *model = problems->problemsModel();
        for (int f = 0; f < model->rowCount(); ++f)
            for (int r = 0; r < model->rowCount(model->index(f, 0)); ++r) {
                const QModelIndex code = model->index(r, ProblemsModel::CodeColumn, model->index(f, 0));
                if (code.data().toString() == QLatin1String("IST0101") && !ist0101.isValid())
                    ist0101 = code;
                if (code.data().toString() == QLatin1String("MR1009"))
                    mr1009 = code;
            }
        QVERIFY(ist0101.isValid() && mr1009.isValid());
        // The code reads as a link, in the palette's link colour.
        QVERIFY(ist0101.data(Qt::FontRole).value<QFont>().underline());
        QCOMPARE(
            ist0101.data(Qt::ForegroundRole).value<QColor>(), QApplication::palette().color(QPalette::Link));

        // A click on the code opens Istio's page of the code.
        problems->scrollTo(ist0101);
        QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, problems->visualRect(ist0101).center());
        QTRY_COMPARE(m_browser.opened.size(), 1);
        QCOMPARE(m_browser.opened.first(),
            QUrl(QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/ist0101/")));

        // The context menu's action opens the reference section of our own code.
        problems->setCurrentIndex(mr1009.siblingAtColumn(ProblemsModel::MessageColumn));
        QAction *docs = problems->openDocumentationAction();
        QVERIFY(problems->actions().contains(docs));
        QVERIFY(docs->isEnabled());
        QVERIFY(docs->text().contains(QLatin1String("MR1009")));
        docs->trigger();
        QTRY_COMPARE(m_browser.opened.size(), 2);
        QCOMPARE(m_browser.opened.last(),
            QUrl(QStringLiteral("https://istio.io/latest/docs/reference/config/networking/virtual-service/"
                                "#HTTPRouteDestination")));
        // A file row has no page.
        problems->setCurrentIndex(model->index(0, 0));
        QVERIFY(!docs->isEnabled());
    }

    void darkAndLightThemesFromTheViewMenu()
    {
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ bookinfoPath });
        auto *plot = w.findChild<SplitPlot *>();
        QVERIFY(plot);
        QAction *dark = action(&w, "themeDarkAction");
        QAction *light = action(&w, "themeLightAction");
        QAction *system = action(&w, "themeSystemAction");
        QVERIFY(dark && light && system);
        QVERIFY(system->isChecked());
        auto *menu = w.findChild<QMenu *>(QStringLiteral("themeMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->actions(), QList<QAction *>({ system, light, dark }));

        dark->trigger();
        QVERIFY(dark->isChecked() && !light->isChecked() && !system->isChecked());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QTRY_VERIFY(w.yamlView()->palette().color(QPalette::Base).lightness() < 80);
        const QColor darkKey = keyColour(w.yamlView());
        QVERIFY(darkKey.isValid());
        QVERIFY2(contrast(darkKey, w.yamlView()->palette().color(QPalette::Base)) >= 3.0,
            qPrintable(darkKey.name()));
        PlotColours p = plotColours(plot);
        QVERIFY(p.background.lightness() < 80);
        QVERIFY2(contrast(p.tickLabel, p.background) >= 4.5, qPrintable(p.tickLabel.name()));
        // The accumulation plot of a sample request: every small plot's axes read on the dark base.
        auto *preview = w.findChild<PreviewPanel *>();
        QVERIFY(preview && preview->model()->rowCount() > 2);
        preview->selectRow(2);
        ConvergencePlot *accumulation = preview->convergencePlot();
        QTRY_VERIFY(accumulation->seriesCount() > 0);
        const QColor accBackground = accumulation->toPixmap(400, 300).toImage().pixelColor(2, 2);
        QVERIFY(accBackground.lightness() < 80);
        for (QCPAxisRect *rect : accumulation->axisRects())
            for (QCPAxis *axis : rect->axes())
                QVERIFY(contrast(axis->tickLabelColor(), accBackground) >= 4.5);
        const QColor base = w.yamlView()->palette().color(QPalette::Base);
        QVERIFY(contrast(RequestOutcome::colour(RequestOutcome::Kind::Routed), base) >= 4.5);
        QVERIFY(contrast(RequestOutcome::colour(RequestOutcome::Kind::NoRoute), base) >= 4.5);
        QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(ThemeManager::savedTheme(), ThemeManager::Theme::Dark);
        {
            // Another window shows the remembered choice.
            MainWindow other;
            QVERIFY(action(&other, "themeDarkAction")->isChecked());
        }

        light->trigger();
        QVERIFY(light->isChecked() && !dark->isChecked());
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        QTRY_VERIFY(w.yamlView()->palette().color(QPalette::Base).lightness() > 200);
        const QColor lightKey = keyColour(w.yamlView());
        QVERIFY(lightKey != darkKey);
        QVERIFY(contrast(lightKey, w.yamlView()->palette().color(QPalette::Base)) >= 3.0);
        p = plotColours(plot);
        QVERIFY(p.background.lightness() > 200);
        QVERIFY(contrast(p.tickLabel, p.background) >= 4.5);
        QCOMPARE(ThemeManager::savedTheme(), ThemeManager::Theme::Light);

        // System gives the platform's palette back.
        system->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_systemPalette.color(QPalette::Window));
        QCOMPARE(QApplication::palette().color(QPalette::Base), m_systemPalette.color(QPalette::Base));
        QCOMPARE(ThemeManager::savedTheme(), ThemeManager::Theme::System);
    }

    void exportDiffFollowsTheTheme()
    {
        MainWindow w;
        w.show();
        w.openPaths({ bookinfoPath });
        QTemporaryDir dir;
        ExportDialog dialog(w.document(), &w);
        dialog.setOutputPath(dir.filePath(QStringLiteral("out.yaml")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        action(&w, "themeLightAction")->trigger();
        QTRY_VERIFY(addedLineBackground(&dialog).lightness() > 200);
        // Switched while the dialog is open: the diff is redrawn on the dark base.
        action(&w, "themeDarkAction")->trigger();
        QTRY_VERIFY(addedLineBackground(&dialog).lightness() < 100);
        action(&w, "themeSystemAction")->trigger();
        // Closed as the user closes it: its path field then loses focus while the dialog is whole.
        dialog.close();
    }

    void savedThemeIsAppliedAtStartup()
    {
        QSettings().setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
        ThemeManager::applySaved();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
        QSettings().setValue(QStringLiteral("appearance/theme"), QStringLiteral("light"));
        ThemeManager::applySaved();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        ThemeManager::apply(ThemeManager::Theme::System);
        QSettings().remove(QStringLiteral("appearance/theme"));
    }

    void themesHaveCompletePalettes()
    {
        for (const ThemeManager::Theme theme : { ThemeManager::Theme::Light, ThemeManager::Theme::Dark }) {
            ThemeManager::apply(theme);
            const QPalette p = QApplication::palette();
            for (const QPalette::ColorGroup g : { QPalette::Active, QPalette::Inactive }) {
                QVERIFY(contrast(p.color(g, QPalette::Text), p.color(g, QPalette::Base)) >= 3.0);
                QVERIFY(contrast(p.color(g, QPalette::WindowText), p.color(g, QPalette::Window)) >= 3.0);
                QVERIFY(contrast(p.color(g, QPalette::ButtonText), p.color(g, QPalette::Button)) >= 3.0);
                QVERIFY(
                    contrast(p.color(g, QPalette::ToolTipText), p.color(g, QPalette::ToolTipBase)) >= 3.0);
            }
            QVERIFY(contrast(p.color(QPalette::Link), p.color(QPalette::Base)) >= 4.5);
            QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 3.0);
            // Disabled text is dimmer than enabled text, and still legible.
            const double enabled = contrast(p.color(QPalette::Text), p.color(QPalette::Base));
            const double disabled = contrast(
                p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Disabled, QPalette::Base));
            QVERIFY(disabled < enabled);
            QVERIFY(disabled >= 2.0);
        }
        ThemeManager::apply(ThemeManager::Theme::System);
    }
};

QTEST_MAIN(TestHelpAndThemes)
#include "tst_helpandthemes.moc"
