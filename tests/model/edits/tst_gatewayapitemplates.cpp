// The Gateway API templates of New Resource (GatewayApiTemplates through
// ResourceTemplates::build): the exact YAML of each, that it passes the CRDs'
// schema and CEL checks once inserted (no MR11xx, as `meshroute check` would
// report), that it binds (no MR2040/MR2044), and that a wrong field is refused.
#include "gatewayapitemplates.h"

#include "checker.h"
#include "commandtest.h"
#include "insertdocuments.h"
#include "replacefiletext.h"

using namespace meshroute;
using namespace meshroute::test;

namespace {

using Kind = ResourceTemplates::Kind;

// Findings a template must never cause: the CRD schema and CEL rules, a parent or backend not found.
QStringList forbidden(const Workspace &ws)
{
    QStringList out;
    for (const Diagnostic &d : Checker::check(ws))
        if (d.code.startsWith(QLatin1String("MR11")) || d.code == QLatin1String("MR2040")
            || d.code == QLatin1String("MR2044") || d.severity == Diagnostic::Severity::Error)
            out.append(QStringLiteral("%1:%2 [%3] %4").arg(d.file).arg(d.line).arg(d.code, d.message));
    return out;
}

ResourceTemplates::Request request(Kind kind, const QString &host = {})
{
    ResourceTemplates::Request r;
    r.kind = kind;
    r.host = host;
    r.namespaceName = QStringLiteral("default");
    return r;
}

// Builds the request (named by defaultName), inserts it as one undo step and
// checks the result; returns the document's text.
QByteArray insertAndCheck(Document &doc, ResourceTemplates::Request req)
{
    req.name = ResourceTemplates::defaultName(doc.workspace(), req);
    ResourceTemplates::Result result;
    QString error;
    [&] { QVERIFY2(ResourceTemplates::build(doc.workspace(), req, &result, &error), qPrintable(error)); }();
    if (QTest::currentTestFailed() || result.documents.size() != 1)
        return {};
    const QStringList before = forbidden(doc.workspace());
    auto command = InsertDocuments::create(&doc, 0, result.documents, result.description, &error);
    [&] {
        QVERIFY2(command, qPrintable(error));
        doc.undoStack()->push(command.release());
        QVERIFY(doc.loadDiagnostics().isEmpty());
        QVERIFY(doc.workspace().find(result.resources[0].kind, "default", req.name));
        QCOMPARE(forbidden(doc.workspace()), before);
    }();
    return result.documents[0];
}

} // namespace

class TestGatewayApiTemplates : public QObject
{
    Q_OBJECT

private:
    Document m_doc;

private Q_SLOTS:
    void init()
    {
        load(m_doc, readFile(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml")));
        QVERIFY(forbidden(m_doc.workspace()).isEmpty());
    }

    void gateway()
    {
        ResourceTemplates::Request r = request(Kind::GatewayApiGateway);
        r.hosts = { "shop.example.com", "*.shop.example.com" };
        QCOMPARE(insertAndCheck(m_doc, r),
            QByteArray("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n"
                       "  name: shop-gateway\n  namespace: default\nspec:\n  gatewayClassName: istio\n"
                       "  listeners:\n  - name: http\n    hostname: shop.example.com\n    port: 80\n"
                       "    protocol: HTTP\n  - name: http-2\n    hostname: \"*.shop.example.com\"\n"
                       "    port: 80\n    protocol: HTTP\n"));
        // No hostname: one listener for every host.
        QVERIFY(insertAndCheck(m_doc, request(Kind::GatewayApiGateway))
                    .endsWith("  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n"));
    }

    void httpRouteForAService()
    {
        ResourceTemplates::Request r = request(Kind::HttpRoute, "details");
        r.parentGateway = "bookinfo-gateway";
        r.hosts = { "bookinfo.app" };
        QCOMPARE(insertAndCheck(m_doc, r),
            QByteArray("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
                       "  name: details\n  namespace: default\nspec:\n  parentRefs:\n"
                       "  - name: bookinfo-gateway\n  hostnames:\n  - bookinfo.app\n  rules:\n"
                       "  - backendRefs:\n    - name: details\n      port: 9080\n"));
        // The route binds: its Service is routed through the Gateway.
        const Resource *route = m_doc.workspace().find(ResourceKind::HTTPRoute, "default", "details");
        QVERIFY(route);
        QCOMPARE(route->gatewayApiRoute()->rules[0].backendRefs[0].ref.name.value, QStringLiteral("details"));
    }

    void meshHttpRoute()
    {
        QCOMPARE(insertAndCheck(m_doc, request(Kind::MeshHttpRoute, "ratings.default.svc.cluster.local")),
            QByteArray("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
                       "  name: ratings\n  namespace: default\nspec:\n  parentRefs:\n  - group: \"\"\n"
                       "    kind: Service\n    name: ratings\n    port: 9080\n  rules:\n  - backendRefs:\n"
                       "    - name: ratings\n      port: 9080\n"));
    }

    void canaryBetweenTwoServices()
    {
        ResourceTemplates::Request r = request(Kind::HttpRouteCanary, "reviews-v1");
        r.canaryHost = "reviews-v2";
        const QByteArray text = insertAndCheck(m_doc, r);
        QCOMPARE(text,
            QByteArray("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
                       "  name: reviews-v1\n  namespace: default\nspec:\n  parentRefs:\n  - group: \"\"\n"
                       "    kind: Service\n    name: reviews-v1\n    port: 9080\n  rules:\n  - backendRefs:\n"
                       "    - name: reviews-v1\n      port: 9080\n      weight: 100\n"
                       "    - name: reviews-v2\n      port: 9080\n      weight: 0\n"));
        // Through a Gateway instead: the parent is the Gateway.
        r.parentGateway = "default/bookinfo-gateway";
        r.name = "reviews-edge";
        ResourceTemplates::Result result;
        QString error;
        QVERIFY2(ResourceTemplates::build(m_doc.workspace(), r, &result, &error), qPrintable(error));
        QVERIFY(result.documents[0].contains("spec:\n  parentRefs:\n  - name: bookinfo-gateway\n  rules:\n"));
        QVERIFY(result.note.contains("100% to reviews-v1"));
    }

    void refused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<QString>("canary");
        QTest::addColumn<QString>("message");
        QTest::newRow("no Service") << int(Kind::MeshHttpRoute) << "payments"
                                    << ""
                                    << ""
                                    << ""
                                    << "no opened Service";
        QTest::newRow("no Gateway chosen") << int(Kind::HttpRoute) << "details"
                                           << ""
                                           << ""
                                           << ""
                                           << "choose the Gateway";
        QTest::newRow("upper-case hostname") << int(Kind::HttpRoute) << "details"
                                             << "bookinfo-gateway"
                                             << "Shop.example.com"
                                             << ""
                                             << "lower-case DNS name";
        QTest::newRow("lone * hostname") << int(Kind::GatewayApiGateway) << ""
                                         << ""
                                         << "*"
                                         << ""
                                         << "no lone";
        QTest::newRow("IP hostname") << int(Kind::GatewayApiGateway) << ""
                                     << ""
                                     << "10.0.0.1"
                                     << ""
                                     << "no IP address";
        QTest::newRow("canary is the stable") << int(Kind::HttpRouteCanary) << "reviews"
                                              << ""
                                              << ""
                                              << "reviews"
                                              << "are the same";
        QTest::newRow("canary without Service") << int(Kind::HttpRouteCanary) << "reviews"
                                                << ""
                                                << ""
                                                << "reviews-v9"
                                                << "canary: no opened Service";
    }
    void refused()
    {
        QFETCH(int, kind);
        QFETCH(QString, host);
        QFETCH(QString, gateway);
        QFETCH(QString, hostname);
        QFETCH(QString, canary);
        QFETCH(QString, message);
        ResourceTemplates::Request r = request(Kind(kind), host);
        r.name = "new-one";
        r.parentGateway = gateway;
        r.canaryHost = canary;
        if (!hostname.isEmpty())
            r.hosts = { hostname };
        ResourceTemplates::Result result;
        QString error;
        QVERIFY(!ResourceTemplates::build(m_doc.workspace(), r, &result, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(result.documents.isEmpty());
    }

    // A name already taken by a route of that kind is refused; defaultName suggests a free one.
    void takenName()
    {
        ResourceTemplates::Request r = request(Kind::MeshHttpRoute, "reviews");
        QCOMPARE(ResourceTemplates::defaultName(m_doc.workspace(), r), QStringLiteral("reviews-2"));
        r.name = "reviews";
        ResourceTemplates::Result result;
        QString error;
        QVERIFY(!ResourceTemplates::build(m_doc.workspace(), r, &result, &error));
        QVERIFY2(error.contains("already exists"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGatewayApiTemplates)
#include "tst_gatewayapitemplates.moc"
