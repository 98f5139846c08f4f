#include "routingtestwriter.h"

#include "request.h"
#include "router.h"
#include "routeresultjson.h"
#include "routingtest.h"
#include "safefilewriter.h"

#include <yaml-cpp/yaml.h>

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace meshroute {

namespace {

void emitJson(YAML::Emitter &e, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: {
        e << YAML::BeginMap;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            e << YAML::Key << it.key().toStdString() << YAML::Value;
            emitJson(e, it.value());
        }
        e << YAML::EndMap;
        break;
    }
    case QJsonValue::Array:
        e << YAML::BeginSeq;
        for (const QJsonValue &x : v.toArray())
            emitJson(e, x);
        e << YAML::EndSeq;
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::abs(d) < 1e15)
            e << qint64(d);
        else
            e << d;
        break;
    }
    case QJsonValue::Bool:
        e << v.toBool();
        break;
    case QJsonValue::String:
        e << YAML::DoubleQuoted << v.toString().toStdString();
        break;
    default:
        e << YAML::Null;
        break;
    }
}

std::string str(std::string_view s)
{
    return std::string(s);
}

// The request mapping of a test case: what the runner needs to rebuild this request.
void emitRequest(YAML::Emitter &e, const Request &req)
{
    e << YAML::Key << "request" << YAML::Value << YAML::BeginMap;
    if (!req.authority().empty())
        e << YAML::Key << "authority" << YAML::Value << YAML::Flow << YAML::BeginSeq << str(req.authority())
          << YAML::EndSeq;
    e << YAML::Key << "method" << YAML::Value << YAML::Flow << YAML::BeginSeq << str(req.method())
      << YAML::EndSeq;
    e << YAML::Key << "uri" << YAML::Value << YAML::Flow << YAML::BeginSeq << str(req.path()) << YAML::EndSeq;
    if (!req.headers().empty()) {
        e << YAML::Key << "headers" << YAML::Value << YAML::BeginMap;
        for (const Request::Header &h : req.headers())
            e << YAML::Key << h.name << YAML::Value << YAML::DoubleQuoted << h.value;
        e << YAML::EndMap;
    }
    if (req.scheme() != "http")
        e << YAML::Key << "scheme" << YAML::Value << str(req.scheme());
    // The runner reads the authority's port, else the scheme's; say the port when it differs.
    const int derived = req.authorityPort() > 0 ? req.authorityPort() : (req.scheme() == "https" ? 443 : 80);
    if (req.port() != derived)
        e << YAML::Key << "port" << YAML::Value << req.port();
    if (req.fromGateway())
        e << YAML::Key << "gateway" << YAML::Value << req.gateway().toStdString();
    if (!req.sourceLabels().isEmpty()) {
        e << YAML::Key << "sourceLabels" << YAML::Value << YAML::BeginMap;
        for (const Label &l : req.sourceLabels())
            e << YAML::Key << l.key.toStdString() << YAML::Value << YAML::DoubleQuoted
              << l.value.toStdString();
        e << YAML::EndMap;
    }
    if (!req.sourceNamespace().isEmpty())
        e << YAML::Key << "sourceNamespace" << YAML::Value << req.sourceNamespace().toStdString();
    e << YAML::EndMap;
}

// The assertions of a test case: where the request went, as the router says now.
void emitExpectations(YAML::Emitter &e, const Router &router, const RouteResult &r)
{
    e << YAML::Key << "status" << YAML::Value << RouteResult::statusName(r.status).toStdString();
    if (!r.virtualService.isEmpty())
        e << YAML::Key << "virtualService" << YAML::Value << r.virtualService.toStdString();
    if (r.compiledRoute >= 0) {
        const RouteTable::RouteInfo &info = router.table().routeInfo(r.compiledRoute);
        if (info.rule && info.rule->hasRoute && !info.rule->route.isEmpty()) {
            e << YAML::Key << "route" << YAML::Value;
            emitJson(e, RouteResultJson::routeDestinations(info.rule->route));
        }
        if (info.rule && info.rule->redirect->present) {
            e << YAML::Key << "redirect" << YAML::Value;
            emitJson(e, RouteResultJson::redirect(info.rule->redirect));
        }
    }
    const RouteDestinationResult *top = nullptr;
    for (const RouteDestinationResult &d : r.destinations)
        if (d.share > 0 && (!top || d.share > top->share))
            top = &d;
    if (top && r.status == RouteResult::Status::Routed) {
        e << YAML::Key << "cluster" << YAML::Value << top->cluster.toStdString();
        e << YAML::Key << "share" << YAML::Value << std::round(top->share * 10000.0) / 10000.0;
    }
}

// The file must pass against the workspace it was made from; false with *error when it would not.
bool passes(const QByteArray &text, const Router &router, QString *error)
{
    QList<RoutingTestCase> cases;
    if (!RoutingTest::parse(text, QStringLiteral("routing test"), &cases, error))
        return false;
    const RoutingTestReport report = RoutingTest::run(router, cases);
    if (report.failed == 0)
        return true;
    for (const RoutingTestCaseResult &res : report.results)
        if (!res.passed) {
            *error = QStringLiteral("the saved test would fail: %1")
                         .arg(res.failures.join(QStringLiteral("; ")));
            break;
        }
    return false;
}

} // namespace

QByteArray RoutingTestWriter::write(const QList<SampleRequest> &samples, const Router &router, QString *error)
{
    YAML::Emitter e;
    e << YAML::BeginMap << YAML::Key << "testCases" << YAML::Value << YAML::BeginSeq;
    for (const SampleRequest &s : samples) {
        Request req;
        QString why;
        if (!s.toRequest(&req, &why)) {
            *error = QStringLiteral("sample \"%1\": %2").arg(s.name, why);
            return {};
        }
        const RouteResult r = router.route(req);

        e << YAML::BeginMap;
        const QString name = s.name.isEmpty() ? s.requestLine() : s.name;
        e << YAML::Key << "description" << YAML::Value
          << QStringLiteral("%1: %2").arg(name, RouteResult::statusName(r.status)).toStdString();
        e << YAML::Key << "wantMatch" << YAML::Value << true;
        emitRequest(e, req);
        emitExpectations(e, router, r);
        e << YAML::EndMap;
    }
    e << YAML::EndSeq << YAML::EndMap;
    if (!e.good()) {
        *error = QString::fromStdString(e.GetLastError());
        return {};
    }
    QByteArray out("# Routing tests saved from meshroute's Preview: each sample request and where it went.\n"
                   "# Run: meshroute test THIS_FILE -- MANIFESTS...\n");
    out += QByteArray(e.c_str());
    out += '\n';
    if (!passes(out, router, error))
        return {};
    return out;
}

bool RoutingTestWriter::writeFile(
    const QString &path, const QList<SampleRequest> &samples, const Router &router, QString *error)
{
    const QByteArray text = write(samples, router, error);
    if (text.isEmpty())
        return false;
    return SafeFileWriter::writeFile(path, text, error);
}

} // namespace meshroute
