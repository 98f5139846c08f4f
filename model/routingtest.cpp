#include "routingtest.h"

#include "hostname.h"
#include "request.h"
#include "routeresultjson.h"

#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>

namespace meshroute {

namespace {

QJsonValue toJson(const YAML::Node &n)
{
    switch (n.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &kv : n)
            o.insert(QString::fromStdString(kv.first.as<std::string>()), toJson(kv.second));
        return o;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const auto &item : n)
            a.append(toJson(item));
        return a;
    }
    case YAML::NodeType::Scalar:
        return QString::fromStdString(n.Scalar());
    default:
        return QJsonValue::Null;
    }
}

QStringList stringList(const YAML::Node &n)
{
    QStringList out;
    if (n.IsSequence())
        for (const auto &item : n)
            out << QString::fromStdString(item.Scalar());
    else if (n.IsScalar())
        out << QString::fromStdString(n.Scalar());
    return out;
}

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("nothing");
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
}

bool isZero(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return true;
    case QJsonValue::Bool:
        return !v.toBool();
    case QJsonValue::Double:
        return v.toDouble() == 0;
    case QJsonValue::String:
        return v.toString().isEmpty();
    case QJsonValue::Array:
        return v.toArray().isEmpty();
    case QJsonValue::Object:
        return v.toObject().isEmpty();
    }
    return false;
}

// Destination hosts compare after short-name expansion in the VirtualService's
// namespace, so "reviews" and "reviews.default.svc.cluster.local" are equal.
QJsonValue resolveHosts(const QJsonValue &route, const QString &ns)
{
    if (!route.isArray())
        return route;
    QJsonArray out;
    for (const QJsonValue &item : route.toArray()) {
        QJsonObject o = item.toObject();
        QJsonObject d = o.value(QStringLiteral("destination")).toObject();
        if (d.contains(QStringLiteral("host")))
            d.insert(QStringLiteral("host"),
                HostName::resolve(d.value(QStringLiteral("host")).toString().trimmed(), ns));
        o.insert(QStringLiteral("destination"), d);
        out.append(o);
    }
    return out;
}

const QSet<QString> kCaseKeys = { QStringLiteral("description"), QStringLiteral("wantMatch"),
    QStringLiteral("request"), QStringLiteral("route"), QStringLiteral("rewrite"), QStringLiteral("redirect"),
    QStringLiteral("fault"), QStringLiteral("headers"), QStringLiteral("delegate"), QStringLiteral("status"),
    QStringLiteral("virtualService"), QStringLiteral("cluster"), QStringLiteral("share") };
const QSet<QString> kRequestKeys = { QStringLiteral("authority"), QStringLiteral("method"),
    QStringLiteral("uri"), QStringLiteral("headers"), QStringLiteral("gateway"),
    QStringLiteral("sourceLabels"), QStringLiteral("sourceNamespace"), QStringLiteral("query"),
    QStringLiteral("port"), QStringLiteral("scheme") };

} // namespace

QJsonValue RoutingTest::canonical(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object: {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonValue c = canonical(it.value());
            if (!isZero(c))
                out.insert(it.key(), c);
        }
        return out;
    }
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue &item : v.toArray())
            out.append(canonical(item));
        return out;
    }
    case QJsonValue::String: {
        const QString s = v.toString();
        bool ok = false;
        const double d = s.toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
        if (s == QLatin1String("true"))
            return true;
        if (s == QLatin1String("false"))
            return false;
        return s;
    }
    case QJsonValue::Undefined:
        return QJsonValue::Null;
    default:
        return v;
    }
}

bool RoutingTest::isTestFile(const QByteArray &text)
{
    try {
        for (const YAML::Node &doc : YAML::LoadAll(text.toStdString()))
            if (doc.IsMap() && doc["testCases"])
                return true;
    } catch (const YAML::Exception &) { }
    return false;
}

bool RoutingTest::parse(
    const QByteArray &text, const QString &fileName, QList<RoutingTestCase> *cases, QString *error)
{
    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(text.toStdString());
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(fileName)
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
    auto fail = [&](const YAML::Node &n, const QString &msg) {
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(fileName)
                     .arg(n.Mark().line + 1)
                     .arg(n.Mark().column + 1)
                     .arg(msg);
        return false;
    };
    try {
        for (const YAML::Node &doc : docs) {
            if (!doc.IsMap() || !doc["testCases"])
                continue;
            const YAML::Node list = doc["testCases"];
            if (!list.IsSequence())
                return fail(list, QStringLiteral("testCases must be a list"));
            for (const YAML::Node &c : list) {
                if (!c.IsMap())
                    return fail(c, QStringLiteral("a test case must be a mapping"));
                RoutingTestCase tc;
                tc.file = fileName;
                tc.line = c.Mark().line + 1;
                for (const auto &kv : c) {
                    const QString key = QString::fromStdString(kv.first.Scalar());
                    if (!kCaseKeys.contains(key))
                        return fail(kv.first, QStringLiteral("unknown field \"%1\" in test case").arg(key));
                }
                if (c["description"])
                    tc.description = QString::fromStdString(c["description"].Scalar());
                if (c["wantMatch"])
                    tc.wantMatch = c["wantMatch"].as<bool>();
                const YAML::Node req = c["request"];
                if (req) {
                    if (!req.IsMap())
                        return fail(req, QStringLiteral("request must be a mapping"));
                    for (const auto &kv : req) {
                        const QString key = QString::fromStdString(kv.first.Scalar());
                        if (!kRequestKeys.contains(key))
                            return fail(kv.first, QStringLiteral("unknown field \"%1\" in request").arg(key));
                    }
                    tc.authorities = stringList(req["authority"]);
                    tc.methods = stringList(req["method"]);
                    tc.uris = stringList(req["uri"]);
                    if (const YAML::Node h = req["headers"]; h && h.IsMap())
                        for (const auto &kv : h)
                            tc.headers.append({ QString::fromStdString(kv.first.Scalar()),
                                QString::fromStdString(kv.second.Scalar()) });
                    if (req["gateway"])
                        tc.gateway = QString::fromStdString(req["gateway"].Scalar());
                    if (const YAML::Node l = req["sourceLabels"]; l && l.IsMap())
                        for (const auto &kv : l) {
                            Label label;
                            label.key = QString::fromStdString(kv.first.Scalar());
                            label.value = QString::fromStdString(kv.second.Scalar());
                            tc.sourceLabels.append(label);
                        }
                    if (req["sourceNamespace"])
                        tc.sourceNamespace = QString::fromStdString(req["sourceNamespace"].Scalar());
                    if (const YAML::Node q = req["query"]) {
                        if (q.IsMap()) {
                            QStringList parts;
                            for (const auto &kv : q)
                                parts << QString::fromStdString(kv.first.Scalar()) + QLatin1Char('=')
                                        + QString::fromStdString(kv.second.Scalar());
                            tc.query = parts.join(QLatin1Char('&'));
                        } else {
                            tc.query = QString::fromStdString(q.Scalar());
                        }
                    }
                    if (req["port"])
                        tc.port = req["port"].as<int>();
                    if (req["scheme"])
                        tc.scheme = QString::fromStdString(req["scheme"].Scalar());
                }
                if (c["route"])
                    tc.route = toJson(c["route"]);
                if (c["rewrite"])
                    tc.rewrite = toJson(c["rewrite"]);
                if (c["redirect"])
                    tc.redirect = toJson(c["redirect"]);
                if (c["fault"])
                    tc.fault = toJson(c["fault"]);
                if (c["headers"])
                    tc.headerOps = toJson(c["headers"]);
                if (c["delegate"])
                    tc.delegate = toJson(c["delegate"]);
                if (c["status"])
                    tc.status = QString::fromStdString(c["status"].Scalar());
                if (c["virtualService"])
                    tc.virtualService = QString::fromStdString(c["virtualService"].Scalar());
                if (c["cluster"])
                    tc.cluster = QString::fromStdString(c["cluster"].Scalar());
                if (c["share"])
                    tc.share = c["share"].as<double>();
                cases->append(tc);
            }
        }
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(fileName)
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(QString::fromStdString(e.msg));
        return false;
    }
    return true;
}

bool RoutingTest::readFile(const QString &path, QList<RoutingTestCase> *cases, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    return parse(f.readAll(), path, cases, error);
}

RoutingTestReport RoutingTest::run(const Router &router, const QList<RoutingTestCase> &cases)
{
    RoutingTestReport report;
    report.cases = cases;
    report.rules = router.table().rules();
    QSet<int> reached;
    for (int ci = 0; ci < cases.size(); ++ci) {
        const RoutingTestCase &tc = cases[ci];
        RoutingTestCaseResult res;
        res.caseIndex = ci;
        const QStringList authorities = tc.authorities.isEmpty() ? QStringList { QString() } : tc.authorities;
        const QStringList methods = tc.methods.isEmpty() ? QStringList { QStringLiteral("GET") } : tc.methods;
        const QStringList uris = tc.uris.isEmpty() ? QStringList { QStringLiteral("/") } : tc.uris;
        bool first = true;
        for (const QString &authority : authorities)
            for (const QString &method : methods)
                for (const QString &uri : uris) {
                    Request req;
                    QString u = uri;
                    if (!tc.query.isEmpty())
                        u += (u.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + tc.query;
                    QString err;
                    if (!req.setRequestLine(QString(method + QLatin1Char(' ') + u), &err)) {
                        res.passed = false;
                        res.failures << err;
                        continue;
                    }
                    if (!tc.scheme.isEmpty())
                        req.setScheme(tc.scheme.toStdString());
                    if (!authority.isEmpty())
                        req.setAuthority(authority.toStdString());
                    for (const auto &[name, value] : tc.headers)
                        req.addHeader(name.toStdString(), value.toStdString());
                    req.setPort(tc.port);
                    req.setGateway(tc.gateway);
                    req.setSourceLabels(tc.sourceLabels);
                    req.setSourceNamespace(tc.sourceNamespace);
                    ++res.inputs;

                    const RouteResult r = router.route(req);
                    if (r.compiledRoute >= 0)
                        reached.insert(router.table().ruleOf(r.compiledRoute));
                    const QString label = QStringLiteral("%1 %2%3").arg(method, authority, u);
                    const RouteTable::RouteInfo *info
                        = r.compiledRoute >= 0 ? &router.table().routeInfo(r.compiledRoute) : nullptr;
                    QStringList failures;
                    // ICV: DeepEqual(actual, expected) must equal wantMatch, for each given assertion.
                    auto check = [&](const char *what, const QJsonValue &want, const QJsonValue &got) {
                        if (want.isUndefined())
                            return;
                        const bool equal = canonical(want) == canonical(got);
                        if (equal != tc.wantMatch)
                            failures << QStringLiteral("%1: %2 %3, got %4")
                                            .arg(QLatin1String(what),
                                                tc.wantMatch ? QStringLiteral("want")
                                                             : QStringLiteral("want anything but"),
                                                compact(canonical(want)), compact(canonical(got)));
                    };
                    const QString ns = info ? info->hostNamespace : QString();
                    check("route", resolveHosts(tc.route, ns),
                        info ? resolveHosts(RouteResultJson::routeDestinations(info->rule->route), ns)
                             : QJsonValue());
                    check("rewrite", tc.rewrite,
                        info ? RouteResultJson::rewrite(info->rule->rewrite) : QJsonValue());
                    check("redirect", tc.redirect,
                        info ? RouteResultJson::redirect(info->rule->redirect) : QJsonValue());
                    check("fault", tc.fault, info ? RouteResultJson::fault(info->rule->fault) : QJsonValue());
                    check("headers", tc.headerOps,
                        info ? RouteResultJson::headers(info->rule->headers) : QJsonValue());
                    check("delegate", tc.delegate,
                        info ? RouteResultJson::delegate(info->rootRule->delegate) : QJsonValue());
                    auto checkPlain
                        = [&](const char *what, bool holds, const QString &want, const QString &got) {
                              if (holds != tc.wantMatch)
                                  failures << QStringLiteral("%1: %2 %3, got %4")
                                                  .arg(QLatin1String(what),
                                                      tc.wantMatch ? QStringLiteral("want")
                                                                   : QStringLiteral("want anything but"),
                                                      want, got);
                          };
                    if (!tc.status.isEmpty())
                        checkPlain("status", RouteResult::statusName(r.status) == tc.status, tc.status,
                            RouteResult::statusName(r.status));
                    if (!tc.virtualService.isEmpty())
                        checkPlain("virtualService", r.virtualService == tc.virtualService, tc.virtualService,
                            r.virtualService.isEmpty() ? QStringLiteral("none") : r.virtualService);
                    if (!tc.cluster.isEmpty()) {
                        QStringList got;
                        bool holds = false;
                        for (const RouteDestinationResult &d : r.destinations) {
                            if (d.share <= 0)
                                continue;
                            got << QStringLiteral("%1 (%2%)").arg(d.cluster).arg(d.share);
                            if (d.cluster == tc.cluster
                                && (tc.share < 0 || std::abs(d.share - tc.share) < 0.01))
                                holds = true;
                        }
                        const QString want = tc.share < 0
                            ? tc.cluster
                            : QStringLiteral("%1 (%2%)").arg(tc.cluster).arg(tc.share);
                        checkPlain("cluster", holds, want,
                            got.isEmpty() ? QStringLiteral("none") : got.join(QStringLiteral(", ")));
                    }
                    if (r.status == RouteResult::Status::NoRoute && !r.reason.isEmpty()
                        && !failures.isEmpty())
                        failures << QStringLiteral("(%1)").arg(r.reason);
                    if (!failures.isEmpty()) {
                        if (res.passed) {
                            res.firstResult = r;
                            res.firstRequest = label;
                        }
                        res.passed = false;
                        for (const QString &f : failures)
                            res.failures << label + QStringLiteral(": ") + f;
                    } else if (first) {
                        res.firstResult = r;
                        res.firstRequest = label;
                    }
                    first = false;
                }
        if (res.passed)
            ++report.passed;
        else
            ++report.failed;
        report.results << res;
    }
    for (int i = 0; i < report.rules.size(); ++i)
        if (!reached.contains(i))
            report.uncovered << i;
    return report;
}

} // namespace meshroute
