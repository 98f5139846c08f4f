// Compiling VirtualServices into routes: StringMatches into matchers (each
// regex once), delegate rules merged into their root rules.
#include "routetabledata.h"

#include "delegatemerge.h"

namespace meshroute {

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

Matcher RouteTable::Data::compileMatcher(const StringMatch &sm, bool presenceForStar, bool ignoreCase)
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

std::shared_ptr<const RE2> RouteTable::Data::regex(const std::string &pattern, QString *error)
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

CRoute RouteTable::Data::compileRoute(const HttpMatchRequest *match, const CVs &vs)
{
    CRoute c;
    c.path.kind = Matcher::Prefix;
    c.path.value = "/";
    if (match) {
        const bool ic = match->rare->ignoreUriCase.valueOr(false);
        if (match->hasUri) {
            switch (match->uri.type) {
            case StringMatch::Type::Exact:
                c.pathKind = CRoute::PathExact;
                c.path = compileMatcher(match->uri, false, ic);
                break;
            case StringMatch::Type::Prefix:
                c.pathKind = CRoute::PathPrefix;
                c.path = compileMatcher(match->uri, false, ic);
                if (vs.gatewaySemantics && c.path.value != "/") {
                    c.pathKind = CRoute::PathSegmentPrefix; // Envoy wants it without the trailing '/'
                    while (c.path.value.size() > 1 && c.path.value.back() == '/')
                        c.path.value.pop_back();
                }
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
        for (const Entry<StringMatch> &e : match->rare->withoutHeaders) {
            HeaderCond h;
            h.name = e.key.toLower().toStdString();
            h.label = QStringLiteral("withoutHeaders ") + e.key;
            h.m = compileMatcher(e.value, true, false);
            h.invert = true;
            c.headers.push_back(std::move(h));
        }
        for (const Entry<StringMatch> &e : match->rare->queryParams) {
            QueryCond q;
            q.name = e.key.toStdString();
            q.m = compileMatcher(e.value, true, false);
            c.query.push_back(std::move(q));
        }
        c.port = match->port.present ? int(match->port.value) : 0;
        for (const Field<QString> &g : match->gateways)
            c.matchGateways.push_back(resolveGatewayName(g.value, vs.ns));
        c.sourceLabels = match->sourceLabels;
        c.sourceNamespace = match->rare->sourceNamespace.valueOr(QString());
        c.hasSourceFilter = !c.sourceLabels.isEmpty() || !c.sourceNamespace.isEmpty();
    }
    // Istio's IsCatchAllRoute: prefix "/" (or regex ".*") with no header or query matcher.
    const bool pathAll = (c.pathKind == CRoute::PathPrefix && c.path.value == "/")
        || (c.pathKind == CRoute::PathRegex && c.path.value == ".*");
    c.catchAll = pathAll && c.headers.empty() && c.query.empty();
    return c;
}

void RouteTable::Data::addRoute(CVs &vs, const HttpRoute *rule, const HttpRoute *rootRule,
    const HttpMatchRequest *match, int ruleIndex, int matchIndex, const Resource *delegate,
    int delegateRuleIndex, const QString &hostNs, int ruleRef)
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
    info.gatewaySemantics = vs.gatewaySemantics;
    if (vs.gatewaySemantics) {
        const auto origins = gatewayApi.origins.constFind(vs.res->id);
        if (origins != gatewayApi.origins.cend())
            info.origin = origins->value(ruleIndex);
        for (const AmbiguousOrder &a : gatewayApi.ambiguousOrders)
            info.orderAmbiguous = info.orderAmbiguous || a.virtualServiceId == vs.res->id;
    }
    info.envoyName = rule->name.valueOr(QString());
    if (match && match->rare->name.present && !match->rare->name.value.isEmpty())
        info.envoyName += QLatin1Char('.') + match->rare->name.value;
    if (delegate) {
        info.delegateId = delegate->id;
        info.delegate = delegate->namespaceName() + QLatin1Char('/') + delegate->name();
        info.delegateRuleIndex = delegateRuleIndex;
    }
    routes.push_back(std::move(c));
    infos.push_back(std::move(info));
    routeRule.push_back(ruleRef);
}

void RouteTable::Data::compileVirtualService(CVs &vs)
{
    vs.firstRoute = int(routes.size());
    for (int ri = 0; ri < vs.spec->http.size(); ++ri) {
        if (vs.spec->http[ri].delegate->present)
            addDelegatedRules(vs, ri);
        else
            addRuleRoutes(vs, ri);
    }
}

RouteTable::RuleRef RouteTable::Data::ruleRef(const CVs &vs, int ruleIndex) const
{
    RuleRef ref;
    ref.virtualServiceId = vs.res->id;
    ref.virtualService = vs.key;
    ref.ruleIndex = ruleIndex;
    ref.ruleName = vs.spec->http[ruleIndex].displayName(ruleIndex);
    return ref;
}

// One route per match of the rule, or one for a rule without match.
void RouteTable::Data::addRuleRoutes(CVs &vs, int ri)
{
    const HttpRoute &rule = vs.spec->http[ri];
    const int refIndex = int(rules.size());
    rules.append(ruleRef(vs, ri));
    if (rule.match.isEmpty())
        addRoute(vs, &rule, &rule, nullptr, ri, -1, nullptr, -1, vs.ns, refIndex);
    else
        for (int mi = 0; mi < rule.match.size(); ++mi)
            addRoute(vs, &rule, &rule, &rule.match[mi], ri, mi, nullptr, -1, vs.ns, refIndex);
}

// The delegate VirtualService (one without hosts) of that namespace and name, or nullptr.
const Resource *RouteTable::Data::findDelegate(const QString &ns, const QString &name) const
{
    for (const Resource &r : ws.resources)
        if (r.kind == ResourceKind::VirtualService && r.name() == name && r.namespaceName() == ns
            && r.virtualService() && r.virtualService()->hosts.isEmpty())
            return &r;
    return nullptr;
}

// The rules of the delegate a root rule names, each merged into the root rule.
void RouteTable::Data::addDelegatedRules(CVs &vs, int ri)
{
    const HttpRoute &rule = vs.spec->http[ri];
    const QString dns = rule.delegate->namespace_.present && !rule.delegate->namespace_.value.isEmpty()
        ? rule.delegate->namespace_.value
        : vs.ns;
    const QString dname = rule.delegate->name.valueOr(QString());
    const Resource *dres = findDelegate(dns, dname);
    if (!dres) {
        RuleRef ref = ruleRef(vs, ri);
        ref.delegate = dns + QLatin1Char('/') + dname;
        ref.droppedReason
            = QStringLiteral("delegate VirtualService %1/%2 not found: istiod emits no route for this rule")
                  .arg(dns, dname);
        rules.append(ref);
        return;
    }
    for (int di = 0; di < dres->virtualService()->http.size(); ++di)
        addDelegateRule(vs, ri, *dres, di);
}

void RouteTable::Data::addDelegateRule(CVs &vs, int ri, const Resource &dres, int di)
{
    const HttpRoute &rule = vs.spec->http[ri];
    const HttpRoute &leaf = dres.virtualService()->http[di];
    const QString &dns = dres.namespaceName();
    RuleRef ref = ruleRef(vs, ri);
    ref.delegateId = dres.id;
    ref.delegate = dns + QLatin1Char('/') + dres.name();
    ref.delegateRuleIndex = di;
    if (leaf.delegate->present) {
        ref.droppedReason = QStringLiteral("a delegate rule cannot delegate again");
        rules.append(ref);
        return;
    }
    // Each delegate match must fit at least one root match.
    std::vector<std::pair<HttpMatchRequest, int>> merged;
    QString why;
    if (!mergeDelegateMatches(rule.match, leaf.match, &merged, &why)) {
        ref.droppedReason = QStringLiteral("delegate match conflicts with the root match (%1): istiod drops "
                                           "this delegate rule")
                                .arg(why);
        rules.append(ref);
        return;
    }
    const int refIndex = int(rules.size());
    rules.append(ref);
    ownedRules.push_back(mergeRule(rule, leaf));
    const HttpRoute *eff = &ownedRules.back();
    if (merged.empty()) {
        addRoute(vs, eff, &rule, nullptr, ri, -1, &dres, di, dns, refIndex);
        return;
    }
    for (auto &[m, mi] : merged) {
        ownedMatches.push_back(std::move(m));
        addRoute(vs, eff, &rule, &ownedMatches.back(), ri, mi, &dres, di, dns, refIndex);
    }
}

} // namespace meshroute
