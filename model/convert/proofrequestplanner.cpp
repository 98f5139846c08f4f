#include "proofrequestplanner.h"

#include "hostname.h"
#include "regexsample.h"
#include "resource.h"
#include "workspace.h"

namespace meshroute {

namespace {

// A name a request can carry for a VirtualService host ("*.example.com" -> "www.example.com").
QString concreteHost(const QString &host)
{
    if (host == QLatin1String("*"))
        return QStringLiteral("any.example.com");
    if (host.startsWith(QLatin1String("*.")))
        return QStringLiteral("www") + host.mid(1);
    return host;
}

} // namespace

QList<ProofRequest> ProofRequestPlanner::plan()
{
    for (const Resource *r : m_workspace.ofKind(ResourceKind::VirtualService)) {
        const VirtualService *vs = r->virtualService();
        for (const Sender &s : sendersOf(*r)) {
            m_from = ProofRequest();
            m_from.resourceId = r->id;
            add(s, QStringLiteral("/"), {}, QStringLiteral("GET"), r->displayName(),
                QStringLiteral("host default"));
            for (int i = 0; i < vs->http.size(); ++i) {
                const HttpRoute &rule = vs->http[i];
                const QString origin = r->displayName() + QStringLiteral(" spec.http[%1]").arg(i);
                m_from.ruleIndex = i;
                m_from.matchIndex = -1;
                if (rule.match.isEmpty())
                    addMatch(s, nullptr, origin);
                for (int m = 0; m < rule.match.size(); ++m) {
                    m_from.matchIndex = m;
                    addMatch(s, &rule.match[m], origin + QStringLiteral(".match[%1]").arg(m));
                }
            }
        }
    }
    return m_out;
}

QList<ProofRequestPlanner::Sender> ProofRequestPlanner::sendersOf(const Resource &r) const
{
    QList<Sender> out;
    const VirtualService *vs = r.virtualService();
    QStringList hosts;
    for (const Field<QString> &h : vs->hosts)
        hosts.append(concreteHost(HostName::resolve(h.value, r.namespaceName())));
    addGatewaySenders(out, r, hosts);
    bool mesh = vs->gateways.isEmpty();
    for (const Field<QString> &g : vs->gateways)
        mesh = mesh || g.value == QLatin1String("mesh");
    if (!mesh)
        return out;
    for (const QString &host : hosts) {
        const QString ns = HostName::namespaceOf(host);
        const Resource *service = ns.isEmpty()
            ? nullptr
            : m_workspace.find(ResourceKind::Service, ns, host.section(QLatin1Char('.'), 0, 0));
        const KubernetesService *s = service ? service->service() : nullptr;
        if (s && !s->ports.isEmpty()) // a mesh route of a host without a Service is not converted
            out.append({ QString(), r.namespaceName(), QStringLiteral("http"),
                int(s->ports.first().port.value), host });
    }
    return out;
}

void ProofRequestPlanner::addGatewaySenders(
    QList<Sender> &out, const Resource &r, const QStringList &hosts) const
{
    for (const Field<QString> &g : r.virtualService()->gateways) {
        if (g.value == QLatin1String("mesh"))
            continue;
        const QString ref
            = g.value.contains(QLatin1Char('/')) ? g.value : r.namespaceName() + QLatin1Char('/') + g.value;
        const Resource *gw = m_workspace.find(
            ResourceKind::Gateway, ref.section(QLatin1Char('/'), 0, 0), ref.section(QLatin1Char('/'), 1));
        if (!gw)
            continue;
        int port = 0;
        QString scheme;
        for (const Server &server : gw->gateway()->servers) {
            const QString p = server.port.protocol.value.toUpper();
            if (p == QLatin1String("HTTP") || p == QLatin1String("HTTP2")) {
                port = int(server.port.number.value);
                scheme = QStringLiteral("http");
                break;
            }
            if (p == QLatin1String("HTTPS") && server.tls.mode.value != QLatin1String("PASSTHROUGH")
                && port == 0) {
                port = int(server.port.number.value);
                scheme = QStringLiteral("https");
            }
        }
        if (port > 0)
            for (const QString &host : hosts)
                out.append({ ref, r.namespaceName(), scheme, port, host });
    }
}

// Compiled once per pattern: a match is planned once for every sender of its VirtualService.
QString ProofRequestPlanner::regexSample(const QString &pattern)
{
    auto it = m_regexSamples.constFind(pattern);
    if (it == m_regexSamples.cend())
        it = m_regexSamples.insert(pattern, RegexSample::of(pattern));
    return *it;
}

void ProofRequestPlanner::addMatch(const Sender &s, const HttpMatchRequest *m, const QString &origin)
{
    QString path = QStringLiteral("/");
    QStringList headers;
    QString method = QStringLiteral("GET");
    int changed = -1; // the first exact header: sent again with another value
    if (m) {
        if (m->hasUri && m->uri.type != StringMatch::Type::Regex)
            path = m->uri.value.isEmpty() ? QStringLiteral("/") : m->uri.value;
        // A path the regex takes, so that the request exercises the rule; "/" when none is found.
        if (m->hasUri && m->uri.type == StringMatch::Type::Regex)
            if (const QString sample = regexSample(m->uri.value); sample.startsWith(QLatin1Char('/')))
                path = sample;
        for (const Entry<StringMatch> &h : m->headers) {
            if (h.key.startsWith(QLatin1Char(':')))
                continue;
            const QString value = h.value.type == StringMatch::Type::Presence ? QStringLiteral("x")
                : h.value.type == StringMatch::Type::Regex                    ? regexSample(h.value.value)
                                                                              : h.value.value;
            if (h.value.type == StringMatch::Type::Regex && value.isEmpty())
                continue; // no value found that the regex takes
            if (changed < 0 && h.value.type == StringMatch::Type::Exact)
                changed = headers.size();
            headers.append(h.key + QStringLiteral(": ") + value);
        }
        QStringList query;
        for (const Entry<StringMatch> &q : m->rare->queryParams)
            if (q.value.type == StringMatch::Type::Exact)
                query.append(q.key + QLatin1Char('=') + q.value.value);
        if (!query.isEmpty() && !path.contains(QLatin1Char('?')))
            path += QLatin1Char('?') + query.join(QLatin1Char('&'));
        if (m->hasMethod && m->method->type == StringMatch::Type::Exact)
            method = m->method->value;
    }
    if (m && !m->sourceLabels.isEmpty() && s.gateway.isEmpty()) {
        // Sent by the workload the match names: the dropped condition shows in the answer.
        Sender labelled = s;
        QStringList labels;
        for (const Label &l : m->sourceLabels)
            labels.append(l.key + QLatin1Char('=') + l.value);
        labelled.labels = labels.join(QLatin1Char(','));
        add(labelled, path, headers, method, origin, QStringLiteral("match"));
    }
    add(s, path, headers, method, origin, QStringLiteral("match"));
    if (changed >= 0) {
        QStringList other = headers;
        other[changed] += QStringLiteral("-other");
        add(s, path, other, method, origin, QStringLiteral("header changed"));
    }
    if (!m || !m->hasUri || m->uri.type == StringMatch::Type::Regex || path.contains(QLatin1Char('?')))
        return;
    const QString uri = m->uri.value;
    if (m->uri.type == StringMatch::Type::Exact) {
        add(s, uri + QStringLiteral("/x"), headers, method, origin,
            QStringLiteral("path one segment deeper"));
    } else if (uri != QLatin1String("/")) {
        const bool slash = uri.endsWith(QLatin1Char('/'));
        add(s, uri + (slash ? QStringLiteral("more") : QStringLiteral("/more")), headers, method, origin,
            QStringLiteral("path one segment deeper"));
        add(s, slash ? uri.chopped(1) : uri + QLatin1Char('x'), headers, method, origin,
            QStringLiteral("segment boundary"));
    }
}

void ProofRequestPlanner::add(const Sender &s, const QString &path, const QStringList &headers,
    const QString &method, const QString &origin, const QString &variant)
{
    ProofRequest p = m_from;
    p.sample.method = method;
    p.sample.url = s.scheme + QStringLiteral("://") + s.host
        + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path);
    p.sample.headers = headers;
    p.sample.gateway = s.gateway;
    p.sample.sourceNamespace = s.ns;
    p.sample.sourceLabels = s.labels;
    p.sample.port = s.port;
    p.origin = origin;
    p.variant = variant;
    const QString key = p.sample.senderText() + QLatin1Char(' ') + QString::number(s.port) + QLatin1Char(' ')
        + p.sample.requestLine() + QLatin1Char(' ') + headers.join(QLatin1Char('|'));
    if (m_seen.contains(key))
        return;
    m_seen.insert(key);
    m_out.append(p);
}

} // namespace meshroute
