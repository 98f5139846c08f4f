// The Location of a VirtualService redirect, pinned to the two sources that
// make it: what istiod writes into Envoy's RedirectAction
// (istio/istio pilot/pkg/networking/core/route/route.go ApplyRedirect) and
// how Envoy completes it from the request (envoyproxy/envoy
// source/common/http/utility.cc Utility::newUri and processRequestHost;
// port_redirect_ is ":<port>" or empty, source/common/router/config_impl.cc).
#include "loader.h"
#include "redirectlocation.h"
#include "request.h"
#include "router.h"
#include "virtualservice.h"

#include <QtTest>

using namespace meshroute;

namespace {

HttpRedirect redirect(const QString &spec)
{
    // "port=80 scheme=https authority=x derivePort=FROM_REQUEST_PORT uri=/new"
    HttpRedirect r;
    r.present = true;
    for (const QString &item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = item.section(QLatin1Char('='), 0, 0), value = item.section(QLatin1Char('='), 1);
        Field<QString> text { value, {}, true };
        if (key == QLatin1String("port"))
            r.port = Field<qint64> { value.toLongLong(), {}, true };
        else if (key == QLatin1String("scheme"))
            r.scheme = text;
        else if (key == QLatin1String("authority"))
            r.authority = text;
        else if (key == QLatin1String("derivePort"))
            r.derivePort = text;
    }
    return r;
}

} // namespace

class TestRedirectLocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void portRedirect_data();
    void portRedirect();
    void location_data();
    void location();
    void gatewayRedirectKeepsTheHostPort_data();
    void gatewayRedirectKeepsTheHostPort();
};

void TestRedirectLocation::portRedirect_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("expected");
    // ApplyRedirect: 80 with http and 443 with https are not written; the scheme is the
    // redirect's, else that of the server (https when it has tls).
    QTest::newRow("80 on a plain server: dropped") << "port=80" << false << 0;
    QTest::newRow("80 on a tls server: kept") << "port=80" << true << 80;
    QTest::newRow("443 on a tls server: dropped") << "port=443" << true << 0;
    QTest::newRow("443 with scheme https: dropped") << "port=443 scheme=https" << false << 0;
    QTest::newRow("443 with scheme http: kept") << "port=443 scheme=http" << true << 443;
    QTest::newRow("8080: kept") << "port=8080" << false << 8080;
    QTest::newRow("FROM_REQUEST_PORT: the listener") << "derivePort=FROM_REQUEST_PORT" << false << 8080;
    QTest::newRow("FROM_PROTOCOL_DEFAULT: none") << "derivePort=FROM_PROTOCOL_DEFAULT" << false << 0;
    QTest::newRow("nothing: none") << "scheme=https" << false << 0;
}

void TestRedirectLocation::portRedirect()
{
    QFETCH(QString, spec);
    QFETCH(bool, tls);
    QFETCH(int, expected);
    QCOMPARE(RedirectLocation::portRedirect(redirect(spec), 8080, tls), expected);
}

void TestRedirectLocation::location_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("authority");
    QTest::addColumn<QString>("expected");
    // processRequestHost: the Host header's port stays unless a port is written, or the scheme
    // changes away from the one whose default port (:80, :443) the header names.
    QTest::newRow("port 80 dropped by istiod: the Host's :8080 stays") << "port=80"
                                                                       << "http"
                                                                       << "shop.example.com:8080"
                                                                       << "http://shop.example.com:8080/p";
    QTest::newRow("port 80 dropped, Host without port") << "port=80"
                                                        << "http"
                                                        << "shop.example.com"
                                                        << "http://shop.example.com/p";
    QTest::newRow("a written port replaces the Host's") << "port=9090"
                                                        << "http"
                                                        << "shop.example.com:8080"
                                                        << "http://shop.example.com:9090/p";
    QTest::newRow("https with 8443 replaces the Host's port") << "port=8443 scheme=https"
                                                              << "http"
                                                              << "shop.example.com:8080"
                                                              << "https://shop.example.com:8443/p";
    QTest::newRow("scheme change drops :80") << "scheme=https"
                                             << "http"
                                             << "shop.example.com:80"
                                             << "https://shop.example.com/p";
    QTest::newRow("scheme change keeps :8080") << "scheme=https"
                                               << "http"
                                               << "shop.example.com:8080"
                                               << "https://shop.example.com:8080/p";
    QTest::newRow("scheme change drops :443 going to http") << "scheme=http"
                                                            << "https"
                                                            << "shop.example.com:443"
                                                            << "http://shop.example.com/p";
    QTest::newRow("same scheme keeps :80 as sent") << "uri=/p"
                                                   << "http"
                                                   << "shop.example.com:80"
                                                   << "http://shop.example.com:80/p";
    QTest::newRow("port 443 with https dropped: the Host's :8080 stays") << "port=443 scheme=https"
                                                                         << "http"
                                                                         << "shop.example.com:8080"
                                                                         << "https://shop.example.com:8080/p";
    QTest::newRow("FROM_PROTOCOL_DEFAULT writes no port: the Host's stays")
        << "derivePort=FROM_PROTOCOL_DEFAULT"
        << "http"
        << "shop.example.com:8080"
        << "http://shop.example.com:8080/p";
    QTest::newRow("FROM_REQUEST_PORT: the listener's") << "derivePort=FROM_REQUEST_PORT"
                                                       << "http"
                                                       << "shop.example.com"
                                                       << "http://shop.example.com:8080/p";
    QTest::newRow("authority as written, then the port") << "authority=new.example.com port=9000"
                                                         << "http"
                                                         << "shop.example.com:8080"
                                                         << "http://new.example.com:9000/p";
    QTest::newRow("authority alone: no port from the Host") << "authority=new.example.com"
                                                            << "http"
                                                            << "shop.example.com:8080"
                                                            << "http://new.example.com/p";
    QTest::newRow("IPv6 Host keeps its brackets") << "port=9090"
                                                  << "http"
                                                  << "[::1]:8080"
                                                  << "http://[::1]:9090/p";
}

void TestRedirectLocation::location()
{
    QFETCH(QString, spec);
    QFETCH(QString, scheme);
    QFETCH(QString, authority);
    QFETCH(QString, expected);
    const RedirectLocation::Request request { scheme, authority, QStringLiteral("/p"), 8080, false };
    QCOMPARE(RedirectLocation::build(redirect(spec), request), expected);
}

// End to end through the router: a redirect to port 80 on a gateway listening on 8080.
void TestRedirectLocation::gatewayRedirectKeepsTheHostPort_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port 80, Host with :8080") << "http://shop.example.com:8080/port80"
                                              << "http://shop.example.com:8080/moved";
    QTest::newRow("port 9090, Host with :8080") << "http://shop.example.com:8080/port9090"
                                                << "http://shop.example.com:9090/moved";
}

void TestRedirectLocation::gatewayRedirectKeepsTheHostPort()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const LoadResult loaded
        = Loader::loadPaths({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/routing/redirect-ports.yaml") });
    const Router router(RouteTable::compile(loaded.workspace));
    Request request;
    QVERIFY(request.setRequestLine(QStringLiteral("GET ") + url));
    request.setGateway(QStringLiteral("shop/web"));
    const RouteResult result = router.route(request);
    QCOMPARE(result.status, RouteResult::Status::Redirect);
    QCOMPARE(result.location, expected);
}

QTEST_GUILESS_MAIN(TestRedirectLocation)
#include "tst_redirectlocation.moc"
