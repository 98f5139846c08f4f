// Sample requests: parsing into the router's Request, the side file's
// round trip, and the default set for Bookinfo routed where the lesson says.
#include "corpus.h"
#include "loader.h"
#include "request.h"
#include "router.h"
#include "samplerequest.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;

namespace {

QString bookinfoPath()
{
    return QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
}

} // namespace

class TestSampleRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toRequestFromGateway()
    {
        SampleRequest s;
        s.method = QStringLiteral("POST");
        s.url = QStringLiteral("http://bookinfo.app/login?next=%2F");
        s.headers = { QStringLiteral("X-User: qa"), QStringLiteral("x-user: dev") };
        s.gateway = QStringLiteral("default/bookinfo-gateway");
        Request r;
        QString error;
        QVERIFY2(s.toRequest(&r, &error), qPrintable(error));
        QCOMPARE(r.method(), std::string_view("POST"));
        QCOMPARE(r.host(), std::string_view("bookinfo.app"));
        QCOMPARE(r.pathWithoutQuery(), std::string_view("/login"));
        QCOMPARE(r.port(), 80);
        QVERIFY(r.fromGateway());
        QCOMPARE(*r.header("x-user"), std::string("qa,dev"));
    }

    void toRequestFromSidecar()
    {
        SampleRequest s;
        s.url = QStringLiteral("http://reviews:9080/reviews/0");
        s.sourceLabels = QStringLiteral("app=productpage, version=v1");
        s.sourceNamespace = QStringLiteral("default");
        Request r;
        QVERIFY(s.toRequest(&r));
        QVERIFY(!r.fromGateway());
        QCOMPARE(r.port(), 9080);
        QCOMPARE(r.sourceLabels().size(), 2);
        QCOMPARE(r.sourceLabels()[1].value, QStringLiteral("v1"));
    }

    void badFieldsAreErrors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("labels");
        QTest::newRow("relative url") << "productpage"
                                      << ""
                                      << ""
                                      << "";
        QTest::newRow("header without colon") << "/x"
                                              << "end-user jason"
                                              << ""
                                              << "";
        QTest::newRow("gateway without namespace") << "/x"
                                                   << ""
                                                   << "bookinfo-gateway"
                                                   << "";
        QTest::newRow("label without =") << "/x"
                                         << ""
                                         << ""
                                         << "app";
    }
    void badFieldsAreErrors()
    {
        QFETCH(QString, url);
        QFETCH(QString, header);
        QFETCH(QString, gateway);
        QFETCH(QString, labels);
        SampleRequest s;
        s.url = url;
        if (!header.isEmpty())
            s.headers << header;
        s.gateway = gateway;
        s.sourceLabels = labels;
        Request r;
        QString error;
        QVERIFY(!s.toRequest(&r, &error));
        QVERIFY(!error.isEmpty());
    }

    void senderTextRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("ns");
        QTest::newRow("gateway") << "gateway default/bookinfo-gateway"
                                 << "default/bookinfo-gateway"
                                 << ""
                                 << "";
        QTest::newRow("sidecar with labels") << "sidecar default {app=productpage,version=v1}"
                                             << ""
                                             << "app=productpage,version=v1"
                                             << "default";
        QTest::newRow("sidecar in a namespace") << "sidecar shop"
                                                << ""
                                                << ""
                                                << "shop";
    }
    void senderTextRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QString, gateway);
        QFETCH(QString, labels);
        QFETCH(QString, ns);
        SampleRequest s;
        QVERIFY(s.setSenderText(text));
        QCOMPARE(s.gateway, gateway);
        QCOMPARE(s.sourceLabels, labels);
        QCOMPARE(s.sourceNamespace, ns);
        QCOMPARE(s.senderText(), text);
    }

    void senderTextRejectsGarbage()
    {
        SampleRequest s;
        s.gateway = QStringLiteral("a/b");
        QString error;
        QVERIFY(!s.setSenderText(QStringLiteral("from somewhere"), &error));
        QVERIFY(error.contains(QStringLiteral("gateway NS/NAME")));
        QCOMPARE(s.gateway, QStringLiteral("a/b")); // unchanged on error
    }

    void sideFileIsNextToTheFirstFile()
    {
        QCOMPARE(SampleRequest::sideFilePath(
                     { QStringLiteral("/w/bookinfo.yaml"), QStringLiteral("/w/more.yaml") }),
            QStringLiteral("/w/bookinfo.yaml.meshroute-requests.yaml"));
        QVERIFY(SampleRequest::sideFilePath({ QStringLiteral("-") }).isEmpty());
        QVERIFY(SampleRequest::sideFilePath({}).isEmpty());
    }

    void saveAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        QList<SampleRequest> samples = SampleRequest::bookinfoDefaults();
        samples[0].port = 8080;
        samples[1].headers << QStringLiteral("x-quoted: \"a: b\" # not a comment");
        const QString path = dir.filePath(QStringLiteral("bookinfo.yaml.meshroute-requests.yaml"));
        QString error;
        QVERIFY2(SampleRequest::save(path, samples, &error), qPrintable(error));
        QList<SampleRequest> back;
        QVERIFY2(SampleRequest::load(path, &back, &error), qPrintable(error));
        QCOMPARE(back.size(), samples.size());
        for (int i = 0; i < samples.size(); ++i)
            QVERIFY2(back[i] == samples[i], qPrintable(samples[i].name));
        // The side file is never mistaken for a manifest with resources.
        const LoadResult asManifest = Loader::loadPaths({ path });
        QVERIFY(asManifest.workspace.resources.isEmpty());
    }

    void loadAcceptsMapsForHeadersAndLabels()
    {
        const QByteArray text = "requests:\n"
                                "- name: jason\n"
                                "  request: GET http://reviews:9080/reviews/1\n"
                                "  headers: {end-user: jason}\n"
                                "  sourceLabels: {app: productpage}\n";
        QList<SampleRequest> samples;
        QString error;
        QVERIFY2(SampleRequest::fromYaml(text, &samples, &error), qPrintable(error));
        QCOMPARE(samples.size(), 1);
        QCOMPARE(samples[0].headers, QStringList { QStringLiteral("end-user: jason") });
        QCOMPARE(samples[0].sourceLabels, QStringLiteral("app=productpage"));
        QCOMPARE(samples[0].method, QStringLiteral("GET"));
    }

    void loadReportsBadFiles()
    {
        QList<SampleRequest> samples;
        QString error;
        QVERIFY(!SampleRequest::fromYaml("requests: [1, 2]\n", &samples, &error));
        QVERIFY(error.contains(QStringLiteral("mapping")));
        QVERIFY(!SampleRequest::fromYaml("apiVersion: v1\nkind: Service\n", &samples, &error));
        QVERIFY(!SampleRequest::fromYaml("requests: [\n", &samples, &error));
    }

    // The lesson's requests go where the lesson says.
    void bookinfoDefaultsRoute()
    {
        const LoadResult loaded = Loader::loadPaths({ bookinfoPath() });
        const QList<SampleRequest> samples = SampleRequest::defaults(loaded.workspace);
        QCOMPARE(samples, SampleRequest::bookinfoDefaults());
        const Router router(RouteTable::compile(loaded.workspace));
        QStringList urls;
        for (const SampleRequest &s : samples)
            urls << s.url;
        for (const char *path : { "/productpage", "/static/", "/login", "/logout", "/api/v1/products/" })
            QVERIFY2(urls.join(QLatin1Char(' ')).contains(QLatin1String(path)), path);
        int jason = 0;
        for (const SampleRequest &s : samples) {
            Request r;
            QString error;
            QVERIFY2(s.toRequest(&r, &error), qPrintable(error));
            const RouteResult result = router.route(r);
            if (s.url.contains(QLatin1String("/admin"))) {
                QCOMPARE(result.status, RouteResult::Status::NoRoute);
                continue;
            }
            QCOMPARE(result.status, RouteResult::Status::Routed);
            if (s.url.contains(QLatin1String("//reviews:9080"))) {
                QCOMPARE(result.virtualService, QStringLiteral("default/reviews"));
                QCOMPARE(result.destinations.size(), 2);
                QCOMPARE(result.destinations[1].share, 1.0);
                jason += s.headers.contains(QStringLiteral("end-user: jason"));
            } else {
                QCOMPARE(result.virtualService, QStringLiteral("default/bookinfo"));
                QCOMPARE(result.destinations[0].cluster,
                    QStringLiteral("outbound|9080||productpage.default.svc.cluster.local"));
            }
        }
        QCOMPARE(jason, 1);
    }

    void genericDefaultsCoverEveryHost()
    {
        const QByteArray yaml
            = "apiVersion: networking.istio.io/v1\n"
              "kind: Gateway\n"
              "metadata: {name: edge, namespace: web}\n"
              "spec:\n"
              "  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]\n"
              "---\n"
              "apiVersion: networking.istio.io/v1\n"
              "kind: VirtualService\n"
              "metadata: {name: shop, namespace: web}\n"
              "spec:\n"
              "  hosts: [shop.example.com]\n"
              "  gateways: [edge, mesh]\n"
              "  http:\n"
              "  - match: [{uri: {prefix: /cart}}, {uri: {exact: /}}]\n"
              "    route: [{destination: {host: cart}}]\n";
        const LoadResult loaded = Loader::loadText(yaml);
        const QList<SampleRequest> samples = SampleRequest::defaults(loaded.workspace);
        QCOMPARE(samples.size(), 3);
        QCOMPARE(samples[0].url, QStringLiteral("http://shop.example.com/cart/"));
        QCOMPARE(samples[0].gateway, QStringLiteral("web/edge"));
        QCOMPARE(samples[1].url, QStringLiteral("http://shop.example.com/"));
        QVERIFY(samples[2].gateway.isEmpty());
        QCOMPARE(samples[2].sourceNamespace, QStringLiteral("web"));
        QCOMPARE(samples[2].url, QStringLiteral("http://shop.example.com/cart/"));
    }

    // Issue 13 section 4: a mesh without gateways. Its VirtualService names a
    // Gateway no file defines, so a request from it could only fail; the
    // samples are requests from the mesh, on each Service's HTTP port, and
    // every one of them routes.
    void gatewaylessMeshSamplesRoute()
    {
        const LoadResult loaded
            = Loader::loadPaths({ test::dataPath(QStringLiteral("routing/gatewayless-mesh.yaml")) });
        QVERIFY(!loaded.workspace.resources.isEmpty());
        const QList<SampleRequest> samples = SampleRequest::defaults(loaded.workspace);
        QStringList urls;
        for (const SampleRequest &s : samples) {
            QVERIFY2(s.gateway.isEmpty(), qPrintable(s.gateway));
            urls << s.url;
        }
        // reviews: the mesh VirtualService's host on its Service port; ratings
        // and details: plain Services; the gateway-only VirtualService's
        // external host is no sample; the TCP-only database neither.
        QCOMPARE(urls,
            QStringList({ QStringLiteral("http://reviews:9080/"), QStringLiteral("http://ratings:9080/"),
                QStringLiteral("http://details:8080/") }));
        const Router router(RouteTable::compile(loaded.workspace));
        for (const SampleRequest &s : samples) {
            Request r;
            QString error;
            QVERIFY2(s.toRequest(&r, &error), qPrintable(error));
            const RouteResult result = router.route(r);
            QVERIFY2(result.status == RouteResult::Status::Routed,
                qPrintable(s.url + QStringLiteral(": ") + result.reason));
            QVERIFY2(!result.destinations.isEmpty()
                    && !result.destinations[0].cluster.contains(QLatin1String("Passthrough")),
                qPrintable(s.url + QStringLiteral(": ") + result.reason));
        }
        Request reviews;
        QVERIFY(samples[0].toRequest(&reviews));
        const RouteResult split = router.route(reviews);
        QCOMPARE(split.virtualService, QStringLiteral("shop/reviews"));
        QCOMPARE(split.destinations.size(), 2);
    }

    // HTTPRoutes get samples through what istiod generates for them, sent by the
    // Gateway API Gateway as kubectl names it, and they route there.
    void gatewayApiSamplesRoute()
    {
        const LoadResult loaded = Loader::loadPaths({ test::dataPath(QStringLiteral("gatewayapi/base.yaml")),
            test::dataPath(QStringLiteral("gatewayapi/matching-across-routes.yaml")) });
        const QList<SampleRequest> samples = SampleRequest::defaults(loaded.workspace);
        const Router router(RouteTable::compile(loaded.workspace));
        QStringList fromGateway;
        for (const SampleRequest &s : samples) {
            if (s.gateway.isEmpty())
                continue;
            QCOMPARE(s.gateway, QStringLiteral("infra/same-namespace"));
            fromGateway << s.url;
            Request r;
            QVERIFY(s.toRequest(&r));
            const RouteResult result = router.route(r);
            QVERIFY2(result.status == RouteResult::Status::Routed,
                qPrintable(s.url + QStringLiteral(": ") + result.reason));
        }
        QVERIFY2(
            fromGateway.contains(QStringLiteral("http://example.com/v2/")), qPrintable(fromGateway.join(' ')));
        QVERIFY2(
            fromGateway.contains(QStringLiteral("http://example.net/")), qPrintable(fromGateway.join(' ')));
    }

    // Over every fixture (and the corpus when configured): the generated
    // samples parse, and none is sent from a gateway the files do not define.
    void defaultsNeverNameAMissingGateway_data() { test::addSweepRows(20, 200); }
    void defaultsNeverNameAMissingGateway()
    {
        QFETCH(QString, path);
        const LoadResult loaded = Loader::loadPaths({ path });
        const Router router(RouteTable::compile(loaded.workspace));
        for (const SampleRequest &s : SampleRequest::defaults(loaded.workspace)) {
            Request r;
            QString error;
            QVERIFY2(s.toRequest(&r, &error), qPrintable(s.url + QStringLiteral(": ") + error));
            const RouteResult result = router.route(r);
            QVERIFY2(!result.reason.contains(QLatin1String("in the workspace")),
                qPrintable(s.requestLine() + QStringLiteral(" from ") + s.senderText() + QStringLiteral(": ")
                    + result.reason));
        }
    }
};

QTEST_GUILESS_MAIN(TestSampleRequest)
#include "tst_samplerequest.moc"
