#include "resources/newresourcedialog.h"
#include "resources/resourceeditor.h"

#include "checker.h"
#include "corpus.h"
#include "document.h"
#include "insertdocuments.h"
#include "mainwindow.h"
#include "selection.h"
#include "undostack.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    for (const Resource &r : doc.workspace().resources)
        if (r.kind == kind && r.name() == name)
            return r.id;
    return -1;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// Replaces the text of an editable combo box or line edit as a user does.
void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// What `meshroute check` would report against the CRDs' schema and CEL rules (MR11xx).
QStringList crdFindings(const Workspace &ws)
{
    QStringList out;
    for (const Diagnostic &d : Checker::check(ws))
        if (d.code.startsWith(QLatin1String("MR11")))
            out.append(QStringLiteral("%1:%2 [%3] %4").arg(d.file).arg(d.line).arg(d.code, d.message));
    return out;
}

} // namespace

class TestNewResourceDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    QByteArray m_bookinfo;

    void open(const QStringList &paths)
    {
        m_doc->open(paths);
        QVERIFY(!m_doc->files().isEmpty());
        QVERIFY(m_doc->loadDiagnostics().isEmpty());
    }
    void show(NewResourceDialog &dialog)
    {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
    }
    void select(ResourceKind kind, const QString &name)
    {
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, kind, name);
        QVERIFY(t.resourceId >= 0);
        m_selection->select(t);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_newresourcedialog"));
        QDir(MainWindow::recoveryRoot()).removeRecursively();
        MainWindow::setDefaultPrompt([](const QString &title, const QString &text,
                                         QMessageBox::StandardButtons, QMessageBox::StandardButton) {
            qWarning("unexpected question: %s: %s", qPrintable(title), qPrintable(text));
            return QMessageBox::Cancel;
        });
        QVERIFY(m_dir.isValid());
        m_bookinfo = readFile(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"));
        QVERIFY(!m_bookinfo.isEmpty());
    }
    void init()
    {
        m_doc = new Document;
        m_selection = new Selection;
    }
    void cleanup()
    {
        delete m_selection;
        delete m_doc;
    }

    void virtualServiceForTheSelectedService()
    {
        open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        select(ResourceKind::Service, "details");
        NewResourceDialog dialog(m_doc, m_selection);
        show(dialog);
        // Filled from the selection: its Service, namespace and file; a free name.
        QCOMPARE(dialog.templateCombo()->currentText(), QStringLiteral("VirtualService"));
        QCOMPARE(dialog.hostCombo()->currentText(), QStringLiteral("details.default.svc.cluster.local"));
        QCOMPARE(dialog.namespaceCombo()->currentText(), QStringLiteral("default"));
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("details"));
        QCOMPARE(dialog.fileCombo()->currentText(), QStringLiteral("bookinfo.yaml"));
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.gatewayCombo()->isVisible());
        // Bind it to the gateway for a public host; the preview follows.
        retype(dialog.hostsEdit(), "bookinfo.app");
        retype(dialog.gatewayCombo()->lineEdit(), "default/bookinfo-gateway");
        const QByteArray expected
            = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: details\n"
              "  namespace: default\nspec:\n  hosts:\n  - bookinfo.app\n  gateways:\n  - "
              "default/bookinfo-gateway\n"
              "  http:\n  - route:\n    - destination:\n        host: details.default.svc.cluster.local\n"
              "        port:\n          number: 9080\n";
        QCOMPARE(dialog.preview()->toPlainText(), QString::fromUtf8(expected));
        QVERIFY(dialog.preview()->isReadOnly());

        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_doc->files()[0].text, m_bookinfo + "---\n" + expected);
        const int created = idOf(*m_doc, ResourceKind::VirtualService, "details");
        QVERIFY(created >= 0);
        QCOMPARE(dialog.createdResourceId(), created);
        QCOMPARE(m_selection->current().resourceId, created);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("New VirtualService default/details"));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_bookinfo);
    }

    void invalidOrTakenNameDisablesOk()
    {
        open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        select(ResourceKind::Service, "reviews");
        NewResourceDialog dialog(m_doc, m_selection);
        show(dialog);
        // reviews has a VirtualService: the suggestion is a free name.
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("reviews-2"));
        QVERIFY(dialog.okButton()->isEnabled());
        retype(dialog.nameEdit(), "Reviews_2");
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.messageLabel()->isVisible());
        QVERIFY(dialog.messageLabel()->text().contains("not a valid name"));
        retype(dialog.nameEdit(), "reviews");
        QVERIFY(!dialog.okButton()->isEnabled());
        QCOMPARE(dialog.messageLabel()->text(),
            QStringLiteral("a VirtualService named reviews already exists in namespace default"));
        // Typed names stay when the host changes; Enter on an invalid form does nothing.
        retype(dialog.hostCombo()->lineEdit(), "ratings");
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("reviews"));
        QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(m_doc->undoStack()->count(), 0);
        retype(dialog.nameEdit(), "ratings");
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.messageLabel()->text().isEmpty());
    }

    void canaryIsOneUndoStep()
    {
        // Bookinfo without the reviews VirtualService and DestinationRule.
        const QByteArray text = m_bookinfo;
        QList<QByteArray> docs;
        qsizetype start = 0;
        while (start < text.size()) {
            qsizetype end = text.indexOf("\n---\n", start);
            end = end < 0 ? text.size() : end + 1;
            docs.append(text.mid(start, end - start));
            start = end;
        }
        QByteArray trimmed;
        for (const QByteArray &d : docs)
            if (!(d.contains("  name: reviews\n")
                    && (d.contains("kind: VirtualService\n") || d.contains("kind: DestinationRule\n"))))
                trimmed += d;
        const QString path = m_dir.filePath("canary.yaml");
        QVERIFY(writeFile(path, trimmed));
        open({ path });
        NewResourceDialog dialog(m_doc, m_selection);
        show(dialog);
        // The last Istio template, chosen with the keyboard (above the four Gateway API ones and
        // their separator, which the keys skip); then the Service typed.
        dialog.templateCombo()->setFocus();
        QTest::keyClick(dialog.templateCombo(), Qt::Key_End);
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(dialog.templateCombo(), Qt::Key_Up);
        QCOMPARE(dialog.templateKind(), ResourceTemplates::Kind::Canary);
        QVERIFY(dialog.nameEdit()->isReadOnly());
        QVERIFY(!dialog.gatewayCombo()->isVisible());
        retype(dialog.hostCombo()->lineEdit(), "ratings");
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.messageLabel()->text().contains("two"));
        retype(dialog.hostCombo()->lineEdit(), "reviews");
        QTRY_VERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("reviews"));
        const QString preview = dialog.preview()->toPlainText();
        QVERIFY(preview.startsWith("apiVersion: networking.istio.io/v1\nkind: DestinationRule\n"));
        QVERIFY(preview.contains("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\n"));
        QVERIFY(preview.contains("        subset: v1\n      weight: 100\n"));

        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(m_doc->files()[0].text, trimmed + "---\n" + preview.toUtf8());
        QCOMPARE(m_doc->undoStack()->count(), 1);
        const int vs = idOf(*m_doc, ResourceKind::VirtualService, "reviews");
        QVERIFY(vs >= 0);
        QVERIFY(idOf(*m_doc, ResourceKind::DestinationRule, "reviews") >= 0);
        QCOMPARE(m_selection->current().resourceId, vs);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, trimmed);
        QCOMPARE(idOf(*m_doc, ResourceKind::DestinationRule, "reviews"), -1);
    }

    void gatewayIntoAnotherFileWithoutFinalNewline()
    {
        const QString other = m_dir.filePath("gateways.yaml");
        const QByteArray otherText = "# gateways, no final newline";
        QVERIFY(writeFile(other, otherText));
        open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"), other });
        QCOMPARE(m_doc->files().size(), 2);
        NewResourceDialog dialog(m_doc, m_selection);
        show(dialog);
        // Nothing selected: the first file.
        QCOMPARE(dialog.targetFile(), 0);
        dialog.templateCombo()->setFocus();
        QTest::keyClick(dialog.templateCombo(), Qt::Key_Down);
        QTest::keyClick(dialog.templateCombo(), Qt::Key_Down);
        QCOMPARE(dialog.templateKind(), ResourceTemplates::Kind::Gateway);
        QVERIFY(!dialog.hostCombo()->isVisible());
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("ingress-gateway"));
        retype(dialog.hostsEdit(), "shop.example.com");
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("shop-gateway"));
        dialog.fileCombo()->setFocus();
        QTest::keyClick(dialog.fileCombo(), Qt::Key_Down);
        QCOMPARE(dialog.targetFile(), 1);
        const QByteArray preview = dialog.preview()->toPlainText().toUtf8();
        QVERIFY(preview.endsWith("    hosts:\n    - shop.example.com\n"));
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(m_doc->files()[1].text, otherText + "\n" + preview);
        QCOMPARE(m_doc->files()[0].text, m_bookinfo);
        const int gw = idOf(*m_doc, ResourceKind::Gateway, "shop-gateway");
        QCOMPARE(m_doc->resource(gw)->fileIndex, 1);
        QCOMPARE(m_selection->current().resourceId, gw);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[1].text, otherText);
    }

    void defaultFileIsTheSelection()
    {
        const QString other = m_dir.filePath("more.yaml");
        QVERIFY(writeFile(other,
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n"
            "    app: web\n  ports:\n  - name: http\n    port: 8080\n"));
        open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"), other });
        select(ResourceKind::Service, "web");
        NewResourceDialog dialog(m_doc, m_selection);
        show(dialog);
        QCOMPARE(dialog.targetFile(), 1);
        QCOMPARE(dialog.namespaceCombo()->currentText(), QStringLiteral("shop"));
        QCOMPARE(dialog.hostCombo()->currentText(), QStringLiteral("web.shop.svc.cluster.local"));
        // Picking a Service of another namespace moves the namespace along.
        dialog.hostCombo()->setCurrentIndex(
            dialog.hostCombo()->findText("ratings.default.svc.cluster.local"));
        QCOMPARE(dialog.namespaceCombo()->currentText(), QStringLiteral("default"));
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("ratings"));
        // Cancel changes nothing.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    // The window's Edit > New Resource (Ctrl+Shift+N) opens the dialog on the window's
    // document and selection; OK adds the resource and selects it everywhere.
    void fromTheMainWindow()
    {
        MainWindow window;
        window.openPaths({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *action = window.findChild<QAction *>(QStringLiteral("newResourceAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)); // Ctrl+N is File > New
        SelectionTarget t;
        t.resourceId = idOf(*window.document(), ResourceKind::Service, "ratings");
        window.selection()->select(t);
        bool seen = false;
        // The dialog is modal: drive it from inside its event loop.
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<NewResourceDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            seen = true;
            QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("ratings"));
            QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        });
        action->trigger();
        QVERIFY(seen);
        const int vs = idOf(*window.document(), ResourceKind::VirtualService, "ratings");
        QVERIFY(vs >= 0);
        QCOMPARE(window.selection()->current().resourceId, vs);
        QCOMPARE(window.document()->undoStack()->count(), 1);
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->files()[0].text, m_bookinfo);
    }

    // The other half of §4: renaming in the inspector renames the references too and says how many.
    void renameInTheInspectorReportsReferences()
    {
        open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        ResourceEditor editor(m_doc, m_selection);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QApplication::setActiveWindow(&editor);
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        select(ResourceKind::Gateway, "bookinfo-gateway");
        retype(editor.nameEdit(), "edge-gateway");
        QTest::keyClick(editor.nameEdit(), Qt::Key_Return);
        QTRY_COMPARE(m_doc->undoStack()->count(), 1);
        auto *message = editor.findChild<QLabel *>(QStringLiteral("resourceMessage"));
        QVERIFY(message);
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("Renamed; updated 1 reference to it."));
        QByteArray expected = m_bookinfo;
        expected.replace("  name: bookinfo-gateway\n", "  name: edge-gateway\n");
        expected.replace("  - bookinfo-gateway\n", "  - edge-gateway\n");
        QCOMPARE(m_doc->files()[0].text, expected);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, m_bookinfo);
        // Selecting another resource clears the message.
        select(ResourceKind::Service, "details");
        QVERIFY(!message->isVisible());
    }

    // HTTPRoute for the selected Service: the parent Gateway picked from the opened Gateway API
    // Gateways, a hostname typed; a bad hostname is refused as typed; OK appends exactly the preview.
    void httpRouteForTheSelectedService()
    {
        open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml") });
        const QByteArray original = m_doc->files()[0].text;
        select(ResourceKind::Service, "details");
        NewResourceDialog dialog(m_doc, m_selection);
        show(dialog);
        dialog.templateCombo()->setFocus();
        QTest::keyClick(dialog.templateCombo(), Qt::Key_End);
        QTest::keyClick(dialog.templateCombo(), Qt::Key_Up);
        QTest::keyClick(dialog.templateCombo(), Qt::Key_Up);
        QCOMPARE(dialog.templateKind(), ResourceTemplates::Kind::HttpRoute);
        QVERIFY(dialog.parentGatewayCombo()->isVisible());
        QVERIFY(!dialog.gatewayCombo()->isVisible());
        QVERIFY(!dialog.canaryCombo()->isVisible());
        QCOMPARE(dialog.parentGatewayCombo()->currentText(), QStringLiteral("default/bookinfo-gateway"));
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("details"));
        retype(dialog.hostsEdit(), "Bookinfo.app");
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY2(
            dialog.messageLabel()->text().contains("lower-case"), qPrintable(dialog.messageLabel()->text()));
        retype(dialog.hostsEdit(), "bookinfo.app");
        QTRY_VERIFY(dialog.okButton()->isEnabled());
        const QByteArray expected
            = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: details\n"
              "  namespace: default\nspec:\n  parentRefs:\n  - name: bookinfo-gateway\n  hostnames:\n"
              "  - bookinfo.app\n  rules:\n  - backendRefs:\n    - name: details\n      port: 9080\n";
        QCOMPARE(dialog.preview()->toPlainText(), QString::fromUtf8(expected));
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(m_doc->files()[0].text, original + "---\n" + expected);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        const int route = idOf(*m_doc, ResourceKind::HTTPRoute, "details");
        QCOMPARE(m_selection->current().resourceId, route);
        QVERIFY2(crdFindings(m_doc->workspace()).isEmpty(),
            qPrintable(crdFindings(m_doc->workspace()).join('\n')));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
    }

    // The canary between two Services: the second picked, no parent Gateway (a mesh route), 100/0.
    void httpRouteCanaryBetweenTwoServices()
    {
        open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml") });
        NewResourceDialog dialog(m_doc, m_selection);
        show(dialog);
        dialog.templateCombo()->setFocus();
        QTest::keyClick(dialog.templateCombo(), Qt::Key_End);
        QCOMPARE(dialog.templateKind(), ResourceTemplates::Kind::HttpRouteCanary);
        QVERIFY(dialog.canaryCombo()->isVisible());
        retype(dialog.hostCombo()->lineEdit(), "reviews-v1");
        retype(dialog.canaryCombo()->lineEdit(), "reviews-v1");
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.messageLabel()->text().contains("the same"));
        retype(dialog.canaryCombo()->lineEdit(), "reviews-v3");
        retype(dialog.parentGatewayCombo()->lineEdit(), "");
        QTRY_VERIFY(dialog.okButton()->isEnabled());
        const QString preview = dialog.preview()->toPlainText();
        QVERIFY2(
            preview.contains("  parentRefs:\n  - group: \"\"\n    kind: Service\n    name: reviews-v1\n"),
            qPrintable(preview));
        QVERIFY(preview.contains("    - name: reviews-v1\n      port: 9080\n      weight: 100\n"
                                 "    - name: reviews-v3\n      port: 9080\n      weight: 0\n"));
        QVERIFY(dialog.messageLabel()->text().contains("100% to reviews-v1"));
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        const Resource *route = m_doc->resource(idOf(*m_doc, ResourceKind::HTTPRoute, "reviews-v1"));
        QVERIFY(route);
        QCOMPARE(route->gatewayApiRoute()->rules[0].backendRefs.size(), 2);
        QCOMPARE(route->gatewayApiRoute()->rules[0].backendRefs[1].weight.value, 0);
        QVERIFY(crdFindings(m_doc->workspace()).isEmpty());
    }

    // A Gateway API Gateway of class istio with one HTTP listener per hostname typed.
    void gatewayApiGateway()
    {
        open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml") });
        NewResourceDialog dialog(m_doc, m_selection);
        show(dialog);
        dialog.templateCombo()->setCurrentIndex(
            dialog.templateCombo()->findData(int(ResourceTemplates::Kind::GatewayApiGateway)));
        QVERIFY(!dialog.hostCombo()->isVisible());
        retype(dialog.hostsEdit(), "shop.example.com");
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("shop-gateway"));
        QVERIFY(dialog.preview()->toPlainText().endsWith(
            "spec:\n  gatewayClassName: istio\n  listeners:\n  - name: http\n    hostname: shop.example.com\n"
            "    port: 80\n    protocol: HTTP\n"));
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(
            m_selection->current().resourceId, idOf(*m_doc, ResourceKind::KubernetesGateway, "shop-gateway"));
        QVERIFY(crdFindings(m_doc->workspace()).isEmpty());
    }
};

QTEST_MAIN(TestNewResourceDialog)
#include "tst_newresourcedialog.moc"
