#include "kubernetesgatewayvalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "gatewayapifieldchecks.h"
#include "gatewayapipatterns.h"
#include "resource.h"

#include <QHash>

namespace meshroute {

namespace {

QString at(const QString &path, int i)
{
    return path + QStringLiteral("[%1]").arg(i);
}

bool isOneOf(const QString &s, std::initializer_list<const char *> list)
{
    for (const char *x : list)
        if (s == QLatin1String(x))
            return true;
    return false;
}

void allowedRoutes(const GatewayApiFieldChecks &c, const AllowedRoutes &a, const QString &p)
{
    if (!a.present)
        return;
    c.oneOf(a.namespacesFrom, { QStringLiteral("All"), QStringLiteral("Selector"), QStringLiteral("Same") },
        p + QStringLiteral(".namespaces.from"));
    c.maxItems(a.kinds.size(), 8, a.kinds.size() > 8 ? a.kinds[8].pos : a.pos, p + QStringLiteral(".kinds"));
    for (int i = 0; i < a.kinds.size(); ++i) {
        const QString kp = at(p + QStringLiteral(".kinds"), i);
        if (c.required(a.kinds[i].kind, a.kinds[i].pos, kp + QStringLiteral(".kind")))
            c.kind(a.kinds[i].kind, kp + QStringLiteral(".kind"));
        c.group(a.kinds[i].group, kp + QStringLiteral(".group"));
    }
}

void tls(const GatewayApiFieldChecks &c, const ListenerTls &t, const QString &p)
{
    if (!t.present)
        return;
    c.oneOf(
        t.mode, { QStringLiteral("Terminate"), QStringLiteral("Passthrough") }, p + QStringLiteral(".mode"));
    c.maxItems(t.certificateRefs.size(), 64,
        t.certificateRefs.size() > 64 ? t.certificateRefs[64].pos : t.pos,
        p + QStringLiteral(".certificateRefs"));
    for (int i = 0; i < t.certificateRefs.size(); ++i)
        c.objectReference(t.certificateRefs[i], false, at(p + QStringLiteral(".certificateRefs"), i));
    // "certificateRefs or options must be specified when mode is Terminate" (mode defaults to Terminate).
    if (t.mode.valueOr(QStringLiteral("Terminate")) == QLatin1String("Terminate")
        && t.certificateRefs.isEmpty() && t.options.isEmpty())
        c.error(t.pos, Code::GatewayApiInvalidListener,
            QStringLiteral("certificateRefs or options must be specified when mode is Terminate"), p);
}

// The CEL rules of spec.listeners that look at one listener's protocol.
void protocolRules(const GatewayApiFieldChecks &c, const Listener &l, const QString &p)
{
    const QString protocol = l.protocol.value;
    if (isOneOf(protocol, { "HTTP", "TCP", "UDP" }) && l.tls.present)
        c.error(l.tls.pos, Code::GatewayApiInvalidListener,
            QStringLiteral("tls must not be specified for protocols ['HTTP', 'TCP', 'UDP'] (protocol %1)")
                .arg(protocol),
            p + QStringLiteral(".tls"));
    if (protocol == QLatin1String("HTTPS") && l.tls.present && l.tls.mode.present
        && !l.tls.mode.value.isEmpty() && l.tls.mode.value != QLatin1String("Terminate"))
        c.error(l.tls.mode.pos, Code::GatewayApiInvalidListener,
            QStringLiteral("tls mode must be Terminate for protocol HTTPS"), p + QStringLiteral(".tls.mode"));
    if (protocol == QLatin1String("TLS")
        && (!l.tls.present || (l.tls.mode.present && l.tls.mode.value.isEmpty())))
        c.error(l.protocol.pos, Code::GatewayApiInvalidListener,
            QStringLiteral("tls mode must be set for protocol TLS"), p + QStringLiteral(".tls"));
    if (isOneOf(protocol, { "TCP", "UDP" }) && l.hostname.present && !l.hostname.value.isEmpty())
        c.error(l.hostname.pos, Code::GatewayApiInvalidListener,
            QStringLiteral("hostname must not be specified for protocols ['TCP', 'UDP']"),
            p + QStringLiteral(".hostname"));
}

void listener(const GatewayApiFieldChecks &c, const Listener &l, const QString &p)
{
    if (c.required(l.name, l.pos, p + QStringLiteral(".name")))
        c.sectionName(l.name, p + QStringLiteral(".name"));
    if (!l.port.present)
        c.error(l.pos, Code::GatewayApiMissingField, QStringLiteral("port is required"),
            p + QStringLiteral(".port"));
    c.port(l.port, p + QStringLiteral(".port"));
    if (c.required(l.protocol, l.pos, p + QStringLiteral(".protocol"))
        && !GatewayApiPatterns::isProtocol(l.protocol.value))
        c.error(l.protocol.pos, Code::GatewayApiInvalidEnum,
            QStringLiteral("protocol \"%1\" is neither a name (letters, digits, '-') nor domain/name")
                .arg(l.protocol.value),
            p + QStringLiteral(".protocol"));
    c.hostname(l.hostname, false, p + QStringLiteral(".hostname"));
    tls(c, l.tls, p + QStringLiteral(".tls"));
    allowedRoutes(c, l.allowedRoutes, p + QStringLiteral(".allowedRoutes"));
    protocolRules(c, l, p);
}

// "Listener name must be unique within the Gateway" and "Combination of port, protocol and hostname
// must be unique for each listener" (an absent hostname is its own value).
void uniqueListeners(const GatewayApiFieldChecks &c, const QList<Listener> &listeners)
{
    QHash<QString, int> names, combos;
    for (int i = 0; i < listeners.size(); ++i) {
        const Listener &l = listeners[i];
        const QString p = at(QStringLiteral("spec.listeners"), i);
        if (l.name.present) {
            if (names.contains(l.name.value))
                c.error(l.name.pos, Code::GatewayApiInvalidListener,
                    QStringLiteral(
                        "Listener name must be unique within the Gateway: \"%1\" is also listeners[%2]")
                        .arg(l.name.value)
                        .arg(names.value(l.name.value)),
                    p + QStringLiteral(".name"));
            names.insert(l.name.value, i);
        }
        const QString combo
            = QStringLiteral("%1/%2/%3")
                  .arg(l.port.value)
                  .arg(l.protocol.value,
                      l.hostname.present ? QLatin1Char('=') + l.hostname.value : QStringLiteral("-"));
        if (combos.contains(combo))
            c.error(l.pos, Code::GatewayApiInvalidListener,
                QStringLiteral("Combination of port, protocol and hostname must be unique for each listener "
                               "(the same as listeners[%1])")
                    .arg(combos.value(combo)),
                p);
        else
            combos.insert(combo, i);
    }
}

void addresses(const GatewayApiFieldChecks &c, const KubernetesGateway &g)
{
    const QString p = QStringLiteral("spec.addresses");
    c.maxItems(g.addresses.size(), 16, g.addresses.size() > 16 ? g.addresses[16].pos : g.specPos, p);
    QHash<QString, int> seen;
    for (int i = 0; i < g.addresses.size(); ++i) {
        const GatewayAddress &a = g.addresses[i];
        const QString type = a.type.valueOr(QStringLiteral("IPAddress"));
        if (type == QLatin1String("Hostname") && a.value.present && !a.value.value.isEmpty()
            && !GatewayApiPatterns::isHostname(a.value.value))
            c.error(a.value.pos, Code::GatewayApiInvalidHostname,
                QStringLiteral(
                    "Hostname value must be empty or contain only valid characters (matching "
                    "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)"),
                at(p, i) + QStringLiteral(".value"));
        if (!a.value.present || (type != QLatin1String("Hostname") && type != QLatin1String("IPAddress")))
            continue;
        const QString key = type + QLatin1Char('/') + a.value.value;
        if (seen.contains(key))
            c.error(a.value.pos, Code::GatewayApiInvalidListener,
                QStringLiteral("%1 values must be unique: \"%2\" is also addresses[%3]")
                    .arg(type, a.value.value)
                    .arg(seen.value(key)),
                at(p, i) + QStringLiteral(".value"));
        else
            seen.insert(key, i);
    }
}

} // namespace

void KubernetesGatewayValidator::validate(CheckContext &ctx, const Resource &r)
{
    const KubernetesGateway *g = r.kubernetesGateway();
    if (!g)
        return;
    const GatewayApiFieldChecks c(ctx, r);
    if (c.required(g->gatewayClassName, g->specPos.isValid() ? g->specPos : r.pos,
            QStringLiteral("spec.gatewayClassName"))
        && g->gatewayClassName.value.size() > 253)
        c.error(g->gatewayClassName.pos, Code::GatewayApiTooManyItems,
            QStringLiteral("gatewayClassName is longer than 253 characters"),
            QStringLiteral("spec.gatewayClassName"));
    const QString p = QStringLiteral("spec.listeners");
    if (g->listeners.isEmpty())
        c.error(g->specPos.isValid() ? g->specPos : r.pos, Code::GatewayApiMissingField,
            QStringLiteral("listeners is required and needs at least one listener"), p);
    c.maxItems(g->listeners.size(), 64, g->listeners.size() > 64 ? g->listeners[64].pos : g->specPos, p);
    for (int i = 0; i < g->listeners.size(); ++i)
        listener(c, g->listeners[i], at(p, i));
    uniqueListeners(c, g->listeners);
    addresses(c, *g);
}

Analyzer KubernetesGatewayValidator::definition()
{
    return Analyzer::ofEach(ResourceKind::KubernetesGateway, QStringLiteral("KubernetesGatewayValidator"),
        { Code::GatewayApiInvalidListener, Code::GatewayApiTooManyItems, Code::GatewayApiOutOfRange,
            Code::GatewayApiInvalidHostname, Code::GatewayApiInvalidEnum, Code::GatewayApiInvalidReference,
            Code::GatewayApiMissingField, Code::GatewayApiInvalidName },
        validate);
}

} // namespace meshroute
