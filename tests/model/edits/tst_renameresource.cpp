#include "renameresource.h"

#include "commandtest.h"
#include "renamewithreferences.h"

using namespace meshroute;
using namespace meshroute::test;

namespace {

// A Gateway referenced in every form Istio accepts, from two namespaces, and a
// delegate VirtualService referenced from its own namespace and another.
const QByteArray references = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: web-gateway
  namespace: ingress
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: shop
  namespace: ingress
spec:
  hosts: [shop.example.com]
  gateways:
  - web-gateway # bare: this namespace
  - "ingress/web-gateway"
  - mesh
  - web-gateway-2
  http:
  - match:
    - gateways: [./web-gateway, other/web-gateway]
      uri: {prefix: /a}
    - gateways:
      - web-gateway.ingress.svc.cluster.local
    route:
    - destination: {host: shop.ingress.svc.cluster.local}
  - delegate:
      name: shop-routes
      namespace: ingress
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: shop-routes
  namespace: ingress
spec:
  http:
  - route:
    - destination: {host: shop.ingress.svc.cluster.local}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: apps
  namespace: apps
spec:
  hosts: [apps.example.com]
  gateways: [web-gateway, 'ingress/web-gateway']
  tcp:
  - match:
    - gateways: [ingress/web-gateway]
    route:
    - destination: {host: apps}
  http:
  - delegate: {name: shop-routes}
)";

} // namespace

class TestRenameResource : public QObject
{
    Q_OBJECT

private:
    Document m_doc;
    QByteArray m_text;
    int m_vs = -1;

private Q_SLOTS:
    void init()
    {
        m_text = readFile(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/routes.yaml"));
        QVERIFY(!m_text.isEmpty());
        load(m_doc, m_text, QStringLiteral("routes.yaml"));
        m_vs = idOf(m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(m_vs >= 0);
    }

    void rename()
    {
        QString error;
        auto cmd = RenameResource::create(&m_doc, m_vs, "reviews-v2", &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace(
            "  name: reviews\n  namespace: default\n", "  name: reviews-v2\n  namespace: default\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(m_doc.resource(m_vs)->name(), QStringLiteral("reviews-v2"));
    }
    void invalidName()
    {
        QString error;
        QVERIFY(!RenameResource::create(&m_doc, m_vs, "Bad_Name", &error));
        QVERIFY(error.contains("not a valid name"));
        // DNS-1123 subdomain: no empty label.
        QVERIFY(!RenameResource::create(&m_doc, m_vs, "reviews..v2", &error));
        QVERIFY(RenameResource::create(&m_doc, m_vs, "reviews.v2", &error));
    }

    // Rename with references (RenameWithReferences).
    void gatewayReferencesKeepTheirForm()
    {
        Document doc;
        load(doc, references);
        const int gateway = idOf(doc, ResourceKind::Gateway, "web-gateway");
        QString error;
        QList<RenameWithReferences::Reference> refs;
        QVERIFY(RenameWithReferences::references(&doc, gateway, "edge", &refs, &error));
        QCOMPARE(refs.size(), 6);
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(RenameWithReferences::push(&doc, gateway, "edge", &error), 6);
        QByteArray expected = references;
        expected.replace("  name: web-gateway\n", "  name: edge\n");
        expected.replace("  - web-gateway # bare", "  - edge # bare");
        expected.replace("  - \"ingress/web-gateway\"", "  - \"ingress/edge\"");
        expected.replace("[./web-gateway, other/web-gateway]", "[./edge, other/web-gateway]");
        expected.replace("      - web-gateway.ingress.svc", "      - edge.ingress.svc");
        // In namespace apps a bare name is apps/web-gateway: another gateway, kept.
        expected.replace("[web-gateway, 'ingress/web-gateway']", "[web-gateway, 'ingress/edge']");
        expected.replace("    - gateways: [ingress/web-gateway]", "    - gateways: [ingress/edge]");
        QCOMPARE(fileText(doc), expected);
        QVERIFY(doc.loadDiagnostics().isEmpty());
        // One undo step gives back every byte.
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.undoStack()->undoText().contains("6 references"));
        doc.undoStack()->undo();
        QCOMPARE(fileText(doc), references);
        doc.undoStack()->redo();
        QCOMPARE(fileText(doc), expected);
    }
    void dottedNewNameUsesNamespaceSlashName()
    {
        Document doc;
        load(doc, references);
        QString error;
        QCOMPARE(RenameWithReferences::push(
                     &doc, idOf(doc, ResourceKind::Gateway, "web-gateway"), "edge.v2", &error),
            6);
        QVERIFY(fileText(doc).contains("  - ingress/edge.v2 # bare"));
        QVERIFY(fileText(doc).contains("      - ingress/edge.v2\n    route:"));
    }
    void delegateReferences()
    {
        Document doc;
        load(doc, references);
        QString error;
        const int delegate = idOf(doc, ResourceKind::VirtualService, "shop-routes");
        QCOMPARE(RenameWithReferences::push(&doc, delegate, "shop-routes-v2", &error), 1);
        QByteArray expected = references;
        expected.replace("  name: shop-routes\n  namespace: ingress\nspec:",
            "  name: shop-routes-v2\n  namespace: ingress\nspec:");
        expected.replace("      name: shop-routes\n", "      name: shop-routes-v2\n");
        // {name: shop-routes} in namespace apps is apps/shop-routes: kept.
        QCOMPARE(fileText(doc), expected);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(fileText(doc), references);
    }
    void noReferencesIsAPlainRename()
    {
        Document doc;
        load(doc, references);
        QString error;
        QCOMPARE(RenameWithReferences::push(
                     &doc, idOf(doc, ResourceKind::VirtualService, "apps"), "apps-2", &error),
            0);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Rename VirtualService apps to apps-2"));
        // Refused: nothing pushed.
        QCOMPARE(RenameWithReferences::push(
                     &doc, idOf(doc, ResourceKind::Gateway, "web-gateway"), "Bad_Name", &error),
            -1);
        QVERIFY(error.contains("not a valid name"));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(RenameWithReferences::push(
                     &doc, idOf(doc, ResourceKind::VirtualService, "shop"), "shop-routes", &error),
            -1);
        QVERIFY(error.contains("already exists"));
        QCOMPARE(doc.undoStack()->count(), 1);
    }
    void referencesInOneListDocument()
    {
        // A `kind: List` holds the Gateway and the VirtualService in one YAML document.
        const QByteArray list
            = "apiVersion: v1\nkind: List\nitems:\n"
              "- apiVersion: networking.istio.io/v1\n  kind: Gateway\n  metadata:\n    name: gw\n"
              "  spec:\n    selector: {istio: ingressgateway}\n    servers:\n"
              "    - port: {number: 80, name: http, protocol: HTTP}\n      hosts: [\"*\"]\n"
              "- apiVersion: networking.istio.io/v1\n  kind: VirtualService\n  metadata:\n"
              "    name: vs\n  spec:\n    hosts: [a.example.com]\n    gateways: [gw]\n"
              "    http:\n    - route:\n      - destination: {host: a}\n";
        Document doc;
        load(doc, list);
        QString error;
        QCOMPARE(RenameWithReferences::push(&doc, idOf(doc, ResourceKind::Gateway, "gw"), "edge", &error), 1);
        QByteArray expected = list;
        expected.replace("    name: gw\n", "    name: edge\n").replace("gateways: [gw]", "gateways: [edge]");
        QCOMPARE(fileText(doc), expected);
        doc.undoStack()->undo();
        QCOMPARE(fileText(doc), list);
    }
    void gatewayApiGatewayRenamesItsParentRefs()
    {
        // Gateway infra/edge, and parentRefs that name it in every spelling, beside ones that do not:
        // another namespace, an Istio Gateway of the same name, a Service (a mesh parent).
        const QByteArray text
            = "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: edge\n"
              "  namespace: infra\nspec:\n  gatewayClassName: istio\n  listeners:\n"
              "  - {name: web, port: 80, protocol: HTTP}\n"
              "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: cart\n"
              "  namespace: infra\nspec:\n  parentRefs:\n  - name: edge # same namespace\n"
              "    sectionName: web\n  - {group: gateway.networking.k8s.io, kind: Gateway, name: edge}\n"
              "  - name: edge\n    namespace: other\n  - group: \"\"\n    kind: Service\n    name: edge\n"
              "  rules:\n  - backendRefs: [{name: cart, port: 80}]\n"
              "---\napiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata:\n  name: catalog\n"
              "  namespace: shop\nspec:\n  parentRefs: [{name: edge, namespace: infra}, {name: edge}]\n"
              "  rules:\n  - backendRefs: [{name: catalog, port: 9000}]\n";
        Document doc;
        load(doc, text);
        const int gateway = idOf(doc, ResourceKind::KubernetesGateway, "edge");
        QString error;
        QCOMPARE(RenameWithReferences::push(&doc, gateway, "public", &error), 3);
        QByteArray expected = text;
        expected.replace("  name: edge\n  namespace: infra\n", "  name: public\n  namespace: infra\n");
        expected.replace("  - name: edge # same namespace", "  - name: public # same namespace");
        expected.replace("kind: Gateway, name: edge}", "kind: Gateway, name: public}");
        expected.replace("[{name: edge, namespace: infra}, {name: edge}]",
            "[{name: public, namespace: infra}, {name: edge}]");
        QCOMPARE(fileText(doc), expected);
        QVERIFY(doc.loadDiagnostics().isEmpty());
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(doc.undoStack()->undoText().contains("3 references"));
        doc.undoStack()->undo();
        QCOMPARE(fileText(doc), text);
    }
};

QTEST_GUILESS_MAIN(TestRenameResource)
#include "tst_renameresource.moc"
