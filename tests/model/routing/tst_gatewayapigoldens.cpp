// Our Gateway API translation against Istio's own (corpus only): for each
// istio-istio pilot/pkg/config/kube/gateway/testdata/X.yaml with its
// X.yaml.golden (TestConvertResources in conversion_test.go), a request set
// made from the golden's VirtualServices (a request that matches each rule,
// and near misses) is routed through our translation of X.yaml and through
// the golden Gateways and VirtualServices loaded as ordinary Istio resources,
// and must get the same answer. The corpus NOTES.md caveats are applied:
// the goldens are not defaulted (our translator runs without CRD defaults),
// their domain suffix is domain.suffix (read as cluster.local on both sides),
// and conversion_test.go registers Services the inputs do not declare (we
// declare them here, from its `var services`).
#include "corpus.h"
#include "loader.h"
#include "request.h"
#include "router.h"

#include <QtTest>

using namespace meshroute;

namespace {

QString goldenDir()
{
    return test::corpusPath(QStringLiteral("istio-istio/pilot/pkg/config/kube/gateway/testdata"));
}

// conversion_test.go `var services`: hosts the test harness registers, ports 80, 34000, 34001.
QByteArray registeredServices()
{
    static const char *hosts[] = { "istio-ingressgateway.istio-system", "httpbin.default",
        "httpbin-apple.apple", "httpbin-banana.banana", "httpbin-second.default", "httpbin-wildcard.default",
        "foo-svc.default", "httpbin-other.default", "example.default", "echo.default", "httpbin.cert",
        "my-svc.service", "a-example.allowed-1", "a-example.allowed-2", "b-example.allowed-1",
        "svc2.allowed-1", "svc2.allowed-2", "svc1.allowed-1", "svc3.allowed-2", "svc4.default",
        "httpbin.group-namespace1", "httpbin.group-namespace2", "httpbin-zero.default",
        "httpbin.istio-system", "httpbin-mirror.default", "httpbin-foo.default", "httpbin-alt.default",
        "istiod.istio-system", "echo.istio-system", "httpbin-bad.default", "echo-1.default", "echo-2.default",
        "echo-port.default", "not-found.default" };
    QByteArray y;
    for (const char *h : hosts) {
        const QList<QByteArray> parts = QByteArray(h).split('.');
        y += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: " + parts[0]
            + "\n  namespace: " + parts[1]
            + "\nspec:\n  ports:\n  - {name: http, port: 80}\n  - {name: tcp, port: 34000}\n"
              "  - {name: tcp-other, port: 34001}\n";
    }
    // Hosts registered as they are (ServiceEntry-like): example.com, google.com, *.example.net.
    for (const char *h : { "example.com", "google.com", "secure.example.net", "cross.example.net",
             "plaintext.example.net", "tcp.example.net" })
        y += "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: registered-"
            + QByteArray(h).replace('.', '-') + "\n  namespace: default\nspec:\n  hosts: [\"" + h
            + "\"]\n  ports:\n  - {name: http, number: 80, protocol: HTTP}\n  resolution: DNS\n";
    return y;
}

// conversion_test.go (its object setup) creates a Namespace for every namespace of
// the input, labelled istio.io/test-name-part with the part of its name before the first '-'.
QByteArray harnessNamespaces(const QByteArray &text)
{
    QSet<QString> seen;
    for (const Resource &r : Loader::loadText(text, QStringLiteral("ns.yaml")).workspace.resources)
        seen.insert(r.namespaceName());
    QStringList names(seen.begin(), seen.end());
    names.sort();
    QByteArray y;
    for (const QString &ns : names)
        y += "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns.toUtf8()
            + "\n  labels:\n    istio.io/test-name-part: " + ns.section(QLatin1Char('-'), 0, 0).toUtf8()
            + "\n";
    return y;
}

Workspace loadText(const QByteArray &text, const QString &name)
{
    // Some inputs end without a line break: the appended documents start on a line of their own.
    return Loader::loadText(text + "\n" + registeredServices(), name).workspace;
}

// The golden's Gateways have no selector: each is given its Gateway API
// Gateway's proxy, as Istio deploys one per Gateway (the prefix of the name).
void giveGoldenGatewaysTheirProxy(Workspace &ws)
{
    for (Resource &r : ws.resources)
        if (Gateway *g = std::get_if<Gateway>(&r.spec)) {
            g->hasSelector = true;
            g->selector = { Label { QStringLiteral("gateway.networking.k8s.io/gateway-name"),
                r.name().section(QLatin1Char('~'), 0, 0), {} } };
        }
}

QString probeHost(const QString &host)
{
    if (host == QLatin1String("*"))
        return QStringLiteral("probe.example");
    return host.startsWith(QLatin1String("*.")) ? QStringLiteral("probe") + host.mid(1) : host;
}

struct Probe
{
    QString line;
    QStringList headers;
    QString gateway;
};

// The port a gateway request arrives on: the first server port of the golden Gateway.
int gatewayPort(const Workspace &golden, const QString &gatewayKey)
{
    for (const Resource &r : golden.resources)
        if (r.gateway() && r.namespaceName() + QLatin1Char('/') + r.name() == gatewayKey)
            for (const Server &s : r.gateway()->servers)
                return int(s.port.number.value);
    return 80;
}

// Paths that take a rule and miss it narrowly.
QStringList pathsFor(const HttpMatchRequest *m)
{
    if (!m || !m->hasUri)
        return { QStringLiteral("/"), QStringLiteral("/probe") };
    const QString v = m->uri.value;
    switch (m->uri.type) {
    case StringMatch::Type::Exact:
        return { v, v + QStringLiteral("/x") };
    case StringMatch::Type::Prefix:
        return { v, v + QStringLiteral("/deeper"), v + QStringLiteral("x") };
    default:
        return { QStringLiteral("/"), QStringLiteral("/foo/bar") };
    }
}

void addRuleProbes(const HttpRoute &rule, const QString &base, const QString &gateway, QList<Probe> *out)
{
    const HttpMatchRequest *m = rule.match.isEmpty() ? nullptr : &rule.match.first();
    const QString method = m && m->hasMethod ? m->method->value : QStringLiteral("GET");
    QStringList headers;
    QString query;
    if (m) {
        for (const Entry<StringMatch> &h : m->headers)
            if (h.value.type == StringMatch::Type::Exact)
                headers << h.key + QStringLiteral(": ") + h.value.value;
        for (const Entry<StringMatch> &q : m->rare->queryParams)
            if (q.value.type == StringMatch::Type::Exact)
                query += (query.isEmpty() ? QLatin1Char('?') : QLatin1Char('&')) + q.key + QLatin1Char('=')
                    + q.value.value;
    }
    for (const QString &path : pathsFor(m)) {
        out->append({ method + QLatin1Char(' ') + base + path + query, headers, gateway });
        out->append({ QStringLiteral("GET ") + base + path, {}, gateway }); // without the conditions
    }
}

// Per golden VirtualService: each host, each gateway (or the mesh), each rule.
QList<Probe> probesFor(const Workspace &golden)
{
    QList<Probe> out;
    for (const Resource &r : golden.resources) {
        const VirtualService *vs = r.virtualService();
        if (!vs)
            continue;
        for (const Field<QString> &g : vs->gateways)
            for (const Field<QString> &h : vs->hosts) {
                const bool mesh = g.value == QLatin1String("mesh");
                const int port = mesh ? 80 : gatewayPort(golden, g.value);
                const QString base = QStringLiteral("http://%1:%2").arg(probeHost(h.value)).arg(port);
                for (const HttpRoute &rule : vs->http)
                    addRuleProbes(rule, base, mesh ? QString() : g.value, &out);
            }
    }
    return out;
}

// What a client sees. Where every destination answers 500 (a cluster that
// does not exist) which one it was does not change the answer.
QString outcome(const RouteResult &r)
{
    QStringList d;
    for (const RouteDestinationResult &x :
        r.httpStatus == 500 ? QList<RouteDestinationResult>() : r.destinations)
        d << QStringLiteral("%1:%2 %3%").arg(x.host).arg(x.port).arg(std::round(x.share * 100) / 100);
    return QStringLiteral("%1 %2 [%3] location=%4 path=%5 authority=%6")
        .arg(RouteResult::statusName(r.status))
        .arg(r.httpStatus)
        .arg(d.join(QStringLiteral(", ")), r.location, r.rewrittenPath, r.rewrittenAuthority);
}

} // namespace

class TstGatewayApiGoldens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAnswers_data();
    void sameAnswers();
};

void TstGatewayApiGoldens::sameAnswers_data()
{
    QTest::addColumn<QString>("input");
    if (test::corpusDir().isEmpty()) {
        QTest::newRow("corpus") << QString(); // sameAnswers says how to enable it
        return;
    }
    const QDir dir(goldenDir());
    const QStringList inputs = dir.entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name);
    int rows = 0;
    for (const QString &f : inputs)
        if (dir.exists(f + QStringLiteral(".golden"))) {
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
            ++rows;
        }
    QVERIFY2(rows >= 10, qPrintable(QStringLiteral("only %1 goldens under %2").arg(rows).arg(goldenDir())));
}

void TstGatewayApiGoldens::sameAnswers()
{
    MESHROUTE_REQUIRE_CORPUS();
    QFETCH(QString, input);
    QByteArray goldenText = test::readFile(input + QStringLiteral(".golden"));
    goldenText.replace("domain.suffix", "cluster.local");
    Workspace golden = loadText(goldenText, QFileInfo(input).fileName() + QStringLiteral(".golden"));
    giveGoldenGatewaysTheirProxy(golden);
    const Router theirs(RouteTable::compile(golden));
    RouteTable::CompileOptions noDefaults;
    noDefaults.gatewayApiCrdDefaults = false;
    const QByteArray inputText = test::readFile(input);
    const Router ours(RouteTable::compile(
        loadText(inputText + "\n" + harnessNamespaces(inputText), QFileInfo(input).fileName()), noDefaults));
    const QList<Probe> probes = probesFor(golden);
    QStringList differences;
    for (const Probe &p : probes) {
        Request req;
        req.setRequestLine(p.line);
        for (const QString &h : p.headers)
            req.addHeaderLine(h);
        req.setGateway(p.gateway);
        const QString a = outcome(ours.route(req)), b = outcome(theirs.route(req));
        if (a != b)
            differences << QStringLiteral("%1 %2 via %3:\n  ours:   %4\n  golden: %5")
                               .arg(p.line, p.headers.join(QStringLiteral(", ")),
                                   p.gateway.isEmpty() ? QStringLiteral("mesh") : p.gateway, a, b);
    }
    QVERIFY2(differences.isEmpty(),
        qPrintable(QStringLiteral("%1 of %2 requests differ:\n").arg(differences.size()).arg(probes.size())
            + differences.mid(0, 20).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TstGatewayApiGoldens)
#include "tst_gatewayapigoldens.moc"
