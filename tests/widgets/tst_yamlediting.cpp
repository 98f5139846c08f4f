// Typing in the YAML view: a pending edit applied with Ctrl+Enter or by
// leaving the view as one undo step, reverted with Esc; loader problems
// marked on their line; typed text never lost to a change made elsewhere;
// Undo in the window undoes typing first; autosave keeps what was typed;
// every file of tests/data and of the corpus applies unchanged as nothing and round-trips an edit.
#include "corpus.h"
#include "document.h"
#include "loader.h"
#include "mainwindow.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"
#include "yaml/yamleditbar.h"
#include "yaml/yamlview.h"

#include <QLineEdit>
#include <QStandardPaths>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace meshroute;

namespace {

const QString bookinfoPath = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");

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

QList<qint64> reviewsWeights(const Document &doc)
{
    QList<qint64> out;
    const Resource *r = doc.resource(idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews")));
    if (r && r->virtualService() && !r->virtualService()->http.isEmpty())
        for (const HttpRouteDestination &d : r->virtualService()->http.first().route)
            out.append(d.weight.value);
    return out;
}

} // namespace

class TestYamlEditing : public QObject
{
    Q_OBJECT

    QWidget *m_window = nullptr;
    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    YamlView *m_view = nullptr;
    QLineEdit *m_elsewhere = nullptr; // somewhere to move the focus to

    QByteArray fileText() const { return m_doc->files().first().text; }
    QString viewText() const { return m_view->toPlainText(); }
    UndoStack *stack() const { return m_doc->undoStack(); }

    // Puts the text cursor at the end of a file line, the way a click there would.
    void cursorToEndOf(int line)
    {
        m_view->goToLine(m_view->fileIndex(), line, 1);
        QTest::keyClick(m_view, Qt::Key_End);
    }

    void selectReviews()
    {
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        m_selection->select(t);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_yamlediting"));
        QDir(MainWindow::recoveryRoot()).removeRecursively();
        MainWindow::setDefaultPrompt([](const QString &title, const QString &text,
                                         QMessageBox::StandardButtons, QMessageBox::StandardButton) {
            qWarning("unexpected question: %s: %s", qPrintable(title), qPrintable(text));
            return QMessageBox::Cancel;
        });
    }

    void cleanupTestCase() { QDir(MainWindow::recoveryRoot()).removeRecursively(); }

    void init()
    {
        m_doc = new Document;
        m_doc->open({ bookinfoPath });
        m_selection = new Selection;
        m_window = new QWidget;
        auto *layout = new QVBoxLayout(m_window);
        m_view = new YamlView(m_doc, m_selection);
        m_elsewhere = new QLineEdit;
        layout->addWidget(m_view);
        layout->addWidget(m_elsewhere);
        m_window->resize(800, 500);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        delete m_window;
        delete m_selection;
        delete m_doc;
    }

    void editAWeightAndApply()
    {
        selectReviews();
        const QByteArray original = fileText();
        const int line = lineOf(original, "weight: 99");
        QVERIFY(!m_view->editBar()->isVisible());

        // Select "99" on the weight line and type over it.
        m_view->goToLine(0, line, 15);
        QTest::keyClick(m_view, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(m_view, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClicks(m_view, QStringLiteral("80"));
        QCOMPARE(m_view->lineText(line), QStringLiteral("      weight: 80  # stable"));

        // Pending: the model has not changed; the bar and the gutter say so.
        QVERIFY(m_view->hasPendingEdit());
        QCOMPARE(stack()->count(), 0);
        QCOMPARE(fileText(), original);
        QCOMPARE(reviewsWeights(*m_doc), (QList<qint64> { 99, 1 }));
        QVERIFY(m_view->editBar()->isVisible());
        QCOMPARE(
            m_view->editBar()->stateText(), QStringLiteral("Edited \u2014 Ctrl+Enter applies, Esc reverts"));
        QVERIFY(m_view->isLineEdited(line));
        QVERIFY(!m_view->isLineEdited(line - 1));

        QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(reviewsWeights(*m_doc), (QList<qint64> { 80, 1 }));
        QByteArray expected = original;
        expected.replace("weight: 99  # stable", "weight: 80  # stable");
        QCOMPARE(fileText(), expected);
        QCOMPARE(viewText().toUtf8(), fileText());
        QVERIFY(!m_view->hasPendingEdit());
        QVERIFY(!m_view->isLineEdited(line));
        QVERIFY(!m_view->editBar()->isVisible());
        // The selection survives the reparse and stays marked.
        QCOMPARE(m_selection->current().resourceId,
            idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews")));
        QVERIFY(m_view->highlightFirst() > 0 && m_view->highlightFirst() < line);

        stack()->undo();
        QCOMPARE(fileText(), original);
        QCOMPARE(viewText().toUtf8(), original);
        QCOMPARE(reviewsWeights(*m_doc), (QList<qint64> { 99, 1 }));
        QVERIFY(!m_view->hasPendingEdit());
        stack()->redo();
        QCOMPARE(fileText(), expected);
    }

    void brokenYamlIsAppliedAndMarked()
    {
        const QByteArray original = fileText();
        const int line = lineOf(original, "weight: 1   # canary");
        cursorToEndOf(line);
        QTest::keyClick(m_view, Qt::Key_Return);
        QTest::keyClicks(m_view, QStringLiteral("      weight: [1, 2"));
        QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);

        // The text is the truth: it is in the file even though it does not parse.
        QCOMPARE(stack()->count(), 1);
        QVERIFY(fileText().contains("# canary\n      weight: [1, 2\n---"));
        QCOMPARE(viewText().toUtf8(), fileText());
        Diagnostic error;
        for (const Diagnostic &d : m_doc->loadDiagnostics())
            if (d.code == QLatin1String("MR0001") && error.line == 0)
                error = d;
        QVERIFY2(error.line > 0, "the loader reports the YAML error");
        QCOMPARE(error.line, line + 1); // the typed line, where the flow sequence is left open

        // Underlined on that line, with the loader's message on hover and in the bar.
        QVERIFY(m_view->problemsAt(error.line).contains(error.message));
        QVERIFY(m_view->problemsAt(line - 1).isEmpty());
        bool wavy = false;
        for (const QTextEdit::ExtraSelection &s : m_view->extraSelections())
            wavy |= s.format.underlineStyle() == QTextCharFormat::WaveUnderline
                && s.cursor.blockNumber() + m_view->firstLine() == error.line
                && s.format.toolTip().contains(error.message);
        QVERIFY(wavy);
        QVERIFY(m_view->editBar()->isVisible());
        QVERIFY(m_view->editBar()->problemText().startsWith(QStringLiteral("Line %1: ").arg(error.line)));
        QVERIFY(m_view->editBar()->problemText().contains(error.message));

        // Fixing it clears the mark; undo brings back the broken text and its mark, then the original.
        cursorToEndOf(line + 1);
        for (int i = 0; i < 13; ++i) // "weight: [1, 2"
            QTest::keyClick(m_view, Qt::Key_Backspace);
        QTest::keyClicks(m_view, QStringLiteral("# fixed"));
        QTest::keyClick(m_view, Qt::Key_Enter, Qt::ControlModifier);
        QCOMPARE(stack()->count(), 2);
        QVERIFY(fileText().contains("# canary\n      # fixed\n---"));
        QVERIFY(m_view->problemsAt(line + 1).isEmpty());
        QVERIFY(!m_view->editBar()->isVisible());
        stack()->undo();
        QVERIFY(!m_view->problemsAt(error.line).isEmpty());
        stack()->undo();
        QCOMPARE(fileText(), original);
        QVERIFY(m_view->problemsAt(error.line).isEmpty());
    }

    void escapeReverts()
    {
        const QByteArray original = fileText();
        const int line = lineOf(original, "kind: Gateway");
        cursorToEndOf(line);
        QTest::keyClicks(m_view, QStringLiteral("Typo"));
        QTest::keyClick(m_view, Qt::Key_Return);
        QVERIFY(m_view->hasPendingEdit());
        QCOMPARE(m_view->lineText(line), QStringLiteral("kind: GatewayTypo"));
        QTest::keyClick(m_view, Qt::Key_Escape);
        QVERIFY(!m_view->hasPendingEdit());
        QCOMPARE(viewText().toUtf8(), original);
        QCOMPARE(stack()->count(), 0);
        QVERIFY(!m_view->editBar()->isVisible());
        QVERIFY(!m_view->isLineEdited(line));
    }

    void leavingTheViewApplies()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_view->setFocus();
        QTRY_VERIFY(m_view->hasFocus());
        const QByteArray original = fileText();
        const int line = lineOf(original, "weight: 1   # canary");
        cursorToEndOf(line);
        QTest::keyClicks(m_view, QStringLiteral(" and more"));
        QCOMPARE(stack()->count(), 0);
        m_elsewhere->setFocus();
        QTRY_VERIFY(m_elsewhere->hasFocus());
        QCOMPARE(stack()->count(), 1);
        QVERIFY(fileText().contains("weight: 1   # canary and more\n"));
        QVERIFY(!m_view->hasPendingEdit());
        stack()->undo();
        QCOMPARE(fileText(), original);
    }

    // Notepad writes a byte order mark before line 1. The view does not show it, problems on line 1
    // are marked at the columns the user sees, and typing on that line keeps the mark in the file.
    void typingOnTheFirstLineKeepsAByteOrderMark()
    {
        const QByteArray text = QByteArray("\xEF\xBB\xBF")
            + "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\n"
              "spec:\n  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n";
        m_doc->setLoadResult(Loader::loadText(text, QStringLiteral("bom.yaml")));
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("vs"));
        QVERIFY(t.resourceId >= 0);
        m_selection->select(t);
        QCOMPARE(m_view->lineText(1), QStringLiteral("apiVersion: networking.istio.io/v1"));
        cursorToEndOf(1);
        QTest::keyClick(m_view, Qt::Key_Backspace);
        QTest::keyClicks(m_view, QStringLiteral("1alpha3"));
        QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(stack()->count(), 1);
        QByteArray expected = text;
        expected.replace("istio.io/v1\n", "istio.io/v1alpha3\n");
        QCOMPARE(fileText(), expected);
        QCOMPARE(
            m_doc->resource(t.resourceId)->apiVersion.value, QStringLiteral("networking.istio.io/v1alpha3"));
    }

    void typingBackToTheTextPushesNothing()
    {
        const QByteArray original = fileText();
        cursorToEndOf(10);
        QTest::keyClicks(m_view, QStringLiteral("x"));
        QTest::keyClick(m_view, Qt::Key_Backspace);
        QVERIFY(m_view->hasPendingEdit());
        QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(stack()->count(), 0);
        QCOMPARE(fileText(), original);
        QVERIFY(!m_view->hasPendingEdit());
    }

    void oneDocumentOfABigFile()
    {
        QByteArray text;
        for (int i = 0; text.size() <= YamlView::maxWholeFileBytes; ++i)
            text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs"
                + QByteArray::number(i)
                + "\nspec:\n  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n";
        m_doc->setLoadResult(Loader::loadText(text, QStringLiteral("big.yaml")));
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("vs700"));
        m_selection->select(t);
        const int line = lineOf(text, "name: vs700");
        cursorToEndOf(line);
        QTest::keyClicks(m_view, QStringLiteral("-renamed"));
        QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(stack()->count(), 1);
        QByteArray expected = text;
        expected.replace("name: vs700\n", "name: vs700-renamed\n");
        QVERIFY(fileText() == expected);
        QCOMPARE(m_doc->resource(t.resourceId)->name(), QStringLiteral("vs700-renamed"));
        QCOMPARE(m_view->lineText(line), QStringLiteral("  name: vs700-renamed"));
        stack()->undo();
        QVERIFY(fileText() == text);
        QCOMPARE(m_view->lineText(line), QStringLiteral("  name: vs700"));
    }

    void newGatewayInSingleDocumentMode()
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
        const int resources = int(m_doc->workspace().resources.size());
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("vs500"));
        m_selection->select(t);
        QVERIFY(m_view->document()->blockCount() < 20);
        const int firstLine = m_view->firstLine();

        QTest::keyClick(m_view, Qt::Key_End, Qt::ControlModifier); // after the document's last line break
        QByteArray typed;
        for (const char *line : { "---", "apiVersion: networking.istio.io/v1", "kind: Gateway",
                 "metadata:", "  name: typed-gateway", "spec:", "  selector: {istio: ingressgateway}",
                 "  servers:", "  - port: {number: 80, name: http, protocol: HTTP}", "    hosts: [a]" }) {
            QTest::keyClicks(m_view, QString::fromLatin1(line));
            QTest::keyClick(m_view, Qt::Key_Return);
            typed += QByteArray(line) + '\n';
        }
        QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);

        QCOMPARE(stack()->count(), 1);
        QCOMPARE(int(m_doc->workspace().resources.size()), resources + 1);
        const Resource *gateway = m_doc->workspace().find(
            ResourceKind::Gateway, QStringLiteral("default"), QStringLiteral("typed-gateway"));
        QVERIFY(gateway);
        QVERIFY(m_doc->resource(t.resourceId)); // the VirtualService kept its id
        const int gatewayLine = lineOf(fileText(), "name: typed-gateway");
        QVERIFY(gatewayLine > firstLine);
        // Both documents stay on screen, numbered with the file's lines.
        QCOMPARE(m_view->firstLine(), firstLine);
        QCOMPARE(m_view->lineText(gatewayLine), QStringLiteral("  name: typed-gateway"));
        QVERIFY(!m_view->hasPendingEdit());
        const qsizetype next
            = text.indexOf("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                           "  name: vs501\n");
        QVERIFY(fileText() == text.left(next) + typed + text.mid(next));

        stack()->undo();
        QCOMPARE(fileText(), text);
        QCOMPARE(int(m_doc->workspace().resources.size()), resources);
    }

    void aChangeElsewhereKeepsTheTypedText()
    {
        selectReviews();
        const QByteArray original = fileText();
        const int line = lineOf(original, "weight: 1   # canary");
        cursorToEndOf(line);
        QTest::keyClicks(m_view, QStringLiteral(" (mine)"));

        // A slider pushes new weights (or Undo from a menu, a reload ...).
        QString error;
        auto command = SetWeights::create(m_doc,
            idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews")), 0, { 50, 50 }, &error);
        QVERIFY2(command, qPrintable(error));
        stack()->push(command.release());
        QCOMPARE(reviewsWeights(*m_doc), (QList<qint64> { 50, 50 }));

        QCOMPARE(m_view->lineText(line), QStringLiteral("      weight: 1   # canary (mine)"));
        QVERIFY(m_view->hasConflict());
        QVERIFY(m_view->editBar()->isVisible());
        QVERIFY(m_view->editBar()->stateText().contains(QStringLiteral("your text is kept")));
        auto *applyMine = m_view->editBar()->findChild<QToolButton *>(QStringLiteral("yamlEditApply"));
        auto *takeFiles = m_view->editBar()->findChild<QToolButton *>(QStringLiteral("yamlEditRevert"));
        QCOMPARE(applyMine->text(), QStringLiteral("Apply mine"));
        QCOMPARE(takeFiles->text(), QStringLiteral("Take file's"));

        // Leaving the view does not settle a conflict behind the user's back.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_elsewhere->setFocus();
        QTRY_VERIFY(m_elsewhere->hasFocus());
        QCOMPARE(stack()->count(), 1);
        QVERIFY(m_view->hasConflict());

        QTest::mouseClick(applyMine, Qt::LeftButton);
        QCOMPARE(stack()->count(), 2);
        QVERIFY(!m_view->hasConflict());
        QVERIFY(fileText().contains("weight: 99  # stable"));
        QVERIFY(fileText().contains("weight: 1   # canary (mine)\n"));
        QCOMPARE(viewText().toUtf8(), fileText());
        stack()->undo();
        QCOMPARE(reviewsWeights(*m_doc), (QList<qint64> { 50, 50 }));
        QCOMPARE(viewText().toUtf8(), fileText());
    }

    void takeTheFilesTextAfterAConflict()
    {
        const QByteArray original = fileText();
        const int line = lineOf(original, "kind: Gateway");
        cursorToEndOf(line);
        QTest::keyClicks(m_view, QStringLiteral("X"));
        QString error;
        auto command = SetWeights::create(m_doc,
            idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews")), 0, { 60, 40 }, &error);
        stack()->push(command.release());
        QVERIFY(m_view->hasConflict());
        QCOMPARE(m_view->lineText(line), QStringLiteral("kind: GatewayX"));
        QTest::mouseClick(
            m_view->editBar()->findChild<QToolButton *>(QStringLiteral("yamlEditRevert")), Qt::LeftButton);
        QVERIFY(!m_view->hasPendingEdit());
        QCOMPARE(viewText().toUtf8(), fileText());
        QVERIFY(fileText().contains("weight: 60"));
        QCOMPARE(stack()->count(), 1);
    }

    void clickSelectsWhileEditing()
    {
        selectReviews();
        const QByteArray original = fileText();
        const int line = lineOf(original, "weight: 99");
        cursorToEndOf(line);
        QTest::keyClicks(m_view, QStringLiteral(" "));
        const int drLine = lineOf(original, "  - name: v3");
        const QTextBlock block = m_view->document()->findBlockByNumber(drLine - m_view->firstLine());
        m_view->goToLine(0, drLine, 1); // scrolls it into view, as the user would
        const QRect rect = m_view->cursorRect(QTextCursor(block));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(60, rect.center().y()));
        QCOMPARE(m_selection->current().resourceId,
            idOf(*m_doc, ResourceKind::DestinationRule, QStringLiteral("reviews")));
        QCOMPARE(m_selection->current().subset, QStringLiteral("v3"));
        QVERIFY(m_view->hasPendingEdit()); // still typing, in the same file
        QVERIFY(m_view->highlightFirst() <= drLine && m_view->highlightLast() >= drLine);
    }

    void windowUndoUndoesTypingFirstAndAutosaveKeepsIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bookinfo.yaml"));
        QVERIFY(QFile::copy(bookinfoPath, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.openPaths({ path });
        Document *doc = w.document();
        YamlView *yaml = w.yamlView();
        if (QWidget *dock = yaml->parentWidget(); dock && !dock->isVisible())
            dock->show();
        const QByteArray original = doc->files().first().text;
        yaml->setFocus();
        QTRY_VERIFY(yaml->hasFocus());
        const int line = lineOf(original, "weight: 1   # canary");
        yaml->goToLine(0, line, 1);
        QTest::keyClick(yaml, Qt::Key_End);
        QTest::keyClicks(yaml, QStringLiteral(" typed"));

        // Autosave writes what was typed, though it is not in the model yet.
        QVERIFY(w.writeRecovery());
        QFile recovered(w.recoveryDirectory() + QStringLiteral("/file0.yaml"));
        QVERIFY(recovered.open(QIODevice::ReadOnly));
        QVERIFY(recovered.readAll().contains("# canary typed\n"));

        // Ctrl+Z in the view undoes the typing, not the file's history.
        QTest::keyClick(yaml, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!yaml->lineText(line).endsWith(QStringLiteral(" typed")));
        while (yaml->document()->isUndoAvailable())
            QTest::keyClick(yaml, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!yaml->hasPendingEdit());
        QCOMPARE(yaml->toPlainText().toUtf8(), original);
        QCOMPARE(doc->undoStack()->count(), 0);

        // Typed and applied: Ctrl+Z is now the window's Undo, back to the exact bytes.
        QTest::keyClicks(yaml, QStringLiteral("!"));
        QTest::keyClick(yaml, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(doc->files().first().text.contains("# canary!\n"));
        QVERIFY(w.isWindowModified());
        QTest::keyClick(yaml, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->undoStack()->index(), 0);
        QCOMPARE(doc->files().first().text, original);
        QCOMPARE(yaml->toPlainText().toUtf8(), original);

        // Save applies what is being typed first.
        yaml->goToLine(0, line, 1);
        QTest::keyClick(yaml, Qt::Key_End);
        QTest::keyClicks(yaml, QStringLiteral("?"));
        QTest::keyClick(yaml, Qt::Key_S, Qt::ControlModifier);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("# canary?\n"));
        QVERIFY(!yaml->hasPendingEdit());
        QVERIFY(!w.isWindowModified());
    }

    void corpusAppliesUnchangedAsNothingAndRoundTripsAComment_data()
    {
        QTest::addColumn<QString>("path");
        // tests/data, and the corpus when MESHROUTE_CORPUS_DIR is set.
        for (const QString &f : test::sweepYamlFiles(true))
            QTest::newRow(qPrintable(test::sweepRowName(f))) << f;
    }

    void corpusAppliesUnchangedAsNothingAndRoundTripsAComment()
    {
        QFETCH(QString, path);
        m_doc->open({ path });
        QCOMPARE(m_doc->files().size(), 1);
        const QByteArray original = fileText();
        QVERIFY(original.size() <= YamlView::maxWholeFileBytes);
        QCOMPARE(m_view->fileIndex(), 0);

        // Typed and typed back: applying pushes nothing.
        QTest::keyClick(m_view, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(m_view, QStringLiteral("x"));
        QTest::keyClick(m_view, Qt::Key_Backspace);
        QVERIFY(m_view->hasPendingEdit());
        QVERIFY(m_view->pendingFileText(0) == original);
        QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(stack()->count(), 0);
        QVERIFY(fileText() == original);

        // A comment line at the end: applied as one step, undone to the exact bytes.
        const int resources = int(m_doc->workspace().resources.size());
        QTest::keyClick(m_view, Qt::Key_End, Qt::ControlModifier);
        const bool endsWithNewline = original.endsWith('\n');
        if (!endsWithNewline)
            QTest::keyClick(m_view, Qt::Key_Return);
        QTest::keyClicks(m_view, QStringLiteral("# added by meshroute"));
        QTest::keyClick(m_view, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(stack()->count(), 1);
        const QByteArray newline = original.contains("\r\n") ? "\r\n" : "\n";
        QVERIFY(fileText() == original + (endsWithNewline ? "" : newline) + "# added by meshroute");
        QCOMPARE(int(m_doc->workspace().resources.size()), resources);
        stack()->undo();
        QVERIFY(fileText() == original);
        // The view shows a CRLF file with plain line breaks; its bytes keep CRLF (checked above).
        QVERIFY(m_view->toPlainText()
            == QString::fromUtf8(original).replace(QStringLiteral("\r\n"), QStringLiteral("\n")));
        stack()->redo();
        QVERIFY(fileText().endsWith("# added by meshroute"));
    }
};

QTEST_MAIN(TestYamlEditing)
#include "tst_yamlediting.moc"
