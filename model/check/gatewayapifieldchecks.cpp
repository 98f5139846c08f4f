#include "gatewayapifieldchecks.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "gatewayapipatterns.h"
#include "resource.h"

#include <QHash>

namespace meshroute {

using P = GatewayApiPatterns;

void GatewayApiFieldChecks::error(
    const SourcePos &pos, const char *code, const QString &message, const QString &path) const
{
    m_ctx.error(m_r, pos, code, message, path);
}

bool GatewayApiFieldChecks::required(
    const Field<QString> &f, const SourcePos &ownerPos, const QString &path) const
{
    if (f.present && !f.value.isEmpty())
        return true;
    if (f.present)
        error(f.pos, Code::GatewayApiMissingField,
            QStringLiteral("%1 may not be empty").arg(path.section(QLatin1Char('.'), -1)), path);
    else
        error(ownerPos, Code::GatewayApiMissingField,
            QStringLiteral("%1 is required").arg(path.section(QLatin1Char('.'), -1)), path);
    return false;
}

void GatewayApiFieldChecks::oneOf(
    const Field<QString> &f, const QStringList &allowed, const QString &path) const
{
    if (f.present && !allowed.contains(f.value))
        error(f.pos, Code::GatewayApiInvalidEnum,
            QStringLiteral("unsupported value \"%1\": supported values: %2")
                .arg(f.value, allowed.join(QLatin1String(", "))),
            path);
}

void GatewayApiFieldChecks::range(
    const Field<qint64> &f, qint64 minimum, qint64 maximum, const QString &path) const
{
    if (f.present && (f.value < minimum || f.value > maximum))
        error(f.pos, Code::GatewayApiOutOfRange,
            QStringLiteral("%1 %2 is outside the CRD's range %3..%4")
                .arg(path.section(QLatin1Char('.'), -1))
                .arg(f.value)
                .arg(minimum)
                .arg(maximum),
            path);
}

void GatewayApiFieldChecks::maxItems(
    qsizetype count, qsizetype limit, const SourcePos &positionOfExtra, const QString &path) const
{
    if (count > limit)
        error(positionOfExtra, Code::GatewayApiTooManyItems,
            QStringLiteral("%1 has %2 items; the CRD allows at most %3").arg(path).arg(count).arg(limit),
            path);
}

void GatewayApiFieldChecks::hostname(const Field<QString> &f, bool precise, const QString &path) const
{
    if (!f.present)
        return;
    if (precise ? P::isPreciseHostname(f.value) : P::isHostname(f.value))
        return;
    error(f.pos, Code::GatewayApiInvalidHostname,
        QStringLiteral("\"%1\" is not a %2 (lower-case DNS labels%3, at most 253 characters)")
            .arg(f.value, precise ? QStringLiteral("precise hostname") : QStringLiteral("hostname"),
                precise ? QString() : QStringLiteral(", optionally after a leading \"*.\"")),
        path);
}

void GatewayApiFieldChecks::headerName(const Field<QString> &f, const QString &path) const
{
    if (f.present && !P::isHeaderName(f.value))
        error(f.pos, Code::GatewayApiInvalidHeaderName,
            QStringLiteral("\"%1\" is not an HTTP header name (token characters A-Z a-z 0-9 !#$%&'*+-.^_`|~, "
                           "1 to 256 of them)")
                .arg(f.value),
            path);
}

void GatewayApiFieldChecks::sectionName(const Field<QString> &f, const QString &path) const
{
    if (f.present && !P::isSectionName(f.value))
        error(f.pos, Code::GatewayApiInvalidName,
            QStringLiteral("\"%1\" is not a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', "
                           "at most 253)")
                .arg(f.value),
            path);
}

void GatewayApiFieldChecks::group(const Field<QString> &f, const QString &path) const
{
    if (f.present && !P::isGroup(f.value))
        error(f.pos, Code::GatewayApiInvalidReference,
            QStringLiteral("group \"%1\" is not empty or a DNS subdomain").arg(f.value), path);
}

void GatewayApiFieldChecks::kind(const Field<QString> &f, const QString &path) const
{
    if (f.present && !P::isKind(f.value))
        error(f.pos, Code::GatewayApiInvalidReference,
            QStringLiteral("kind \"%1\" is not a Kubernetes kind (a letter, then letters, digits and '-')")
                .arg(f.value),
            path);
}

void GatewayApiFieldChecks::namespaceName(const Field<QString> &f, const QString &path) const
{
    if (f.present && !P::isNamespace(f.value))
        error(f.pos, Code::GatewayApiInvalidReference,
            QStringLiteral("namespace \"%1\" is not a DNS-1123 label").arg(f.value), path);
}

void GatewayApiFieldChecks::objectReference(
    const ObjectReference &ref, bool servicePortRequired, const QString &path) const
{
    required(ref.name, ref.pos, path + QStringLiteral(".name"));
    group(ref.group, path + QStringLiteral(".group"));
    kind(ref.kind, path + QStringLiteral(".kind"));
    namespaceName(ref.namespace_, path + QStringLiteral(".namespace"));
    port(ref.port, path + QStringLiteral(".port"));
    // "Must have port for Service reference": (size(self.group) == 0 && self.kind == 'Service') ?
    // has(self.port) : true, after the defaults group "" and kind Service.
    const bool coreGroup = ref.group.valueOr(QString()).isEmpty();
    const bool service = ref.kind.valueOr(QStringLiteral("Service")) == QLatin1String("Service");
    if (servicePortRequired && coreGroup && service && !ref.port.present)
        error(ref.pos, Code::GatewayApiInvalidReference,
            QStringLiteral("Must have port for Service reference: add port"), path + QStringLiteral(".port"));
}

void GatewayApiFieldChecks::uniqueNames(const QList<const Field<QString> *> &names, Qt::CaseSensitivity cs,
    const char *code, const QString &path) const
{
    QHash<QString, int> seen;
    for (int i = 0; i < names.size(); ++i) {
        const Field<QString> &n = *names[i];
        if (!n.present)
            continue;
        const QString key = cs == Qt::CaseInsensitive ? n.value.toLower() : n.value;
        const auto it = seen.constFind(key);
        if (it != seen.cend())
            error(n.pos, code,
                QStringLiteral("\"%1\" is listed twice (items %2 and %3); the list is keyed by name")
                    .arg(n.value)
                    .arg(*it)
                    .arg(i),
                path.arg(i));
        else
            seen.insert(key, i);
    }
}

} // namespace meshroute
