#include "clioutput.h"
#include "commands.h"
#include "loader.h"
#include "request.h"
#include "router.h"
#include "routeresultjson.h"
#include "routingtest.h"
#include "simulator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace meshroute::cli {

namespace {

void addRequestOptions(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("json"), QStringLiteral("print JSON") });
    parser.addOption(
        { QStringLiteral("request"), QStringLiteral("\"METHOD URL\""), QStringLiteral("request") });
    parser.addOption({ QStringList { QStringLiteral("H"), QStringLiteral("header") },
        QStringLiteral("\"Name: value\""), QStringLiteral("header") });
    parser.addOption(
        { QStringLiteral("gateway"), QStringLiteral("sent by this Gateway"), QStringLiteral("NS/NAME") });
    parser.addOption({ QStringLiteral("source-labels"), QStringLiteral("labels of the sending workload"),
        QStringLiteral("k=v,...") });
    parser.addOption({ QStringLiteral("source-namespace"), QStringLiteral("namespace of the sender"),
        QStringLiteral("NS") });
    parser.addOption({ QStringLiteral("port"), QStringLiteral("listener port (default: from the URL)"),
        QStringLiteral("PORT") });
    addMaxFileSizeOption(parser);
}

int usageError(const QString &command, const QString &message)
{
    err() << "meshroute " << command << ": " << message << "\nsee: meshroute help " << command << "\n";
    err().flush();
    return 2;
}

// Builds the request from the common options; returns 0 or an exit code.
int buildRequest(const QCommandLineParser &parser, const QString &command, Request *req)
{
    if (!parser.isSet(QStringLiteral("request")))
        return usageError(command, QStringLiteral("--request \"METHOD URL\" is required"));
    QString error;
    if (!req->setRequestLine(parser.value(QStringLiteral("request")), &error))
        return usageError(command, error);
    for (const QString &h : parser.values(QStringLiteral("H")))
        if (!req->addHeaderLine(h, &error))
            return usageError(command, error);
    if (parser.isSet(QStringLiteral("gateway"))) {
        const QString gw = parser.value(QStringLiteral("gateway"));
        if (!gw.contains(QLatin1Char('/')))
            return usageError(command, QStringLiteral("--gateway wants NAMESPACE/NAME, got \"%1\"").arg(gw));
        req->setGateway(gw);
    }
    if (parser.isSet(QStringLiteral("source-labels"))) {
        Labels labels;
        if (!Request::parseLabels(parser.value(QStringLiteral("source-labels")), &labels, &error))
            return usageError(command, error);
        req->setSourceLabels(labels);
    }
    req->setSourceNamespace(parser.value(QStringLiteral("source-namespace")));
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const int port = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return usageError(command, QStringLiteral("--port wants 1..65535"));
        req->setPort(port);
    }
    return 0;
}

// Loads the manifests; prints load problems on stderr; returns 0 or 2. An
// input with YAML or type errors is refused like an unreadable one: the
// cluster would not hold what the file seems to say (a rejected object, a
// document that did not parse), so any answer could be wrong.
int load(
    const QCommandLineParser &parser, const QStringList &inputs, const QString &command, LoadResult *result)
{
    if (inputs.isEmpty())
        return usageError(command, QStringLiteral("give at least one INPUT (file, folder or -)"));
    LoadOptions options;
    if (!readMaxFileSize(parser, command, &options))
        return 2;
    *result = Loader::loadPaths(inputs, options);
    int errors = 0;
    for (const Diagnostic &d : result->diagnostics)
        if (d.severity == Diagnostic::Severity::Error) {
            err() << d.toText() << '\n';
            ++errors;
        }
    if (errors > 0 && !result->inputError)
        err() << "meshroute " << command << ": the input has " << errors
              << (errors == 1 ? " error" : " errors")
              << " (above); fix them first, as the cluster would not hold these objects as written\n";
    err().flush();
    return result->inputError || errors > 0 ? 2 : 0;
}

QString senderText(const Request &req)
{
    if (req.fromGateway())
        return QStringLiteral("gateway ") + req.gateway();
    QString s = QStringLiteral("sidecar in namespace ")
        + (req.sourceNamespace().isEmpty() ? QStringLiteral("default") : req.sourceNamespace());
    QStringList labels;
    for (const Label &l : req.sourceLabels())
        labels << l.key + QLatin1Char('=') + l.value;
    if (!labels.isEmpty())
        s += QStringLiteral(" with labels ") + labels.join(QLatin1Char(','));
    return s;
}

int exitFor(const RouteResult &r)
{
    return r.status == RouteResult::Status::NoRoute ? 1 : 0;
}

QString percentText(double v)
{
    return QString::number(std::round(v * 100.0) / 100.0, 'f', 2) + QLatin1Char('%');
}

void collectYaml(const QString &path, QStringList *files)
{
    const QFileInfo fi(path);
    if (!fi.isDir()) {
        files->append(path);
        return;
    }
    QStringList found;
    QDirIterator it(path, { QStringLiteral("*.yaml"), QStringLiteral("*.yml") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    found.sort();
    *files += found;
}

bool fileIsTest(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && RoutingTest::isTestFile(f.readAll());
}

// Reads -n and --seed; 0, or the exit code after the message.
int readDraws(const QCommandLineParser &parser, const QString &command, quint64 *n, quint64 *seed)
{
    bool ok = false;
    *n = parser.value(QStringLiteral("n")).toULongLong(&ok);
    if (!parser.isSet(QStringLiteral("n")) || !ok || *n == 0 || *n > 10'000'000'000ULL)
        return usageError(command, QStringLiteral("-n N is required (1 .. 10000000000)"));
    *seed = 1;
    if (parser.isSet(QStringLiteral("seed"))) {
        *seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return usageError(command, QStringLiteral("--seed wants a non-negative integer"));
    }
    return 0;
}

QJsonArray clusterCountsJson(const QList<SimulationResult::ClusterCount> &list)
{
    QJsonArray a;
    for (const SimulationResult::ClusterCount &c : list) {
        QJsonObject x;
        x.insert(QStringLiteral("cluster"), c.cluster);
        x.insert(QStringLiteral("host"), c.host);
        x.insert(QStringLiteral("subset"),
            c.subset.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.subset));
        x.insert(QStringLiteral("port"), c.port);
        x.insert(QStringLiteral("expectedShare"), c.expectedShare);
        x.insert(QStringLiteral("count"), double(c.count));
        x.insert(QStringLiteral("share"), c.share);
        a.append(x);
    }
    return a;
}

QJsonArray baselineJson(const QList<SimulationResult::BaselineRow> &baseline)
{
    QJsonArray base;
    for (const SimulationResult::BaselineRow &b : baseline) {
        QJsonObject x;
        x.insert(QStringLiteral("workload"), b.workload);
        x.insert(QStringLiteral("host"), b.host);
        x.insert(QStringLiteral("subsets"), QJsonArray::fromStringList(b.subsets));
        x.insert(QStringLiteral("pods"), b.pods);
        x.insert(QStringLiteral("share"), b.share);
        base.append(x);
    }
    return base;
}

QJsonObject simulationJson(const Request &req, const SimulationResult &sim)
{
    QJsonObject o;
    o.insert(QStringLiteral("request"), req.describe());
    o.insert(QStringLiteral("sender"), senderText(req));
    o.insert(QStringLiteral("requests"), double(sim.requests));
    o.insert(QStringLiteral("seed"), QString::number(sim.seed));
    o.insert(QStringLiteral("route"), RouteResultJson::toJson(sim.route));
    o.insert(QStringLiteral("clusters"), clusterCountsJson(sim.clusters));
    o.insert(QStringLiteral("mirrors"), clusterCountsJson(sim.mirrors));
    o.insert(QStringLiteral("delayed"), double(sim.delayed));
    o.insert(QStringLiteral("aborted"), double(sim.aborted));
    o.insert(QStringLiteral("notForwarded"), double(sim.notForwarded));
    o.insert(QStringLiteral("baseline"), baselineJson(sim.baseline));
    o.insert(QStringLiteral("baselineNote"), sim.baselineNote);
    return o;
}

void printSimulation(const Request &req, const SimulationResult &sim)
{
    out() << "request: " << req.describe() << " from " << senderText(req) << '\n';
    out() << RouteResultJson::toText(sim.route);
    out() << sim.requests << " requests, seed " << sim.seed << ":\n";
    for (const SimulationResult::ClusterCount &c : sim.clusters)
        out() << "  " << c.cluster << "  expected " << percentText(c.expectedShare) << "  drawn "
              << percentText(c.share) << "  (" << c.count << ")\n";
    if (sim.delayed)
        out() << "  delayed by fault: " << sim.delayed << '\n';
    if (sim.aborted)
        out() << "  aborted by fault: " << sim.aborted << '\n';
    for (const SimulationResult::ClusterCount &c : sim.mirrors)
        out() << "  mirrored to " << c.cluster << ": " << c.count << " (" << percentText(c.share) << ")\n";
    if (sim.notForwarded)
        out() << "  not forwarded (" << RouteResult::statusName(sim.route.status) << "): " << sim.notForwarded
              << '\n';
    out() << "Kubernetes baseline (Service round-robin over ready pods, no VirtualService):\n";
    if (sim.baseline.isEmpty())
        out() << "  none: " << sim.baselineNote << '\n';
    for (const SimulationResult::BaselineRow &b : sim.baseline)
        out() << "  " << b.workload
              << (b.subsets.isEmpty()
                         ? QString()
                         : QStringLiteral(" [") + b.subsets.join(QLatin1Char(',')) + QLatin1Char(']'))
              << "  " << b.pods << (b.pods == 1 ? " pod  " : " pods  ") << percentText(b.share) << '\n';
}

// Tests before "--", manifests after; without "--", files are told apart by their content.
void splitInputs(const QCommandLineParser &parser, const QStringList &args, qsizetype separator,
    QStringList *testPaths, QStringList *manifestPaths)
{
    *testPaths = parser.values(QStringLiteral("t"));
    if (separator >= 0) {
        *testPaths += parser.positionalArguments();
        *manifestPaths = args.mid(separator + 1);
        return;
    }
    for (const QString &p : parser.positionalArguments()) {
        if (p == QLatin1String("-")) {
            *manifestPaths << p;
            continue;
        }
        QStringList files;
        collectYaml(p, &files);
        for (const QString &f : files)
            (fileIsTest(f) ? *testPaths : *manifestPaths) << f;
        if (files.isEmpty())
            *manifestPaths << p; // let the loader report it
    }
}

// Reads the test cases of the files and folders given; 0, or the exit code after the message.
int readTestCases(const QString &command, const QStringList &testPaths, QList<RoutingTestCase> *cases)
{
    QStringList testFiles;
    for (const QString &p : testPaths) {
        if (!QFileInfo::exists(p)) {
            err() << "meshroute test: " << p << ": no such file or folder\n";
            err().flush();
            return 2;
        }
        QStringList files;
        collectYaml(p, &files);
        for (const QString &f : files)
            if (!QFileInfo(p).isDir() || fileIsTest(f))
                testFiles << f;
    }
    if (testFiles.isEmpty())
        return usageError(command, QStringLiteral("no routing test file (a YAML file with testCases) given"));
    for (const QString &f : testFiles) {
        QString error;
        if (!RoutingTest::readFile(f, cases, &error)) {
            err() << "meshroute test: " << error << '\n';
            err().flush();
            return 2;
        }
    }
    return 0;
}

QString ruleText(const RouteTable::RuleRef &r)
{
    QString s = QStringLiteral("VirtualService %1 rule %2").arg(r.virtualService, r.ruleName);
    if (r.delegateRuleIndex >= 0)
        s += QStringLiteral(" -> %1 rule #%2").arg(r.delegate).arg(r.delegateRuleIndex);
    if (!r.droppedReason.isEmpty())
        s += QStringLiteral(" (never routed: %1)").arg(r.droppedReason);
    return s;
}

QJsonObject coverageJson(const RoutingTestReport &report)
{
    QJsonObject cov;
    cov.insert(QStringLiteral("rules"), report.rules.size());
    cov.insert(QStringLiteral("covered"), report.rules.size() - report.uncovered.size());
    QJsonArray un;
    for (int i : report.uncovered) {
        const RouteTable::RuleRef &r = report.rules[i];
        QJsonObject x;
        x.insert(QStringLiteral("virtualService"), r.virtualService);
        x.insert(QStringLiteral("routeIndex"), r.ruleIndex);
        x.insert(QStringLiteral("rule"), r.ruleName);
        if (r.delegateRuleIndex >= 0) {
            x.insert(QStringLiteral("delegate"), r.delegate);
            x.insert(QStringLiteral("delegateRouteIndex"), r.delegateRuleIndex);
        }
        if (!r.droppedReason.isEmpty())
            x.insert(QStringLiteral("neverRouted"), r.droppedReason);
        un.append(x);
    }
    cov.insert(QStringLiteral("uncovered"), un);
    return cov;
}

QJsonObject testReportJson(const RoutingTestReport &report, bool coverage)
{
    QJsonObject o;
    o.insert(QStringLiteral("passed"), report.passed);
    o.insert(QStringLiteral("failed"), report.failed);
    QJsonArray list;
    for (int i = 0; i < report.cases.size(); ++i) {
        const RoutingTestCase &c = report.cases[i];
        const RoutingTestCaseResult &r = report.results[i];
        QJsonObject x;
        x.insert(QStringLiteral("description"), c.description);
        x.insert(QStringLiteral("file"), c.file);
        x.insert(QStringLiteral("line"), c.line);
        x.insert(QStringLiteral("passed"), r.passed);
        x.insert(QStringLiteral("inputs"), r.inputs);
        x.insert(QStringLiteral("failures"), QJsonArray::fromStringList(r.failures));
        list.append(x);
    }
    o.insert(QStringLiteral("cases"), list);
    if (coverage)
        o.insert(QStringLiteral("coverage"), coverageJson(report));
    return o;
}

void printTestReport(const RoutingTestReport &report, bool coverage)
{
    for (int i = 0; i < report.cases.size(); ++i) {
        const RoutingTestCase &c = report.cases[i];
        const RoutingTestCaseResult &r = report.results[i];
        out() << (r.passed ? "PASS " : "FAIL ") << c.description << "  (" << c.file << ':' << c.line << ", "
              << r.inputs << (r.inputs == 1 ? " request)\n" : " requests)\n");
        for (const QString &f : r.failures)
            out() << "     " << f << '\n';
    }
    out() << report.passed << " passed, " << report.failed << " failed\n";
    if (coverage) {
        out() << "coverage: " << (report.rules.size() - report.uncovered.size()) << " of "
              << report.rules.size() << " rules reached\n";
        for (int i : report.uncovered)
            out() << "  not reached: " << ruleText(report.rules[i]) << '\n';
    }
}

} // namespace

int runRoute(const QStringList &args)
{
    const QString command = QStringLiteral("route");
    QCommandLineParser parser;
    addRequestOptions(parser);
    if (!parseArguments(parser, command, args))
        return 2;
    Request req;
    if (const int rc = buildRequest(parser, command, &req))
        return rc;
    LoadResult loaded;
    if (const int rc = load(parser, parser.positionalArguments(), command, &loaded))
        return rc;
    const Router router(RouteTable::compile(loaded.workspace));
    const RouteResult result = router.route(req);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = RouteResultJson::toJson(result);
        o.insert(QStringLiteral("request"), req.describe());
        o.insert(QStringLiteral("sender"), senderText(req));
        out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out() << "request: " << req.describe() << " from " << senderText(req) << '\n';
        out() << RouteResultJson::toText(result);
    }
    out().flush();
    return exitFor(result);
}

int runSimulate(const QStringList &args)
{
    const QString command = QStringLiteral("simulate");
    QCommandLineParser parser;
    addRequestOptions(parser);
    parser.addOption({ QStringList { QStringLiteral("n"), QStringLiteral("requests") },
        QStringLiteral("how many requests"), QStringLiteral("N") });
    parser.addOption(
        { QStringLiteral("seed"), QStringLiteral("random seed (default 1)"), QStringLiteral("S") });
    if (!parseArguments(parser, command, args))
        return 2;
    Request req;
    if (const int rc = buildRequest(parser, command, &req))
        return rc;
    quint64 n = 0, seed = 1;
    if (const int rc = readDraws(parser, command, &n, &seed))
        return rc;
    LoadResult loaded;
    if (const int rc = load(parser, parser.positionalArguments(), command, &loaded))
        return rc;
    const Router router(RouteTable::compile(loaded.workspace));
    const SimulationResult sim = Simulator::simulate(router, req, n, seed);
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(simulationJson(req, sim)).toJson(QJsonDocument::Indented);
    else
        printSimulation(req, sim);
    out().flush();
    return exitFor(sim.route);
}

int runTest(const QStringList &args)
{
    const QString command = QStringLiteral("test");
    const qsizetype sep = args.indexOf(QStringLiteral("--"));
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("json"), QStringLiteral("print JSON") });
    parser.addOption({ QStringLiteral("coverage"), QStringLiteral("list the rules no case reaches") });
    parser.addOption({ QStringList { QStringLiteral("t"), QStringLiteral("tests") },
        QStringLiteral("a test file or folder"), QStringLiteral("PATH") });
    addMaxFileSizeOption(parser);
    if (!parseArguments(parser, command, sep >= 0 ? args.mid(0, sep) : args))
        return 2;
    QStringList testPaths, manifestPaths;
    splitInputs(parser, args, sep, &testPaths, &manifestPaths);
    QList<RoutingTestCase> cases;
    if (const int rc = readTestCases(command, testPaths, &cases))
        return rc;
    LoadResult loaded;
    if (const int rc = load(parser, manifestPaths, command, &loaded))
        return rc;
    const Router router(RouteTable::compile(loaded.workspace));
    const RoutingTestReport report = RoutingTest::run(router, cases);
    const bool coverage = parser.isSet(QStringLiteral("coverage"));
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(testReportJson(report, coverage)).toJson(QJsonDocument::Indented);
    else
        printTestReport(report, coverage);
    out().flush();
    return report.failed > 0 ? 1 : 0;
}

} // namespace meshroute::cli
