// File > Export as a user meets it: errors the API server would reject listed
// above the diff, each a link to its line; Write disabled while they stand,
// "Export anyway" after them; a clean workspace exports with Write as before.
#include "yaml/exportdialog.h"

#include "corpus.h"
#include "document.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

const QString dataDir = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/export/");

// A workspace of one fixture file and its Export dialog, shown, writing to `out`.
struct ShownDialog
{
    ShownDialog(const QString &fixture, const QString &out)
    {
        document.open({ dataDir + fixture });
        dialog = std::make_unique<ExportDialog>(&document);
        dialog->setOutputPath(out);
        dialog->show();
    }
    Document document;
    std::unique_ptr<ExportDialog> dialog;
};

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockingErrorsComeFirstAndLink();
    void exportAnywayWrites();
    void aCleanWorkspaceWritesAsBefore();
    void destroyedWhileThePathFieldHasFocus();

private:
    QTemporaryDir m_dir;
};

void TestExportDialog::blockingErrorsComeFirstAndLink()
{
    const QString out = m_dir.filePath(QStringLiteral("refused.yaml"));
    ShownDialog shown(QStringLiteral("rejected.yaml"), out);
    ExportDialog &dialog = *shown.dialog;
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *errors = dialog.findChild<QListWidget *>(QStringLiteral("blockingErrors"));
    auto *write = dialog.findChild<QPushButton *>(QStringLiteral("write"));
    auto *anyway = dialog.findChild<QPushButton *>(QStringLiteral("exportAnyway"));
    QVERIFY(errors && write && anyway);
    QVERIFY(errors->isVisible());
    QCOMPARE(errors->count(), int(dialog.blockingErrors().size()));
    QVERIFY(errors->count() >= 2);
    QVERIFY(errors->item(0)->text().contains(QStringLiteral(": error: [MR1022] ")));
    QVERIFY(errors->item(0)->text().startsWith(dataDir + QStringLiteral("rejected.yaml:")));
    // The list stands above the diff, and the way past it only after it.
    auto *diff = dialog.findChild<QPlainTextEdit *>();
    QVERIFY(diff);
    QVERIFY(errors->mapTo(&dialog, QPoint(0, 0)).y() < diff->mapTo(&dialog, QPoint(0, 0)).y());
    QVERIFY(anyway->isVisible() && anyway->isEnabled());
    QVERIFY(anyway->mapTo(&dialog, QPoint(0, 0)).y() > errors->mapTo(&dialog, QPoint(0, 0)).y());
    QVERIFY(!write->isEnabled());

    // Write does nothing while the errors stand.
    QTest::mouseClick(write, Qt::LeftButton);
    QVERIFY(!QFile::exists(out));
    QVERIFY(!dialog.write());
    QVERIFY(!QFile::exists(out));

    // A click on an error names its place.
    QSignalSpy activated(&dialog, &ExportDialog::locationActivated);
    const Diagnostic second = dialog.blockingErrors().at(1);
    QListWidgetItem *item = errors->item(1);
    errors->scrollToItem(item);
    QTest::mouseClick(errors->viewport(), Qt::LeftButton, {}, errors->visualItemRect(item).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 0);
    QCOMPARE(activated.at(0).at(1).toInt(), second.line);
    QCOMPARE(activated.at(0).at(2).toInt(), second.column);
}

void TestExportDialog::exportAnywayWrites()
{
    const QString out = m_dir.filePath(QStringLiteral("anyway.yaml"));
    ShownDialog shown(QStringLiteral("rejected.yaml"), out);
    ExportDialog &dialog = *shown.dialog;
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *anyway = dialog.findChild<QPushButton *>(QStringLiteral("exportAnyway"));
    QTest::mouseClick(anyway, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(readFile(out), dialog.exportedText());
    QVERIFY(readFile(out).contains("kind: DestinationRule"));
}

void TestExportDialog::aCleanWorkspaceWritesAsBefore()
{
    const QString out = m_dir.filePath(QStringLiteral("clean.yaml"));
    ShownDialog shown(QStringLiteral("findings-only.yaml"), out);
    ExportDialog &dialog = *shown.dialog;
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.blockingErrors().isEmpty());
    QVERIFY(!dialog.findChild<QListWidget *>(QStringLiteral("blockingErrors"))->isVisible());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportAnyway"))->isVisible());
    auto *write = dialog.findChild<QPushButton *>(QStringLiteral("write"));
    QVERIFY(write->isEnabled());
    QTest::mouseClick(write, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(readFile(out), dialog.exportedText());
    QVERIFY(readFile(out).contains("host: ratings-v9"));
}

// Closing the window under an open dialog deletes it with its path field
// focused: the field's editingFinished must not reach the half-destroyed
// dialog (under AddressSanitizer that was a use after free).
void TestExportDialog::destroyedWhileThePathFieldHasFocus()
{
    const QString out = m_dir.filePath(QStringLiteral("focused.yaml"));
    auto shown = std::make_unique<ShownDialog>(QStringLiteral("findings-only.yaml"), out);
    ExportDialog &dialog = *shown->dialog;
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    QLineEdit *path = nullptr;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
        if (edit->text() == out)
            path = edit;
    QVERIFY(path);
    path->setFocus();
    QTRY_VERIFY(path->hasFocus());
    QTest::keyClick(path, Qt::Key_End);
    shown.reset();
    QVERIFY(!QFileInfo::exists(out)); // nothing was exported on the way out
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
