#include "delegatemerge.h"

namespace meshroute {

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

void mergeMap(StringMatchMap &out, const StringMatchMap &root)
{
    for (const Entry<StringMatch> &e : root)
        if (!findIn(out, e.key))
            out.append(e);
}

} // namespace

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
        || maps(root.rare->withoutHeaders, leaf.rare->withoutHeaders, "withoutHeaders")
        || maps(root.rare->queryParams, leaf.rare->queryParams, "query param"))
        return true;
    if (root.rare->ignoreUriCase.valueOr(false) != leaf.rare->ignoreUriCase.valueOr(false)) {
        *why = QStringLiteral("ignoreUriCase differs from the root's");
        return true;
    }
    if (root.port.present && leaf.port.present && root.port.value != leaf.port.value) {
        *why = QStringLiteral("port %1 differs from the root's %2").arg(leaf.port.value).arg(root.port.value);
        return true;
    }
    if (root.rare->sourceNamespace.present && !root.rare->sourceNamespace.value.isEmpty()
        && leaf.rare->sourceNamespace.valueOr(QString()) != root.rare->sourceNamespace.value) {
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

HttpMatchRequest mergeMatch(const HttpMatchRequest &root, const HttpMatchRequest &leaf)
{
    HttpMatchRequest out = leaf;
    const Field<QString> &rootName = root.rare->name, &leafName = leaf.rare->name;
    if (!leafName.present || leafName.value.isEmpty()) {
        if (rootName.present)
            out.rare.edit().name = rootName;
    } else if (rootName.present && !rootName.value.isEmpty()) {
        out.rare.edit().name.value = rootName.value + QLatin1Char('-') + leafName.value;
    }
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
    if (!root.rare->withoutHeaders.isEmpty())
        mergeMap(out.rare.edit().withoutHeaders, root.rare->withoutHeaders);
    if (!root.rare->queryParams.isEmpty())
        mergeMap(out.rare.edit().queryParams, root.rare->queryParams);
    if (!out.port.present)
        out.port = root.port;
    for (const Label &l : root.sourceLabels) {
        bool found = false;
        for (const Label &o : out.sourceLabels)
            found = found || o.key == l.key;
        if (!found)
            out.sourceLabels.append(l);
    }
    if (!out.rare->sourceNamespace.present && root.rare->sourceNamespace.present)
        out.rare.edit().sourceNamespace = root.rare->sourceNamespace;
    if (out.gateways.isEmpty())
        out.gateways = root.gateways;
    if (!out.rare->ignoreUriCase.present && root.rare->ignoreUriCase.present)
        out.rare.edit().ignoreUriCase = root.rare->ignoreUriCase;
    if (!out.rare->statPrefix.present && root.rare->statPrefix.present)
        out.rare.edit().statPrefix = root.rare->statPrefix;
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

bool mergeDelegateMatches(const QList<HttpMatchRequest> &root, const QList<HttpMatchRequest> &leaf,
    std::vector<std::pair<HttpMatchRequest, int>> *merged, QString *why)
{
    if (root.isEmpty()) {
        for (int mi = 0; mi < leaf.size(); ++mi)
            merged->emplace_back(leaf[mi], mi);
        return true;
    }
    if (leaf.isEmpty()) {
        for (int mi = 0; mi < root.size(); ++mi)
            merged->emplace_back(root[mi], -1);
        return true;
    }
    for (int mi = 0; mi < leaf.size(); ++mi) {
        bool found = false;
        for (const HttpMatchRequest &rm : root) {
            QString w;
            if (matchConflict(rm, leaf[mi], &w)) {
                *why = w;
                continue;
            }
            merged->emplace_back(mergeMatch(rm, leaf[mi]), mi);
            found = true;
        }
        if (!found)
            return false;
    }
    return !merged->empty();
}

} // namespace meshroute
