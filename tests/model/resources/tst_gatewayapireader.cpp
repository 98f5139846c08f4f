// The readers of the Gateway API kinds (gateway.networking.k8s.io): every
// field the model keeps is read with its line:column, the kind comes from the
// group and version, and what the CRDs (kubernetes-sigs/gateway-api v1.6.0,
// config/crd/standard/*.yaml) would refuse or prune is reported at its
// file:line:column while the rest of the object loads.
#include "inputfixtures.h"
#include "loader.h"
#include "resource.h"

#include <QtTest>

using namespace meshroute;

namespace {

const QString dataDir = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/");

// "line:column" of a value in its file.
QString at(const Resource &r, const SourcePos &p)
{
    if (!p.isValid())
        return QStringLiteral("(not written)");
    return QStringLiteral("%1:%2").arg(r.absoluteLine(p)).arg(r.absoluteColumn(p));
}

// "line:column" of the key of a mapping or list value.
QString keyAt(const Resource &r, const SourcePos &p)
{
    if (p.keyLine <= 0)
        return QStringLiteral("(no key)");
    return QStringLiteral("%1:%2").arg(r.baseLine + p.keyLine - 1).arg(p.keyColumn);
}

const Resource *find(const LoadResult &load, ResourceKind kind, const QString &name)
{
    for (const Resource &r : load.workspace.resources)
        if (r.kind == kind && r.name() == name)
            return &r;
    return nullptr;
}

} // namespace

#define COMPARE_FIELD(r, field, expectedValue, where)                                                        \
    do {                                                                                                     \
        QVERIFY2((field).present, #field " not read");                                                       \
        QCOMPARE((field).value, expectedValue);                                                              \
        QCOMPARE(at(r, (field).pos), QStringLiteral(where));                                                 \
    } while (false)

class TestGatewayApiReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gatewayListenersAndAddresses();
    void gatewayClassAndReferenceGrant();
    void httpRouteParentsAndMatches();
    void httpRouteFilters();
    void httpRouteBackendsTimeoutsAndRetry();
    void grpcTcpAndTlsRoutes();
    void kindsComeFromGroupAndVersion();
    void wrongTypesAndUnknownFields_data();
    void wrongTypesAndUnknownFields();
    void badFieldsLeaveTheRestLoaded();
};

void TestGatewayApiReader::gatewayListenersAndAddresses()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("gateway.yaml") });
    // infrastructure and status are in the CRD: kept without a warning.
    QVERIFY2(load.diagnostics.isEmpty(), qPrintable(meshroute::test::dump(load.diagnostics)));
    const Resource *r = find(load, ResourceKind::KubernetesGateway, QStringLiteral("shop"));
    QVERIFY(r);
    QCOMPARE(r->kindName.value, QStringLiteral("Gateway"));
    const KubernetesGateway *g = r->kubernetesGateway();
    QVERIFY(g);
    COMPARE_FIELD(*r, g->gatewayClassName, QStringLiteral("istio"), "9:21");
    QCOMPARE(g->listeners.size(), 2);
    const Listener &https = g->listeners[0];
    QCOMPARE(at(*r, https.pos), QStringLiteral("14:5"));
    COMPARE_FIELD(*r, https.name, QStringLiteral("https"), "14:11");
    COMPARE_FIELD(*r, https.hostname, QStringLiteral("*.shop.example"), "15:15");
    COMPARE_FIELD(*r, https.port, qint64(443), "16:11");
    COMPARE_FIELD(*r, https.protocol, QStringLiteral("HTTPS"), "17:15");
    QVERIFY(https.tls.present);
    QCOMPARE(keyAt(*r, https.tls.pos), QStringLiteral("18:5"));
    COMPARE_FIELD(*r, https.tls.mode, QStringLiteral("Terminate"), "19:13");
    QCOMPARE(https.tls.certificateRefs.size(), 1);
    const ObjectReference &cert = https.tls.certificateRefs[0];
    COMPARE_FIELD(*r, cert.kind, QStringLiteral("Secret"), "21:15");
    COMPARE_FIELD(*r, cert.group, QString(), "22:16"); // "" is written: the core group
    COMPARE_FIELD(*r, cert.name, QStringLiteral("shop-cert"), "23:15");
    COMPARE_FIELD(*r, cert.namespace_, QStringLiteral("certs"), "24:20");
    QCOMPARE(https.tls.options.size(), 1);
    QCOMPARE(https.tls.options[0].key, QStringLiteral("example.com/cipher"));
    QCOMPARE(https.tls.options[0].value, QStringLiteral("modern"));
    QCOMPARE(at(*r, https.tls.options[0].keyPos), QStringLiteral("26:9"));

    const AllowedRoutes &allowed = https.allowedRoutes;
    QVERIFY(allowed.present);
    QCOMPARE(keyAt(*r, allowed.pos), QStringLiteral("27:5"));
    COMPARE_FIELD(*r, allowed.namespacesFrom, QStringLiteral("Selector"), "29:15");
    QVERIFY(allowed.namespacesSelector.present);
    QCOMPARE(allowed.namespacesSelector.matchLabels.size(), 1);
    QCOMPARE(allowed.namespacesSelector.matchLabels[0].key, QStringLiteral("shop"));
    QCOMPARE(allowed.namespacesSelector.matchLabels[0].value, QStringLiteral("true"));
    QCOMPARE(at(*r, allowed.namespacesSelector.matchLabels[0].pos), QStringLiteral("32:13"));
    QCOMPARE(allowed.namespacesSelector.matchExpressions.size(), 1);
    const LabelSelectorRequirement &env = allowed.namespacesSelector.matchExpressions[0];
    COMPARE_FIELD(*r, env.key, QStringLiteral("env"), "34:18");
    COMPARE_FIELD(*r, env.operator_, QStringLiteral("In"), "35:23");
    QCOMPARE(env.values.size(), 2);
    COMPARE_FIELD(*r, env.values[0], QStringLiteral("prod"), "36:22");
    QCOMPARE(env.values[1].value, QStringLiteral("staging"));
    QCOMPARE(allowed.kinds.size(), 1);
    QCOMPARE(at(*r, allowed.kinds[0].pos), QStringLiteral("38:9"));
    COMPARE_FIELD(*r, allowed.kinds[0].group, QStringLiteral("gateway.networking.k8s.io"), "38:16");
    COMPARE_FIELD(*r, allowed.kinds[0].kind, QStringLiteral("HTTPRoute"), "39:15");

    const Listener &tcp = g->listeners[1];
    COMPARE_FIELD(*r, tcp.port, qint64(5432), "41:11");
    QVERIFY(!tcp.tls.present);
    QVERIFY(!tcp.allowedRoutes.present); // the CRD default (from Same) is not stored
    QVERIFY(!tcp.hostname.present);
    QCOMPARE(g->addresses.size(), 1);
    COMPARE_FIELD(*r, g->addresses[0].type, QStringLiteral("Hostname"), "44:11");
    COMPARE_FIELD(*r, g->addresses[0].value, QStringLiteral("shop-gw.edge.svc.cluster.local"), "45:12");
}

void TestGatewayApiReader::gatewayClassAndReferenceGrant()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("gateway.yaml") });
    const Resource *cls = find(load, ResourceKind::GatewayClass, QStringLiteral("istio"));
    QVERIFY(cls && cls->gatewayClass());
    COMPARE_FIELD(
        *cls, cls->gatewayClass()->controllerName, QStringLiteral("istio.io/gateway-controller"), "54:19");
    COMPARE_FIELD(
        *cls, cls->gatewayClass()->description, QStringLiteral("The Istio implementation"), "55:16");

    const Resource *grant = find(load, ResourceKind::ReferenceGrant, QStringLiteral("allow-edge"));
    QVERIFY(grant && grant->referenceGrant());
    QCOMPARE(grant->apiVersion.value, QStringLiteral("gateway.networking.k8s.io/v1beta1"));
    const ReferenceGrant &g = *grant->referenceGrant();
    QCOMPARE(g.from.size(), 1);
    COMPARE_FIELD(*grant, g.from[0].group, QStringLiteral("gateway.networking.k8s.io"), "68:12");
    COMPARE_FIELD(*grant, g.from[0].kind, QStringLiteral("Gateway"), "69:11");
    COMPARE_FIELD(*grant, g.from[0].namespace_, QStringLiteral("edge"), "70:16");
    QCOMPARE(g.to.size(), 2);
    COMPARE_FIELD(*grant, g.to[0].kind, QStringLiteral("Secret"), "73:11");
    COMPARE_FIELD(*grant, g.to[0].name, QStringLiteral("shop-cert"), "74:11");
    QCOMPARE(g.to[1].kind.value, QStringLiteral("Service"));
    QVERIFY(!g.to[1].name.present); // no name: every Service of the namespace
}

void TestGatewayApiReader::httpRouteParentsAndMatches()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("httproute.yaml") });
    QVERIFY2(load.diagnostics.isEmpty(), qPrintable(meshroute::test::dump(load.diagnostics)));
    const Resource *r = find(load, ResourceKind::HTTPRoute, QStringLiteral("shop"));
    QVERIFY(r && r->gatewayApiRoute());
    const GatewayApiRoute &route = *r->gatewayApiRoute();
    QCOMPARE(route.parentRefs.size(), 1);
    const ParentReference &parent = route.parentRefs[0];
    QCOMPARE(at(*r, parent.pos), QStringLiteral("11:5"));
    COMPARE_FIELD(*r, parent.group, QStringLiteral("gateway.networking.k8s.io"), "11:12");
    COMPARE_FIELD(*r, parent.kind, QStringLiteral("Gateway"), "12:11");
    COMPARE_FIELD(*r, parent.namespace_, QStringLiteral("edge"), "13:16");
    COMPARE_FIELD(*r, parent.name, QStringLiteral("shop"), "14:11");
    COMPARE_FIELD(*r, parent.sectionName, QStringLiteral("https"), "15:18");
    COMPARE_FIELD(*r, parent.port, qint64(443), "16:11");
    QCOMPARE(route.hostnames.size(), 2);
    COMPARE_FIELD(*r, route.hostnames[0], QStringLiteral("www.shop.example"), "18:5");
    COMPARE_FIELD(*r, route.hostnames[1], QStringLiteral("*.shop.example"), "19:5");

    QCOMPARE(route.rules.size(), 3);
    const RouteRule &cart = route.rules[0];
    QCOMPARE(at(*r, cart.pos), QStringLiteral("21:5"));
    COMPARE_FIELD(*r, cart.name, QStringLiteral("cart"), "21:11");
    QVERIFY(cart.matchesWritten);
    QCOMPARE(cart.matches.size(), 2);
    const RouteMatch &m = cart.matches[0];
    QVERIFY(m.path.present);
    QCOMPARE(keyAt(*r, m.path.pos), QStringLiteral("23:7"));
    COMPARE_FIELD(*r, m.path.type, QStringLiteral("PathPrefix"), "24:15");
    COMPARE_FIELD(*r, m.path.value, QStringLiteral("/cart"), "25:16");
    QCOMPARE(m.headers.size(), 1);
    COMPARE_FIELD(*r, m.headers[0].name, QStringLiteral("x-canary"), "27:15");
    COMPARE_FIELD(*r, m.headers[0].value, QStringLiteral("yes"), "28:16");
    COMPARE_FIELD(*r, m.headers[0].type, QStringLiteral("Exact"), "29:15");
    QCOMPARE(m.queryParams.size(), 1);
    COMPARE_FIELD(*r, m.queryParams[0].type, QStringLiteral("RegularExpression"), "31:15");
    COMPARE_FIELD(*r, m.queryParams[0].name, QStringLiteral("item"), "32:15");
    COMPARE_FIELD(*r, m.queryParams[0].value, QStringLiteral("[0-9]+"), "33:16");
    COMPARE_FIELD(*r, m.method, QStringLiteral("POST"), "34:15");
    QVERIFY(!m.grpcMethod.present);
    // A path with no type: the CRD default (PathPrefix) is the reader of the value's business.
    const RouteMatch &basket = cart.matches[1];
    QVERIFY(basket.path.present && !basket.path.type.present);
    COMPARE_FIELD(*r, basket.path.value, QStringLiteral("/basket"), "35:21");

    // A rule with no matches: not written, so the CRD default applies, not an empty list.
    QVERIFY(!route.rules[1].matchesWritten);
    QVERIFY(route.rules[1].matches.isEmpty());
    QVERIFY(!route.rules[1].backendRefsWritten);
    // `backendRefs: []` is written, and empty.
    QVERIFY(route.rules[2].backendRefsWritten);
    QVERIFY(route.rules[2].backendRefs.isEmpty());
}

void TestGatewayApiReader::httpRouteFilters()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("httproute.yaml") });
    const Resource *r = find(load, ResourceKind::HTTPRoute, QStringLiteral("shop"));
    QVERIFY(r && r->gatewayApiRoute());
    const QList<RouteFilter> &f = r->gatewayApiRoute()->rules[0].filters;
    QCOMPARE(f.size(), 4);
    COMPARE_FIELD(*r, f[0].type, QStringLiteral("RequestHeaderModifier"), "37:13");
    const HeaderModifier &req = f[0].requestHeaderModifier;
    QVERIFY(req.present);
    QCOMPARE(req.set.size(), 1);
    COMPARE_FIELD(*r, req.set[0].name, QStringLiteral("x-shop"), "40:17");
    COMPARE_FIELD(*r, req.set[0].value, QStringLiteral("cart"), "41:18");
    QCOMPARE(req.add.size(), 1);
    COMPARE_FIELD(*r, req.add[0].name, QStringLiteral("x-trace"), "43:18");
    COMPARE_FIELD(*r, req.add[0].value, QStringLiteral("on"), "43:34");
    QCOMPARE(req.remove.size(), 1);
    COMPARE_FIELD(*r, req.remove[0], QStringLiteral("x-debug"), "44:18");
    QVERIFY(!f[0].responseHeaderModifier.present);
    COMPARE_FIELD(*r, f[1].responseHeaderModifier.remove.value(0), QStringLiteral("server"), "47:18");

    const RequestMirror &mirror = f[2].requestMirror;
    QVERIFY(mirror.present);
    QCOMPARE(keyAt(*r, mirror.pos), QStringLiteral("49:7"));
    COMPARE_FIELD(*r, mirror.backendRef.name, QStringLiteral("cart-shadow"), "51:17");
    COMPARE_FIELD(*r, mirror.backendRef.port, qint64(8080), "52:17");
    COMPARE_FIELD(*r, mirror.fractionNumerator, qint64(1), "54:22");
    COMPARE_FIELD(*r, mirror.fractionDenominator, qint64(4), "55:24");
    QVERIFY(!mirror.percent.present);

    const HttpCorsFilter &cors = f[3].cors;
    QVERIFY(cors.present);
    COMPARE_FIELD(*r, cors.allowOrigins.value(0), QStringLiteral("https://*.shop.example"), "58:24");
    QCOMPARE(cors.allowMethods.size(), 2);
    COMPARE_FIELD(*r, cors.allowMethods[0], QStringLiteral("GET"), "59:24");
    COMPARE_FIELD(*r, cors.allowHeaders.value(0), QStringLiteral("x-shop"), "60:24");
    COMPARE_FIELD(*r, cors.exposeHeaders.value(0), QStringLiteral("x-cart"), "61:25");
    COMPARE_FIELD(*r, cors.allowCredentials, true, "62:27");
    COMPARE_FIELD(*r, cors.maxAge, qint64(600), "63:17");

    const RequestRedirect &redirect = r->gatewayApiRoute()->rules[1].filters.value(0).requestRedirect;
    QVERIFY(redirect.present);
    COMPARE_FIELD(*r, redirect.scheme, QStringLiteral("https"), "90:17");
    COMPARE_FIELD(*r, redirect.hostname, QStringLiteral("shop.example"), "91:19");
    QVERIFY(redirect.path.present);
    COMPARE_FIELD(*r, redirect.path.type, QStringLiteral("ReplaceFullPath"), "93:17");
    COMPARE_FIELD(*r, redirect.path.replaceFullPath, QStringLiteral("/moved"), "94:28");
    COMPARE_FIELD(*r, redirect.port, qint64(443), "95:15");
    COMPARE_FIELD(*r, redirect.statusCode, qint64(301), "96:21");

    const QList<RouteFilter> &old = r->gatewayApiRoute()->rules[2].filters;
    QCOMPARE(old.size(), 3);
    const UrlRewrite &rewrite = old[0].urlRewrite;
    QVERIFY(rewrite.present);
    COMPARE_FIELD(*r, rewrite.hostname, QStringLiteral("new.shop.example"), "104:19");
    COMPARE_FIELD(*r, rewrite.path.type, QStringLiteral("ReplacePrefixMatch"), "106:17");
    COMPARE_FIELD(*r, rewrite.path.replacePrefixMatch, QStringLiteral("/new"), "107:31");
    COMPARE_FIELD(*r, old[1].extensionRef.group, QStringLiteral("example.com"), "110:16");
    COMPARE_FIELD(*r, old[1].extensionRef.kind, QStringLiteral("Policy"), "111:15");
    COMPARE_FIELD(*r, old[1].extensionRef.name, QStringLiteral("strict"), "112:15");
    COMPARE_FIELD(*r, old[2].requestMirror.backendRef.name, QStringLiteral("audit"), "116:17");
    COMPARE_FIELD(*r, old[2].requestMirror.percent, qint64(25), "118:18");
}

void TestGatewayApiReader::httpRouteBackendsTimeoutsAndRetry()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("httproute.yaml") });
    const Resource *r = find(load, ResourceKind::HTTPRoute, QStringLiteral("shop"));
    QVERIFY(r && r->gatewayApiRoute());
    const RouteRule &cart = r->gatewayApiRoute()->rules[0];
    QVERIFY(cart.backendRefsWritten);
    QCOMPARE(cart.backendRefs.size(), 2);
    const BackendRef &stable = cart.backendRefs[0];
    QCOMPARE(at(*r, stable.pos), QStringLiteral("65:7"));
    COMPARE_FIELD(*r, stable.ref.name, QStringLiteral("cart"), "65:13");
    COMPARE_FIELD(*r, stable.ref.port, qint64(8080), "66:13");
    COMPARE_FIELD(*r, stable.weight, qint64(90), "67:15");
    QVERIFY(!stable.ref.kind.present); // default Service, applied by whoever interprets it
    const BackendRef &canary = cart.backendRefs[1];
    COMPARE_FIELD(*r, canary.ref.group, QString(), "68:14");
    COMPARE_FIELD(*r, canary.ref.kind, QStringLiteral("Service"), "69:13");
    COMPARE_FIELD(*r, canary.ref.name, QStringLiteral("cart-canary"), "70:13");
    COMPARE_FIELD(*r, canary.ref.namespace_, QStringLiteral("web"), "71:18");
    COMPARE_FIELD(*r, canary.weight, qint64(10), "73:15");
    QCOMPARE(canary.filters.size(), 1);
    COMPARE_FIELD(
        *r, canary.filters[0].requestHeaderModifier.set.value(0).name, QStringLiteral("x-canary"), "78:19");
    COMPARE_FIELD(
        *r, canary.filters[0].requestHeaderModifier.set.value(0).value, QStringLiteral("true"), "79:20");

    QVERIFY(cart.timeouts.present);
    QCOMPARE(keyAt(*r, cart.timeouts.pos), QStringLiteral("80:5"));
    COMPARE_FIELD(*r, cart.timeouts.request, QStringLiteral("10s"), "81:16");
    COMPARE_FIELD(*r, cart.timeouts.backendRequest, QStringLiteral("2s"), "82:23");
    QVERIFY(cart.retry.present);
    QCOMPARE(keyAt(*r, cart.retry.pos), QStringLiteral("83:5"));
    QCOMPARE(cart.retry.codes.size(), 2);
    COMPARE_FIELD(*r, cart.retry.codes[0], qint64(502), "84:15");
    COMPARE_FIELD(*r, cart.retry.codes[1], qint64(503), "84:20");
    COMPARE_FIELD(*r, cart.retry.attempts, qint64(3), "85:17");
    COMPARE_FIELD(*r, cart.retry.backoff, QStringLiteral("100ms"), "86:16");
    QVERIFY(!r->gatewayApiRoute()->rules[1].timeouts.present);
}

void TestGatewayApiReader::grpcTcpAndTlsRoutes()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("grpc-tcp-tls.yaml") });
    QVERIFY2(load.diagnostics.isEmpty(), qPrintable(meshroute::test::dump(load.diagnostics)));
    const Resource *grpc = find(load, ResourceKind::GRPCRoute, QStringLiteral("catalog"));
    QVERIFY(grpc && grpc->gatewayApiRoute());
    const GatewayApiRoute &g = *grpc->gatewayApiRoute();
    COMPARE_FIELD(*grpc, g.hostnames.value(0), QStringLiteral("grpc.shop.example"), "12:15");
    QCOMPARE(g.rules.size(), 2);
    const RouteMatch &m = g.rules[0].matches.value(0);
    QVERIFY(m.grpcMethod.present);
    QVERIFY(!m.path.present && !m.method.present); // `method` is the gRPC method object here
    COMPARE_FIELD(*grpc, m.grpcMethod.type, QStringLiteral("Exact"), "16:15");
    COMPARE_FIELD(*grpc, m.grpcMethod.service, QStringLiteral("shop.Catalog"), "17:18");
    COMPARE_FIELD(*grpc, m.grpcMethod.method, QStringLiteral("List"), "18:17");
    COMPARE_FIELD(*grpc, m.headers.value(0).name, QStringLiteral("x-tenant"), "20:15");
    COMPARE_FIELD(*grpc, g.rules[0].filters.value(0).responseHeaderModifier.add.value(0).value,
        QStringLiteral("catalog"), "27:18");
    COMPARE_FIELD(*grpc, g.rules[0].backendRefs.value(0).weight, qint64(3), "31:15");
    QVERIFY(!g.rules[1].matches.value(0).grpcMethod.method.present);
    COMPARE_FIELD(
        *grpc, g.rules[1].matches.value(0).grpcMethod.service, QStringLiteral("shop.Admin"), "34:18");

    const Resource *tcp = find(load, ResourceKind::TCPRoute, QStringLiteral("db"));
    QVERIFY(tcp && tcp->gatewayApiRoute());
    QCOMPARE(tcp->apiVersion.value, QStringLiteral("gateway.networking.k8s.io/v1alpha2"));
    COMPARE_FIELD(
        *tcp, tcp->gatewayApiRoute()->parentRefs.value(0).sectionName, QStringLiteral("tcp"), "48:18");
    const QList<BackendRef> &dbs = tcp->gatewayApiRoute()->rules.value(0).backendRefs;
    QCOMPARE(dbs.size(), 2);
    COMPARE_FIELD(*tcp, dbs[1].ref.name, QStringLiteral("postgres-replica"), "54:13");
    COMPARE_FIELD(*tcp, dbs[1].weight, qint64(0), "56:15");

    const Resource *tls = find(load, ResourceKind::TLSRoute, QStringLiteral("passthrough"));
    QVERIFY(tls && tls->gatewayApiRoute());
    QCOMPARE(tls->apiVersion.value, QStringLiteral("gateway.networking.k8s.io/v1alpha3"));
    COMPARE_FIELD(
        *tls, tls->gatewayApiRoute()->hostnames.value(0), QStringLiteral("db.shop.example"), "67:15");
    COMPARE_FIELD(*tls, tls->gatewayApiRoute()->rules.value(0).name, QStringLiteral("db"), "69:11");
}

void TestGatewayApiReader::kindsComeFromGroupAndVersion()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("mixed-gateways.yaml") });
    QVERIFY2(load.diagnostics.isEmpty(), qPrintable(meshroute::test::dump(load.diagnostics)));
    QList<ResourceKind> kinds;
    for (const Resource &r : load.workspace.resources)
        kinds.append(r.kind);
    const QList<ResourceKind> expected { ResourceKind::Gateway, ResourceKind::KubernetesGateway,
        ResourceKind::HTTPRoute, ResourceKind::Other };
    QCOMPARE(kinds, expected);
    const Resource &istio = load.workspace.resources[0];
    const Resource &k8s = load.workspace.resources[1];
    QVERIFY(istio.gateway() && !istio.kubernetesGateway());
    QVERIFY(k8s.kubernetesGateway() && !k8s.gateway());
    QCOMPARE(istio.kindName.value, k8s.kindName.value); // both say "Gateway"
    COMPARE_FIELD(k8s, k8s.kubernetesGateway()->listeners.value(0).port, qint64(80), "23:11");
    // v1beta1 is served by the v1.6 CRDs and read the same way.
    const Resource &route = load.workspace.resources[2];
    QCOMPARE(route.apiVersion.value, QStringLiteral("gateway.networking.k8s.io/v1beta1"));
    COMPARE_FIELD(route, route.gatewayApiRoute()->rules.value(0).backendRefs.value(0).ref.name,
        QStringLiteral("web"), "35:13");
}

void TestGatewayApiReader::wrongTypesAndUnknownFields_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("path");
    // Types from the CRDs' openAPIV3Schema (port, weight: integer int32; hostnames: array;
    // gatewayClassName: string; requestMirror: object); a key the schema does not list is pruned.
    QTest::newRow("parentRef port is an integer") << "MR0002" << 11 << 11 << "spec.parentRefs[0].port";
    QTest::newRow("hostnames is a list") << "MR0002" << 12 << 14 << "spec.hostnames";
    QTest::newRow("header is not a match field") << "MR0003" << 18 << 7 << "spec.rules[0].matches[0].header";
    QTest::newRow("weight quoted") << "MR0002" << 23 << 15 << "spec.rules[0].backendRefs[0].weight";
    QTest::newRow("weight past int32") << "MR0002" << 25 << 15 << "spec.rules[0].backendRefs[1].weight";
    QTest::newRow("wieght") << "MR0003" << 27 << 7 << "spec.rules[0].backendRefs[2].wieght";
    QTest::newRow("requestMirror is a mapping")
        << "MR0002" << 32 << 24 << "spec.rules[1].backendRefs[0].filters[0].requestMirror";
    QTest::newRow("gatewayClassName is a string") << "MR0002" << 39 << 21 << "spec.gatewayClassName";
    QTest::newRow("listener port quoted") << "MR0002" << 42 << 11 << "spec.listeners[0].port";
    QTest::newRow("selecter") << "MR0003" << 47 << 9 << "spec.listeners[0].allowedRoutes.namespaces.selecter";
    QTest::newRow("routing") << "MR0003" << 49 << 3 << "spec.routing";
    QTest::newRow("GRPCRoute match has no path") << "MR0003" << 58 << 7 << "spec.rules[0].matches[0].path";
    QTest::newRow("GRPCRoute filter has no redirect")
        << "MR0003" << 61 << 7 << "spec.rules[0].filters[0].requestRedirect";
    QTest::newRow("GRPCRoute rule has no timeouts") << "MR0003" << 62 << 5 << "spec.rules[1].timeouts";
    QTest::newRow("TCPRoute has no hostnames") << "MR0003" << 69 << 3 << "spec.hostnames";
    QTest::newRow("TCPRoute rule has no matches") << "MR0003" << 71 << 5 << "spec.rules[0].matches";
    QTest::newRow("TCPRoute backendRef has no filters")
        << "MR0003" << 75 << 7 << "spec.rules[0].backendRefs[0].filters";
}

void TestGatewayApiReader::wrongTypesAndUnknownFields()
{
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, path);
    const QString file = dataDir + QStringLiteral("bad-fields.yaml");
    const LoadResult load = Loader::loadPaths({ file });
    const Diagnostics &ds = load.diagnostics;
    const auto it = std::find_if(
        ds.begin(), ds.end(), [&](const Diagnostic &d) { return d.path == path && d.line == line; });
    QVERIFY2(it != ds.end(),
        qPrintable(path + QStringLiteral(" not reported; got:\n") + meshroute::test::dump(ds)));
    QCOMPARE(it->code, code);
    QCOMPARE(it->file, file);
    QCOMPARE(it->line, line);
    QCOMPARE(it->column, column);
    QCOMPARE(it->severity,
        code == QLatin1String("MR0002") ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning);
    // file:line:column as check prints it
    QVERIFY2(it->toText().startsWith(QStringLiteral("%1:%2:%3:").arg(file).arg(line).arg(column)),
        qPrintable(it->toText()));
}

void TestGatewayApiReader::badFieldsLeaveTheRestLoaded()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("bad-fields.yaml") });
    QCOMPARE(load.diagnostics.size(), 17); // the rows above, and nothing else
    const Resource *route = find(load, ResourceKind::HTTPRoute, QStringLiteral("broken"));
    QVERIFY(route && route->gatewayApiRoute());
    const RouteRule &rule = route->gatewayApiRoute()->rules.value(0);
    QCOMPARE(rule.backendRefs.size(), 3);
    QVERIFY(!rule.backendRefs[0].weight.present); // "50" is not taken for 50
    QCOMPARE(rule.backendRefs[1].weight.value, qint64(3000000000)); // kept as written, never wrapped
    QCOMPARE(rule.matches.value(0).path.value.value, QStringLiteral("/a"));
    QCOMPARE(route->gatewayApiRoute()->parentRefs.value(0).name.value, QStringLiteral("shop"));
    const Resource *gw = find(load, ResourceKind::KubernetesGateway, QStringLiteral("shop"));
    QVERIFY(gw && gw->kubernetesGateway());
    QCOMPARE(gw->kubernetesGateway()->listeners.value(0).allowedRoutes.namespacesFrom.value,
        QStringLiteral("All"));
    QVERIFY(find(load, ResourceKind::GRPCRoute, QStringLiteral("grpc")));
    QCOMPARE(find(load, ResourceKind::TCPRoute, QStringLiteral("tcp"))
                 ->gatewayApiRoute()
                 ->rules.value(0)
                 .backendRefs.size(),
        1);
}

QTEST_GUILESS_MAIN(TestGatewayApiReader)
#include "tst_gatewayapireader.moc"
