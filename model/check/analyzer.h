#pragma once

#include "resource.h"

#include <QList>
#include <QString>

namespace meshroute {

class CheckContext;

// What one check of the checker declares about itself, as each of istioctl's
// analyzers does in its Metadata (pkg/config/analysis/analyzer.go: a name and
// the inputs it reads) and in the messages it may report: its name, the codes
// it can report, the kinds of resource it reads, and how it runs. The checker
// runs the list in analyzerregistry.cpp; `check --list-codes` and the README's
// table name, for each code, the checks that report it.
struct Analyzer
{
    using ResourceCheck = void (*)(CheckContext &, const Resource &);
    using MeshCheck = void (*)(CheckContext &);

    QString name;
    QList<const char *> codes; // Code:: constants (diagnosticcodes.h)
    QList<ResourceKind> reads;
    // A check of one resource at a time, of kind reads.first(): the admission
    // webhook's rules and the analyses that need no other resource. The checker
    // runs these in parallel and again on every edit of that resource.
    ResourceCheck checkResource = nullptr;
    // A check across the workspace, run once all resources were read.
    MeshCheck checkMesh = nullptr;

    static Analyzer ofEach(ResourceKind kind, QString name, QList<const char *> codes, ResourceCheck check)
    {
        return { std::move(name), std::move(codes), { kind }, check, nullptr };
    }
    static Analyzer acrossMesh(
        QString name, QList<ResourceKind> reads, QList<const char *> codes, MeshCheck check)
    {
        return { std::move(name), std::move(codes), std::move(reads), nullptr, check };
    }
};

} // namespace meshroute
