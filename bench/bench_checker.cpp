// Loads and checks a generated 14 MB workspace (5,000 VirtualServices with
// their Services, DestinationRules and Deployments) and prints load time,
// check time and peak RSS: the figure to compare with node + js-yaml +
// @kubernetes-models/istio (1.36 s wall, 423 MB) validating the same file.
//
//   bench_checker                  generate in memory, load, check, report
//   bench_checker --write big.yaml also write the generated file
//   bench_checker FILE...          load and check files, print the findings
//   BENCH_REPEAT=1 bench_checker   also time three more checks of the loaded workspace

#include "checker.h"
#include "loader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <cstdio>
#include <ctime>

using namespace meshroute;

namespace {

long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

// One namespace per 50 services, so short names, FQDNs and cross-namespace
// references all occur; every tenth VirtualService is bound to a gateway.
QByteArray generate(int count)
{
    QByteArray out;
    out.reserve(15 * 1024 * 1024);
    const auto ns = [](int i) { return QByteArray("team-") + QByteArray::number(i / 50); };
    for (int g = 0; g < count / 500 + 1; ++g) {
        out += "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw-"
            + QByteArray::number(g)
            + "\n  namespace: istio-system\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n"
              "  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts:\n"
              "    - \"*.example.com\"\n  - port:\n      number: 443\n      name: https\n      protocol: "
              "HTTPS\n"
              "    hosts:\n    - \"*.example.com\"\n    tls:\n      mode: SIMPLE\n      credentialName: "
              "wildcard-"
            + QByteArray::number(g) + "\n---\n";
    }
    for (int i = 0; i < count; ++i) {
        const QByteArray n = "svc-" + QByteArray::number(i), s = ns(i);
        out += "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + n + "\n  namespace: " + s
            + "\n  labels:\n    app: " + n + "\nspec:\n  selector:\n    app: " + n
            + "\n  ports:\n  - name: http-web\n    port: 8080\n    targetPort: 8080\n---\n";
        for (const char *v : { "v1", "v2" })
            out += "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + n + "-" + v
                + "\n  namespace: " + s + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: "
                + n + "\n      version: " + v
                + "\n  template:\n    metadata:\n      labels:\n        app: " + n + "\n        version: " + v
                + "\n    spec:\n      containers:\n      - name: app\n        image: example/" + n + ":" + v
                + "\n        ports:\n        - containerPort: 8080\n---\n";
        out += "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: " + n
            + "\n  namespace: " + s + "\nspec:\n  host: " + n
            + "\n  trafficPolicy:\n    connectionPool:\n      http:\n        http1MaxPendingRequests: 100\n"
              "    loadBalancer:\n      simple: LEAST_REQUEST\n  subsets:\n  - name: v1\n    labels:\n"
              "      version: v1\n  - name: v2\n    labels:\n      version: v2\n---\n";
        const QByteArray next
            = "svc-" + QByteArray::number((i + 1) % count) + "." + ns((i + 1) % count) + ".svc.cluster.local";
        out += "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: " + n
            + "\n  namespace: " + s + "\n  labels:\n    team: " + s
            + "\n  annotations:\n    owner: team@example.com\n" + "spec:\n  hosts:\n  - " + n + "\n";
        if (i % 10 == 0)
            out += "  - " + n + ".example.com\n  gateways:\n  - mesh\n  - istio-system/gw-"
                + QByteArray::number(i / 500) + "\n";
        out += "  http:\n"
               "  - name: canary-header\n    match:\n    - headers:\n        x-canary:\n          exact: "
               "\"true\"\n"
               "      uri:\n        prefix: /api/v2/\n    - headers:\n        cookie:\n          regex: "
               "\"^(.*?;)?(canary=yes)(;.*)?$\"\n"
               "    route:\n    - destination:\n        host: "
            + n
            + "\n        subset: v2\n"
              "    timeout: 3s\n    retries:\n      attempts: 3\n      perTryTimeout: 1s\n      retryOn: "
              "5xx,connect-failure\n"
              "  - name: api\n    match:\n    - uri:\n        prefix: /api/\n      method:\n        regex: "
              "\"GET|HEAD\"\n"
              "    - uri:\n        regex: \"/v[0-9]+/items/[a-z0-9-]+\"\n    rewrite:\n      uri: /\n"
              "    headers:\n      request:\n        set:\n          x-route: api\n      response:\n        "
              "remove:\n"
              "        - x-internal\n    route:\n    - destination:\n        host: "
            + n
            + "\n        subset: v1\n"
              "        port:\n          number: 8080\n      weight: 90\n    - destination:\n        host: "
            + n
            + "\n        subset: v2\n        port:\n          number: 8080\n      weight: 10\n"
              "    corsPolicy:\n      allowOrigins:\n      - exact: https://"
            + n
            + ".example.com\n"
              "      allowMethods:\n      - GET\n      - POST\n      maxAge: 24h\n"
              "  - name: downstream\n    match:\n    - uri:\n        exact: /next\n    route:\n    - "
              "destination:\n"
              "        host: "
            + next
            + "\n    fault:\n      delay:\n        fixedDelay: 100ms\n        percentage:\n"
              "          value: 0.5\n"
              "  - name: default\n    route:\n    - destination:\n        host: "
            + n
            + "\n        subset: v1\n"
              "      weight: 100\n    mirror:\n      host: "
            + n
            + "\n      subset: v2\n    mirrorPercentage:\n"
              "      value: 5.0\n---\n";
    }
    return out;
}

// CPU time of the whole process (all threads): on a shared machine wall time
// also counts other people's work, so both are printed.
qint64 cpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

void report(const char *what, qint64 ms, qint64 cpu)
{
    std::printf(
        "%-8s %6lld ms wall, %6lld ms CPU\n", what, static_cast<long long>(ms), static_cast<long long>(cpu));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString writeTo;
    if (args.size() >= 2 && args.first() == QLatin1String("--write")) {
        writeTo = args.at(1);
        args = args.mid(2);
    }
    QElapsedTimer timer;
    LoadResult load;
    qint64 bytes = 0;
    QByteArray generated;
    if (args.isEmpty()) {
        generated = generate(5000);
        bytes = generated.size();
        if (!writeTo.isEmpty()) {
            QFile f(writeTo);
            if (f.open(QIODevice::WriteOnly))
                f.write(generated);
        }
    }
    const qint64 cpu0 = cpuMs();
    timer.start();
    load = args.isEmpty() ? Loader::loadText(generated, QStringLiteral("big.yaml")) : Loader::loadPaths(args);
    const qint64 loadMs = timer.elapsed();
    const qint64 cpu1 = cpuMs();
    timer.restart();
    const Diagnostics found = Checker::check(load.workspace);
    const qint64 checkMs = timer.elapsed();
    const qint64 cpu2 = cpuMs();
    if (qEnvironmentVariableIsSet("BENCH_REPEAT"))
        for (int i = 0; i < 3; ++i) {
            const qint64 c = cpuMs();
            QElapsedTimer t;
            t.start();
            Checker::check(load.workspace);
            std::printf("again    %6lld ms wall, %6lld ms CPU\n", static_cast<long long>(t.elapsed()),
                static_cast<long long>(cpuMs() - c));
        }

    if (!args.isEmpty()) {
        QTextStream out(stdout);
        for (const Diagnostic &d : load.diagnostics)
            out << d.toText() << "  {" << d.resource << " " << d.path << "}\n";
        for (const Diagnostic &d : found)
            out << d.toText() << "  {" << d.resource << " " << d.path << "}\n";
        out.flush();
    }
    int errors = 0, warnings = 0, infos = 0;
    for (const Diagnostic &d : found)
        (d.severity == Diagnostic::Severity::Error            ? errors
                : d.severity == Diagnostic::Severity::Warning ? warnings
                                                              : infos)++;
    if (bytes)
        std::printf("input    %6.1f MB, %lld resources\n", bytes / 1048576.0,
            static_cast<long long>(load.workspace.resources.size()));
    report("load", loadMs, cpu1 - cpu0);
    report("check", checkMs, cpu2 - cpu1);
    report("total", loadMs + checkMs, cpu2 - cpu0);
    std::printf("findings %d errors, %d warnings, %d info (loader: %lld)\n", errors, warnings, infos,
        static_cast<long long>(load.diagnostics.size()));
    std::printf("peak RSS %6.1f MB\n", peakRssKb() / 1024.0);
    return 0;
}
