#pragma once

#include "diagnostic.h"
#include "loader.h"

#include <QByteArray>
#include <QStringList>

namespace meshroute {

struct ExportOptions
{
    QString apiVersion; // "v1", "v1beta1", "v1alpha3" for networking.istio.io objects; empty keeps each one's own
    QStringList kinds;  // only these kinds (case-insensitive; "vs", "dr", "gw" accepted); empty: all
};

// Writes the loaded objects as one kubectl-ready multi-document YAML stream:
// `kind: List` dumps unpacked into their items, cluster noise (status,
// managedFields, resourceVersion, uid, creationTimestamp, generation,
// selfLink, the last-applied annotation) removed, and everything else kept
// as the user wrote it, comments included.
class Exporter
{
public:
    static QByteArray exportYaml(const QList<SourceFile> &files, const Workspace &workspace,
                                 const ExportOptions &options, QString *error = nullptr);

    // The text of one object with the noise removed, dedented to column 1.
    static QByteArray objectText(const QByteArray &documentText, const Resource &resource, const ExportOptions &options);

    // The field names meshroute drops as cluster noise (for the README and tests).
    static QStringList noiseFields();
    // Whether the options' kind filter keeps this object.
    static bool selects(const Resource &resource, const ExportOptions &options);
    // Normalises a kind filter entry: "vs" -> "VirtualService".
    static QString canonicalKind(const QString &kind);
};

} // namespace meshroute
