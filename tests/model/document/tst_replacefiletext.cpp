#include "replacefiletext.h"

#include "commandtest.h"
#include "replacedocumenttext.h"

using namespace meshroute;
using namespace meshroute::test;

namespace {

const QByteArray twoDocs = "# gateway and routes\n"
                           "apiVersion: networking.istio.io/v1\n"
                           "kind: VirtualService\n"
                           "metadata:\n"
                           "  name: reviews\n"
                           "spec:\n"
                           "  hosts: [reviews]\n"
                           "  http:\n"
                           "  - route:\n"
                           "    - destination: {host: reviews, subset: v1}\n"
                           "---\n"
                           "apiVersion: networking.istio.io/v1\n"
                           "kind: DestinationRule\n"
                           "metadata:\n"
                           "  name: reviews\n"
                           "spec:\n"
                           "  host: reviews\n"
                           "  subsets:\n"
                           "  - name: v1\n"
                           "    labels: {version: v1}\n";

const QByteArray gatewayDoc = "---\n"
                              "apiVersion: networking.istio.io/v1\n"
                              "kind: Gateway\n"
                              "metadata:\n"
                              "  name: edge\n"
                              "spec:\n"
                              "  selector: {istio: ingressgateway}\n"
                              "  servers:\n"
                              "  - port: {number: 80, name: http, protocol: HTTP}\n"
                              "    hosts: ['*']\n";

QStringList names(const Document &doc)
{
    QStringList out;
    for (const Resource &r : doc.workspace().resources)
        out.append(QStringLiteral("%1:%2:%3").arg(r.fileIndex).arg(r.kindName.value, r.name()));
    return out;
}

} // namespace

class TestReplaceFileText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendDocumentKeepsIds()
    {
        Document doc;
        load(doc, twoDocs);
        const int vs = idOf(doc, ResourceKind::VirtualService, "reviews");
        const int dr = idOf(doc, ResourceKind::DestinationRule, "reviews");
        QList<ChangeEvent> changes;
        connect(&doc, &Document::changed, this, [&](const ChangeEvent &e) { changes.append(e); });
        auto *cmd = new ReplaceFileText(&doc, 0, twoDocs, twoDocs + gatewayDoc, "New Gateway");
        doc.undoStack()->push(cmd);
        QCOMPARE(fileText(doc), twoDocs + gatewayDoc);
        QCOMPARE(doc.workspace().resources.size(), 3);
        QCOMPARE(idOf(doc, ResourceKind::VirtualService, "reviews"), vs);
        QCOMPARE(idOf(doc, ResourceKind::DestinationRule, "reviews"), dr);
        const int gw = idOf(doc, ResourceKind::Gateway, "edge");
        QVERIFY(gw >= 0 && gw != vs && gw != dr);
        QCOMPARE(doc.documentText(0, 2), gatewayDoc); // a span starts at its "---"
        // The new document's positions are its own: the gateway starts on line 21 of the file.
        QCOMPARE(doc.resource(gw)->baseLine, 21);
        QCOMPARE(changes.size(), 1);
        QVERIFY(changes.first().resourceIds.contains(gw));
        QCOMPARE(doc.undoStack()->count(), 1);

        doc.undoStack()->undo();
        QCOMPARE(fileText(doc), twoDocs);
        QCOMPARE(doc.workspace().resources.size(), 2);
        QCOMPARE(idOf(doc, ResourceKind::Gateway, "edge"), -1);
        QVERIFY(!doc.isModified());
    }

    // Regression (found by the corpus sweep over Gateway API conformance files):
    // kinds we do not model share ResourceKind::Other, so a Gateway API Gateway
    // and an HTTPRoute of the same name swapped ids when the text was re-read.
    // Repeated objects (same kind and name) keep their ids in file order too.
    void sameNameOfUnmodelledKindsKeepsIds()
    {
        QByteArray text = readFile(dataPath(QStringLiteral("yaml/gateway-api.yaml")));
        text += "---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: web}\n"
                "---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: web}\n";
        Document doc;
        load(doc, text);
        const QStringList before = names(doc);
        QCOMPARE(before,
            (QStringList { "0:Gateway:storefront", "0:HTTPRoute:storefront", "0:Gateway:storefront",
                "0:Widget:w", "0:Widget:w" }));
        QList<int> ids;
        for (const Resource &r : doc.workspace().resources)
            ids.append(r.id);
        doc.undoStack()->push(new ReplaceFileText(&doc, 0, text, text + "# edited\n", "Edit"));
        QCOMPARE(names(doc), before);
        QList<int> after;
        for (const Resource &r : doc.workspace().resources)
            after.append(r.id);
        QCOMPARE(after, ids);
        doc.undoStack()->undo();
        QCOMPARE(fileText(doc), text);
    }

    void otherFilesAreUntouched()
    {
        LoadResult result;
        Loader::addFile(result, "a.yaml", twoDocs, {});
        Loader::addFile(result, "b.yaml", gatewayDoc.mid(4), {});
        Document doc;
        doc.setLoadResult(std::move(result));
        const int gw = idOf(doc, ResourceKind::Gateway, "edge");
        const QByteArray onlyDr = twoDocs.mid(twoDocs.indexOf("---\n") + 4);
        doc.undoStack()->push(new ReplaceFileText(&doc, 0, twoDocs, onlyDr, "Delete"));
        QCOMPARE(names(doc), QStringList({ "0:DestinationRule:reviews", "1:Gateway:edge" }));
        QCOMPARE(idOf(doc, ResourceKind::Gateway, "edge"), gw);
        QCOMPARE(fileText(doc, 1), gatewayDoc.mid(4));
        doc.undoStack()->undo();
        QCOMPARE(names(doc),
            QStringList({ "0:VirtualService:reviews", "0:DestinationRule:reviews", "1:Gateway:edge" }));
    }

    void syntaxErrorIsADiagnosticOfThatFile()
    {
        Document doc;
        load(doc, twoDocs, "routes.yaml");
        QByteArray broken = twoDocs;
        broken.replace("  hosts: [reviews]\n", "  hosts: [reviews\n");
        doc.undoStack()->push(new ReplaceFileText(&doc, 0, twoDocs, broken, "Edit"));
        bool found = false;
        for (const Diagnostic &d : doc.loadDiagnostics())
            found |= d.file == "routes.yaml" && d.line >= 7 && d.line <= 10
                && d.severity == Diagnostic::Severity::Error;
        QVERIFY2(found, "no syntax error reported near line 7");
        // The DestinationRule in the next document still loads.
        QVERIFY(idOf(doc, ResourceKind::DestinationRule, "reviews") >= 0);
        doc.undoStack()->undo();
        QVERIFY(doc.loadDiagnostics().isEmpty());
    }

    // Whether a file differs from what is on disk is tracked per document; every
    // kind of edit, and its undo, must still say it right.
    void modifiedFollowsEditsAndUndo()
    {
        Document doc;
        load(doc, twoDocs);
        QVERIFY(!doc.isFileModified(0));
        const QByteArray vs = doc.documentText(0, 0);
        QByteArray edited = vs;
        edited.replace("subset: v1", "subset: v2");
        doc.undoStack()->push(new ReplaceDocumentText(&doc, 0, 0, vs, edited, "Edit"));
        QVERIFY(doc.isFileModified(0));
        doc.undoStack()->undo();
        QVERIFY(!doc.isFileModified(0));

        // Only the comment before the first document: outside every document.
        QByteArray comment = twoDocs;
        comment.replace("# gateway and routes", "# gateway and routes!");
        doc.undoStack()->push(new ReplaceFileText(&doc, 0, twoDocs, comment, "Edit"));
        QVERIFY(doc.isFileModified(0));
        doc.undoStack()->undo();
        QVERIFY(!doc.isFileModified(0));

        // A new document, then the weight edit on top of it.
        doc.undoStack()->push(new ReplaceFileText(&doc, 0, twoDocs, twoDocs + gatewayDoc, "Add"));
        QVERIFY(doc.isFileModified(0));
        doc.undoStack()->push(new ReplaceDocumentText(&doc, 0, 0, vs, edited, "Edit"));
        QVERIFY(doc.isFileModified(0));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(!doc.isFileModified(0));

        // A whole-file replacement that changes one document only.
        QByteArray whole = twoDocs;
        whole.replace("name: v1", "name: v3");
        doc.undoStack()->push(new ReplaceFileText(&doc, 0, twoDocs, whole, "Edit"));
        QVERIFY(doc.isFileModified(0));
        doc.undoStack()->undo();
        QVERIFY(!doc.isFileModified(0));
    }

    void typingMergesIntoOneStep()
    {
        Document doc;
        load(doc, twoDocs);
        QByteArray text = twoDocs;
        for (const char c : QByteArray("# note")) {
            const QByteArray next = text + c;
            doc.undoStack()->push(new ReplaceFileText(&doc, 0, text, next, "Edit YAML", true));
            text = next;
        }
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(fileText(doc), twoDocs + "# note");
        doc.undoStack()->undo();
        QCOMPARE(fileText(doc), twoDocs);
    }

    // Reloading a file's own text through replaceFileText gives what the loader gives.
    void corpusSameAsLoader()
    {
        int files = 0;
        for (const QString &path : sweepYamlFiles()) {
            const QByteArray text = readFile(path);
            Document doc;
            load(doc, text, path);
            const QStringList before = names(doc);
            const int diagnostics = int(doc.loadDiagnostics().size());
            QList<int> ids;
            for (const Resource &r : doc.workspace().resources)
                ids.append(r.id);
            doc.replaceFileText(0, text + "\n# appended\n");
            QCOMPARE(names(doc), before);
            QCOMPARE(int(doc.loadDiagnostics().size()), diagnostics);
            QList<int> after;
            for (const Resource &r : doc.workspace().resources)
                after.append(r.id);
            if (after != ids) // names repeated in one file keep their order, so ids do too
                QFAIL(qPrintable(path + ": ids changed"));
            ++files;
        }
        QVERIFY(files >= sweepMinimum(80, 280));
    }
};

QTEST_GUILESS_MAIN(TestReplaceFileText)
#include "tst_replacefiletext.moc"
