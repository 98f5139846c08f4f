// Edit > Convert to Gateway API as a user drives it: the converted YAML beside
// the VirtualServices it stands for, the proof's requests whose answer changes
// (one selected is routed in the Preview), the warnings as links to their
// lines, Insert as one undo step into the file picked, Cancel changing nothing.
#include "convert/convertdialog.h"
#include "mainwindow.h"
#include "preview/previewpanel.h"
#include "preview/samplerequestmodel.h"
#include "yaml/diffview.h"

#include "corpus.h"
#include "document.h"
#include "gatewayapimigration.h"
#include "loader.h"
#include "migrationproof.h"
#include "selection.h"
#include "undostack.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

const QString kData = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/convert");

QStringList texts(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

} // namespace

class TestConvertDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Document *m_doc = nullptr;
    QString m_path;

    // A copy of tests/data/convert/<name> opened in a fresh document.
    void open(const QString &name)
    {
        delete m_doc;
        m_path = m_dir.filePath(name);
        QFile::remove(m_path);
        QVERIFY(QFile::copy(kData + QLatin1Char('/') + name, m_path));
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
        m_doc = new Document;
        m_doc->open({ m_path });
        QVERIFY(!m_doc->workspace().resources.isEmpty());
    }
    void clickItem(QListWidget *list, int row)
    {
        const QRect r = list->visualItemRect(list->item(row));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, r.center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_convertdialog"));
        // The window asks nothing a test could answer: its edits are thrown away at the end.
        MainWindow::setDefaultPrompt([](const QString &, const QString &, QMessageBox::StandardButtons,
                                         QMessageBox::StandardButton) { return QMessageBox::Discard; });
    }
    void cleanup()
    {
        delete m_doc;
        m_doc = nullptr;
    }

    // order.yaml: the VirtualService takes its first rule, Gateway API the most specific one.
    void showsTheNewYamlBesideTheOldWithTheProof()
    {
        open(QStringLiteral("order.yaml"));
        ConvertDialog dialog(m_doc, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // What `meshroute convert` computes for the same workspace.
        const MigrationResult expected = GatewayApiMigration::convert(m_doc->workspace());
        const ProofReport proof = MigrationProof::run(m_doc->workspace(), expected);
        QVERIFY(!proof.differences.isEmpty());

        const QString before = dialog.beforeView()->toPlainText();
        QVERIFY(before.contains(QStringLiteral("kind: VirtualService")));
        QVERIFY(before.contains(QStringLiteral("name: edge"))); // the Istio Gateway it binds is replaced too
        QVERIFY(!before.contains(QStringLiteral("kind: Service\n")));
        QVERIFY(before.startsWith(QStringLiteral("apiVersion:")));
        QCOMPARE(before.count(QStringLiteral("---\n")), 1); // one separator between the two documents
        const QString after = dialog.afterView()->toPlainText();
        QVERIFY(after.contains(QStringLiteral("+apiVersion: gateway.networking.k8s.io/v1")));
        QVERIFY(after.contains(QStringLiteral("+kind: HTTPRoute")));
        QVERIFY(after.contains(QStringLiteral("+kind: Gateway")));
        QVERIFY(!after.contains(QStringLiteral("\n-"))); // only added: Insert appends

        QCOMPARE(dialog.summaryLabel()->text(),
            QStringLiteral("1 VirtualService(s) converted: %1 Gateway(s), %2 Service(s) for subsets, %3 "
                           "HTTPRoute(s). Proof: %4 of %5 request(s) get a different answer.")
                .arg(expected.gateways)
                .arg(expected.services)
                .arg(expected.routes)
                .arg(proof.differences.size())
                .arg(proof.requests));
        QCOMPARE(dialog.differenceList()->count(), proof.differences.size());
        const QStringList differences = texts(dialog.differenceList());
        QVERIFY2(differences.join('\n').contains(
                     QStringLiteral("GET http://app.example.com/api/more from gateway app/edge")),
            qPrintable(differences.join('\n')));
        QVERIFY(
            differences.first().contains(QStringLiteral("\n  before: ") + proof.differences.first().before));
        QVERIFY(
            differences.first().contains(QStringLiteral("\n  after:  ") + proof.differences.first().after));
        QCOMPARE(dialog.reportTabs()->tabText(0),
            QStringLiteral("Answers that change (%1)").arg(proof.differences.size()));
    }

    // features.yaml: what Gateway API cannot say is a warning with file:line:column, a link to its line.
    void warningsLinkToTheirLines()
    {
        open(QStringLiteral("features.yaml"));
        ConvertDialog dialog(m_doc, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const Diagnostics warnings = GatewayApiMigration::convert(m_doc->workspace()).warnings;
        QVERIFY(!warnings.isEmpty());
        QCOMPARE(dialog.warningList()->count(), warnings.size());
        dialog.reportTabs()->setCurrentWidget(dialog.warningList());
        QCOMPARE(dialog.reportTabs()->tabText(1), QStringLiteral("Warnings (%1)").arg(warnings.size()));
        const QString first = dialog.warningList()->item(0)->text();
        QVERIFY2(first.startsWith(QStringLiteral("%1:%2:%3: warning:")
                                      .arg(m_path)
                                      .arg(warnings[0].line)
                                      .arg(warnings[0].column)),
            qPrintable(first));
        QSignalSpy location(&dialog, &ConvertDialog::locationActivated);
        clickItem(dialog.warningList(), 0);
        QCOMPARE(location.count(), 1);
        QCOMPARE(location[0], QVariantList({ 0, warnings[0].line, warnings[0].column }));
    }

    // Selecting a request whose answer changes routes it in the Preview (the window connects
    // the two as here): the row is added, selected, and says where it goes now.
    void selectingADifferenceRoutesItInThePreview()
    {
        open(QStringLiteral("order.yaml"));
        Selection selection;
        PreviewPanel preview(m_doc, &selection);
        preview.resize(1000, 600);
        preview.show();
        ConvertDialog dialog(m_doc, {});
        connect(&dialog, &ConvertDialog::requestActivated, &preview, &PreviewPanel::showRequest);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const int rowsBefore = preview.model()->rowCount();
        clickItem(dialog.differenceList(), 0);
        const SampleRequest wanted = dialog.proof().differences[0].request.sample;
        QTRY_COMPARE(preview.model()->rowCount(), rowsBefore + 1);
        QCOMPARE(preview.currentRow(), rowsBefore);
        QCOMPARE(preview.model()->sample(rowsBefore).requestLine(), wanted.requestLine());
        QCOMPARE(preview.model()->sample(rowsBefore).gateway, wanted.gateway);
        QVERIFY(!preview.model()->index(rowsBefore, SampleRequestModel::Outcome).data().toString().isEmpty());
        // The same request again selects its row rather than adding another.
        clickItem(dialog.differenceList(), dialog.differenceList()->count() > 1 ? 1 : 0);
        clickItem(dialog.differenceList(), 0);
        QCOMPARE(preview.currentRow(), rowsBefore);
        QVERIFY(preview.model()->rowCount() <= rowsBefore + 2);
    }

    // Insert appends the YAML to the file picked as one undo step; undo gives the exact bytes back.
    void insertIsOneUndoStep()
    {
        open(QStringLiteral("order.yaml"));
        const QByteArray original = m_doc->files()[0].text;
        ConvertDialog dialog(m_doc, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.fileBox()->currentText(), QStringLiteral("order.yaml"));
        QVERIFY(dialog.insertButton()->isEnabled());
        QTest::mouseClick(dialog.insertButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        const QByteArray text = m_doc->files()[0].text;
        QVERIFY(text.startsWith(original));
        QVERIFY(text.mid(original.size()).contains(dialog.migration().yaml.left(40)));
        QVERIFY(!m_doc->workspace().ofKind(ResourceKind::HTTPRoute).isEmpty());
        QVERIFY(!m_doc->workspace().ofKind(ResourceKind::KubernetesGateway).isEmpty());
        QCOMPARE(m_doc->workspace().ofKind(ResourceKind::VirtualService).size(), 1); // kept: both APIs now
        QString error;
        QVERIFY2(m_doc->saveFile(0, &error), qPrintable(error));
        QCOMPARE(readFile(m_path), text);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
    }

    void cancelChangesNothing()
    {
        open(QStringLiteral("order.yaml"));
        const QByteArray original = m_doc->files()[0].text;
        ConvertDialog dialog(m_doc, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QCOMPARE(m_doc->files()[0].text, original);
    }

    // The selected VirtualService alone, or every one when none is selected.
    void convertsTheChosenVirtualServicesOnly()
    {
        open(QStringLiteral("bookinfo.yaml"));
        const Resource *reviews = m_doc->workspace().find(
            ResourceKind::VirtualService, QStringLiteral("shop"), QStringLiteral("reviews"));
        QVERIFY(reviews);
        ConvertDialog one(m_doc, { reviews->id });
        ConvertDialog all(m_doc, {});
        QVERIFY(one.summaryLabel()->text().startsWith(QStringLiteral("1 VirtualService(s) converted")));
        QVERIFY(all.summaryLabel()->text().startsWith(QStringLiteral("2 VirtualService(s) converted")));
        QVERIFY(one.migration().routes < all.migration().routes);
        QVERIFY(one.beforeView()->toPlainText().contains(QStringLiteral("name: reviews")));
        QVERIFY(!one.beforeView()->toPlainText().contains(
            QStringLiteral("name: shop\n  namespace: shop\nspec:\n  hosts")));
        QVERIFY(all.beforeView()->toPlainText().contains(QStringLiteral("name: shop")));
    }

    // The window's Edit > Convert to Gateway API... on the selected VirtualService, then Insert:
    // the window's document gets the HTTPRoute as one undo step.
    void theEditMenuConvertsTheSelectedVirtualService()
    {
        open(QStringLiteral("order.yaml"));
        MainWindow window;
        window.openPaths({ m_path });
        QTRY_VERIFY(!window.isLoading());
        const Resource *vs = window.document()->workspace().find(
            ResourceKind::VirtualService, QStringLiteral("app"), QStringLiteral("app"));
        QVERIFY(vs);
        SelectionTarget t;
        t.resourceId = vs->id;
        window.selection()->select(t);
        auto *action = window.findChild<QAction *>(QStringLiteral("convertToGatewayApiAction"));
        QVERIFY(action && action->isEnabled());
        QString summary;
        // The dialog is modal: answer it from the event loop it runs.
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *dialog = qobject_cast<ConvertDialog *>(QApplication::activeModalWidget())) {
                poll.stop();
                summary = dialog->summaryLabel()->text();
                QTest::mouseClick(dialog->insertButton(), Qt::LeftButton);
            }
        });
        poll.start(10);
        action->trigger();
        QVERIFY(summary.startsWith(QStringLiteral("1 VirtualService(s) converted")));
        QCOMPARE(window.document()->undoStack()->count(), 1);
        QCOMPARE(window.document()->workspace().ofKind(ResourceKind::HTTPRoute).size(), 1);
        QVERIFY(window.document()->undoStack()->undoText().contains(QStringLiteral("Gateway API")));
    }
};

QTEST_MAIN(TestConvertDialog)
#include "tst_convertdialog.moc"
