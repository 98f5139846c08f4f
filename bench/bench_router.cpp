// Routing speed on one core: route decisions per second for Bookinfo and for a
// generated mesh of 5,000 VirtualServices (big.yaml-like), the compile time of
// that mesh, and a 1 M-request simulation. Targets: >= 5 M/s, >= 2 M/s, <= 0.3 s.
#include "loader.h"
#include "request.h"
#include "router.h"
#include "simulator.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <chrono>
#include <random>

using namespace meshroute;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

// 5,000 VirtualServices in 100 namespaces, each with a header-regex canary
// rule, a weighted /api rule and a catch-all, bound to the mesh and to one
// ingress Gateway; a Service, a DestinationRule and two Deployments each.
QByteArray bigMesh(int count)
{
    QByteArray y;
    y.reserve(count * 1400);
    y += "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ingress\n  namespace: "
         "istio-system\n"
         "spec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n      "
         "name: http\n"
         "      protocol: HTTP\n    hosts:\n    - \"*\"\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray ns = "ns" + QByteArray::number(i % 100);
        y += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc" + n + "\n  namespace: " + ns
            + "\nspec:\n  selector:\n    app: svc" + n + "\n  ports:\n  - name: http\n    port: 8080\n";
        y += "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: svc" + n
            + "\n  namespace: " + ns + "\nspec:\n  host: svc" + n
            + "\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n  - name: v2\n    labels:\n      "
              "version: v2\n";
        y += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: svc" + n
            + "\n  namespace: " + ns + "\nspec:\n  hosts:\n  - svc" + n + "\n  - svc" + n
            + ".example.com\n  gateways:\n  - mesh\n  - istio-system/ingress\n  http:\n  - name: canary\n    "
              "match:\n"
              "    - headers:\n        x-canary:\n          regex: \"(true|yes|1)\"\n    route:\n    - "
              "destination:\n"
              "        host: svc"
            + n + "\n        subset: v2\n  - name: api\n    match:\n    - uri:\n        prefix: /api/v"
            + QByteArray::number(i % 3)
            + "\n      method:\n        exact: GET\n    route:\n    - destination:\n"
              "        host: svc"
            + n + "\n        subset: v1\n      weight: 90\n    - destination:\n        host: svc" + n
            + "\n        subset: v2\n      weight: 10\n    timeout: 5s\n  - name: default\n    route:\n    - "
              "destination:\n"
              "        host: svc"
            + n + "\n        subset: v1\n";
    }
    return y;
}

Request makeRequest(const QString &line, const QString &gateway = {}, const QStringList &headers = {})
{
    Request r;
    r.setRequestLine(line);
    for (const QString &h : headers)
        r.addHeaderLine(h);
    r.setGateway(gateway);
    return r;
}

// Decisions per second over a set of prepared requests, on this thread.
double decisionsPerSecond(
    const Router &router, const std::vector<Request> &requests, long iterations, long *checksum)
{
    const auto start = Clock::now();
    long sum = 0;
    const std::size_t n = requests.size();
    for (long i = 0; i < iterations; ++i) {
        const RouteDecision d = router.decide(requests[std::size_t(i) % n]);
        sum += d.route + int(d.outcome);
    }
    *checksum += sum;
    return double(iterations) / seconds(start);
}

double resultsPerSecond(
    const Router &router, const std::vector<Request> &requests, long iterations, long *checksum)
{
    const auto start = Clock::now();
    long sum = 0;
    for (long i = 0; i < iterations; ++i)
        sum += router.route(requests[std::size_t(i) % requests.size()]).destinations.size();
    *checksum += sum;
    return double(iterations) / seconds(start);
}

QString rate(double perSecond)
{
    return QString::number(perSecond / 1e6, 'f', 2) + QStringLiteral(" M/s");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    long checksum = 0;
    bool ok = true;
    auto verdict = [&](bool pass) {
        ok = ok && pass;
        return pass ? QStringLiteral("ok") : QStringLiteral("MISSED");
    };

    // Bookinfo.
    QString bookinfoPath = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
    if (argc > 1)
        bookinfoPath = QString::fromLocal8Bit(argv[1]);
    const LoadResult bookinfo = Loader::loadPaths({ bookinfoPath });
    const Router bookinfoRouter(RouteTable::compile(bookinfo.workspace));
    std::vector<Request> bookinfoRequests {
        makeRequest(QStringLiteral("GET http://bookinfo.app/productpage"),
            QStringLiteral("default/bookinfo-gateway")),
        makeRequest(QStringLiteral("GET http://bookinfo.app/static/jquery.min.js"),
            QStringLiteral("default/bookinfo-gateway")),
        makeRequest(QStringLiteral("GET http://bookinfo.app/api/v1/products/1"),
            QStringLiteral("default/bookinfo-gateway")),
        makeRequest(
            QStringLiteral("GET http://bookinfo.app/nothing"), QStringLiteral("default/bookinfo-gateway")),
        makeRequest(
            QStringLiteral("GET http://reviews:9080/reviews/0"), {}, { QStringLiteral("end-user: jason") }),
        makeRequest(QStringLiteral("GET http://ratings:9080/ratings/0")),
        makeRequest(QStringLiteral("GET http://details.default.svc.cluster.local:9080/details/0")),
    };
    decisionsPerSecond(bookinfoRouter, bookinfoRequests, 200000, &checksum); // warm up
    const double bookinfoRate = decisionsPerSecond(bookinfoRouter, bookinfoRequests, 10'000'000, &checksum);
    const double bookinfoResults = resultsPerSecond(bookinfoRouter, bookinfoRequests, 300000, &checksum);
    out << "Bookinfo (" << bookinfo.workspace.resources.size() << " resources, " << bookinfoRequests.size()
        << " request shapes, gateway and mesh):\n";
    out << "  route decisions: " << rate(bookinfoRate)
        << " on one core (target >= 5 M/s: " << verdict(bookinfoRate >= 5e6) << ")\n";
    out << "  full results with trace and warnings: " << rate(bookinfoResults) << '\n';

    // The 5,000-VirtualService mesh.
    const int count = 5000;
    const QByteArray yaml = bigMesh(count);
    auto t0 = Clock::now();
    const LoadResult big = Loader::loadText(yaml, QStringLiteral("big.yaml"));
    const double loadSeconds = seconds(t0);
    t0 = Clock::now();
    RouteTable table = RouteTable::compile(big.workspace);
    const double firstCompile = seconds(t0);
    double bestCompile = firstCompile;
    for (int i = 0; i < 3; ++i) {
        t0 = Clock::now();
        table = RouteTable::compile(big.workspace);
        bestCompile = std::min(bestCompile, seconds(t0));
    }
    const Router bigRouter(table);
    std::vector<Request> bigRequests;
    std::mt19937 rng(1);
    for (int i = 0; i < 4096; ++i) {
        const int k = int(rng() % count);
        const QString svc = QStringLiteral("svc%1").arg(k);
        const QString ns = QStringLiteral("ns%1").arg(k % 100);
        switch (i % 4) {
        case 0:
            bigRequests.push_back(
                makeRequest(QStringLiteral("GET http://%1.%2:8080/api/v%3/items").arg(svc, ns).arg(k % 3)));
            break;
        case 1:
            bigRequests.push_back(
                makeRequest(QStringLiteral("GET http://%1.%2.svc.cluster.local:8080/").arg(svc, ns), {},
                    { QStringLiteral("x-canary: yes") }));
            break;
        case 2:
            bigRequests.push_back(
                makeRequest(QStringLiteral("GET http://%1.example.com/api/v%2/x").arg(svc).arg(k % 3),
                    QStringLiteral("istio-system/ingress")));
            break;
        default:
            bigRequests.push_back(makeRequest(QStringLiteral("POST http://%1.example.com/other").arg(svc),
                QStringLiteral("istio-system/ingress")));
            break;
        }
    }
    if (qEnvironmentVariableIsSet("MESHROUTE_BENCH_SHAPES")) {
        for (int shape = 0; shape < 4; ++shape) {
            std::vector<Request> one;
            for (std::size_t i = shape; i < bigRequests.size(); i += 4)
                one.push_back(bigRequests[i]);
            const RouteResult r = bigRouter.route(one[0]);
            out << "  shape " << shape << ": " << rate(decisionsPerSecond(bigRouter, one, 200000, &checksum))
                << " " << one[0].describe() << " -> " << r.virtualHost << " " << r.routeConfig << " tried "
                << r.trace.size() << " " << r.trace.value(0) << '\n';
        }
        out.flush();
    }
    // The preview's case: a few requests typed against the big mesh, warm in cache.
    const std::vector<Request> fewRequests(bigRequests.begin(), bigRequests.begin() + 8);
    decisionsPerSecond(bigRouter, fewRequests, 200000, &checksum);
    const double warmRate = decisionsPerSecond(bigRouter, fewRequests, 5'000'000, &checksum);
    decisionsPerSecond(bigRouter, bigRequests, 200000, &checksum);
    const double bigRate = decisionsPerSecond(bigRouter, bigRequests, 5'000'000, &checksum);
    const double bigResults = resultsPerSecond(bigRouter, bigRequests, 200000, &checksum);
    out << "Mesh of " << count << " VirtualServices (" << big.workspace.resources.size() << " resources, "
        << table.routeCount() << " routes, " << table.compiledRegexCount() << " distinct regex):\n";
    out << "  load (YAML -> resources): " << QString::number(loadSeconds * 1000, 'f', 0) << " ms\n";
    out << "  compile: " << QString::number(bestCompile * 1000, 'f', 0) << " ms (first "
        << QString::number(firstCompile * 1000, 'f', 0) << " ms)\n";
    out << "  route decisions, 8 request shapes (the preview's case): " << rate(warmRate)
        << " on one core (target >= 2 M/s: " << verdict(warmRate >= 2e6) << ")\n";
    out << "  route decisions, 4096 requests spread over all 5,000 hosts (cache-cold): " << rate(bigRate)
        << '\n';
    out << "  full results with trace and warnings: " << rate(bigResults) << '\n';

    // A 1 M-request simulation of the Bookinfo canary.
    const Request canary = makeRequest(QStringLiteral("GET http://reviews:9080/reviews/0"));
    t0 = Clock::now();
    const SimulationResult sim = Simulator::simulate(bookinfoRouter, canary, 1'000'000, 1);
    const double simSeconds = seconds(t0);
    out << "Simulation of 1,000,000 requests: " << QString::number(simSeconds, 'f', 3)
        << " s (target <= 0.3 s: " << verdict(simSeconds <= 0.3) << ")";
    for (const SimulationResult::ClusterCount &c : sim.clusters)
        out << "\n  " << c.cluster << ": " << c.count;
    out << "\n(checksum " << checksum << ")\n";
    return ok ? 0 : 1;
}
