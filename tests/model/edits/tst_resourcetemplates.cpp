#include "resourcetemplates.h"

#include "checker.h"
#include "commandtest.h"
#include "insertdocuments.h"
#include "replacefiletext.h"
#include "validationprimitives.h"

using namespace meshroute;
using namespace meshroute::test;

namespace {

using Kind = ResourceTemplates::Kind;

QByteArray bookinfo()
{
    return readFile(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"));
}

// Bookinfo without the documents that define `kind` `name` (so a template can make them again).
QByteArray withoutDocuments(const QByteArray &text, const QList<QByteArray> &kindAndNames)
{
    QByteArray out;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf("\n---\n", start);
        end = end < 0 ? text.size() : end + 1;
        const QByteArray doc = text.mid(start, end - start);
        bool drop = false;
        for (const QByteArray &kn : kindAndNames)
            drop = drop
                || (doc.contains("kind: " + kn.split(' ')[0] + "\n")
                    && doc.contains("  name: " + kn.split(' ')[1] + "\n"));
        if (!drop)
            out += doc;
        start = end;
    }
    return out;
}

QStringList errors(const Workspace &ws)
{
    QStringList out;
    for (const Diagnostic &d : Checker::check(ws))
        if (d.severity == Diagnostic::Severity::Error)
            out.append(QStringLiteral("%1:%2 [%3] %4").arg(d.file).arg(d.line).arg(d.code, d.message));
    return out;
}

ResourceTemplates::Request request(
    Kind kind, const QString &name, const QString &host, const QString &ns = "default")
{
    ResourceTemplates::Request r;
    r.kind = kind;
    r.name = name;
    r.host = host;
    r.namespaceName = ns;
    return r;
}

// Builds the template, appends it to file 0 as one command and checks: one undo
// step, the new resources load without diagnostics, the checker finds no
// errors, undo gives back the exact bytes.
void insertAndCheck(Document &doc, const ResourceTemplates::Request &req)
{
    ResourceTemplates::Result result;
    QString error;
    QVERIFY2(ResourceTemplates::build(doc.workspace(), req, &result, &error), qPrintable(error));
    QCOMPARE(result.documents.size(), result.resources.size());
    // Each document alone loads with no diagnostics at all.
    for (const QByteArray &text : result.documents) {
        Document alone;
        load(alone, text);
        QVERIFY2(alone.loadDiagnostics().isEmpty(), text.constData());
        QCOMPARE(alone.workspace().resources.size(), 1);
    }
    QVERIFY2(errors(doc.workspace()).isEmpty(), qPrintable(errors(doc.workspace()).join('\n')));
    const QByteArray before = fileText(doc);
    const qsizetype resources = doc.workspace().resources.size();
    const int steps = doc.undoStack()->count();
    auto command = InsertDocuments::create(&doc, 0, result.documents, result.description, &error);
    QVERIFY2(command, qPrintable(error));
    doc.undoStack()->push(command.release());
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(doc.undoStack()->undoText(), result.description);
    QVERIFY(doc.loadDiagnostics().isEmpty());
    QCOMPARE(doc.workspace().resources.size(), resources + result.documents.size());
    for (const ResourceTemplates::NewResource &n : result.resources)
        QVERIFY(doc.workspace().find(n.kind, n.namespaceName, n.name));
    QVERIFY2(errors(doc.workspace()).isEmpty(), qPrintable(errors(doc.workspace()).join('\n')));
    doc.undoStack()->undo();
    QCOMPARE(fileText(doc), before);
    QCOMPARE(doc.workspace().resources.size(), resources);
}

} // namespace

class TestResourceTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void virtualService()
    {
        Document doc;
        load(doc, bookinfo());
        ResourceTemplates::Result result;
        QString error;
        QVERIFY2(ResourceTemplates::build(
                     doc.workspace(), request(Kind::VirtualService, "details", "details"), &result, &error),
            qPrintable(error));
        QCOMPARE(result.documents.size(), 1);
        // The Service's only port is the route's port.
        QCOMPARE(result.documents[0],
            QByteArray(
                "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: details\n"
                "  namespace: default\nspec:\n  hosts:\n  - details\n  http:\n  - route:\n"
                "    - destination:\n        host: details\n        port:\n          number: 9080\n"));
        QCOMPARE(result.description, QStringLiteral("New VirtualService default/details"));
        insertAndCheck(doc, request(Kind::VirtualService, "details", "details"));
    }
    void virtualServiceWithGatewaysAndHosts()
    {
        Document doc;
        load(doc, bookinfo());
        ResourceTemplates::Request r = request(Kind::VirtualService, "details-edge", "details");
        r.hosts = { "bookinfo.app", "*.bookinfo.app" };
        r.gateways = { "default/bookinfo-gateway" };
        ResourceTemplates::Result result;
        QString error;
        QVERIFY2(ResourceTemplates::build(doc.workspace(), r, &result, &error), qPrintable(error));
        QVERIFY(result.documents[0].contains("spec:\n  hosts:\n  - bookinfo.app\n  - \"*.bookinfo.app\"\n  "
                                             "gateways:\n  - default/bookinfo-gateway\n"
                                             "  http:\n"));
        // A host no opened Service has: no port, and a note saying why.
        r.host = "payments.example.com";
        QVERIFY(ResourceTemplates::build(doc.workspace(), r, &result, &error));
        QVERIFY(!result.documents[0].contains("port:"));
        QVERIFY(result.note.contains("no opened Service"));
        // A second VirtualService for a host sidecars already route: allowed, with a note (IST0109).
        QVERIFY(ResourceTemplates::build(
            doc.workspace(), request(Kind::VirtualService, "reviews-2", "reviews"), &result, &error));
        QCOMPARE(result.note,
            QStringLiteral(
                "VirtualService default/reviews already routes host reviews for sidecars, which use "
                "only one; edit that one, or bind this one to a gateway"));
        // `*` is for gateways only; gateway references must be namespace/name.
        r = request(Kind::VirtualService, "all", "details");
        r.hosts = { "*" };
        QVERIFY(!ResourceTemplates::build(doc.workspace(), r, &result, &error));
        QVERIFY(error.contains("gateways only"));
        r.gateways = { "default/bookinfo-gateway", "mesh" };
        QVERIFY(!ResourceTemplates::build(doc.workspace(), r, &result, &error));
        r.gateways = { "a/b/c" };
        QVERIFY(!ResourceTemplates::build(doc.workspace(), r, &result, &error));
        QVERIFY(error.contains("namespace/name"));
        r = request(Kind::VirtualService, "bad-host", "reviews..default");
        QVERIFY(!ResourceTemplates::build(doc.workspace(), r, &result, &error));
        QVERIFY(error.contains("host"));
    }
    void multiPortServiceRoutesToTheHttpPort()
    {
        Document doc;
        load(doc,
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  selector:\n"
            "    app: api\n  ports:\n  - name: tcp-admin\n    port: 9000\n  - name: http-web\n    port: "
            "8080\n");
        ResourceTemplates::Result result;
        QString error;
        QVERIFY2(ResourceTemplates::build(
                     doc.workspace(), request(Kind::VirtualService, "api", "api", "shop"), &result, &error),
            qPrintable(error));
        QVERIFY(result.documents[0].contains("        port:\n          number: 8080\n"));
        QVERIFY(result.note.contains("2 ports"));
        // The FQDN names the same Service from any namespace.
        QVERIFY(ResourceTemplates::serviceForHost(doc.workspace(), "api.shop.svc.cluster.local", "default"));
        QVERIFY(!ResourceTemplates::serviceForHost(doc.workspace(), "api", "default"));
    }
    void destinationRule()
    {
        Document doc;
        load(doc, bookinfo());
        ResourceTemplates::Result result;
        QString error;
        QVERIFY2(ResourceTemplates::build(
                     doc.workspace(), request(Kind::DestinationRule, "ratings", "ratings"), &result, &error),
            qPrintable(error));
        // One workload labelled version: v1 makes one subset.
        QCOMPARE(result.documents[0],
            QByteArray(
                "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ratings\n"
                "  namespace: default\nspec:\n  host: ratings\n  subsets:\n  - name: v1\n    labels:\n"
                "      version: v1\n"));
        insertAndCheck(doc, request(Kind::DestinationRule, "ratings", "ratings"));
        // The three versions of reviews, in numeric order (its own DestinationRule removed).
        load(doc, withoutDocuments(bookinfo(), { "DestinationRule reviews" }));
        QVERIFY(ResourceTemplates::build(
            doc.workspace(), request(Kind::DestinationRule, "reviews", "reviews"), &result, &error));
        QVERIFY(result.documents[0].contains("  - name: v1\n    labels:\n      version: v1\n  - name: v2\n"));
        QVERIFY(result.documents[0].contains("  - name: v3\n    labels:\n      version: v3\n"));
        insertAndCheck(doc, request(Kind::DestinationRule, "reviews", "reviews"));
        // No Service: a DestinationRule without subsets, and a note.
        QVERIFY(ResourceTemplates::build(
            doc.workspace(), request(Kind::DestinationRule, "ext", "api.example.com"), &result, &error));
        QVERIFY(!result.documents[0].contains("subsets"));
        QVERIFY(result.note.contains("no subsets"));
    }
    void gateway()
    {
        Document doc;
        load(doc, bookinfo());
        ResourceTemplates::Request r = request(Kind::Gateway, QString(), QString());
        r.hosts = { "shop.example.com" };
        QCOMPARE(ResourceTemplates::defaultName(doc.workspace(), r), QStringLiteral("shop-gateway"));
        r.name = "shop-gateway";
        ResourceTemplates::Result result;
        QString error;
        QVERIFY2(ResourceTemplates::build(doc.workspace(), r, &result, &error), qPrintable(error));
        QCOMPARE(result.documents[0],
            QByteArray("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: shop-gateway\n"
                       "  namespace: default\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n"
                       "  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts:\n"
                       "    - shop.example.com\n"));
        insertAndCheck(doc, r);
        // No hosts: every host, quoted as YAML needs.
        r.hosts.clear();
        QCOMPARE(ResourceTemplates::defaultName(doc.workspace(), r), QStringLiteral("ingress-gateway"));
        QVERIFY(ResourceTemplates::build(doc.workspace(), r, &result, &error));
        QVERIFY(result.documents[0].endsWith("    hosts:\n    - \"*\"\n"));
        r.hosts = { "bad/host/x" };
        QVERIFY(!ResourceTemplates::build(doc.workspace(), r, &result, &error));
        r.hosts = { "Prod_NS/shop.example.com" };
        QVERIFY(!ResourceTemplates::build(doc.workspace(), r, &result, &error));
        QVERIFY(error.contains("not a namespace"));
    }
    void canaryIsOneStep()
    {
        Document doc;
        load(doc, withoutDocuments(bookinfo(), { "VirtualService reviews", "DestinationRule reviews" }));
        ResourceTemplates::Request r = request(Kind::Canary, QString(), "reviews");
        QCOMPARE(ResourceTemplates::defaultName(doc.workspace(), r), QStringLiteral("reviews"));
        ResourceTemplates::Result result;
        QString error;
        QVERIFY2(ResourceTemplates::build(doc.workspace(), r, &result, &error), qPrintable(error));
        QCOMPARE(result.documents.size(), 2);
        QVERIFY(result.documents[0].contains("kind: DestinationRule\n")); // make before break
        QVERIFY(result.documents[1].contains("kind: VirtualService\n"));
        QCOMPARE(result.description, QStringLiteral("New canary split for service reviews"));
        insertAndCheck(doc, r);
        // Refused where CanaryTemplate refuses: one version only, or no such Service.
        QVERIFY(!ResourceTemplates::build(
            doc.workspace(), request(Kind::Canary, {}, "ratings"), &result, &error));
        QVERIFY(error.contains("two"));
        QVERIFY(!ResourceTemplates::build(
            doc.workspace(), request(Kind::Canary, {}, "nothing"), &result, &error));
        QVERIFY(error.contains("no opened Service"));
    }
    void names()
    {
        Document doc;
        load(doc, bookinfo());
        const Workspace &ws = doc.workspace();
        ResourceTemplates::Result result;
        QString error;
        QVERIFY(!ResourceTemplates::build(
            ws, request(Kind::VirtualService, "Bad_Name", "details"), &result, &error));
        QVERIFY(error.contains("not a valid name"));
        QVERIFY(result.documents.isEmpty());
        QVERIFY(!ResourceTemplates::build(ws, request(Kind::VirtualService, "", "details"), &result, &error));
        QVERIFY(
            !ResourceTemplates::build(ws, request(Kind::VirtualService, "-x", "details"), &result, &error));
        QVERIFY(!ResourceTemplates::build(
            ws, request(Kind::VirtualService, QString(254, 'a'), "details"), &result, &error));
        // Taken in the namespace, free in another namespace and for another kind.
        QVERIFY(!ResourceTemplates::build(
            ws, request(Kind::VirtualService, "reviews", "details"), &result, &error));
        QCOMPARE(error, QStringLiteral("a VirtualService named reviews already exists in namespace default"));
        QVERIFY(ResourceTemplates::build(
            ws, request(Kind::VirtualService, "reviews", "details", "shop"), &result, &error));
        QVERIFY(ResourceTemplates::build(ws, request(Kind::Gateway, "reviews", {}), &result, &error));
        QVERIFY(
            !ResourceTemplates::build(ws, request(Kind::Gateway, "bookinfo-gateway", {}), &result, &error));
        QVERIFY(
            !ResourceTemplates::build(ws, request(Kind::Gateway, "edge", {}, "Not_A_Ns"), &result, &error));
        QVERIFY(error.contains("namespace"));
        // Default names are free ones.
        QCOMPARE(ResourceTemplates::defaultName(ws, request(Kind::VirtualService, {}, "reviews")),
            QStringLiteral("reviews-2"));
        QCOMPARE(ResourceTemplates::defaultName(ws, request(Kind::VirtualService, {}, "details")),
            QStringLiteral("details"));
        QCOMPARE(ResourceTemplates::defaultName(
                     ws, request(Kind::DestinationRule, {}, "reviews.default.svc.cluster.local")),
            QStringLiteral("reviews-2"));
        QCOMPARE(ResourceTemplates::defaultName(ws, request(Kind::VirtualService, {}, "*.example.com")),
            QStringLiteral("example"));
    }
    void insertDocuments_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty file") << QByteArray() << QByteArray("kind: A\n---\nkind: B\n");
        QTest::newRow("no final newline")
            << QByteArray("x: 1") << QByteArray("x: 1\n---\nkind: A\n---\nkind: B\n");
        QTest::newRow("final newline")
            << QByteArray("x: 1\n") << QByteArray("x: 1\n---\nkind: A\n---\nkind: B\n");
        QTest::newRow("ends with ---")
            << QByteArray("x: 1\n---\n") << QByteArray("x: 1\n---\nkind: A\n---\nkind: B\n");
        QTest::newRow("comments only")
            << QByteArray("# manifests\n\n") << QByteArray("# manifests\n\nkind: A\n---\nkind: B\n");
        QTest::newRow("trailing comment")
            << QByteArray("x: 1\n# end") << QByteArray("x: 1\n# end\n---\nkind: A\n---\nkind: B\n");
        QTest::newRow("CRLF") << QByteArray("x: 1\r\n")
                              << QByteArray("x: 1\r\n---\r\nkind: A\r\n---\r\nkind: B\r\n");
    }
    void insertDocuments()
    {
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, expected);
        QCOMPARE(InsertDocuments::appended(file, { "kind: A\n", "kind: B" }), expected);
    }
    void insertIntoEmptyFileAndFileWithoutNewline()
    {
        ResourceTemplates::Result result;
        QString error;
        for (const QByteArray &start : { QByteArray(), QByteArray("# routes"),
                 QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    "
                            "app: web") }) {
            Document doc;
            load(doc, start);
            QCOMPARE(doc.files().size(), 1);
            QVERIFY(ResourceTemplates::build(
                doc.workspace(), request(Kind::VirtualService, "web", "web"), &result, &error));
            QByteArray expected = start;
            if (!start.isEmpty())
                expected += start.startsWith("#") ? "\n" : "\n---\n";
            expected += result.documents[0];
            auto command = InsertDocuments::create(&doc, 0, result.documents, result.description, &error);
            QVERIFY(pushAndRoundTrip(doc, std::move(command), expected));
            QVERIFY(doc.loadDiagnostics().isEmpty());
            QVERIFY(doc.workspace().find(ResourceKind::VirtualService, "default", "web"));
        }
        Document doc;
        QVERIFY(!InsertDocuments::create(&doc, 0, { "kind: A\n" }, "x", &error));
        QVERIFY(error.contains("open a file"));
    }
    // Every Service of the corpus: a VirtualService, a DestinationRule and, where
    // the Service has versions, a canary, appended to the Service's file.
    void corpusServices()
    {
        int runs = 0;
        for (const QString &path : sweepYamlFiles()) {
            Document doc;
            load(doc, readFile(path), path);
            const bool clean = doc.loadDiagnostics().isEmpty();
            QList<int> services;
            for (const Resource *s : doc.workspace().ofKind(ResourceKind::Service))
                services.append(s->id);
            for (int id : services) {
                // Copies: every push and undo replaces the workspace's resources.
                const QString name = doc.resource(id)->name();
                const QString ns = doc.resource(id)->namespaceName();
                const QString fqdn = name + '.' + ns + ".svc.cluster.local";
                for (Kind kind : { Kind::VirtualService, Kind::DestinationRule, Kind::Canary }) {
                    ResourceTemplates::Request r
                        = request(kind, {}, kind == Kind::DestinationRule ? fqdn : name, ns);
                    if (!ValidationPrimitives::isDns1123Label(r.namespaceName)
                        || !ValidationPrimitives::isDns1123Label(name))
                        continue;
                    r.name = ResourceTemplates::defaultName(doc.workspace(), r);
                    ResourceTemplates::Result result;
                    QString error;
                    if (!ResourceTemplates::build(doc.workspace(), r, &result, &error)) {
                        // Only a canary may be refused (one version, names taken), never a valid name.
                        QVERIFY2(kind == Kind::Canary, qPrintable(path + ": " + name + ": " + error));
                        continue;
                    }
                    const QByteArray before = fileText(doc);
                    const qsizetype count = doc.workspace().resources.size();
                    auto command
                        = InsertDocuments::create(&doc, 0, result.documents, result.description, &error);
                    QVERIFY(command);
                    doc.undoStack()->push(command.release());
                    ++runs;
                    QVERIFY2(!clean || doc.loadDiagnostics().isEmpty(), qPrintable(path));
                    QCOMPARE(doc.workspace().resources.size(), count + result.documents.size());
                    for (const ResourceTemplates::NewResource &n : result.resources)
                        QVERIFY2(!clean || doc.workspace().find(n.kind, n.namespaceName, n.name),
                            qPrintable(path));
                    doc.undoStack()->undo();
                    QVERIFY2(fileText(doc) == before, qPrintable(path));
                }
            }
        }
        QVERIFY2(runs > sweepMinimum(40, 50), qPrintable(QString::number(runs)));
        qInfo("%d templates inserted and undone", runs);
    }
};

QTEST_GUILESS_MAIN(TestResourceTemplates)
#include "tst_resourcetemplates.moc"
