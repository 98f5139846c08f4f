#include "fieldvalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "resource.h"
#include "validationprimitives.h"

#include <QSet>

namespace meshroute {

using VP = ValidationPrimitives;

void FieldValidator::name(CheckContext &ctx, const Resource &r, bool label)
{
    if (!r.metadata.name.present || r.metadata.name.value.isEmpty()) {
        ctx.error(r, r.metadata.pos, Code::MissingRequiredField,
            QStringLiteral("metadata.name is missing; give the %1 a name").arg(r.kindName.value),
            QStringLiteral("metadata.name"));
        return;
    }
    const QString &n = r.metadata.name.value;
    // Istio's own generated objects (Gateway API translation) use '~' and never pass the API server.
    if (n.contains(QLatin1Char('~')))
        return;
    if (label ? !VP::isDns1123Label(n) : !VP::isDns1123Subdomain(n))
        ctx.error(r, r.metadata.name.pos, Code::InvalidName,
            QStringLiteral("name \"%1\" is not a DNS-1123 %2; use lower-case letters, digits and '-'%3")
                .arg(n, label ? QStringLiteral("label") : QStringLiteral("subdomain"),
                    label ? QString() : QStringLiteral(" (and '.' between parts)")),
            QStringLiteral("metadata.name"));
}

void FieldValidator::exportTo(
    CheckContext &ctx, const Resource &r, const QList<Field<QString>> &exportTo, const QString &path)
{
    QSet<QString> seen;
    bool hasStar = false, hasOther = false;
    const QString own = r.namespaceName();
    for (int i = 0; i < exportTo.size(); ++i) {
        const Field<QString> &e = exportTo[i];
        const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
        const QString v = e.value;
        if (v == QLatin1String("*")) {
            hasStar = true;
        } else {
            hasOther = true;
            if (v == QLatin1String("~")) {
                ctx.error(r, e.pos, Code::InvalidExportTo,
                    QStringLiteral("exportTo ~ (none) is not allowed for Istio configuration objects; use "
                                   "\".\" to keep it in its namespace"),
                    p);
                continue;
            }
            if (v != QLatin1String(".") && !VP::isDns1123Label(v)) {
                ctx.error(r, e.pos, Code::InvalidExportTo,
                    QStringLiteral("exportTo \"%1\" is not a namespace name; use \".\", \"*\" or a namespace")
                        .arg(v),
                    p);
                continue;
            }
        }
        // "." and the own namespace name the same thing.
        const QString key = v == QLatin1String(".") ? own : v;
        if (seen.contains(key))
            ctx.error(r, e.pos, Code::InvalidExportTo,
                QStringLiteral("duplicate entries in exportTo: \"%1\"; remove one").arg(v), p);
        seen.insert(key);
    }
    if (hasStar && hasOther)
        ctx.error(r, exportTo.first().pos, Code::InvalidExportTo,
            QStringLiteral("exportTo cannot have both public (*) and non-public values; keep either \"*\" or "
                           "the namespaces"),
            path);
}

void FieldValidator::labels(CheckContext &ctx, const Resource &r, const Labels &labels, const QString &path)
{
    for (const Label &l : labels) {
        const QString p = path + QLatin1Char('.') + l.key;
        QString why = VP::checkLabelKey(l.key);
        if (why.isEmpty())
            why = VP::checkLabelValue(l.value);
        if (!why.isEmpty())
            ctx.error(r, l.pos, Code::InvalidLabel, why + QStringLiteral("; fix the label"), p);
    }
}

void FieldValidator::duration(
    CheckContext &ctx, const Resource &r, const Field<QString> &d, const QString &path)
{
    if (!d.present)
        return;
    const QString why = VP::checkDuration(d.value);
    if (!why.isEmpty())
        ctx.error(r, d.pos, Code::InvalidDuration,
            why + QStringLiteral("; write a Go duration of whole milliseconds such as 500ms, 5s or 1m30s"),
            path);
}

void FieldValidator::port(
    CheckContext &ctx, const Resource &r, const Field<qint64> &port, const QString &path)
{
    if (!port.present)
        return;
    const QString why = VP::checkPort(port.value);
    if (!why.isEmpty())
        ctx.error(r, port.pos, Code::InvalidPort, why, path);
}

void FieldValidator::stringMatch(CheckContext &ctx, const Resource &r, const StringMatch &m,
    const QString &path, bool allowEmptyPrefix, bool presenceRegex)
{
    const SourcePos at = m.valuePos.isValid() ? m.valuePos : m.pos;
    if (m.typeCount > 1) {
        ctx.error(r, m.pos, Code::InvalidStringMatch,
            QStringLiteral("a string match takes only one of exact, prefix and regex; keep one"), path);
        return;
    }
    if (m.type == StringMatch::Type::Prefix && m.value.isEmpty() && !allowEmptyPrefix) {
        ctx.error(r, at, Code::InvalidStringMatch,
            QStringLiteral("prefix string match should not be empty; give a prefix, or use {} to require "
                           "only that it is present"),
            path + QStringLiteral(".prefix"));
        return;
    }
    if (m.type != StringMatch::Type::Regex)
        return;
    if (m.value.isEmpty()) {
        ctx.error(r, at, Code::InvalidStringMatch,
            QStringLiteral(
                "regex string match should not be empty; give a pattern (\".*\" matches anything)"),
            path + QStringLiteral(".regex"));
        return;
    }
    if (presenceRegex && m.value == QLatin1String("*"))
        return; // Istio reads regex "*" in headers and queryParams as "present"
    const QString why = VP::checkRegex(m.value);
    if (!why.isEmpty())
        ctx.error(r, at, Code::InvalidRegex,
            QStringLiteral("regex \"%1\" is invalid: %2; Istio and Envoy use RE2 syntax, which has no "
                           "look-around and no back-references")
                .arg(m.value.size() > 80 ? m.value.left(77) + QLatin1String("...") : m.value, why),
            path + QStringLiteral(".regex"));
}

void FieldValidator::destination(CheckContext &ctx, const Resource &r, const Destination &d,
    const SourcePos &ownerPos, const QString &path)
{
    if (!d.host.present) {
        const bool written = d.pos.isValid();
        ctx.error(r, written ? d.pos : ownerPos, Code::MissingRequiredField,
            written ? QStringLiteral("destination has no host; name the service, e.g. host: reviews")
                    : QStringLiteral("destination is required; add destination.host"),
            written ? path + QStringLiteral(".host") : path);
    } else if (d.host.value == QLatin1String("*")) {
        ctx.error(r, d.host.pos, Code::InvalidHost,
            QStringLiteral("invalid destination host *; name one service"), path + QStringLiteral(".host"));
    } else {
        const QString why = VP::checkHostOrIp(d.host.value);
        if (!why.isEmpty())
            ctx.error(r, d.host.pos, Code::InvalidHost, why + QStringLiteral("; name a service or DNS host"),
                path + QStringLiteral(".host"));
    }
    if (d.subset.present && !VP::isDns1123Label(d.subset.value))
        ctx.error(r, d.subset.pos, Code::InvalidSubsetName,
            QStringLiteral("subset name \"%1\" is invalid: it must be a DNS-1123 label (lower-case letters, "
                           "digits, '-')")
                .arg(d.subset.value),
            path + QStringLiteral(".subset"));
    port(ctx, r, d.port.number, path + QStringLiteral(".port.number"));
}

namespace {

void headerOps(
    CheckContext &ctx, const Resource &r, const HeaderOperations &ops, bool request, const QString &path)
{
    const auto checkName = [&](const QString &name, const SourcePos &pos, const QString &p,
                               bool mayBeAuthority) {
        if (name.isEmpty()) {
            ctx.error(
                r, pos, Code::InvalidHeaderName, QStringLiteral("header name is empty; name the header"), p);
            return;
        }
        const QString lower = name.toLower();
        const bool authority = lower == QLatin1String("host") || lower == QLatin1String(":authority");
        if (authority && mayBeAuthority)
            return; // set/add of the authority is an authority rewrite
        if (authority || name.startsWith(QLatin1Char(':'))) {
            ctx.error(r, pos, Code::InvalidHeaderName,
                QStringLiteral("header \"%1\" may not be changed here%2")
                    .arg(name,
                        lower == QLatin1String("host") || lower == QLatin1String(":authority")
                            ? QStringLiteral("; use rewrite.authority to change the host")
                            : QStringLiteral("; pseudo-headers cannot be manipulated")),
                p);
            return;
        }
        if (!VP::isHttpToken(name))
            ctx.error(r, pos, Code::InvalidHeaderName,
                QStringLiteral("header name \"%1\" has characters outside the HTTP token set; use letters, "
                               "digits and '-'")
                    .arg(name),
                p);
    };
    const auto checkEntries = [&](const QList<Entry<QString>> &entries, const QString &op) {
        for (const Entry<QString> &e : entries) {
            const QString p = path + QLatin1Char('.') + op + QLatin1Char('.') + e.key;
            checkName(e.key, e.keyPos, p, request);
            const QString why = VP::checkHeaderValue(e.value);
            if (!why.isEmpty())
                ctx.error(r, e.keyPos, Code::InvalidHeaderValue, why, p);
        }
    };
    checkEntries(ops.set, QStringLiteral("set"));
    checkEntries(ops.add, QStringLiteral("add"));
    for (int i = 0; i < ops.remove.size(); ++i)
        checkName(
            ops.remove[i].value, ops.remove[i].pos, QStringLiteral("%1.remove[%2]").arg(path).arg(i), false);
}

} // namespace

void FieldValidator::headerOperations(
    CheckContext &ctx, const Resource &r, const Headers &h, const QString &path)
{
    if (!h.present)
        return;
    if (h.request.present)
        headerOps(ctx, r, h.request, true, path + QStringLiteral(".request"));
    if (h.response.present)
        headerOps(ctx, r, h.response, false, path + QStringLiteral(".response"));
}

} // namespace meshroute
