#pragma once

#include "field.h"
#include "stringmatch.h"

#include <QList>
#include <QString>

namespace meshroute {

class CheckContext;
struct Resource;
struct Destination;
struct Headers;

// Checks of fields that several kinds share (names, exportTo, labels,
// durations, StringMatch, destinations, header operations), reported
// against the resource that holds them.
class FieldValidator
{
public:
    // metadata.name: present and a DNS-1123 subdomain (a label when `label`).
    static void name(CheckContext &ctx, const Resource &r, bool label);
    static void exportTo(
        CheckContext &ctx, const Resource &r, const QList<Field<QString>> &exportTo, const QString &path);
    static void labels(CheckContext &ctx, const Resource &r, const Labels &labels, const QString &path);
    // A duration field, if present.
    static void duration(CheckContext &ctx, const Resource &r, const Field<QString> &d, const QString &path);
    static void port(CheckContext &ctx, const Resource &r, const Field<qint64> &port, const QString &path);
    // `allowEmptyPrefix` is true for uri only; `presenceRegex` lets regex "*" mean "present" (headers,
    // query).
    static void stringMatch(CheckContext &ctx, const Resource &r, const StringMatch &m, const QString &path,
        bool allowEmptyPrefix, bool presenceRegex = false);
    // A route/mirror destination: host required, valid and not `*`; subset a label; port in range.
    // `ownerPos` is where to point when the destination itself is missing.
    static void destination(CheckContext &ctx, const Resource &r, const Destination &d,
        const SourcePos &ownerPos, const QString &path);
    static void headerOperations(CheckContext &ctx, const Resource &r, const Headers &h, const QString &path);
};

} // namespace meshroute
