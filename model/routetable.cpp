#include "routetable.h"

#include "hostname.h"
#include "request.h"
#include "workspace.h"

#include <re2/re2.h>

#include <QHash>
#include <QSet>
#include <algorithm>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace meshroute {

namespace {

const QString kMesh = QStringLiteral("mesh");

bool asciiIEquals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = char(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

QString quoted(std::string_view s)
{
    return QLatin1Char('"') + QString::fromUtf8(s.data(), qsizetype(s.size())) + QLatin1Char('"');
}

// A compiled StringMatch. Regexes are RE2 objects shared between identical
// patterns, so a mesh with thousands of copies of one regex compiles it once.
struct Matcher
{
    enum Kind : std::uint8_t { Presence, Exact, Prefix, Regex, Never };
    Kind kind = Presence;
    bool ignoreCase = false;
    std::string value;
    std::shared_ptr<const RE2> re;
    QString error; // why a regex never matches

    bool matches(std::string_view v) const
    {
        switch (kind) {
        case Presence:
            return true;
        case Exact:
            return ignoreCase ? asciiIEquals(v, value) : v == value;
        case Prefix:
            return v.size() >= value.size()
                && (ignoreCase ? asciiIEquals(v.substr(0, value.size()), value)
                               : v.substr(0, value.size()) == value);
        case Regex:
            return RE2::FullMatch(re2::StringPiece(v.data(), v.size()), *re);
        case Never:
            return false;
        }
        return false;
    }
    QString describe() const
    {
        switch (kind) {
        case Presence:
            return QStringLiteral("present");
        case Exact:
            return QStringLiteral("exact ") + quoted(value)
                + (ignoreCase ? QStringLiteral(" (ignoring case)") : QString());
        case Prefix:
            return QStringLiteral("prefix ") + quoted(value)
                + (ignoreCase ? QStringLiteral(" (ignoring case)") : QString());
        case Regex:
            return QStringLiteral("regex ") + quoted(value);
        case Never:
            return QStringLiteral("regex ") + quoted(value) + QStringLiteral(" (invalid: ") + error
                + QLatin1Char(')');
        }
        return {};
    }
};

struct HeaderCond
{
    std::string name; // lower-case; pseudo headers keep their ':'
    QString label; // "header end-user", "method", "withoutHeaders x-debug"
    Matcher m;
    bool invert = false;
};

struct QueryCond
{
    std::string name;
    Matcher m;
};

struct CRoute
{
    enum PathKind : std::uint8_t { PathPrefix, PathExact, PathRegex };
    PathKind pathKind = PathPrefix;
    Matcher path;
    std::vector<HeaderCond> headers;
    std::vector<QueryCond> query;
    // Config-time filters (reference 6.8).
    int port = 0;
    std::vector<QString> matchGateways; // resolved; empty: the VirtualService's gateways
    Labels sourceLabels;
    QString sourceNamespace;
    bool hasSourceFilter = false;
    int vs = -1; // index in Data::vss
    int ownPos = 0; // emission order inside its VirtualService
    bool catchAll = false;
};

struct CVs
{
    const Resource *res = nullptr;
    const VirtualService *spec = nullptr;
    QString key; // ns/name
    QString ns;
    std::vector<QString> gateways; // resolved; {mesh} when none written
    QStringList hosts; // resolved, lower-case
    QStringList exportTo;
    int order = 0;
    int firstRoute = 0;
    int routeCount = 0;
    bool bindsMesh() const { return std::find(gateways.begin(), gateways.end(), kMesh) != gateways.end(); }
};

struct CEntry
{
    int route = -1;
    int prevCatchAll = -1; // entry of the nearest earlier catch-all of the same VirtualService
    std::uint8_t staticSkip
        = 0; // 1: match.gateways excludes this proxy, 2: match.port is another server port
};

struct CVhost
{
    QString name;
    QStringList domains;
    std::vector<CEntry> entries;
    int vs = -1; // the VirtualService (sidecar) or the first one (gateway); -1: default route
    int vsCount = 0;
    QString serviceFqdn; // default route
    std::vector<int> ports; // sidecar: ports the host is served on; empty = every port
    bool httpsRedirect = false;
    bool defaultRoute = false;
};

struct Candidate
{
    int vhost = -1;
    QString requiredNamespace; // short name "reviews": only for clients in that namespace
};

struct SvHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// The virtual hosts of one route configuration and the domain index over
// them. Gateways with the same selector in one namespace program the same
// proxies, so they share one table per port; a gateway table is built on
// first use (Data::table), so routing one request builds only its own.
struct CTable
{
    std::vector<QString> gatewayNames; // Gateways with a server on this port
    std::vector<CVhost> vhosts;
    std::unordered_map<std::string, std::vector<Candidate>, SvHash, std::equal_to<>> exact;
    std::vector<std::pair<std::string, std::vector<Candidate>>>
        suffix; // "*.x.com" as ".x.com", longest first
    std::vector<std::pair<std::string, std::vector<Candidate>>> prefix; // "x.*" as "x.", longest first
    std::vector<Candidate> star;
    std::once_flag built;
    int proxy = -1; // Data::proxies index; -1: the sidecar table, built eagerly
    int port = 0;
};

// One route configuration as a request sees it: the sidecar's, or one
// gateway's on one port (its name and labels), over a possibly shared table.
struct CConfig
{
    QString name;
    bool sidecar = true;
    int port = 0;
    QString gatewayKey;
    QString gatewayNamespace;
    Labels proxyLabels;
    std::shared_ptr<CTable> table = std::make_shared<CTable>();
};

// The proxies a set of Gateways programs: the Gateways whose selector the
// pods (labelled with one selector) satisfy, seen from one namespace.
struct CProxy
{
    int group = -1; // Data::gatewayGroups index
    QString ns;
};

// The Gateways applying to pods labelled with one selector, and their HTTP ports.
struct CGatewayGroup
{
    std::vector<int> gateways; // Data::gateways indices, in workspace order
    QList<int> ports; // sorted
    QStringList protocols; // parallel to ports, lower-case
};

struct ServiceInfo
{
    QList<int> ports;
    QString ns;
    const KubernetesService *k8s = nullptr;
};

struct DrInfo
{
    QString host; // resolved
    const DestinationRule *spec = nullptr;
};

struct WorkloadInfo
{
    QString ns;
    const Workload *spec = nullptr;
};

struct GatewayInfo
{
    QString key;
    QString ns;
    const Gateway *spec = nullptr;
};

bool isHttpProtocol(const QString &protocol)
{
    const QString p = protocol.toUpper();
    return p == QLatin1String("HTTP") || p == QLatin1String("HTTPS") || p == QLatin1String("HTTP2")
        || p == QLatin1String("GRPC") || p == QLatin1String("GRPC-WEB");
}

// Gateway references as Istio resolves them (reference 6.10).
QString resolveGatewayName(const QString &name, const QString &vsNamespace)
{
    if (name == kMesh)
        return name;
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString ns = name.left(slash);
        return (ns == QLatin1String(".") ? vsNamespace : ns) + name.mid(slash);
    }
    if (name.contains(QLatin1Char('.'))) {
        const QStringList parts = name.split(QLatin1Char('.'));
        return parts.value(1) + QLatin1Char('/') + parts.value(0);
    }
    return vsNamespace + QLatin1Char('/') + name;
}

QString resolveHostLower(const QString &host, const QString &ns)
{
    QString h = HostName::resolve(host.trimmed(), ns).toLower();
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    return h;
}

bool visibleTo(const QStringList &exportTo, const QString &ownNs, const QString &ns)
{
    if (exportTo.isEmpty())
        return true;
    for (const QString &e : exportTo)
        if (e == QLatin1String("*") || e == ns || (e == QLatin1String(".") && ownNs == ns))
            return true;
    return false;
}

// Istio orders VirtualServices private-to-namespace first, then exported to
// the namespace, then public (reference 6.13).
int visibilityRank(const CVs &vs, const QString &ns)
{
    if (vs.exportTo.isEmpty() || vs.exportTo.contains(QLatin1String("*")))
        return 2;
    if (vs.exportTo.contains(QLatin1String(".")) && vs.ns == ns)
        return 0;
    return 1;
}

// The more specific of two intersecting host patterns, or empty.
QString intersectHosts(const QString &serverHost, const QString &vsHost)
{
    if (HostName::covers(serverHost, vsHost))
        return vsHost;
    if (HostName::covers(vsHost, serverHost))
        return serverHost;
    return {};
}

QString labelsText(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts << l.key + QLatin1Char('=') + l.value;
    return parts.isEmpty() ? QStringLiteral("(none)") : parts.join(QLatin1Char(','));
}

} // namespace

struct RouteTable::Data
{
    Workspace ws;
    std::vector<CVs> vss; // root VirtualServices in creation order
    std::vector<CRoute> routes;
    std::vector<RouteInfo> infos; // parallel to routes
    std::vector<int> routeRule; // parallel to routes: index in rules
    QList<RuleRef> rules;
    std::deque<HttpRoute> ownedRules;
    std::deque<HttpMatchRequest> ownedMatches;
    std::vector<CConfig> configs; // [0] = sidecars
    QHash<QString, std::vector<std::pair<int, int>>> gatewayConfigs; // gateway key -> (port, config)
    QHash<QString, ServiceInfo> services; // lower-case FQDN
    std::vector<std::pair<QString, ServiceInfo>> wildcardEntries; // ServiceEntry wildcard hosts
    std::vector<DrInfo> drs;
    QHash<QString, std::vector<int>> drsByHost; // exact DestinationRule hosts
    std::vector<int> wildcardDrs; // DestinationRules with a wildcard host
    std::vector<WorkloadInfo> workloads;
    QHash<QString, std::vector<int>> workloadsByNamespace;

    // The DestinationRules whose host covers a FQDN, exact ones first.
    template <typename F> void forDestinationRules(const QString &fqdn, F &&f) const
    {
        const auto exact = drsByHost.constFind(fqdn);
        if (exact != drsByHost.cend())
            for (int i : *exact)
                if (f(drs[i]))
                    return;
        for (int i : wildcardDrs)
            if (HostName::covers(drs[i].host, fqdn) && f(drs[i]))
                return;
    }
    std::vector<GatewayInfo> gateways;
    std::vector<CGatewayGroup> gatewayGroups;
    std::vector<CProxy> proxies;
    QHash<QString, std::vector<int>> vssByGateway; // gateway key -> root VirtualServices binding it
    std::unordered_map<std::string, std::shared_ptr<const RE2>> regexCache;
    bool hasRegistry = false;

    Matcher compileMatcher(const StringMatch &sm, bool presenceForStar, bool ignoreCase)
    {
        Matcher m;
        m.value = sm.value.toStdString();
        switch (sm.type) {
        case StringMatch::Type::Presence:
            m.kind = Matcher::Presence;
            break;
        case StringMatch::Type::Exact:
            m.kind = Matcher::Exact;
            m.ignoreCase = ignoreCase;
            break;
        case StringMatch::Type::Prefix:
            m.kind = Matcher::Prefix;
            m.ignoreCase = ignoreCase;
            break;
        case StringMatch::Type::Regex:
            if (presenceForStar && sm.value == QLatin1String("*")) {
                m.kind = Matcher::Presence;
                break;
            }
            m.kind = Matcher::Regex;
            m.re = regex(m.value, &m.error);
            if (!m.re)
                m.kind = Matcher::Never;
            break;
        }
        return m;
    }

    std::shared_ptr<const RE2> regex(const std::string &pattern, QString *error)
    {
        auto it = regexCache.find(pattern);
        if (it != regexCache.end())
            return it->second;
        RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_shared<const RE2>(pattern, options);
        if (!re->ok()) {
            *error = QString::fromStdString(re->error());
            regexCache.emplace(pattern, nullptr);
            return nullptr;
        }
        regexCache.emplace(pattern, re);
        return re;
    }

    CRoute compileRoute(const HttpMatchRequest *match, const CVs &vs)
    {
        CRoute c;
        c.path.kind = Matcher::Prefix;
        c.path.value = "/";
        if (match) {
            const bool ic = match->ignoreUriCase.valueOr(false);
            if (match->hasUri) {
                switch (match->uri.type) {
                case StringMatch::Type::Exact:
                    c.pathKind = CRoute::PathExact;
                    c.path = compileMatcher(match->uri, false, ic);
                    break;
                case StringMatch::Type::Prefix:
                    c.pathKind = CRoute::PathPrefix;
                    c.path = compileMatcher(match->uri, false, ic);
                    break;
                case StringMatch::Type::Regex:
                    // Envoy's case_sensitive does not apply to safe_regex.
                    c.pathKind = CRoute::PathRegex;
                    c.path = compileMatcher(match->uri, false, false);
                    break;
                case StringMatch::Type::Presence:
                    break; // uri: {} leaves prefix "/"
                }
            }
            auto pseudo = [&](bool has, const StringMatch &sm, const char *name, const char *label) {
                if (!has)
                    return;
                HeaderCond h;
                h.name = name;
                h.label = QString::fromLatin1(label);
                h.m = compileMatcher(sm, false, false);
                c.headers.push_back(std::move(h));
            };
            pseudo(match->hasScheme, match->scheme, ":scheme", "scheme");
            pseudo(match->hasMethod, match->method, ":method", "method");
            pseudo(match->hasAuthority, match->authority, ":authority", "authority");
            for (const Entry<StringMatch> &e : match->headers) {
                HeaderCond h;
                h.name = e.key.toLower().toStdString();
                h.label = QStringLiteral("header ") + e.key;
                h.m = compileMatcher(e.value, true, false);
                c.headers.push_back(std::move(h));
            }
            for (const Entry<StringMatch> &e : match->withoutHeaders) {
                HeaderCond h;
                h.name = e.key.toLower().toStdString();
                h.label = QStringLiteral("withoutHeaders ") + e.key;
                h.m = compileMatcher(e.value, true, false);
                h.invert = true;
                c.headers.push_back(std::move(h));
            }
            for (const Entry<StringMatch> &e : match->queryParams) {
                QueryCond q;
                q.name = e.key.toStdString();
                q.m = compileMatcher(e.value, true, false);
                c.query.push_back(std::move(q));
            }
            c.port = match->port.present ? int(match->port.value) : 0;
            for (const Field<QString> &g : match->gateways)
                c.matchGateways.push_back(resolveGatewayName(g.value, vs.ns));
            c.sourceLabels = match->sourceLabels;
            c.sourceNamespace = match->sourceNamespace.valueOr(QString());
            c.hasSourceFilter = !c.sourceLabels.isEmpty() || !c.sourceNamespace.isEmpty();
        }
        // Istio's IsCatchAllRoute: prefix "/" (or regex ".*") with no header or query matcher.
        const bool pathAll = (c.pathKind == CRoute::PathPrefix && c.path.value == "/")
            || (c.pathKind == CRoute::PathRegex && c.path.value == ".*");
        c.catchAll = pathAll && c.headers.empty() && c.query.empty();
        return c;
    }

    void addRoute(CVs &vs, const HttpRoute *rule, const HttpRoute *rootRule, const HttpMatchRequest *match,
        int ruleIndex, int matchIndex, const Resource *delegate, int delegateRuleIndex, const QString &hostNs,
        int ruleRef)
    {
        CRoute c = compileRoute(match, vs);
        c.vs = int(&vs - vss.data());
        c.ownPos = vs.routeCount++;
        RouteInfo info;
        info.virtualServiceId = vs.res->id;
        info.virtualService = vs.key;
        info.ruleIndex = ruleIndex;
        info.matchIndex = matchIndex;
        info.rule = rule;
        info.rootRule = rootRule;
        info.match = match;
        info.hostNamespace = hostNs;
        info.catchAll = c.catchAll;
        info.envoyName = rule->name.valueOr(QString());
        if (match && match->name.present && !match->name.value.isEmpty())
            info.envoyName += QLatin1Char('.') + match->name.value;
        if (delegate) {
            info.delegateId = delegate->id;
            info.delegate = delegate->namespaceName() + QLatin1Char('/') + delegate->name();
            info.delegateRuleIndex = delegateRuleIndex;
        }
        routes.push_back(std::move(c));
        infos.push_back(std::move(info));
        routeRule.push_back(ruleRef);
    }

    void compileVirtualService(CVs &vs);
    void buildSidecar();
    void buildGateways();
    void buildGatewayTable(CTable &table) const;
    const CTable &table(const CConfig &cfg) const
    {
        CTable &t = *cfg.table;
        std::call_once(t.built, [&] {
            if (t.proxy >= 0)
                buildGatewayTable(t);
        });
        return t;
    }
    int lookup(const CConfig &cfg, const CTable &table, std::string_view host, const QString &clientNs,
        int port) const;
    bool clientOk(const CConfig &cfg, const CRoute &r, const Request &req, int port) const;
    bool emitted(const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const;
    static bool matches(const CRoute &r, const Request &req);
    QString explainRoute(const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const;
    QString clientNamespace(const CConfig &cfg, const Request &req) const
    {
        if (!req.sourceNamespace().isEmpty())
            return req.sourceNamespace();
        return cfg.sidecar ? QStringLiteral("default") : cfg.gatewayNamespace;
    }
};

namespace {

// Delegate match merging (reference 6.13): a delegate match must stay inside
// its root match, else istiod drops the delegate rule. As
// pilot/pkg/model/virtualservice.go stringMatchConflict, which reads an
// empty exact/prefix/regex as unset: a root match that sets none of them
// (presence only) conflicts with every delegate match of the same field,
// and so do a root regex and any delegate match.
bool stringMatchConflict(const StringMatch *root, const StringMatch *leaf)
{
    if (!root || !leaf)
        return false;
    using T = StringMatch::Type;
    const auto is = [](const StringMatch *m, T type) { return m->type == type && !m->value.isEmpty(); };
    const auto any
        = [&](const StringMatch *m) { return is(m, T::Regex) || is(m, T::Prefix) || is(m, T::Exact); };
    if (is(root, T::Regex) && any(leaf))
        return true;
    if (is(leaf, T::Regex) && any(root))
        return true;
    if (is(root, T::Exact))
        return is(leaf, T::Prefix) || !is(leaf, T::Exact) || leaf->value != root->value;
    if (is(root, T::Prefix)) {
        if (is(leaf, T::Prefix) || is(leaf, T::Exact))
            return !leaf->value.startsWith(root->value);
    }
    return true;
}

const StringMatch *findIn(const StringMatchMap &map, const QString &key)
{
    for (const Entry<StringMatch> &e : map)
        if (e.key == key)
            return &e.value;
    return nullptr;
}

bool matchConflict(const HttpMatchRequest &root, const HttpMatchRequest &leaf, QString *why)
{
    auto field = [&](bool rh, const StringMatch &r, bool lh, const StringMatch &l, const char *name) {
        if (stringMatchConflict(rh ? &r : nullptr, lh ? &l : nullptr)) {
            *why = QStringLiteral("%1 %2 is not inside the root's %3")
                       .arg(QLatin1String(name), l.describe(), r.describe());
            return true;
        }
        return false;
    };
    if (field(root.hasUri, root.uri, leaf.hasUri, leaf.uri, "uri")
        || field(root.hasScheme, root.scheme, leaf.hasScheme, leaf.scheme, "scheme")
        || field(root.hasMethod, root.method, leaf.hasMethod, leaf.method, "method")
        || field(root.hasAuthority, root.authority, leaf.hasAuthority, leaf.authority, "authority"))
        return true;
    auto maps = [&](const StringMatchMap &r, const StringMatchMap &l, const char *name) {
        for (const Entry<StringMatch> &e : l)
            if (stringMatchConflict(findIn(r, e.key), &e.value)) {
                *why = QStringLiteral("%1 %2 conflicts with the root's").arg(QLatin1String(name), e.key);
                return true;
            }
        return false;
    };
    if (maps(root.headers, leaf.headers, "header")
        || maps(root.withoutHeaders, leaf.withoutHeaders, "withoutHeaders")
        || maps(root.queryParams, leaf.queryParams, "query param"))
        return true;
    if (root.ignoreUriCase.valueOr(false) != leaf.ignoreUriCase.valueOr(false)) {
        *why = QStringLiteral("ignoreUriCase differs from the root's");
        return true;
    }
    if (root.port.present && leaf.port.present && root.port.value != leaf.port.value) {
        *why = QStringLiteral("port %1 differs from the root's %2").arg(leaf.port.value).arg(root.port.value);
        return true;
    }
    if (root.sourceNamespace.present && !root.sourceNamespace.value.isEmpty()
        && leaf.sourceNamespace.valueOr(QString()) != root.sourceNamespace.value) {
        *why = QStringLiteral("sourceNamespace differs from the root's");
        return true;
    }
    for (const Label &l : leaf.sourceLabels)
        for (const Label &r : root.sourceLabels)
            if (r.key == l.key && r.value != l.value) {
                *why = QStringLiteral("sourceLabels %1 differs from the root's").arg(l.key);
                return true;
            }
    if (!root.gateways.isEmpty() && !leaf.gateways.isEmpty()) {
        for (const Field<QString> &g : leaf.gateways) {
            bool found = false;
            for (const Field<QString> &rg : root.gateways)
                found = found || rg.value == g.value;
            if (!found) {
                *why = QStringLiteral("gateway %1 is not among the root's").arg(g.value);
                return true;
            }
        }
    }
    return false;
}

void mergeMap(StringMatchMap &out, const StringMatchMap &root)
{
    for (const Entry<StringMatch> &e : root)
        if (!findIn(out, e.key))
            out.append(e);
}

HttpMatchRequest mergeMatch(const HttpMatchRequest &root, const HttpMatchRequest &leaf)
{
    HttpMatchRequest out = leaf;
    if (!leaf.name.present || leaf.name.value.isEmpty())
        out.name = root.name;
    else if (root.name.present && !root.name.value.isEmpty())
        out.name.value = root.name.value + QLatin1Char('-') + leaf.name.value;
    if (!out.hasUri) {
        out.uri = root.uri;
        out.hasUri = root.hasUri;
    }
    if (!out.hasScheme) {
        out.scheme = root.scheme;
        out.hasScheme = root.hasScheme;
    }
    if (!out.hasMethod) {
        out.method = root.method;
        out.hasMethod = root.hasMethod;
    }
    if (!out.hasAuthority) {
        out.authority = root.authority;
        out.hasAuthority = root.hasAuthority;
    }
    mergeMap(out.headers, root.headers);
    mergeMap(out.withoutHeaders, root.withoutHeaders);
    mergeMap(out.queryParams, root.queryParams);
    if (!out.port.present)
        out.port = root.port;
    for (const Label &l : root.sourceLabels) {
        bool found = false;
        for (const Label &o : out.sourceLabels)
            found = found || o.key == l.key;
        if (!found)
            out.sourceLabels.append(l);
    }
    if (!out.sourceNamespace.present)
        out.sourceNamespace = root.sourceNamespace;
    if (out.gateways.isEmpty())
        out.gateways = root.gateways;
    if (!out.ignoreUriCase.present)
        out.ignoreUriCase = root.ignoreUriCase;
    if (!out.statPrefix.present)
        out.statPrefix = root.statPrefix;
    return out;
}

// The delegate rule with what it leaves unset taken from the root rule.
HttpRoute mergeRule(const HttpRoute &root, const HttpRoute &leaf)
{
    HttpRoute out = leaf;
    if (!leaf.name.present || leaf.name.value.isEmpty())
        out.name = root.name;
    else if (root.name.present && !root.name.value.isEmpty())
        out.name.value = root.name.value + QLatin1Char('-') + leaf.name.value;
    if (!out.rewrite->present)
        out.rewrite = root.rewrite;
    if (!out.directResponse->present)
        out.directResponse = root.directResponse;
    if (!out.timeout.present)
        out.timeout = root.timeout;
    if (!out.retries->present)
        out.retries = root.retries;
    if (!out.fault->present)
        out.fault = root.fault;
    if (!out.hasMirror && out.mirrors.isEmpty()) {
        out.mirror = root.mirror;
        out.hasMirror = root.hasMirror;
        out.mirrors = root.mirrors;
    }
    if (!out.mirrorPercentage->present)
        out.mirrorPercentage = root.mirrorPercentage;
    if (!out.mirrorPercent.present)
        out.mirrorPercent = root.mirrorPercent;
    if (!out.corsPolicy->present)
        out.corsPolicy = root.corsPolicy;
    if (!out.headers->present)
        out.headers = root.headers;
    return out;
}

} // namespace

void RouteTable::Data::compileVirtualService(CVs &vs)
{
    vs.firstRoute = int(routes.size());
    const VirtualService &spec = *vs.spec;
    for (int ri = 0; ri < spec.http.size(); ++ri) {
        const HttpRoute &rule = spec.http[ri];
        if (!rule.delegate->present) {
            RuleRef ref;
            ref.virtualServiceId = vs.res->id;
            ref.virtualService = vs.key;
            ref.ruleIndex = ri;
            ref.ruleName = rule.displayName(ri);
            const int refIndex = int(rules.size());
            rules.append(ref);
            if (rule.match.isEmpty())
                addRoute(vs, &rule, &rule, nullptr, ri, -1, nullptr, -1, vs.ns, refIndex);
            else
                for (int mi = 0; mi < rule.match.size(); ++mi)
                    addRoute(vs, &rule, &rule, &rule.match[mi], ri, mi, nullptr, -1, vs.ns, refIndex);
            continue;
        }
        const QString dns = rule.delegate->namespace_.present && !rule.delegate->namespace_.value.isEmpty()
            ? rule.delegate->namespace_.value
            : vs.ns;
        const QString dname = rule.delegate->name.valueOr(QString());
        const Resource *dres = nullptr;
        for (const Resource &r : ws.resources)
            if (r.kind == ResourceKind::VirtualService && r.name() == dname && r.namespaceName() == dns
                && r.virtualService() && r.virtualService()->hosts.isEmpty()) {
                dres = &r;
                break;
            }
        if (!dres) {
            RuleRef ref;
            ref.virtualServiceId = vs.res->id;
            ref.virtualService = vs.key;
            ref.ruleIndex = ri;
            ref.ruleName = rule.displayName(ri);
            ref.delegate = dns + QLatin1Char('/') + dname;
            ref.droppedReason = QStringLiteral(
                "delegate VirtualService %1/%2 not found: istiod emits no route for this rule")
                                    .arg(dns, dname);
            rules.append(ref);
            continue;
        }
        const VirtualService &dspec = *dres->virtualService();
        for (int di = 0; di < dspec.http.size(); ++di) {
            const HttpRoute &leaf = dspec.http[di];
            RuleRef ref;
            ref.virtualServiceId = vs.res->id;
            ref.virtualService = vs.key;
            ref.ruleIndex = ri;
            ref.ruleName = rule.displayName(ri);
            ref.delegateId = dres->id;
            ref.delegate = dns + QLatin1Char('/') + dname;
            ref.delegateRuleIndex = di;
            if (leaf.delegate->present) {
                ref.droppedReason = QStringLiteral("a delegate rule cannot delegate again");
                rules.append(ref);
                continue;
            }
            // Each delegate match must fit at least one root match; the merged
            // matches are the non-conflicting pairs (istiod's mergeHTTPMatchRequests).
            std::vector<std::pair<HttpMatchRequest, int>> merged;
            QString why;
            bool conflict = false;
            if (rule.match.isEmpty()) {
                for (int mi = 0; mi < leaf.match.size(); ++mi)
                    merged.emplace_back(leaf.match[mi], mi);
            } else if (leaf.match.isEmpty()) {
                for (int mi = 0; mi < rule.match.size(); ++mi)
                    merged.emplace_back(rule.match[mi], -1);
            } else {
                for (int mi = 0; mi < leaf.match.size() && !conflict; ++mi) {
                    bool found = false;
                    for (const HttpMatchRequest &rm : rule.match) {
                        QString w;
                        if (matchConflict(rm, leaf.match[mi], &w)) {
                            why = w;
                            continue;
                        }
                        merged.emplace_back(mergeMatch(rm, leaf.match[mi]), mi);
                        found = true;
                    }
                    if (!found)
                        conflict = true;
                }
                if (merged.empty())
                    conflict = true;
            }
            if (conflict) {
                ref.droppedReason
                    = QStringLiteral("delegate match conflicts with the root match (%1): istiod drops "
                                     "this delegate rule")
                          .arg(why);
                rules.append(ref);
                continue;
            }
            const int refIndex = int(rules.size());
            rules.append(ref);
            ownedRules.push_back(mergeRule(rule, leaf));
            const HttpRoute *eff = &ownedRules.back();
            if (merged.empty()) {
                addRoute(vs, eff, &rule, nullptr, ri, -1, dres, di, dns, refIndex);
            } else {
                for (auto &[m, mi] : merged) {
                    ownedMatches.push_back(std::move(m));
                    addRoute(vs, eff, &rule, &ownedMatches.back(), ri, mi, dres, di, dns, refIndex);
                }
            }
        }
    }
}

namespace {

void addCandidate(CTable &cfg, const QString &domain, const Candidate &c)
{
    if (domain == QLatin1String("*")) {
        cfg.star.push_back(c);
        return;
    }
    if (domain.startsWith(QLatin1Char('*'))) {
        const std::string s = domain.mid(1).toStdString();
        for (auto &p : cfg.suffix)
            if (p.first == s) {
                p.second.push_back(c);
                return;
            }
        cfg.suffix.emplace_back(s, std::vector<Candidate> { c });
        return;
    }
    if (domain.endsWith(QLatin1Char('*'))) {
        const std::string s = domain.chopped(1).toStdString();
        for (auto &p : cfg.prefix)
            if (p.first == s) {
                p.second.push_back(c);
                return;
            }
        cfg.prefix.emplace_back(s, std::vector<Candidate> { c });
        return;
    }
    cfg.exact[domain.toStdString()].push_back(c);
}

void sortWildcards(CTable &cfg)
{
    auto longer = [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); };
    std::stable_sort(cfg.suffix.begin(), cfg.suffix.end(), longer);
    std::stable_sort(cfg.prefix.begin(), cfg.prefix.end(), longer);
}

// The short forms a sidecar also answers to for a cluster-local service:
// name.ns, name.ns.svc, and name for clients in the same namespace.
void addServiceDomains(CTable &cfg, const QString &fqdn, int vhost, QStringList *domains)
{
    addCandidate(cfg, fqdn, { vhost, {} });
    domains->append(fqdn);
    const QString tail = QLatin1Char('.') + HostName::clusterDomain();
    if (!fqdn.endsWith(tail))
        return;
    const QStringList parts = fqdn.left(fqdn.size() - tail.size()).split(QLatin1Char('.'));
    if (parts.size() != 2)
        return;
    const QString nameNs = parts[0] + QLatin1Char('.') + parts[1];
    addCandidate(cfg, nameNs, { vhost, {} });
    addCandidate(cfg, nameNs + QStringLiteral(".svc"), { vhost, {} });
    addCandidate(cfg, parts[0], { vhost, parts[1] });
    *domains << nameNs << nameNs + QStringLiteral(".svc") << parts[0];
}

void linkCatchAlls(CVhost &vh, const std::vector<CRoute> &routes)
{
    // For each entry, the nearest earlier (in its VirtualService's own order)
    // catch-all of the same VirtualService: istiod stops emitting a
    // VirtualService's routes after the first catch-all it emits.
    std::unordered_map<int, std::vector<std::pair<int, int>>> catchAlls; // vs -> (ownPos, entry)
    for (std::size_t j = 0; j < vh.entries.size(); ++j) {
        const CRoute &o = routes[vh.entries[j].route];
        if (o.catchAll)
            catchAlls[o.vs].emplace_back(o.ownPos, int(j));
    }
    if (catchAlls.empty())
        return;
    for (CEntry &e : vh.entries) {
        const CRoute &r = routes[e.route];
        auto it = catchAlls.find(r.vs);
        if (it == catchAlls.end())
            continue;
        int bestPos = -1;
        for (const auto &[pos, entry] : it->second)
            if (pos < r.ownPos && pos > bestPos) {
                bestPos = pos;
                e.prevCatchAll = entry;
            }
    }
}

} // namespace

void RouteTable::Data::buildSidecar()
{
    CConfig &config = configs.emplace_back();
    config.name = QStringLiteral("sidecar");
    config.sidecar = true;
    CTable &cfg = *config.table;
    for (CVs &vs : vss) {
        if (!vs.bindsMesh())
            continue;
        for (const QString &host : vs.hosts) {
            const int vi = int(cfg.vhosts.size());
            CVhost &vh = cfg.vhosts.emplace_back();
            vh.vs = int(&vs - vss.data());
            vh.vsCount = 1;
            for (int i = 0; i < vs.routeCount; ++i) {
                CEntry e;
                e.route = vs.firstRoute + i;
                const CRoute &r = routes[e.route];
                if (!r.matchGateways.empty()
                    && std::find(r.matchGateways.begin(), r.matchGateways.end(), kMesh)
                        == r.matchGateways.end())
                    e.staticSkip = 1;
                vh.entries.push_back(e);
            }
            linkCatchAlls(vh, routes);
            if (HostName::isWildcard(host)) {
                vh.name = host;
                vh.domains << host;
                addCandidate(cfg, host, { vi, {} });
                // Registry services under the wildcard take this VirtualService's routes.
                for (auto it = services.cbegin(); it != services.cend(); ++it) {
                    if (!HostName::covers(host, it.key()))
                        continue;
                    const int si = int(cfg.vhosts.size());
                    CVhost copy = cfg.vhosts[vi];
                    copy.name = it.key();
                    copy.domains.clear();
                    copy.ports.assign(it->ports.begin(), it->ports.end());
                    cfg.vhosts.push_back(std::move(copy));
                    addServiceDomains(cfg, it.key(), si, &cfg.vhosts[si].domains);
                }
                continue;
            }
            vh.name = host;
            const auto known = services.constFind(host);
            if (known != services.cend())
                vh.ports.assign(known->ports.begin(), known->ports.end());
            else if (!host.endsWith(QLatin1Char('.') + HostName::clusterDomain()))
                vh.ports = {
                    80
                }; // reference 6.14: a mesh VS host outside the registry gets a vhost on port 80 only
            // An unknown cluster-local name is most likely a Service whose
            // manifest is not loaded: serve it on every port rather than guess.
            QStringList domains;
            addServiceDomains(cfg, host, vi, &domains);
            cfg.vhosts[vi].domains = domains;
        }
    }
    // Default routes: a registry service no VirtualService claims.
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        const int vi = int(cfg.vhosts.size());
        CVhost &vh = cfg.vhosts.emplace_back();
        vh.name = it.key();
        vh.defaultRoute = true;
        vh.serviceFqdn = it.key();
        vh.ports.assign(it->ports.begin(), it->ports.end());
        QStringList domains;
        addServiceDomains(cfg, it.key(), vi, &domains);
        cfg.vhosts[vi].domains = domains;
    }
    for (const auto &[host, info] : wildcardEntries) {
        const int vi = int(cfg.vhosts.size());
        CVhost &vh = cfg.vhosts.emplace_back();
        vh.name = host;
        vh.defaultRoute = true;
        vh.serviceFqdn = host;
        vh.ports.assign(info.ports.begin(), info.ports.end());
        vh.domains << host;
        addCandidate(cfg, host, { vi, {} });
    }
    sortWildcards(cfg);
}

namespace {

// A selector as a set, so that Gateways with the same labels in another order share their proxies.
QString selectorKey(const Gateway &g)
{
    if (!g.hasSelector || g.selector.isEmpty())
        return {};
    QStringList parts;
    for (const Label &l : g.selector)
        parts << l.key + QLatin1Char('=') + l.value;
    parts.sort();
    parts.removeDuplicates();
    return parts.join(QLatin1Char('\n'));
}

} // namespace

void RouteTable::Data::buildGateways()
{
    for (int i = 0; i < int(vss.size()); ++i)
        for (const QString &gw : vss[i].gateways) {
            std::vector<int> &list = vssByGateway[gw];
            if (gw != kMesh && (list.empty() || list.back() != i))
                list.push_back(i);
        }
    // Gateways with equal selectors apply to the same pods: one group per
    // selector, one proxy (and one table per port) per selector and
    // namespace, so N Gateways sharing a selector cost N, not N^2 or N^3.
    QHash<QString, int> groupBySelector;
    QHash<QString, int> proxyByKey;
    std::vector<std::vector<std::shared_ptr<CTable>>> proxyTables; // parallel to proxies, by port
    for (const GatewayInfo &g : gateways) {
        const QString selector = selectorKey(*g.spec);
        auto groupIt = groupBySelector.constFind(selector);
        if (groupIt == groupBySelector.cend()) {
            // The Gateways that program the same proxies: those whose selector the
            // named Gateway's pods (labelled with its selector) satisfy.
            CGatewayGroup group;
            for (int o = 0; o < int(gateways.size()); ++o) {
                const Gateway &og = *gateways[o].spec;
                const bool applies = &gateways[o] == &g || !og.hasSelector || og.selector.isEmpty()
                    || (!selector.isEmpty() && labelsContain(g.spec->selector, og.selector));
                if (applies)
                    group.gateways.push_back(o);
            }
            for (int o : group.gateways)
                for (const Server &s : gateways[o].spec->servers)
                    if (s.port.number.present && isHttpProtocol(s.port.protocol.valueOr(QString()))
                        && !group.ports.contains(int(s.port.number.value)))
                        group.ports.append(int(s.port.number.value));
            std::sort(group.ports.begin(), group.ports.end());
            for (int port : std::as_const(group.ports))
                group.protocols << [&] {
                    for (int o : group.gateways)
                        for (const Server &s : gateways[o].spec->servers)
                            if (s.port.number.valueOr(0) == port)
                                return s.port.protocol.valueOr(QString()).toLower();
                    return QString();
                }();
            groupIt = groupBySelector.insert(selector, int(gatewayGroups.size()));
            gatewayGroups.push_back(std::move(group));
        }
        const CGatewayGroup &group = gatewayGroups[*groupIt];
        const QString proxyKey = selector + QLatin1Char('\0') + g.ns;
        auto proxyIt = proxyByKey.constFind(proxyKey);
        if (proxyIt == proxyByKey.cend()) {
            const int pi = int(proxies.size());
            proxies.push_back({ *groupIt, g.ns });
            std::vector<std::shared_ptr<CTable>> &tables = proxyTables.emplace_back();
            for (int port : group.ports) {
                auto t = std::make_shared<CTable>();
                t->proxy = pi;
                t->port = port;
                tables.push_back(std::move(t));
            }
            proxyIt = proxyByKey.insert(proxyKey, pi);
        }
        auto &list = gatewayConfigs[g.key];
        for (int k = 0; k < group.ports.size(); ++k) {
            const int port = group.ports[k];
            const int ci = int(configs.size());
            list.emplace_back(port, ci);
            CConfig &cfg = configs.emplace_back();
            cfg.sidecar = false;
            cfg.port = port;
            cfg.gatewayKey = g.key;
            cfg.gatewayNamespace = g.ns;
            cfg.proxyLabels = g.spec->selector;
            const QString &proto = group.protocols[k];
            cfg.name = QStringLiteral("%1.%2 at %3")
                           .arg(proto == QLatin1String("https") ? proto : QStringLiteral("http"))
                           .arg(port)
                           .arg(g.key);
            cfg.table = proxyTables[*proxyIt][k];
        }
    }
}

void RouteTable::Data::buildGatewayTable(CTable &cfg) const
{
    const CProxy &proxy = proxies[cfg.proxy];
    const CGatewayGroup &group = gatewayGroups[proxy.group];
    const int port = cfg.port;
    const QString &ns = proxy.ns;
    std::vector<std::pair<const GatewayInfo *, const Server *>> servers;
    QHash<QString, std::vector<int>> serversByGateway; // gateway key -> servers indices, ascending
    for (int o : group.gateways) {
        const GatewayInfo &gw = gateways[o];
        for (const Server &s : gw.spec->servers)
            if (s.port.number.valueOr(0) == port && isHttpProtocol(s.port.protocol.valueOr(QString()))) {
                std::vector<int> &own = serversByGateway[gw.key];
                if (own.empty())
                    cfg.gatewayNames.push_back(gw.key); // once per Gateway, in order
                own.push_back(int(servers.size()));
                servers.emplace_back(&gw, &s);
            }
    }
    // Only VirtualServices bound to one of these Gateways can add routes:
    // those visible from the gateway's namespace, private ones first, then
    // in creation order.
    std::vector<int> order;
    for (auto it = serversByGateway.cbegin(); it != serversByGateway.cend(); ++it) {
        const auto bound = vssByGateway.constFind(it.key());
        if (bound != vssByGateway.cend())
            order.insert(order.end(), bound->begin(), bound->end());
    }
    std::sort(order.begin(), order.end());
    order.erase(std::unique(order.begin(), order.end()), order.end());
    order.erase(std::remove_if(order.begin(), order.end(),
                    [&](int i) { return !visibleTo(vss[i].exportTo, vss[i].ns, ns); }),
        order.end());
    std::stable_sort(order.begin(), order.end(),
        [&](int a, int b) { return visibilityRank(vss[a], ns) < visibilityRank(vss[b], ns); });
    QHash<QString, int> byDomain;
    QSet<QPair<int, int>> added; // (vhost, vs)
    auto vhostFor = [&](const QString &domain) {
        auto it = byDomain.constFind(domain);
        if (it != byDomain.cend())
            return *it;
        const int vi = int(cfg.vhosts.size());
        CVhost &vh = cfg.vhosts.emplace_back();
        vh.name = domain + QLatin1Char(':') + QString::number(port);
        vh.domains << domain;
        byDomain.insert(domain, vi);
        return vi;
    };
    std::vector<int> boundServers;
    for (int vi : order) {
        const CVs &vs = vss[vi];
        // The servers of the Gateways this VirtualService names, in server order.
        boundServers.clear();
        for (const QString &g : vs.gateways) {
            const auto it = serversByGateway.constFind(g);
            if (it != serversByGateway.cend())
                boundServers.insert(boundServers.end(), it->begin(), it->end());
        }
        std::sort(boundServers.begin(), boundServers.end());
        boundServers.erase(std::unique(boundServers.begin(), boundServers.end()), boundServers.end());
        for (int si : boundServers) {
            const auto &[gw, server] = servers[si];
            const bool redirect = server->tls.present && server->tls.httpsRedirect.valueOr(false);
            for (const Field<QString> &sh : server->hosts) {
                QString host = sh.value.trimmed().toLower();
                QString nsFilter = QStringLiteral("*");
                const qsizetype slash = host.indexOf(QLatin1Char('/'));
                if (slash >= 0) {
                    nsFilter = host.left(slash);
                    host = host.mid(slash + 1);
                }
                if (nsFilter == QLatin1String("."))
                    nsFilter = gw->ns;
                if (nsFilter != QLatin1String("*") && nsFilter != vs.ns)
                    continue;
                for (const QString &vh : vs.hosts) {
                    const QString domain = intersectHosts(host, vh);
                    if (domain.isEmpty())
                        continue;
                    const int hi = vhostFor(domain);
                    if (redirect)
                        cfg.vhosts[hi].httpsRedirect = true;
                    if (added.contains({ hi, vi }))
                        continue;
                    added.insert({ hi, vi });
                    CVhost &h = cfg.vhosts[hi];
                    if (h.vs < 0)
                        h.vs = vi;
                    ++h.vsCount;
                    for (int i = 0; i < vs.routeCount; ++i) {
                        CEntry e;
                        e.route = vs.firstRoute + i;
                        const CRoute &r = routes[e.route];
                        if (!r.matchGateways.empty()) {
                            bool any = false;
                            for (const QString &n : r.matchGateways)
                                any = any || serversByGateway.contains(n);
                            if (!any)
                                e.staticSkip = 1;
                        }
                        if (r.port && r.port != port)
                            e.staticSkip = 2;
                        h.entries.push_back(e);
                    }
                }
            }
        }
    }
    // An httpsRedirect server redirects even when no VirtualService binds.
    for (const auto &[gw, server] : servers)
        if (server->tls.present && server->tls.httpsRedirect.valueOr(false))
            for (const Field<QString> &sh : server->hosts) {
                QString host = sh.value.trimmed().toLower();
                const qsizetype slash = host.indexOf(QLatin1Char('/'));
                if (slash >= 0)
                    host = host.mid(slash + 1);
                cfg.vhosts[vhostFor(host)].httpsRedirect = true;
            }
    for (CVhost &h : cfg.vhosts) {
        // SortVHostRoutes: catch-all routes move to the end, others keep their order.
        std::stable_partition(
            h.entries.begin(), h.entries.end(), [&](const CEntry &e) { return !routes[e.route].catchAll; });
        linkCatchAlls(h, routes);
    }
    for (int i = 0; i < int(cfg.vhosts.size()); ++i)
        addCandidate(cfg, cfg.vhosts[i].domains.first(), { i, {} });
    sortWildcards(cfg);
}

RouteTable::RouteTable()
    : d(std::make_shared<Data>())
{
    const_cast<Data &>(*d).configs.emplace_back().name = QStringLiteral("sidecar");
}
RouteTable::~RouteTable() = default;
RouteTable::RouteTable(const RouteTable &) = default;
RouteTable &RouteTable::operator=(const RouteTable &) = default;
RouteTable::RouteTable(RouteTable &&) noexcept = default;
RouteTable &RouteTable::operator=(RouteTable &&) noexcept = default;

// Compiles every VirtualService and the sidecar table; a gateway's tables are
// built when a request first asks for that gateway (Data::table), so routing
// one request builds only its own.
RouteTable RouteTable::compile(const Workspace &workspace)
{
    auto d = std::make_shared<Data>();
    d->ws = workspace;
    // The tables keep pointers into these resources and build some of them lazily, on a
    // first request. Own the list now: a later detach of a copy shared with the caller's
    // workspace would leave those pointers in the caller's buffer, freed with it.
    d->ws.resources.detach();
    const Workspace &ws = d->ws;

    for (const Resource &r : ws.resources) {
        const QString ns = r.namespaceName();
        switch (r.kind) {
        case ResourceKind::Service:
            if (const KubernetesService *s = r.service()) {
                ServiceInfo info;
                info.ns = ns;
                info.k8s = s;
                for (const ServicePort &p : s->ports)
                    if (p.port.present && !info.ports.contains(int(p.port.value)))
                        info.ports.append(int(p.port.value));
                d->services.insert(HostName::serviceFqdn(r.name(), ns).toLower(), info);
                d->hasRegistry = true;
            }
            break;
        case ResourceKind::ServiceEntry:
            if (const ServiceEntry *se = r.serviceEntry()) {
                ServiceInfo info;
                info.ns = ns;
                for (const ServicePort &p : se->ports)
                    if (p.port.present && !info.ports.contains(int(p.port.value)))
                        info.ports.append(int(p.port.value));
                for (const Field<QString> &h : se->hosts) {
                    const QString host = resolveHostLower(h.value, ns);
                    if (HostName::isWildcard(host))
                        d->wildcardEntries.emplace_back(host, info);
                    else if (!d->services.contains(host))
                        d->services.insert(host, info);
                }
                d->hasRegistry = true;
            }
            break;
        case ResourceKind::DestinationRule:
            if (const DestinationRule *dr = r.destinationRule()) {
                const QString host = resolveHostLower(dr->host.valueOr(QString()), ns);
                if (HostName::isWildcard(host))
                    d->wildcardDrs.push_back(int(d->drs.size()));
                else
                    d->drsByHost[host].push_back(int(d->drs.size()));
                d->drs.push_back({ host, dr });
            }
            break;
        case ResourceKind::Workload:
            if (const Workload *w = r.workload()) {
                d->workloadsByNamespace[ns].push_back(int(d->workloads.size()));
                d->workloads.push_back({ ns, w });
            }
            break;
        case ResourceKind::Gateway:
            if (const Gateway *g = r.gateway())
                d->gateways.push_back({ ns + QLatin1Char('/') + r.name(), ns, g });
            break;
        case ResourceKind::VirtualService:
            if (const VirtualService *vs = r.virtualService()) {
                if (vs->hosts.isEmpty())
                    break; // a delegate: reached through its root
                CVs c;
                c.res = &r;
                c.spec = vs;
                c.ns = ns;
                c.key = ns + QLatin1Char('/') + r.name();
                for (const Field<QString> &g : vs->gateways)
                    c.gateways.push_back(resolveGatewayName(g.value.trimmed(), ns));
                if (c.gateways.empty())
                    c.gateways.push_back(kMesh);
                QSet<QString> seenHosts; // a list's contains() would be quadratic in 100,000 hosts
                for (const Field<QString> &h : vs->hosts) {
                    const QString host = resolveHostLower(h.value, ns);
                    if (!host.isEmpty() && !seenHosts.contains(host)) {
                        seenHosts.insert(host);
                        c.hosts << host;
                    }
                }
                for (const Field<QString> &e : vs->exportTo)
                    c.exportTo << e.value.trimmed();
                d->vss.push_back(std::move(c));
            }
            break;
        default:
            break;
        }
    }
    // Creation order: creationTimestamp, then name, then namespace (istiod's sortConfigByCreationTime).
    std::stable_sort(d->vss.begin(), d->vss.end(), [](const CVs &a, const CVs &b) {
        const QString &ta = a.res->metadata.creationTimestamp.value,
                      &tb = b.res->metadata.creationTimestamp.value;
        if (ta != tb)
            return ta < tb;
        if (a.res->name() != b.res->name())
            return a.res->name() < b.res->name();
        return a.ns < b.ns;
    });
    for (int i = 0; i < int(d->vss.size()); ++i) {
        d->vss[i].order = i;
        d->compileVirtualService(d->vss[i]);
    }
    d->buildSidecar();
    d->buildGateways();
    RouteTable t;
    t.d = std::move(d);
    return t;
}

int RouteTable::Data::lookup(
    const CConfig &cfg, const CTable &table, std::string_view host, const QString &clientNs, int port) const
{
    // Among the candidates of one domain, the sidecar takes the first
    // VirtualService visible from the client's namespace (first one wins).
    auto pick = [&](const std::vector<Candidate> &cands) {
        int best = -1;
        int bestRank = 0, bestOrder = 0;
        for (const Candidate &c : cands) {
            const CVhost &vh = table.vhosts[c.vhost];
            if (!c.requiredNamespace.isEmpty() && c.requiredNamespace != clientNs)
                continue;
            if (cfg.sidecar && !vh.ports.empty()
                && std::find(vh.ports.begin(), vh.ports.end(), port) == vh.ports.end())
                continue;
            int rank = 3, order = 0;
            if (vh.vs >= 0) {
                const CVs &vs = vss[vh.vs];
                if (cfg.sidecar && !visibleTo(vs.exportTo, vs.ns, clientNs))
                    continue;
                rank = visibilityRank(vs, clientNs);
                order = vs.order;
            }
            if (best < 0 || rank < bestRank || (rank == bestRank && order < bestOrder)) {
                best = c.vhost;
                bestRank = rank;
                bestOrder = order;
            }
        }
        return best;
    };
    auto it = table.exact.find(host);
    if (it != table.exact.end()) {
        const int v = pick(it->second);
        if (v >= 0)
            return v;
    }
    for (const auto &[suffix, cands] : table.suffix)
        if (host.size() > suffix.size() && host.substr(host.size() - suffix.size()) == suffix) {
            const int v = pick(cands);
            if (v >= 0)
                return v;
        }
    for (const auto &[prefix, cands] : table.prefix)
        if (host.size() > prefix.size() && host.substr(0, prefix.size()) == prefix) {
            const int v = pick(cands);
            if (v >= 0)
                return v;
        }
    return pick(table.star);
}

bool RouteTable::Data::clientOk(const CConfig &cfg, const CRoute &r, const Request &req, int port) const
{
    if (cfg.sidecar && r.port && r.port != port)
        return false;
    if (!r.matchGateways.empty() || !r.hasSourceFilter)
        return true; // with match.gateways, istiod checks neither sourceLabels nor sourceNamespace
    for (const Label &want : r.sourceLabels) {
        bool ok = false;
        bool seen = false;
        for (const Label &l : req.sourceLabels())
            if (l.key == want.key) {
                seen = true;
                ok = l.value == want.value;
                break;
            }
        if (!seen && !cfg.sidecar)
            for (const Label &l : cfg.proxyLabels)
                if (l.key == want.key) {
                    ok = l.value == want.value;
                    break;
                }
        if (!ok)
            return false;
    }
    if (!r.sourceNamespace.isEmpty() && r.sourceNamespace != clientNamespace(cfg, req))
        return false;
    return true;
}

bool RouteTable::Data::emitted(
    const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const
{
    const CEntry &e = vh.entries[entry];
    if (e.staticSkip || !clientOk(cfg, routes[e.route], req, port))
        return false;
    for (int c = e.prevCatchAll; c >= 0; c = vh.entries[c].prevCatchAll) {
        const CEntry &ce = vh.entries[c];
        if (!ce.staticSkip && clientOk(cfg, routes[ce.route], req, port))
            return false;
    }
    return true;
}

bool RouteTable::Data::matches(const CRoute &r, const Request &req)
{
    switch (r.pathKind) {
    case CRoute::PathPrefix:
        if (!r.path.matches(req.path())) // the raw :path, query included
            return false;
        break;
    case CRoute::PathExact:
    case CRoute::PathRegex:
        if (!r.path.matches(req.pathWithoutQuery()))
            return false;
        break;
    }
    for (const HeaderCond &h : r.headers) {
        const std::string *v = req.header(h.name);
        if (h.invert) {
            if (h.m.kind == Matcher::Presence) {
                if (v)
                    return false;
            } else if (h.m.matches(v ? std::string_view(*v) : std::string_view())) {
                return false; // withoutHeaders: a missing header counts as ""
            }
        } else if (!v || !h.m.matches(*v)) {
            return false;
        }
    }
    for (const QueryCond &q : r.query) {
        std::string_view v;
        if (!req.queryParam(q.name, &v) || !q.m.matches(v))
            return false;
    }
    return true;
}

RouteDecision RouteTable::decide(const Request &req) const
{
    RouteDecision out;
    out.requestPort = req.port();
    out.listenerPort = out.requestPort;
    int ci = 0;
    if (req.fromGateway()) {
        auto it = d->gatewayConfigs.constFind(req.gateway());
        if (it == d->gatewayConfigs.cend()) {
            out.outcome = RouteDecision::Outcome::UnknownGateway;
            return out;
        }
        ci = -1;
        for (const auto &[p, c] : *it)
            if (p == out.requestPort)
                ci = c;
        if (ci < 0) {
            // Istio's ingress gateway Service maps 80 -> 8080 and 443 -> 8443
            // (the pods run unprivileged), and Gateways often declare the pod port.
            const int podPort = out.requestPort == 80 ? 8080 : out.requestPort == 443 ? 8443 : 0;
            for (const auto &[p, c] : *it)
                if (podPort && p == podPort)
                    ci = c;
            if (ci < 0) {
                out.outcome = RouteDecision::Outcome::NoListener;
                return out;
            }
            out.listenerPort = podPort;
        }
    }
    out.config = ci;
    const int port = out.listenerPort;
    const CConfig &cfg = d->configs[ci];
    const QString &ns = req.sourceNamespace();
    static const QString kDefault = QStringLiteral("default");
    const QString &clientNs = !ns.isEmpty() ? ns : (cfg.sidecar ? kDefault : cfg.gatewayNamespace);
    const CTable &table = d->table(cfg);
    const int vi = d->lookup(cfg, table, req.host(), clientNs, port);
    if (vi < 0) {
        out.outcome
            = cfg.sidecar ? RouteDecision::Outcome::Passthrough : RouteDecision::Outcome::NoVirtualHost;
        return out;
    }
    out.vhost = vi;
    const CVhost &vh = table.vhosts[vi];
    if (vh.httpsRedirect && req.scheme() != "https") {
        out.outcome = RouteDecision::Outcome::HttpsRedirect;
        return out;
    }
    if (vh.defaultRoute) {
        out.outcome = RouteDecision::Outcome::DefaultRoute;
        return out;
    }
    for (int i = 0; i < int(vh.entries.size()); ++i) {
        if (!d->emitted(cfg, vh, i, req, port))
            continue;
        if (Data::matches(d->routes[vh.entries[i].route], req)) {
            out.outcome = RouteDecision::Outcome::Matched;
            out.entry = i;
            out.route = vh.entries[i].route;
            return out;
        }
    }
    out.outcome = RouteDecision::Outcome::NoMatch;
    return out;
}

QString RouteTable::Data::explainRoute(
    const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const
{
    const CEntry &e = vh.entries[entry];
    const CRoute &r = routes[e.route];
    const RouteInfo &info = infos[e.route];
    const HttpRoute *root = info.rootRule;
    QString who;
    if (vh.vsCount > 1)
        who = info.virtualService + QLatin1Char(' ');
    who += QStringLiteral("rule ") + root->displayName(info.ruleIndex);
    if (info.delegateId >= 0)
        who += QStringLiteral(" -> %1 rule %2")
                   .arg(info.delegate, info.rule->displayName(info.delegateRuleIndex));
    if (info.matchIndex >= 0 && info.rule->match.size() > 1)
        who += QStringLiteral(" match[%1]").arg(info.matchIndex);
    who += QStringLiteral(": ");

    if (e.staticSkip == 1) {
        QStringList g(r.matchGateways.begin(), r.matchGateways.end());
        return who
            + QStringLiteral("gateways: [%1] does not include %2 (not emitted)")
                  .arg(g.join(QStringLiteral(", ")), cfg.sidecar ? kMesh : cfg.gatewayKey);
    }
    if (e.staticSkip == 2)
        return who
            + QStringLiteral("port: wanted %1, server port is %2 (not emitted)").arg(r.port).arg(cfg.port);
    if (cfg.sidecar && r.port && r.port != port)
        return who
            + QStringLiteral("port: wanted %1, listener port is %2 (not emitted)").arg(r.port).arg(port);
    if (r.matchGateways.empty() && r.hasSourceFilter && !clientOk(cfg, r, req, port)) {
        Labels have = req.sourceLabels();
        if (!cfg.sidecar)
            for (const Label &l : cfg.proxyLabels) {
                bool seen = false;
                for (const Label &h : have)
                    seen = seen || h.key == l.key;
                if (!seen)
                    have.append(l);
            }
        if (!labelsContain(have, r.sourceLabels))
            return who
                + QStringLiteral("sourceLabels: wanted %1, client has %2 (not emitted for this client)")
                      .arg(labelsText(r.sourceLabels), labelsText(have));
        return who
            + QStringLiteral(
                "sourceNamespace: wanted \"%1\", client namespace is \"%2\" (not emitted for this client)")
                  .arg(r.sourceNamespace, clientNamespace(cfg, req));
    }
    for (int c = e.prevCatchAll; c >= 0; c = vh.entries[c].prevCatchAll) {
        const CEntry &ce = vh.entries[c];
        if (!ce.staticSkip && clientOk(cfg, routes[ce.route], req, port)) {
            const RouteInfo &ci = infos[ce.route];
            return who
                + QStringLiteral("after catch-all rule %1 of the same VirtualService (not emitted)")
                      .arg(ci.rootRule->displayName(ci.ruleIndex));
        }
    }
    switch (r.pathKind) {
    case CRoute::PathPrefix:
        if (!r.path.matches(req.path()))
            return who + QStringLiteral("uri: wanted %1, got %2").arg(r.path.describe(), quoted(req.path()));
        break;
    case CRoute::PathExact:
    case CRoute::PathRegex:
        if (!r.path.matches(req.pathWithoutQuery()))
            return who
                + QStringLiteral("uri: wanted %1, got %2 (without query)")
                      .arg(r.path.describe(), quoted(req.pathWithoutQuery()));
        break;
    }
    for (const HeaderCond &h : r.headers) {
        const std::string *v = req.header(h.name);
        if (h.invert) {
            if (h.m.kind == Matcher::Presence) {
                if (v)
                    return who + QStringLiteral("%1: must be absent, got %2").arg(h.label, quoted(*v));
            } else if (h.m.matches(v ? std::string_view(*v) : std::string_view())) {
                return who
                    + QStringLiteral("%1: must not be %2, got %3")
                          .arg(h.label, h.m.describe(),
                              v ? quoted(*v) : QStringLiteral("nothing (counts as \"\")"));
            }
        } else if (!v) {
            return who + QStringLiteral("%1: wanted %2, missing").arg(h.label, h.m.describe());
        } else if (!h.m.matches(*v)) {
            return who + QStringLiteral("%1: wanted %2, got %3").arg(h.label, h.m.describe(), quoted(*v));
        }
    }
    for (const QueryCond &q : r.query) {
        std::string_view v;
        const QString label = QStringLiteral("query param ") + QString::fromStdString(q.name);
        if (!req.queryParam(q.name, &v))
            return who + QStringLiteral("%1: wanted %2, missing").arg(label, q.m.describe());
        if (!q.m.matches(v))
            return who + QStringLiteral("%1: wanted %2, got %3").arg(label, q.m.describe(), quoted(v));
    }
    return who + QStringLiteral("matches");
}

QStringList RouteTable::explain(const Request &req, const RouteDecision &decision) const
{
    QStringList out;
    if (decision.config < 0 || decision.vhost < 0)
        return out;
    const CConfig &cfg = d->configs[decision.config];
    const CVhost &vh = d->table(cfg).vhosts[decision.vhost];
    const int end
        = decision.outcome == RouteDecision::Outcome::Matched ? decision.entry : int(vh.entries.size());
    const int port = decision.listenerPort;
    for (int i = 0; i < end; ++i)
        out << d->explainRoute(cfg, vh, i, req, port);
    return out;
}

QString RouteTable::describeOutcome(const Request &req, const RouteDecision &decision) const
{
    using O = RouteDecision::Outcome;
    const QString host = QString::fromStdString(std::string(req.host()));
    switch (decision.outcome) {
    case O::UnknownGateway:
        return QStringLiteral("no Gateway %1 in the workspace").arg(req.gateway());
    case O::NoListener: {
        QStringList ports;
        for (const auto &[p, c] : d->gatewayConfigs.value(req.gateway()))
            ports << QString::number(p);
        return QStringLiteral("Gateway %1 has no HTTP server on port %2 (HTTP ports: %3)")
            .arg(req.gateway())
            .arg(decision.listenerPort)
            .arg(ports.isEmpty() ? QStringLiteral("none") : ports.join(QStringLiteral(", ")));
    }
    case O::NoVirtualHost: {
        const CConfig &cfg = d->configs[decision.config];
        QStringList domains;
        for (const CVhost &vh : d->table(cfg).vhosts) {
            domains << vh.domains;
            if (domains.size() > 12) {
                domains = domains.mid(0, 12) << QStringLiteral("...");
                break;
            }
        }
        return QStringLiteral("no virtual host for \"%1\" in %2 (domains: %3): 404 NR")
            .arg(host, cfg.name,
                domains.isEmpty() ? QStringLiteral("none") : domains.join(QStringLiteral(", ")));
    }
    case O::NoMatch:
        return QStringLiteral("virtual host %1: no route matches: 404 NR")
            .arg(virtualHostInfo(decision).name);
    case O::Matched: {
        QString s = QStringLiteral("virtual host %1").arg(virtualHostInfo(decision).name);
        if (decision.listenerPort != decision.requestPort)
            s += QStringLiteral(
                " (port %1 reaches the gateway's server port %2 through the ingress gateway Service)")
                     .arg(decision.requestPort)
                     .arg(decision.listenerPort);
        return s;
    }
    case O::DefaultRoute:
        return QStringLiteral("service %1 has no VirtualService: default route to all its endpoints")
            .arg(virtualHostInfo(decision).serviceHost);
    case O::Passthrough:
        return QStringLiteral(
            "\"%1\" on port %2 is in no route table of the sidecar: PassthroughCluster "
            "(outboundTrafficPolicy ALLOW_ANY; REGISTRY_ONLY would send it to BlackHoleCluster)")
            .arg(host)
            .arg(decision.listenerPort);
    case O::HttpsRedirect:
        return QStringLiteral("the Gateway server for \"%1\" has tls.httpsRedirect: 301 to https").arg(host);
    }
    return {};
}

const RouteTable::RouteInfo &RouteTable::routeInfo(int route) const
{
    return d->infos[route];
}

int RouteTable::routeCount() const
{
    return int(d->routes.size());
}

RouteTable::VirtualHostInfo RouteTable::virtualHostInfo(const RouteDecision &decision) const
{
    VirtualHostInfo out;
    if (decision.config < 0 || decision.vhost < 0)
        return out;
    const CConfig &cfg = d->configs[decision.config];
    const CVhost &vh = d->table(cfg).vhosts[decision.vhost];
    out.name = vh.name;
    if (cfg.sidecar)
        out.name += QLatin1Char(':') + QString::number(decision.listenerPort);
    out.domains = vh.domains;
    out.serviceHost = vh.serviceFqdn;
    out.virtualServices = vh.vsCount;
    return out;
}

QString RouteTable::configName(const RouteDecision &decision) const
{
    if (decision.config < 0)
        return {};
    const CConfig &cfg = d->configs[decision.config];
    return cfg.sidecar ? QStringLiteral("sidecar %1").arg(decision.listenerPort) : cfg.name;
}

QList<RouteTable::RuleRef> RouteTable::rules() const
{
    return d->rules;
}

int RouteTable::ruleOf(int route) const
{
    return route >= 0 && route < int(d->routeRule.size()) ? d->routeRule[route] : -1;
}

const Workspace &RouteTable::workspace() const
{
    return d->ws;
}

bool RouteTable::servicePorts(const QString &fqdn, QList<int> *ports) const
{
    const QString h = fqdn.toLower();
    auto it = d->services.constFind(h);
    if (it != d->services.cend()) {
        *ports = it->ports;
        return true;
    }
    for (const auto &[host, info] : d->wildcardEntries)
        if (HostName::covers(host, h)) {
            *ports = info.ports;
            return true;
        }
    return false;
}

bool RouteTable::isKnownHost(const QString &fqdn) const
{
    QList<int> ports;
    return servicePorts(fqdn, &ports);
}

bool RouteTable::hasRegistry() const
{
    return d->hasRegistry;
}

bool RouteTable::subsetDefined(const QString &fqdn, const QString &subset) const
{
    bool found = false;
    d->forDestinationRules(
        fqdn.toLower(), [&](const DrInfo &dr) { return found = dr.spec->findSubset(subset) != nullptr; });
    return found;
}

int RouteTable::readyPods(const QString &fqdn, const QString &subset) const
{
    const QString h = fqdn.toLower();
    auto it = d->services.constFind(h);
    if (it == d->services.cend() || !it->k8s || !it->k8s->hasSelector || it->k8s->selector.isEmpty())
        return -1;
    const auto inNamespace = d->workloadsByNamespace.constFind(it->ns);
    if (inNamespace == d->workloadsByNamespace.cend())
        return -1; // no workload of that namespace is loaded: the workspace cannot tell
    Labels want = it->k8s->selector;
    if (!subset.isEmpty()) {
        const Subset *s = nullptr;
        d->forDestinationRules(
            h, [&](const DrInfo &dr) { return (s = dr.spec->findSubset(subset)) != nullptr; });
        if (!s)
            return -1;
        want += s->labels;
    }
    int pods = 0;
    for (int i : *inNamespace) {
        const WorkloadInfo &w = d->workloads[i];
        if (labelsContain(w.spec->podLabels, want))
            pods += std::max(0, w.spec->replicaCount());
    }
    return pods;
}

const KubernetesService *RouteTable::kubernetesService(const QString &fqdn, QString *namespaceName) const
{
    auto it = d->services.constFind(fqdn.toLower());
    if (it == d->services.cend())
        return nullptr;
    if (namespaceName)
        *namespaceName = it->ns;
    return it->k8s;
}

QStringList RouteTable::gatewayNames() const
{
    QStringList out;
    for (const GatewayInfo &g : d->gateways)
        out << g.key;
    return out;
}

int RouteTable::compiledRegexCount() const
{
    int n = 0;
    for (const auto &[p, re] : d->regexCache)
        n += re ? 1 : 0;
    return n;
}

} // namespace meshroute
