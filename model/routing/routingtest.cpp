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

QString located(const QString &fileName, const YAML::Mark &mark, const QString &message)
{
    return QStringLiteral("%1:%2:%3: %4").arg(fileName).arg(mark.line + 1).arg(mark.column + 1).arg(message);
}

// False, with *error at the key, when the mapping has a key outside known.
bool hasOnlyKnownKeys(const YAML::Node &map, const QSet<QString> &known, const QString &where,
    const QString &fileName, QString *error)
{
    for (const auto &kv : map) {
        const QString key = QString::fromStdString(kv.first.Scalar());
        if (!known.contains(key)) {
            *error = located(
                fileName, kv.first.Mark(), QStringLiteral("unknown field \"%1\" in %2").arg(key, where));
            return false;
        }
    }
    return true;
}

QString queryString(const YAML::Node &q)
{
    if (!q.IsMap())
        return QString::fromStdString(q.Scalar());
    QStringList parts;
    for (const auto &kv : q)
        parts << QString::fromStdString(kv.first.Scalar()) + QLatin1Char('=')
                + QString::fromStdString(kv.second.Scalar());
    return parts.join(QLatin1Char('&'));
}

// The fields of a test case's request mapping, already checked for unknown keys.
void readRequest(const YAML::Node &req, RoutingTestCase &tc)
{
    tc.authorities = stringList(req["authority"]);
    tc.methods = stringList(req["method"]);
    tc.uris = stringList(req["uri"]);
    if (const YAML::Node h = req["headers"]; h && h.IsMap())
        for (const auto &kv : h)
            tc.headers.append(
                { QString::fromStdString(kv.first.Scalar()), QString::fromStdString(kv.second.Scalar()) });
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
    if (const YAML::Node q = req["query"])
        tc.query = queryString(q);
    if (req["port"])
        tc.port = req["port"].as<int>();
    if (req["scheme"])
        tc.scheme = QString::fromStdString(req["scheme"].Scalar());
}

// What a test case asserts about the route it reaches.
void readExpectations(const YAML::Node &c, RoutingTestCase &tc)
{
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
}

// One entry of testCases; false with *error when it is not a test case.
bool readCase(const YAML::Node &c, const QString &fileName, RoutingTestCase &tc, QString *error)
{
    if (!c.IsMap()) {
        *error = located(fileName, c.Mark(), QStringLiteral("a test case must be a mapping"));
        return false;
    }
    tc.file = fileName;
    tc.line = c.Mark().line + 1;
    if (!hasOnlyKnownKeys(c, kCaseKeys, QStringLiteral("test case"), fileName, error))
        return false;
    if (c["description"])
        tc.description = QString::fromStdString(c["description"].Scalar());
    if (c["wantMatch"])
        tc.wantMatch = c["wantMatch"].as<bool>();
    if (const YAML::Node req = c["request"]) {
        if (!req.IsMap()) {
            *error = located(fileName, req.Mark(), QStringLiteral("request must be a mapping"));
            return false;
        }
        if (!hasOnlyKnownKeys(req, kRequestKeys, QStringLiteral("request"), fileName, error))
            return false;
        readRequest(req, tc);
    }
    readExpectations(c, tc);
    return true;
}

// The request one line of a test case unfolds to; false with *error when the line is not valid.
bool buildRequest(const RoutingTestCase &tc, const QString &requestLine, const QString &authority,
    Request *req, QString *error)
{
    if (!req->setRequestLine(requestLine, error))
        return false;
    if (!tc.scheme.isEmpty())
        req->setScheme(tc.scheme.toStdString());
    if (!authority.isEmpty())
        req->setAuthority(authority.toStdString());
    for (const auto &[name, value] : tc.headers)
        req->addHeader(name.toStdString(), value.toStdString());
    req->setPort(tc.port);
    req->setGateway(tc.gateway);
    req->setSourceLabels(tc.sourceLabels);
    req->setSourceNamespace(tc.sourceNamespace);
    return true;
}

// The assertions of one test case against one routed request, as ICV makes them:
// each given assertion must hold exactly when wantMatch is true.
class CaseAssertions
{
public:
    CaseAssertions(const RoutingTestCase &tc, const Router &router, const RouteResult &result)
        : m_tc(tc)
        , m_result(result)
        , m_info(result.compiledRoute >= 0 ? &router.table().routeInfo(result.compiledRoute) : nullptr)
    { }

    QStringList failures()
    {
        checkRule();
        checkOutcome();
        if (m_result.status == RouteResult::Status::NoRoute && !m_result.reason.isEmpty()
            && !m_failures.isEmpty())
            m_failures << QStringLiteral("(%1)").arg(m_result.reason);
        return m_failures;
    }

private:
    // The API-shaped parts of the rule that answered.
    void checkRule()
    {
        const RouteTable::RouteInfo *info = m_info;
        const QString ns = info ? info->hostNamespace : QString();
        json("route", resolveHosts(m_tc.route, ns),
            info ? resolveHosts(RouteResultJson::routeDestinations(info->rule->route), ns) : QJsonValue());
        json("rewrite", m_tc.rewrite, info ? RouteResultJson::rewrite(info->rule->rewrite) : QJsonValue());
        json(
            "redirect", m_tc.redirect, info ? RouteResultJson::redirect(info->rule->redirect) : QJsonValue());
        json("fault", m_tc.fault, info ? RouteResultJson::fault(info->rule->fault) : QJsonValue());
        json("headers", m_tc.headerOps, info ? RouteResultJson::headers(info->rule->headers) : QJsonValue());
        json("delegate", m_tc.delegate,
            info ? RouteResultJson::delegate(info->rootRule->delegate) : QJsonValue());
    }

    // meshroute's own assertions: status, VirtualService, cluster and share.
    void checkOutcome()
    {
        const RouteResult &r = m_result;
        if (!m_tc.status.isEmpty())
            plain("status", RouteResult::statusName(r.status) == m_tc.status, m_tc.status,
                RouteResult::statusName(r.status));
        if (!m_tc.virtualService.isEmpty())
            plain("virtualService", r.virtualService == m_tc.virtualService, m_tc.virtualService,
                r.virtualService.isEmpty() ? QStringLiteral("none") : r.virtualService);
        if (!m_tc.cluster.isEmpty())
            checkCluster();
    }

    void checkCluster()
    {
        QStringList got;
        bool holds = false;
        for (const RouteDestinationResult &d : m_result.destinations) {
            if (d.share <= 0)
                continue;
            got << QStringLiteral("%1 (%2%)").arg(d.cluster).arg(d.share);
            if (d.cluster == m_tc.cluster && (m_tc.share < 0 || std::abs(d.share - m_tc.share) < 0.01))
                holds = true;
        }
        const QString want
            = m_tc.share < 0 ? m_tc.cluster : QStringLiteral("%1 (%2%)").arg(m_tc.cluster).arg(m_tc.share);
        plain(
            "cluster", holds, want, got.isEmpty() ? QStringLiteral("none") : got.join(QStringLiteral(", ")));
    }

    // ICV: DeepEqual(actual, expected) must equal wantMatch, for each given assertion.
    void json(const char *what, const QJsonValue &want, const QJsonValue &got)
    {
        if (want.isUndefined())
            return;
        const bool equal = RoutingTest::canonical(want) == RoutingTest::canonical(got);
        if (equal != m_tc.wantMatch)
            fail(what, compact(RoutingTest::canonical(want)), compact(RoutingTest::canonical(got)));
    }

    void plain(const char *what, bool holds, const QString &want, const QString &got)
    {
        if (holds != m_tc.wantMatch)
            fail(what, want, got);
    }

    void fail(const char *what, const QString &want, const QString &got)
    {
        m_failures << QStringLiteral("%1: %2 %3, got %4")
                          .arg(QLatin1String(what),
                              m_tc.wantMatch ? QStringLiteral("want") : QStringLiteral("want anything but"),
                              want, got);
    }

    const RoutingTestCase &m_tc;
    const RouteResult &m_result;
    const RouteTable::RouteInfo *m_info;
    QStringList m_failures;
};

// Keeps the first failing input's result (else the first input's) and every failure.
void recordInput(RoutingTestCaseResult &res, bool firstInput, const QString &label, const RouteResult &r,
    const QStringList &failures)
{
    if (!failures.isEmpty()) {
        if (res.passed) {
            res.firstResult = r;
            res.firstRequest = label;
        }
        res.passed = false;
        for (const QString &f : failures)
            res.failures << label + QStringLiteral(": ") + f;
    } else if (firstInput) {
        res.firstResult = r;
        res.firstRequest = label;
    }
}

// Runs every request a test case unfolds to (authorities x methods x uris) and records the rules
// they reach.
RoutingTestCaseResult runCase(
    const Router &router, const RoutingTestCase &tc, int caseIndex, QSet<int> &reached)
{
    RoutingTestCaseResult res;
    res.caseIndex = caseIndex;
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
                if (!buildRequest(tc, QString(method + QLatin1Char(' ') + u), authority, &req, &err)) {
                    res.passed = false;
                    res.failures << err;
                    continue;
                }
                ++res.inputs;

                const RouteResult r = router.route(req);
                if (r.compiledRoute >= 0)
                    reached.insert(router.table().ruleOf(r.compiledRoute));
                const QString label = QStringLiteral("%1 %2%3").arg(method, authority, u);
                recordInput(res, first, label, r, CaseAssertions(tc, router, r).failures());
                first = false;
            }
    return res;
}

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
    try {
        for (const YAML::Node &doc : YAML::LoadAll(text.toStdString())) {
            if (!doc.IsMap() || !doc["testCases"])
                continue;
            const YAML::Node list = doc["testCases"];
            if (!list.IsSequence()) {
                *error = located(fileName, list.Mark(), QStringLiteral("testCases must be a list"));
                return false;
            }
            for (const YAML::Node &c : list) {
                RoutingTestCase tc;
                if (!readCase(c, fileName, tc, error))
                    return false;
                cases->append(tc);
            }
        }
    } catch (const YAML::Exception &e) {
        *error = located(fileName, e.mark, QString::fromStdString(e.msg));
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
        const RoutingTestCaseResult res = runCase(router, cases[ci], ci, reached);
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
