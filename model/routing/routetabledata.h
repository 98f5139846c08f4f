#pragma once

// The compiled form of a RouteTable, shared by the units that build it
// (routetable.cpp, routetablecompiler.cpp, sidecartable.cpp,
// gatewaytables.cpp, virtualhostindex.cpp) and the ones that read it
// (routedecision.cpp, routeexplanation.cpp). Private to the model library.

#include "hostname.h"
#include "routetable.h"
#include "workspace.h"

#include <re2/re2.h>

#include <QHash>
#include <algorithm>
#include <deque>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace meshroute {

inline const QString kMesh = QStringLiteral("mesh");

inline bool asciiIEquals(std::string_view a, std::string_view b)
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
    QString describe() const; // for explanations: "exact \"jason\""
};

// Envoy's path_separated_prefix: the path (without query) is the prefix, or the prefix and a '/'.
inline bool segmentPrefixMatches(std::string_view pathWithoutQuery, std::string_view prefix)
{
    return pathWithoutQuery.substr(0, prefix.size()) == prefix
        && (pathWithoutQuery.size() == prefix.size() || pathWithoutQuery[prefix.size()] == '/');
}

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
    // PathSegmentPrefix: Envoy's path_separated_prefix, which Istio uses for a
    // gateway-semantics prefix other than "/" (route.go TranslateRouteMatch):
    // "/v2" takes "/v2" and "/v2/x", not "/v2x".
    enum PathKind : std::uint8_t { PathPrefix, PathExact, PathRegex, PathSegmentPrefix };
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
    bool gatewaySemantics = false; // annotation internal.istio.io/route-semantics: gateway
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

    // For each entry, the nearest earlier (in its VirtualService's own order)
    // catch-all of the same VirtualService: istiod stops emitting a
    // VirtualService's routes after the first catch-all it emits.
    void linkCatchAlls(const std::vector<CRoute> &routes);
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
    std::vector<CVhost> vhosts;
    std::unordered_map<std::string, std::vector<Candidate>, SvHash, std::equal_to<>> exact;
    std::vector<std::pair<std::string, std::vector<Candidate>>>
        suffix; // "*.x.com" as ".x.com", longest first
    std::vector<std::pair<std::string, std::vector<Candidate>>> prefix; // "x.*" as "x.", longest first
    std::vector<Candidate> star;
    std::once_flag built;
    int proxy = -1; // Data::proxies index; -1: the sidecar table, built eagerly
    int port = 0;

    void addCandidate(const QString &domain, const Candidate &c);
    // The short forms a sidecar also answers to for a cluster-local service:
    // name.ns, name.ns.svc, and name for clients in the same namespace.
    void addServiceDomains(const QString &fqdn, int vhost, QStringList *domains);
    void sortWildcards(); // longest suffix and prefix first, as Envoy tries them
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

// Gateway references as Istio resolves them (reference 6.10).
QString resolveGatewayName(const QString &name, const QString &vsNamespace);

// Inline: the sidecar's virtual host lookup calls these for every request.
inline bool visibleTo(const QStringList &exportTo, const QString &ownNs, const QString &ns)
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
inline int visibilityRank(const CVs &vs, const QString &ns)
{
    if (vs.exportTo.isEmpty() || vs.exportTo.contains(QLatin1String("*")))
        return 2;
    if (vs.exportTo.contains(QLatin1String(".")) && vs.ns == ns)
        return 0;
    return 1;
}

// The HTTP servers of a gateway table's Gateways on its port, in Gateway and server order.
struct CServers
{
    std::vector<std::pair<const GatewayInfo *, const Server *>> list;
    QHash<QString, std::vector<int>> byGateway; // gateway key -> list indices, ascending
};

// The compiled tables behind a RouteTable, shared (const) by its copies.
//
// Lifetime: CVs::res and ::spec, ServiceInfo::k8s, DrInfo::spec,
// WorkloadInfo::spec, GatewayInfo::spec and RouteInfo::rule/rootRule/match
// point into `ws` or into ownedRules/ownedMatches (deques: push_back never
// moves an element), so they live as long as this Data. `ws` shares the
// caller's resource buffer (a second copy of a 25,000-resource list is about
// 7 MB) and is const: no code here can detach it after those pointers were
// taken (a non-const begin() would, leaving them in the buffer the caller
// shares and frees). A caller that edits its own list detaches its side and
// leaves this buffer alive. The gateway tables built lazily later read them too.
struct RouteTable::Data
{
    Data(); // an empty table: a sidecar config without virtual hosts
    explicit Data(const Workspace &workspace); // compile() fills the rest
    Data(const Workspace &workspace, GatewayApiTranslation translation); // plus the generated resources
    // A copy's pointers would still point into this Data's `ws` and owned
    // rules: RouteTable copies share one Data instead.
    Data(const Data &) = delete;
    Data &operator=(const Data &) = delete;

    const Workspace ws;
    std::vector<CVs> vss; // root VirtualServices in creation order
    std::vector<CRoute> routes;
    std::vector<RouteInfo> infos; // parallel to routes
    std::vector<int> routeRule; // parallel to routes: index in rules
    QList<RuleRef> rules;
    std::deque<HttpRoute> ownedRules; // delegate rules merged into their root rule
    std::deque<HttpMatchRequest> ownedMatches; // delegate matches merged into the root's
    std::vector<CConfig> configs; // [0] = sidecars
    QHash<QString, std::vector<std::pair<int, int>>> gatewayConfigs; // gateway key -> (port, config)
    QHash<QString, ServiceInfo> services; // lower-case FQDN
    std::vector<std::pair<QString, ServiceInfo>> wildcardEntries; // ServiceEntry wildcard hosts
    std::vector<DrInfo> drs;
    QHash<QString, std::vector<int>> drsByHost; // exact DestinationRule hosts
    std::vector<int> wildcardDrs; // DestinationRules with a wildcard host
    std::vector<WorkloadInfo> workloads;
    QHash<QString, std::vector<int>> workloadsByNamespace;
    std::vector<GatewayInfo> gateways;
    std::vector<CGatewayGroup> gatewayGroups;
    std::vector<CProxy> proxies;
    QHash<QString, std::vector<int>> vssByGateway; // gateway key -> root VirtualServices binding it
    std::unordered_map<std::string, std::shared_ptr<const RE2>> regexCache;
    QHash<int, const Resource *> byId; // every resource of ws, generated ones included
    bool hasRegistry = false;
    GatewayApiTranslation gatewayApi; // its resources are in `ws`; this keeps the rest

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

    // Indexing the workspace (routetable.cpp).
    void indexResource(const Resource &r);
    void addRegistryService(const Resource &r, const KubernetesService &s);
    void addServiceEntry(const Resource &r, const ServiceEntry &se);
    void addRootVirtualService(const Resource &r, const VirtualService &vs);

    // Compiling VirtualServices (routetablecompiler.cpp).
    Matcher compileMatcher(const StringMatch &sm, bool presenceForStar, bool ignoreCase);
    std::shared_ptr<const RE2> regex(const std::string &pattern, QString *error);
    CRoute compileRoute(const HttpMatchRequest *match, const CVs &vs);
    void addRoute(CVs &vs, const HttpRoute *rule, const HttpRoute *rootRule, const HttpMatchRequest *match,
        int ruleIndex, int matchIndex, const Resource *delegate, int delegateRuleIndex, const QString &hostNs,
        int ruleRef);
    void compileVirtualService(CVs &vs);
    RuleRef ruleRef(const CVs &vs, int ruleIndex) const;
    void addRuleRoutes(CVs &vs, int ruleIndex);
    const Resource *findDelegate(const QString &ns, const QString &name) const;
    void addDelegatedRules(CVs &vs, int ruleIndex);
    void addDelegateRule(CVs &vs, int ruleIndex, const Resource &delegate, int delegateRuleIndex);

    // The sidecar table (sidecartable.cpp).
    void buildSidecar();
    void addMeshHost(CTable &table, const CVs &vs, const QString &host) const;
    void addDefaultRoutes(CTable &table) const;

    // The gateway tables (gatewaytables.cpp).
    void buildGateways();
    void addGatewayApiAliases(); // a Gateway API Gateway answers to its own name
    CGatewayGroup gatewayGroup(const GatewayInfo &g, const QString &selector) const;
    void addGatewayConfigs(
        const GatewayInfo &g, const CGatewayGroup &group, const std::vector<std::shared_ptr<CTable>> &tables);
    void buildGatewayTable(CTable &table) const;
    CServers gatewayServers(int port, const CGatewayGroup &group) const;
    std::vector<int> boundVirtualServices(const CServers &servers, const QString &ns) const;
    void addGatewayEntries(CVhost &vhost, int vs, const CServers &servers, int port) const;
    // The table of a config, built on first use for a gateway; call_once
    // makes concurrent first requests (the Preview's worker pool) build it once.
    const CTable &table(const CConfig &cfg) const
    {
        CTable &t = *cfg.table;
        std::call_once(t.built, [&] {
            if (t.proxy >= 0)
                buildGatewayTable(t);
        });
        return t;
    }

    // Deciding a request (routedecision.cpp).
    int lookup(const CConfig &cfg, const CTable &table, std::string_view host, const QString &clientNs,
        int port) const;
    bool clientOk(const CConfig &cfg, const CRoute &r, const Request &req, int port) const;
    bool emitted(const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const;
    static bool matches(const CRoute &r, const Request &req);
    QString clientNamespace(const CConfig &cfg, const Request &req) const;

    // Explaining it (routeexplanation.cpp).
    QString explainRoute(const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const;
    QString notEmittedReason(
        const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const;
};

} // namespace meshroute
