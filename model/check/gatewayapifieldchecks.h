#pragma once

#include "field.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

class CheckContext;
struct Resource;
struct ObjectReference;

// The checks that the Gateway API CRDs apply to one kind of value wherever it appears (required
// strings, enums, ranges, maxItems, hostnames, header names, object references), reported against
// one resource. The validators of each kind (GatewayApiRouteValidator, GatewayApiFilterValidator,
// KubernetesGatewayValidator, ReferenceGrantValidator) say where and which.
class GatewayApiFieldChecks
{
public:
    GatewayApiFieldChecks(CheckContext &ctx, const Resource &r)
        : m_ctx(ctx)
        , m_r(r)
    { }

    CheckContext &context() const { return m_ctx; }
    const Resource &resource() const { return m_r; }
    void error(const SourcePos &pos, const char *code, const QString &message, const QString &path) const;

    // A string the schema requires (`required`, minLength 1): present and not empty.
    bool required(const Field<QString> &f, const SourcePos &ownerPos, const QString &path) const;
    // An enum: a present value must be one of `allowed`.
    void oneOf(const Field<QString> &f, const QStringList &allowed, const QString &path) const;
    // minimum..maximum of an integer, if present.
    void range(const Field<qint64> &f, qint64 minimum, qint64 maximum, const QString &path) const;
    void port(const Field<qint64> &f, const QString &path) const { range(f, 1, 65535, path); }
    // maxItems: the first item past the limit is named (`positionOfExtra` is its position).
    void maxItems(
        qsizetype count, qsizetype limit, const SourcePos &positionOfExtra, const QString &path) const;
    // Hostname (`*.` allowed) or PreciseHostname.
    void hostname(const Field<QString> &f, bool precise, const QString &path) const;
    void headerName(const Field<QString> &f, const QString &path) const;
    // A name the schema patterns as a DNS subdomain (rule names, listener names, sectionName).
    void sectionName(const Field<QString> &f, const QString &path) const;
    // group, kind and namespace patterns, name required; `servicePortRequired` applies the CEL rule
    // "Must have port for Service reference" with the CRD's defaults (group "" and kind Service).
    void objectReference(const ObjectReference &ref, bool servicePortRequired, const QString &path) const;
    void group(const Field<QString> &f, const QString &path) const;
    void kind(const Field<QString> &f, const QString &path) const;
    void namespaceName(const Field<QString> &f, const QString &path) const;
    // A list keyed by name (x-kubernetes-list-type: map): a name written twice is rejected.
    void uniqueNames(const QList<const Field<QString> *> &names, Qt::CaseSensitivity cs, const char *code,
        const QString &path) const;

private:
    CheckContext &m_ctx;
    const Resource &m_r;
};

} // namespace meshroute
