#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace meshroute {

struct Resource;
struct Workspace;

// "Canary split for service X": a DestinationRule with one subset per
// version of the Service's workloads (their `version` label, or the one pod
// label that tells them apart) and a VirtualService that sends 100% to the
// first version and 0% to the others, ready to shift with the sliders.
// Istio's "make before break": apply the DestinationRule first.
class CanaryTemplate
{
public:
    struct Result
    {
        QByteArray destinationRule; // one YAML document, no "---"
        QByteArray virtualService;
        QString labelKey; // the label that tells the versions apart
        QStringList versions; // in the order of the subsets; the first gets 100%
    };

    // nullopt-like: false and an error when the Service selects fewer than two
    // distinguishable workloads or the names are taken.
    static bool build(const Workspace &workspace, int serviceResourceId, Result *result, QString *error);

    // The versions of the workloads a Service selects: the label that tells them
    // apart and its values in numeric order, each a valid subset name. False and
    // an error when fewer than `minimum` versions are found; a single workload
    // counts only with a `version` label. Shared with the DestinationRule template.
    static bool findVersions(const Workspace &workspace, const Resource &service, int minimum,
        QString *labelKey, QStringList *versions, QString *error);
};

} // namespace meshroute
