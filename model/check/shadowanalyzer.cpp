#include "shadowanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "prefixindex.h"
#include "regexfacts.h"
#include "resource.h"

#include <QHash>
#include <algorithm>

namespace meshroute {

namespace {

using Type = StringMatch::Type;

bool startsWith(const QString &s, const QString &prefix, bool caseInsensitive)
{
    return s.startsWith(prefix, caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive);
}

bool hasCase(const QString &s)
{
    return s.toLower() != s.toUpper();
}

// Whether every value `b` accepts is also accepted by `a`. `aFold`/`bFold`:
// the match ignores case for exact/prefix (uri with ignoreUriCase).
bool covers(const StringMatch &a, bool aFold, const StringMatch &b, bool bFold)
{
    if (a.typeCount > 1 || b.typeCount > 1)
        return false; // invalid, reported elsewhere
    // A case-sensitive matcher covers a case-insensitive one only where case cannot matter.
    const auto foldOk = [&](const QString &bValue) { return aFold || !bFold || !hasCase(bValue); };
    switch (a.type) {
    case Type::Presence:
        return true; // b requires the value to exist, whatever else it asks
    case Type::Exact:
        return b.type == Type::Exact && foldOk(b.value)
            && (aFold ? a.value.compare(b.value, Qt::CaseInsensitive) == 0 : a.value == b.value);
    case Type::Prefix:
        switch (b.type) {
        case Type::Presence:
            return a.value.isEmpty();
        case Type::Exact:
        case Type::Prefix:
            return foldOk(b.value) && startsWith(b.value, a.value, aFold);
        case Type::Regex: {
            const auto holder = RegexFacts::of(b.value);
            const RegexFacts &info = *holder;
            if (!info.compiles())
                return false;
            if (!info.literalPrefix.isEmpty() && startsWith(info.literalPrefix, a.value, aFold))
                return true;
            if (!info.min.isEmpty() || !info.max.isEmpty())
                return startsWith(info.min, a.value, aFold) && startsWith(info.max, a.value, aFold);
            return a.value.isEmpty();
        }
        }
        return false;
    case Type::Regex: {
        if (a.value == QLatin1String(".*"))
            return true;
        if (b.type == Type::Regex)
            return b.value == a.value;
        if (b.type == Type::Exact)
            return !bFold && RegexFacts::fullMatch(a.value, b.value);
        QString prefix;
        if (b.type == Type::Prefix && RegexFacts::asPrefix(a.value, &prefix))
            return !bFold && b.value.startsWith(prefix);
        return false;
    }
    }
    return false;
}

const StringMatch *findHeader(const StringMatchMap &map, const QString &name)
{
    for (const Entry<StringMatch> &e : map)
        if (e.key.compare(name, Qt::CaseInsensitive) == 0)
            return &e.value;
    return nullptr;
}

bool isPresenceRegex(const StringMatch &m)
{
    return m.type == Type::Regex && m.value == QLatin1String("*");
}

StringMatch normalised(const StringMatch &m)
{
    if (!isPresenceRegex(m))
        return m;
    StringMatch p = m;
    p.type = Type::Presence;
    p.value.clear();
    return p;
}

// Every condition of `a` on a map (headers, queryParams) holds for every request `b` accepts.
bool mapCovers(const StringMatchMap &a, const StringMatchMap &b)
{
    for (const Entry<StringMatch> &e : a) {
        const StringMatch *other = findHeader(b, e.key);
        if (!other || !covers(normalised(e.value), false, normalised(*other), false))
            return false;
    }
    return true;
}

// `a` excludes (withoutHeaders) only what `b` excludes as well, or more narrowly.
bool withoutCovers(const StringMatchMap &a, const StringMatchMap &b)
{
    for (const Entry<StringMatch> &e : a) {
        const StringMatch *other = findHeader(b, e.key);
        // b must exclude at least everything a excludes: b's exclusion covers a's.
        if (!other || !covers(normalised(*other), false, normalised(e.value), false))
            return false;
    }
    return true;
}

bool labelsSubset(const Labels &a, const Labels &b)
{
    return labelsContain(b, a);
}

bool gatewaysCover(const QList<Field<QString>> &a, const QList<Field<QString>> &b)
{
    if (a.isEmpty())
        return true; // a applies wherever the VirtualService does
    if (b.isEmpty())
        return false;
    for (const Field<QString> &g : b) {
        bool found = false;
        for (const Field<QString> &h : a)
            found = found || h.value == g.value;
        if (!found)
            return false;
    }
    return true;
}

// Whether every request match `b` accepts is accepted by match `a`.
bool matchCovers(const HttpMatchRequest &a, const HttpMatchRequest &b)
{
    // Cheap, usually decisive conditions first; the uri (maybe a regex) last.
    if (a.port.present && (!b.port.present || a.port.value != b.port.value))
        return false;
    if ((a.hasMethod && !b.hasMethod) || (a.hasScheme && !b.hasScheme) || (a.hasAuthority && !b.hasAuthority)
        || a.headers.size() > b.headers.size() || a.rare->queryParams.size() > b.rare->queryParams.size()
        || a.rare->withoutHeaders.size() > b.rare->withoutHeaders.size() || a.sourceLabels.size() > b.sourceLabels.size())
        return false;
    if (a.rare->sourceNamespace.present && a.rare->sourceNamespace.value != b.rare->sourceNamespace.value)
        return false;
    if (!labelsSubset(a.sourceLabels, b.sourceLabels) || !gatewaysCover(a.gateways, b.gateways))
        return false;
    const auto field = [](bool aHas, const StringMatch &am, bool bHas, const StringMatch &bm) {
        return !aHas || (bHas && covers(am, false, bm, false));
    };
    if (!field(a.hasMethod, a.method, b.hasMethod, b.method)
        || !field(a.hasScheme, a.scheme, b.hasScheme, b.scheme)
        || !field(a.hasAuthority, a.authority, b.hasAuthority, b.authority))
        return false;
    if (!mapCovers(a.headers, b.headers) || !mapCovers(a.rare->queryParams, b.rare->queryParams)
        || !withoutCovers(a.rare->withoutHeaders, b.rare->withoutHeaders))
        return false;
    if (a.hasUri) {
        const bool aFold = a.rare->ignoreUriCase.valueOr(false), bFold = b.rare->ignoreUriCase.valueOr(false);
        if (b.hasUri)
            return covers(a.uri, aFold, b.uri, bFold);
        // No uri in b means any path; only prefix "/" takes all of them.
        return a.uri.type == Type::Prefix && (a.uri.value.isEmpty() || a.uri.value == QLatin1String("/"));
    }
    return true;
}

// ---- canonical forms and samples -------------------------------------------------------------

QString key(const StringMatch &m)
{
    return QString::number(int(m.type)) + QLatin1Char(':') + m.value;
}

QString key(const StringMatchMap &map)
{
    QStringList parts;
    for (const Entry<StringMatch> &e : map)
        parts.append(e.key + QLatin1Char('=') + key(e.value));
    parts.sort();
    return parts.join(QLatin1Char(';'));
}

QString key(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts.append(l.key + QLatin1Char('=') + l.value);
    parts.sort();
    return parts.join(QLatin1Char(';'));
}

QString key(const QList<Field<QString>> &list)
{
    QStringList parts;
    for (const Field<QString> &f : list)
        parts.append(f.value);
    parts.sort();
    return parts.join(QLatin1Char(';'));
}

// Everything but the name, as Istio compares matches for duplicates.
QString key(const HttpMatchRequest &m)
{
    QStringList k;
    k << (m.hasUri ? key(m.uri) : QString()) << (m.hasScheme ? key(m.scheme) : QString())
      << (m.hasMethod ? key(m.method) : QString()) << (m.hasAuthority ? key(m.authority) : QString())
      << key(m.headers) << key(m.rare->withoutHeaders) << key(m.rare->queryParams)
      << (m.port.present ? QString::number(m.port.value) : QString()) << key(m.sourceLabels)
      << key(m.gateways) << (m.rare->ignoreUriCase.valueOr(false) ? QStringLiteral("i") : QString())
      << m.rare->sourceNamespace.value << m.rare->statPrefix.value;
    return k.join(QLatin1Char('|'));
}

template <typename L4> QString l4Key(const L4 &m)
{
    QStringList k;
    k << key(m.destinationSubnets) << (m.port.present ? QString::number(m.port.value) : QString())
      << key(m.sourceLabels) << key(m.gateways) << m.sourceNamespace.value;
    if constexpr (std::is_same_v<L4, TlsMatchAttributes>)
        k << key(m.sniHosts);
    return k.join(QLatin1Char('|'));
}

QString sampleValue(const StringMatch &m)
{
    switch (m.type) {
    case Type::Presence:
        return QStringLiteral("x");
    case Type::Exact:
    case Type::Prefix:
        return m.value;
    case Type::Regex: {
        if (isPresenceRegex(m))
            return QStringLiteral("x");
        const auto info = RegexFacts::of(m.value);
        return info->sample.isEmpty() ? QStringLiteral("<matching %1>").arg(m.value) : info->sample;
    }
    }
    return {};
}

// A request the match accepts, e.g. "GET /api/v1/products (header end-user: jason)".
QString sampleRequest(const HttpMatchRequest &m)
{
    QString path = m.hasUri ? sampleValue(m.uri) : QStringLiteral("/");
    if (m.hasUri && m.uri.type == Type::Prefix && path.isEmpty())
        path = QStringLiteral("/");
    QString out = (m.hasMethod ? sampleValue(m.method) : QStringLiteral("GET")) + QLatin1Char(' ') + path;
    QStringList query;
    for (const Entry<StringMatch> &e : m.rare->queryParams)
        query.append(e.key + QLatin1Char('=') + sampleValue(e.value));
    if (!query.isEmpty())
        out += (path.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
            + query.join(QLatin1Char('&'));
    QStringList extra;
    if (m.hasAuthority)
        extra.append(QStringLiteral("host %1").arg(sampleValue(m.authority)));
    if (m.hasScheme)
        extra.append(QStringLiteral("scheme %1").arg(sampleValue(m.scheme)));
    for (const Entry<StringMatch> &e : m.headers)
        extra.append(QStringLiteral("header %1: %2").arg(e.key, sampleValue(e.value)));
    if (m.port.present)
        extra.append(QStringLiteral("port %1").arg(m.port.value));
    if (!m.sourceLabels.isEmpty())
        extra.append(QStringLiteral("from a workload labelled %1")
                         .arg(key(m.sourceLabels).replace(QLatin1Char(';'), QLatin1Char(','))));
    if (!extra.isEmpty())
        out += QStringLiteral(" (") + extra.join(QStringLiteral(", ")) + QLatin1Char(')');
    return out;
}

QString matchName(const HttpMatchRequest &m, int index)
{
    const Field<QString> &name = m.rare->name;
    return name.present && !name.value.isEmpty() ? QStringLiteral("\"%1\"").arg(name.value)
                                                     : QStringLiteral("#%1").arg(index);
}

// ---- which earlier matches can cover a later one ---------------------------------------------

QString folded(const QString &s)
{
    return s.toCaseFolded();
}

// The earlier matches that may cover a later one, judged by the uri alone,
// as covers() and matchCovers() decide it: a superset of the matches
// matchCovers() accepts, in the order they were added. Filing prefixes and
// regex literal prefixes under their text finds them in O(path length), so
// a VirtualService with 100,000 rules is not compared pair by pair.
class CoverIndex
{
public:
    void add(const HttpMatchRequest &a, int id)
    {
        if (!a.hasUri) {
            m_any.push_back(id);
            return;
        }
        const QString &v = a.uri.value;
        const bool fold = a.rare->ignoreUriCase.valueOr(false);
        switch (a.uri.type) {
        case Type::Presence:
            m_any.push_back(id);
            break;
        case Type::Exact:
            fold ? m_exactFolded.add(folded(v), id) : m_exact.add(v, id);
            break;
        case Type::Prefix:
            fold ? m_prefixFolded.add(folded(v), id) : m_prefix.add(v, id);
            break;
        case Type::Regex: {
            if (v == QLatin1String(".*")) {
                m_any.push_back(id);
                break;
            }
            m_regex.add(v, id);
            // Every string the regex matches starts with its literal prefix;
            // LITERAL.* covers prefixes under LITERAL.
            const auto info = RegexFacts::of(v);
            if (info->compiles())
                m_regexLiteral.add(info->literalPrefix, id);
            QString prefix;
            if (RegexFacts::asPrefix(v, &prefix))
                m_regexLiteral.add(prefix, id);
            break;
        }
        }
    }

    AscendingIds candidates(const HttpMatchRequest &b) const
    {
        std::vector<const PrefixIndex::IdList *> lists { &m_any };
        const QString empty, slash = QStringLiteral("/");
        if (!b.hasUri) {
            for (const PrefixIndex *p : { &m_prefix, &m_prefixFolded }) {
                p->collectExact(empty, &lists);
                p->collectExact(slash, &lists);
            }
            return AscendingIds(std::move(lists));
        }
        const QString &v = b.uri.value;
        switch (b.uri.type) {
        case Type::Presence:
            m_prefix.collectExact(empty, &lists);
            m_prefixFolded.collectExact(empty, &lists);
            break;
        case Type::Exact:
            m_exact.collectExact(v, &lists);
            m_exactFolded.collectExact(folded(v), &lists);
            Q_FALLTHROUGH();
        case Type::Prefix:
            m_prefix.collectPrefixes(v, &lists);
            m_prefixFolded.collectPrefixes(folded(v), &lists);
            m_regexLiteral.collectPrefixes(v, &lists);
            break;
        case Type::Regex: {
            m_regex.collectExact(v, &lists);
            m_prefix.collectExact(empty, &lists);
            m_prefixFolded.collectExact(empty, &lists);
            const auto info = RegexFacts::of(v);
            if (info->compiles())
                for (const QString &probe : { info->literalPrefix, info->min }) {
                    m_prefix.collectPrefixes(probe, &lists);
                    m_prefixFolded.collectPrefixes(folded(probe), &lists);
                }
            break;
        }
        }
        return AscendingIds(std::move(lists));
    }

private:
    PrefixIndex::IdList m_any; // no uri, uri: {}, regex ".*": may cover anything
    PrefixIndex m_exact, m_exactFolded, m_prefix, m_prefixFolded, m_regex, m_regexLiteral;
};

// ---- the analysis ---------------------------------------------------------------------------

class Shadows
{
public:
    Shadows(CheckContext &ctx, const Resource &r, const VirtualService &vs, ShadowAnalyzer::Mode mode,
        qint64 pairLimit)
        : m_ctx(ctx)
        , m_r(r)
        , m_vs(vs)
        , m_mode(mode)
        , m_pairLimit(pairLimit)
    { }

    void http()
    {
        EarlierMatches earlier;
        int emptyRule = -1;
        for (int i = 0; i < m_vs.http.size(); ++i) {
            const HttpRoute &rule = m_vs.http[i];
            const QString path = QStringLiteral("spec.http[") + QString::number(i) + QLatin1Char(']');
            const QString name = rule.displayName(i);
            if (rule.match.isEmpty()) {
                if (emptyRule >= 0)
                    unreachable(rule.pos, path, name,
                        QStringLiteral("only the last rule can have no matches: rule %1 above takes every "
                                       "request; merge the two or give the earlier one a match")
                            .arg(m_vs.http[emptyRule].displayName(emptyRule)));
                emptyRule = i;
                continue;
            }
            if (emptyRule >= 0) {
                unreachable(rule.pos, path, name,
                    QStringLiteral("route without matches defined before: rule %1 takes every request; move "
                                   "this rule above it")
                        .arg(m_vs.http[emptyRule].displayName(emptyRule)));
                continue;
            }
            RuleFindings found { i, path, name };
            for (int j = 0; j < rule.match.size(); ++j)
                httpMatch(j, earlier, found);
            reportRule(rule, found);
        }
        if (earlier.notCompared > 0)
            m_ctx.info(m_r, m_vs.http.first().pos, Code::ShadowAnalysisLimited,
                QStringLiteral("shadowing analysis limited to %1 rule match pairs for this VirtualService; "
                               "%2 matches not compared with the earlier ones, so rules shadowed there are "
                               "not reported")
                    .arg(m_pairLimit)
                    .arg(earlier.notCompared),
                QStringLiteral("spec.http"));
    }

    template <typename Rule> void l4(const QList<Rule> &rules, const char *field, bool emptyAllowed)
    {
        QHash<QString, int> encountered;
        int emptyRule = -1;
        for (int i = 0; i < rules.size(); ++i) {
            const Rule &rule = rules[i];
            const QString path = QStringLiteral("spec.%1[%2]").arg(QLatin1String(field)).arg(i);
            const QString name = QStringLiteral("#%1").arg(i);
            if (rule.match.isEmpty()) {
                if (!emptyAllowed)
                    continue; // a TLS rule needs matches; the validator says so
                if (emptyRule >= 0)
                    unreachable(rule.pos, path, name,
                        QStringLiteral("only the last rule can have no matches: rule #%1 above takes every "
                                       "connection")
                            .arg(emptyRule));
                emptyRule = i;
                continue;
            }
            if (emptyRule >= 0) {
                unreachable(rule.pos, path, name,
                    QStringLiteral("route without matches defined before: rule #%1 takes every connection")
                        .arg(emptyRule));
                continue;
            }
            int duplicates = 0;
            for (int j = 0; j < rule.match.size(); ++j) {
                const QString k = l4Key(rule.match[j]);
                const auto dup = encountered.constFind(k);
                if (dup != encountered.cend()) {
                    ++duplicates;
                    m_ctx.info(m_r, rule.match[j].pos, Code::IneffectiveMatch,
                        QStringLiteral(
                            "VirtualService rule %1 match #%2 is not used (duplicate match in rule "
                            "#%3); remove it")
                            .arg(name)
                            .arg(j)
                            .arg(*dup),
                        QStringLiteral("%1.match[%2]").arg(path).arg(j));
                } else {
                    encountered.insert(k, i);
                }
            }
            if (duplicates == rule.match.size())
                unreachable(rule.pos, path, name, QStringLiteral("all matches used by prior rules"));
        }
    }

private:
    // The matches of the rules before the current one, and how many pairs were compared.
    struct EarlierMatches
    {
        struct Seen
        {
            int rule, match;
        };
        QHash<QString, Seen> byKey;
        QList<Seen> list;
        CoverIndex index;
        PrefixIndex::IdList all;
        qint64 compared = 0, notCompared = 0;
    };

    // A rule, and what its matches found among the earlier ones.
    struct RuleFindings
    {
        int rule;
        QString path, name;
        int duplicates = 0, coveredByEarlierRules = 0;
        int shadowingRule = -1; // the first earlier rule that covers one of its matches
        QString sample;
    };

    // Match j of rule i: a duplicate of an earlier match (Istio's IST0131), or else covered by one.
    void httpMatch(int j, EarlierMatches &earlier, RuleFindings &found)
    {
        const int i = found.rule;
        const HttpMatchRequest &m = m_vs.http[i].match[j];
        const QString mpath = QStringLiteral("%1.match[%2]").arg(found.path).arg(j);
        const QString k = key(m);
        const auto dup = earlier.byKey.constFind(k);
        if (dup != earlier.byKey.cend()) {
            ++found.duplicates;
            if (dup->rule < i)
                ++found.coveredByEarlierRules;
            m_ctx.info(m_r, m.pos, Code::IneffectiveMatch,
                QStringLiteral("VirtualService rule %1 match %2 is not used (duplicate match in rule %3); "
                               "remove it")
                    .arg(found.name, matchName(m, j), m_vs.http[dup->rule].displayName(dup->rule)),
                mpath);
        } else {
            earlier.byKey.insert(k, { i, j });
            coveringMatch(j, mpath, earlier, found);
        }
        earlier.index.add(m, int(earlier.list.size()));
        earlier.all.push_back(int(earlier.list.size()));
        earlier.list.append({ i, j });
    }

    // Our own analysis: an earlier, different match that takes all of this one's requests. The
    // index proposes the earlier matches whose uri can cover this one, in order; the pairwise
    // reference tries them all (for tests).
    void coveringMatch(int j, const QString &mpath, EarlierMatches &earlier, RuleFindings &found)
    {
        const int i = found.rule;
        const HttpMatchRequest &m = m_vs.http[i].match[j];
        AscendingIds proposed = m_mode == ShadowAnalyzer::Mode::Indexed ? earlier.index.candidates(m)
                                                                        : AscendingIds({ &earlier.all });
        for (int id = proposed.next(); id >= 0; id = proposed.next()) {
            if (earlier.compared >= m_pairLimit) {
                ++earlier.notCompared;
                break;
            }
            ++earlier.compared;
            const EarlierMatches::Seen &s = earlier.list[id];
            const HttpMatchRequest &a = m_vs.http[s.rule].match[s.match];
            if (!matchCovers(a, m))
                continue;
            if (s.rule < i) {
                ++found.coveredByEarlierRules;
                if (found.shadowingRule < 0) {
                    found.shadowingRule = s.rule;
                    found.sample = sampleRequest(m);
                }
            }
            m_ctx.info(m_r, m.pos, Code::IneffectiveMatch,
                QStringLiteral("VirtualService rule %1 match %2 is not used (overlapping match %3 in "
                               "rule %4 takes its requests first, e.g. %5); remove it or move it up")
                    .arg(found.name, matchName(m, j), matchName(a, s.match),
                        m_vs.http[s.rule].displayName(s.rule), sampleRequest(m)),
                mpath);
            break;
        }
    }

    void reportRule(const HttpRoute &rule, const RuleFindings &found)
    {
        const QString &path = found.path, &name = found.name;
        if (found.duplicates == rule.match.size())
            unreachable(rule.pos, path, name, QStringLiteral("all matches used by prior rules"));
        else if (found.coveredByEarlierRules == rule.match.size() && found.shadowingRule >= 0)
            m_ctx.warning(m_r, rule.pos, Code::ShadowedRule,
                QStringLiteral("rule %1 is never used: every request it matches is taken first by rule %2 "
                               "(e.g. %3); move it above rule %2 or narrow rule %2")
                    .arg(name, m_vs.http[found.shadowingRule].displayName(found.shadowingRule), found.sample),
                path);
    }

    void unreachable(const SourcePos &pos, const QString &path, const QString &name, const QString &reason)
    {
        m_ctx.warning(m_r, pos, Code::UnreachableRule,
            QStringLiteral("VirtualService rule %1 not used (%2).").arg(name, reason), path);
    }

    CheckContext &m_ctx;
    const Resource &m_r;
    const VirtualService &m_vs;
    const ShadowAnalyzer::Mode m_mode;
    const qint64 m_pairLimit;
};

} // namespace

void ShadowAnalyzer::analyze(CheckContext &ctx, const Resource &r, Mode mode, qint64 pairLimit)
{
    const VirtualService *vs = r.virtualService();
    if (!vs)
        return;
    Shadows s(ctx, r, *vs, mode, pairLimit);
    s.http();
    s.l4(vs->tcp, "tcp", true);
    s.l4(vs->tls, "tls", false);
}

Analyzer ShadowAnalyzer::definition()
{
    return Analyzer::ofEach(ResourceKind::VirtualService, QStringLiteral("ShadowAnalyzer"),
        { Code::IneffectiveMatch, Code::ShadowAnalysisLimited, Code::ShadowedRule, Code::UnreachableRule },
        [](CheckContext &ctx, const Resource &r) { analyze(ctx, r); });
}

} // namespace meshroute
