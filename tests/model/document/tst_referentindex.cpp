// ReferentIndex: the names Gateway API references resolve by (parentRef Gateway, Service,
// ServiceEntry; backendRef Service; allowedRoutes Namespace), kept by the graph across edits.
// What matters is that it is never kept when an edit made it wrong: each case makes a real
// edit through Document and asks survives() with the ids the edit reported.
#include "document.h"
#include "loader.h"
#include "referentindex.h"
#include "replacefiletext.h"
#include "undostack.h"

#include <QSignalSpy>
#include <QtTest>

using namespace meshroute;

namespace {

const QByteArray routeDoc = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                            "metadata: {name: cart, namespace: shop}\n"
                            "spec:\n  parentRefs: [{name: edge}]\n"
                            "  rules:\n  - backendRefs: [{name: cart, port: 80, weight: 90}]\n";
const QByteArray serviceDoc = "apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\n"
                              "spec:\n  ports: [{port: 80}]\n";
const QByteArray text = routeDoc + "---\n" + serviceDoc
    + "---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
      "metadata: {name: edge, namespace: shop}\n"
      "spec:\n  gatewayClassName: istio\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n"
      "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
      "metadata: {name: payments, namespace: shop}\nspec:\n  hosts: [pay.example.com]\n"
      "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: a}}\n"
      "---\napiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\n"
      "spec:\n  ports: [{port: 9090}]\n" // a second of the same name: the first is the one found
      "---\napiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\n"
      "metadata: {name: from-web, namespace: shop}\n"
      "spec:\n  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web}]\n"
      "  to: [{group: \"\", kind: Service}]\n";

void load(Document &doc, const QByteArray &yaml)
{
    LoadResult result;
    Loader::addFile(result, QStringLiteral("shop.yaml"), yaml, {});
    doc.setLoadResult(std::move(result));
}

// The ids the last change reported, as a view receives them.
QList<int> changedIds(const QSignalSpy &spy)
{
    return spy.last().at(0).value<ChangeEvent>().resourceIds;
}

int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    const Resource *r = doc.workspace().find(kind, QStringLiteral("shop"), name);
    return r ? r->id : -1;
}

} // namespace

class TestReferentIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEachKindByNamespaceAndName()
    {
        Document doc;
        load(doc, text);
        const Workspace &ws = doc.workspace();
        const ReferentIndex index(ws);
        const Resource *svc = index.find(ws, ReferentIndex::Kind::Service, "shop", "cart");
        QVERIFY(svc);
        QCOMPARE(svc->service()->ports.first().port.value, 80); // the first of the two
        QVERIFY(index.find(ws, ReferentIndex::Kind::Gateway, "shop", "edge")->kubernetesGateway());
        QVERIFY(index.find(ws, ReferentIndex::Kind::ServiceEntry, "shop", "payments")->serviceEntry());
        QCOMPARE(index.find(ws, ReferentIndex::Kind::Namespace, {}, "shop")->kindName.value, "Namespace");
        const QList<const Resource *> grants = index.referenceGrantsIn(ws, "shop");
        QCOMPARE(grants.size(), 1);
        QCOMPARE(grants.first()->name(), QStringLiteral("from-web"));
        QVERIFY(index.referenceGrantsIn(ws, "web").isEmpty());
        // The kinds are kept apart: an HTTPRoute named cart is not a Service, nor a Gateway "cart".
        QVERIFY(!index.find(ws, ReferentIndex::Kind::Gateway, "shop", "cart"));
        QVERIFY(!index.find(ws, ReferentIndex::Kind::Service, "default", "cart"));
    }

    void survivesAnEditOfARoute()
    {
        Document doc;
        load(doc, text);
        const ReferentIndex index(doc.workspace());
        QSignalSpy spy(&doc, &Document::changed);
        QByteArray edited = routeDoc;
        edited.replace("weight: 90", "weight: 40");
        doc.replaceDocumentText(0, 0, edited);
        QCOMPARE(changedIds(spy), QList<int> { idOf(doc, ResourceKind::HTTPRoute, "cart") });
        QVERIFY(index.survives(doc.workspace(), changedIds(spy)));
        // and still finds what it found, in the edited workspace
        const Resource *svc = index.find(doc.workspace(), ReferentIndex::Kind::Service, "shop", "cart");
        QCOMPARE(svc, doc.workspace().find(ResourceKind::Service, "shop", "cart"));
    }

    void dropsWhenAnIndexedObjectChanges()
    {
        Document doc;
        load(doc, text);
        const ReferentIndex index(doc.workspace());
        QSignalSpy spy(&doc, &Document::changed);
        QByteArray renamed = serviceDoc;
        renamed.replace("name: cart", "name: basket");
        doc.replaceDocumentText(0, 1, renamed);
        QVERIFY(!index.survives(doc.workspace(), changedIds(spy)));
        // A new index finds the new name and, for cart, the second Service.
        const ReferentIndex fresh(doc.workspace());
        QVERIFY(fresh.find(doc.workspace(), ReferentIndex::Kind::Service, "shop", "basket"));
        QCOMPARE(fresh.find(doc.workspace(), ReferentIndex::Kind::Service, "shop", "cart")
                     ->service()
                     ->ports.first()
                     .port.value,
            9090);
    }

    void dropsWhenAGrantChanges()
    {
        Document doc;
        load(doc, text);
        const ReferentIndex index(doc.workspace());
        QSignalSpy spy(&doc, &Document::changed);
        const Resource *grant = doc.workspace().find(ResourceKind::ReferenceGrant, "shop", "from-web");
        QByteArray edited = doc.documentText(grant->fileIndex, grant->documentIndex);
        edited.replace("namespace: web", "namespace: api");
        doc.replaceDocumentText(grant->fileIndex, grant->documentIndex, edited);
        QVERIFY(!index.survives(doc.workspace(), changedIds(spy)));
    }

    void dropsWhenAnEditMakesOne()
    {
        Document doc;
        load(doc, text);
        const ReferentIndex index(doc.workspace());
        QSignalSpy spy(&doc, &Document::changed);
        QByteArray namespaceNow = "apiVersion: v1\nkind: Namespace\nmetadata: {name: billing}\n";
        doc.replaceDocumentText(0, 0, namespaceNow); // the route's document becomes a Namespace
        QVERIFY(!index.survives(doc.workspace(), changedIds(spy)));
    }

    void dropsWhenResourcesMove()
    {
        Document doc;
        load(doc, text);
        const ReferentIndex index(doc.workspace());
        QSignalSpy spy(&doc, &Document::changed);
        // A resource added before the Services: their positions shift though none changed.
        const QByteArray added
            = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: shop}\n---\n" + text;
        doc.undoStack()->push(new ReplaceFileText(&doc, 0, text, added, QStringLiteral("Add")));
        QVERIFY(!index.survives(doc.workspace(), changedIds(spy)));
        // The same count and no indexed object among the changed, but moved (as an edit of two
        // documents could leave them): the positions no longer hold what was indexed.
        const Workspace ws = Loader::loadText(text, QStringLiteral("shop.yaml")).workspace;
        const ReferentIndex original(ws);
        Workspace moved = ws;
        moved.resources.move(0, moved.resources.size() - 1); // the HTTPRoute goes last
        QVERIFY(!original.survives(moved, {}));
        QVERIFY(original.survives(ws, {}));
    }
};

QTEST_GUILESS_MAIN(TestReferentIndex)
#include "tst_referentindex.moc"
