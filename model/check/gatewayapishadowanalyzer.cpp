#include "gatewayapishadowanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "gatewayapiparents.h"
#include "mergedroutegroups.h"
#include "regexfacts.h"
#include "resource.h"
#include "routeprecedence.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace meshroute {

namespace {

// One header or query condition of a match.
struct Condition
{
    QString name;
    bool regex = false;
    QString value;
};

// One route of the internal VirtualService: one match of one rule (Istio splits each rule so that
// every route has one match), with the CRD's defaults applied.
struct MatchEntry
{
    const Resource *route = nullptr;
    int rule = 0;
    int match = -1; // -1: the rule has no matches
    int rank = -1; // URI match type: 3 Exact, 2 Prefix, 1 Regex, -1 none (getURIRank)
    bool noMatch = false; // no match at all (a GRPCRoute rule without matches)
    QString uri;
    QString method;
    QList<Condition> headers, query;
    SourcePos pos;

    RoutePrecedence precedence() const
    {
        return { noMatch, rank, int(uri.size()), !method.isEmpty(), int(headers.size()), int(query.size()) };
    }

    // "spec.rules[1].matches[0]", for messages only.
    QString path() const
    {
        return match < 0 ? QStringLiteral("spec.rules[%1]").arg(rule)
                         : QStringLiteral("spec.rules[%1].matches[%2]").arg(rule).arg(match);
    }
};

// std::stable_sort keeps the merge order (creation time, namespace, name, rule, match) for ties,
// as sort.SliceStable does.
bool sortsBefore(const MatchEntry &a, const MatchEntry &b)
{
    return RoutePrecedence::before(a.precedence(), b.precedence());
}

QList<Condition> conditions(const QList<HttpValueMatch> &list)
{
    QList<Condition> out;
    for (const HttpValueMatch &m : list)
        out.append({ m.name.value, m.type.value == QLatin1String("RegularExpression"), m.value.value });
    return out;
}

// The URI of a GRPCRoute method match as createGRPCURIMatch writes it.
void grpcUri(const GrpcMethodMatch &m, MatchEntry &e)
{
    const bool regex = m.type.valueOr(QStringLiteral("Exact")) == QLatin1String("RegularExpression");
    const QString service = m.service.value, method = m.method.value;
    if (!regex && m.service.present && !m.method.present) {
        e.rank = 2;
        e.uri = QLatin1Char('/') + service + QLatin1Char('/');
    } else if (!regex && m.service.present) {
        e.rank = 3;
        e.uri = QLatin1Char('/') + service + QLatin1Char('/') + method;
    } else {
        e.rank = 1;
        e.uri = QLatin1Char('/') + (m.service.present ? service : QStringLiteral("[^/]+")) + QLatin1Char('/')
            + (m.method.present ? method : QStringLiteral(".+"));
    }
}

MatchEntry entryOf(const Resource &r, int rule, int match, const RouteMatch *m)
{
    MatchEntry e;
    e.route = &r;
    e.rule = rule;
    e.match = match;
    const bool grpc = r.kind == ResourceKind::GRPCRoute;
    if (!m) { // HTTPRoute: the CRD default PathPrefix "/"; GRPCRoute: no match at all
        e.noMatch = grpc;
        e.rank = grpc ? -1 : 2;
        e.uri = grpc ? QString() : QStringLiteral("/");
        return e;
    }
    e.pos = m->pos;
    e.headers = conditions(m->headers);
    if (grpc) {
        if (m->grpcMethod.present)
            grpcUri(m->grpcMethod, e);
        return e;
    }
    const QString type = m->path.type.valueOr(QStringLiteral("PathPrefix"));
    e.rank = type == QLatin1String("Exact") ? 3 : type == QLatin1String("PathPrefix") ? 2 : 1;
    e.uri = m->path.value.valueOr(QStringLiteral("/"));
    e.method = m->method.value;
    e.query = conditions(m->queryParams);
    return e;
}

// Gateway semantics: a prefix other than "/" is path-separated with its trailing '/' trimmed
// (TranslateRouteMatch), so "/v2" matches "/v2" and "/v2/x", not "/v2x".
QString trimmedPrefix(QString prefix)
{
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    return prefix;
}

bool underPrefix(const QString &path, const QString &prefix)
{
    const QString p = trimmedPrefix(prefix);
    return p.isEmpty() || path == p || path.startsWith(p + QLatin1Char('/'));
}

// Whether every URI that `b` matches, `a` matches too.
bool uriCovers(const MatchEntry &a, const MatchEntry &b)
{
    if (a.rank < 0)
        return true;
    if (a.rank == 2 && trimmedPrefix(a.uri).isEmpty())
        return true;
    if (b.rank < 0)
        return false;
    if (a.rank == 2) {
        if (b.rank != 1)
            return underPrefix(b.uri, a.uri);
        // Every match of the regex starts with its literal prefix; under "/p/" all are under "/p".
        const auto facts = RegexFacts::of(b.uri);
        return facts->compiles() && facts->literalPrefix.startsWith(trimmedPrefix(a.uri) + QLatin1Char('/'));
    }
    if (a.rank == 3)
        return b.rank == 3 && a.uri == b.uri;
    return (b.rank == 1 && a.uri == b.uri) || (b.rank == 3 && RegexFacts::fullMatch(a.uri, b.uri));
}

// Whether every request meeting `have` meets `need` (header names are case-insensitive, query
// parameter names are not).
bool conditionsCover(const QList<Condition> &need, const QList<Condition> &have, Qt::CaseSensitivity cs)
{
    for (const Condition &n : need) {
        bool met = false;
        for (const Condition &h : have)
            if (QString::compare(n.name, h.name, cs) == 0
                && ((n.regex == h.regex && n.value == h.value)
                    || (n.regex && !h.regex && RegexFacts::fullMatch(n.value, h.value))))
                met = true;
        if (!met)
            return false;
    }
    return true;
}

bool covers(const MatchEntry &a, const MatchEntry &b)
{
    return uriCovers(a, b) && (a.method.isEmpty() || a.method == b.method)
        && conditionsCover(a.headers, b.headers, Qt::CaseInsensitive)
        && conditionsCover(a.query, b.query, Qt::CaseSensitive);
}

// IsCatchAllRoute (route.go): prefix "/" (or no match) and no header or query condition; a method is
// a header (":method") there.
bool isCatchAll(const MatchEntry &e)
{
    return (e.noMatch || (e.rank == 2 && e.uri == QLatin1String("/"))) && e.headers.isEmpty()
        && e.query.isEmpty() && e.method.isEmpty();
}

// A request that `e` matches, written as a line of HTTP ("GET /a/b?x=1" plus headers).
QString sampleRequest(const MatchEntry &e)
{
    QString path = e.rank == 1 ? RegexFacts::of(e.uri)->sample : e.uri;
    if (e.rank < 0)
        path = QStringLiteral("/");
    QString out = e.method.isEmpty() ? QStringLiteral("GET ") : e.method + QLatin1Char(' ');
    out += path;
    QStringList q;
    for (const Condition &c : e.query)
        q.append(c.name + QLatin1Char('=') + (c.regex ? RegexFacts::of(c.value)->sample : c.value));
    if (!q.isEmpty())
        out += QLatin1Char('?') + q.join(QLatin1Char('&'));
    for (const Condition &c : e.headers)
        out += QStringLiteral(", %1: %2").arg(c.name, c.regex ? RegexFacts::of(c.value)->sample : c.value);
    return out;
}

QString describe(const MatchEntry &e)
{
    return QStringLiteral("%1 %2/%3 %4")
        .arg(e.route->kindName.value, e.route->namespaceName(), e.route->name(), e.path());
}

struct Verdict
{
    int seen = 0;
    int shadowed = 0;
    QString reason; // of the first key where it is shadowed
};

// One match of one route, whatever the parent and host it is judged for.
quint64 entryId(const MatchEntry &e)
{
    return (quint64(quint32(e.route->id)) << 32) | (quint64(quint16(e.rule)) << 16) | quint16(e.match + 1);
}

// Where an entry is filed in the index of one key: its URI type and value, a prefix without its
// trailing '/'.
QString indexKey(const MatchEntry &e)
{
    if (e.rank < 0)
        return QStringLiteral("-1:");
    return QString::number(e.rank) + QLatin1Char(':') + (e.rank == 2 ? trimmedPrefix(e.uri) : e.uri);
}

// The index keys under which an entry that covers `e` can be filed (uriCovers): no URI, the same
// exact or regex, or a prefix ending at one of the '/' of e's path (of a regex's literal prefix).
QStringList coveringKeys(const MatchEntry &e)
{
    QStringList keys;
    if (e.rank >= 0 && e.rank != 2)
        keys.append(indexKey(e));
    QString path;
    if (e.rank == 1)
        path = RegexFacts::of(e.uri)->literalPrefix;
    else if (e.rank >= 0)
        path = trimmedPrefix(e.uri);
    if (e.rank != 1 && !path.isEmpty())
        keys.append(QStringLiteral("2:") + path);
    // Longer prefixes first, so that the reason names the closest rule.
    QStringList prefixes;
    for (qsizetype k = path.indexOf(QLatin1Char('/'), 1); k > 0; k = path.indexOf(QLatin1Char('/'), k + 1))
        prefixes.prepend(QStringLiteral("2:") + path.left(k));
    keys << prefixes << QStringLiteral("2:") << QStringLiteral("-1:");
    return keys;
}

// The entries of one key in Istio's order; each that an earlier one covers (or that follows a
// catch-all) counts as shadowed there, with why.
void judge(QList<MatchEntry> &entries, const QString &where, QHash<quint64, Verdict> &verdicts)
{
    std::stable_sort(entries.begin(), entries.end(), sortsBefore);
    QHash<QString, QList<int>> index;
    int catchAll = -1;
    for (int j = 0; j < entries.size(); ++j) {
        const MatchEntry &e = entries[j];
        Verdict &v = verdicts[entryId(e)];
        ++v.seen;
        int by = -1;
        for (const QString &k : coveringKeys(e)) {
            for (const int i : index.value(k))
                if (by < 0 && covers(entries[i], e))
                    by = i;
            if (by >= 0)
                break;
        }
        QString why;
        if (by >= 0 && by == catchAll)
            why = QStringLiteral(
                "it comes after the catch-all %1, and Istio drops every route after a catch-all "
                "(BuildHTTPRoutesForVirtualService)")
                      .arg(describe(entries[catchAll]));
        else if (by >= 0)
            why = QStringLiteral(
                "%1 comes first in Istio's order (sortHTTPRoutes) and matches every request this "
                "one does")
                      .arg(describe(entries[by]));
        if (!why.isEmpty()) {
            ++v.shadowed;
            if (v.reason.isEmpty())
                v.reason = QStringLiteral("for %1: %2; e.g. \"%3\"").arg(where, why, sampleRequest(e));
        }
        index[indexKey(e)].append(j);
        if (catchAll < 0 && isCatchAll(e))
            catchAll = j;
    }
}

} // namespace

namespace {

// Each route's matches in rule and match order, with the CRD's defaults.
QList<MatchEntry> entriesOf(const Resource &r)
{
    QList<MatchEntry> own;
    const QList<RouteRule> &rules = r.gatewayApiRoute()->rules;
    for (int i = 0; i < rules.size(); ++i) {
        const qsizetype first = own.size();
        if (rules[i].matches.isEmpty())
            own.append(entryOf(r, i, -1, nullptr));
        for (int j = 0; j < rules[i].matches.size(); ++j)
            own.append(entryOf(r, i, j, &rules[i].matches[j]));
        for (qsizetype k = first; k < own.size(); ++k)
            if (!own[k].pos.isValid())
                own[k].pos = rules[i].pos;
    }
    return own;
}

} // namespace

void GatewayApiShadowAnalyzer::analyze(CheckContext &ctx)
{
    const Workspace &ws = ctx.workspace();
    QList<const Resource *> routes;
    for (const Resource &r : ws.resources)
        if ((r.kind == ResourceKind::HTTPRoute || r.kind == ResourceKind::GRPCRoute) && r.gatewayApiRoute())
            routes.append(&r);
    if (routes.isEmpty())
        return;
    std::stable_sort(routes.begin(), routes.end(), MergedRouteGroups::createdBefore);
    const GatewayApiParents parents(ws);
    QHash<QString, QList<MatchEntry>> byKey;
    QHash<QString, QString> keyName;
    QStringList keys; // first-seen order, so that every run judges the same way
    QList<QList<MatchEntry>> perRoute;
    for (const Resource *r : std::as_const(routes)) {
        perRoute.append(entriesOf(*r));
        QSet<QString> attached;
        for (const GatewayApiParents::Attachment &a : parents.of(*r)) {
            if (attached.contains(a.key))
                continue;
            attached.insert(a.key);
            if (!byKey.contains(a.key)) {
                keys.append(a.key);
                keyName.insert(a.key, QStringLiteral("%1, host %2").arg(a.parent, a.host));
            }
            byKey[a.key] += perRoute.last();
        }
    }
    QHash<quint64, Verdict> verdicts;
    for (const QString &k : std::as_const(keys))
        judge(byKey[k], keyName.value(k), verdicts);
    for (const QList<MatchEntry> &own : std::as_const(perRoute))
        for (const MatchEntry &e : own) {
            const Verdict v = verdicts.value(entryId(e));
            if (v.seen > 0 && v.shadowed == v.seen)
                ctx.warning(*e.route, e.pos, Code::GatewayApiRuleNeverWins,
                    QStringLiteral("this match never wins %1").arg(v.reason), e.path());
        }
}

Analyzer GatewayApiShadowAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("GatewayApiShadowAnalyzer"),
        { ResourceKind::HTTPRoute, ResourceKind::GRPCRoute, ResourceKind::KubernetesGateway },
        { Code::GatewayApiRuleNeverWins }, analyze);
}

} // namespace meshroute
