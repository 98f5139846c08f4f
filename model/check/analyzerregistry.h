#pragma once

#include "analyzer.h"

#include <QList>
#include <QStringList>

namespace meshroute {

// Every check the checker runs, in the order it runs them (which is the order
// of findings that tie in position). Adding a check means adding its unit and
// one line to the list in analyzerregistry.cpp.
class AnalyzerRegistry
{
public:
    static const QList<Analyzer> &all();
    // The checks of one resource of this kind, in registry order.
    static const QList<Analyzer::ResourceCheck> &resourceChecks(ResourceKind kind);
    // Whether any check looks at a resource of this kind on its own.
    static bool checksEach(ResourceKind kind) { return !resourceChecks(kind).isEmpty(); }
    // The names of the checks that declare this code, for the code table.
    static QStringList reporting(const QString &code);
};

} // namespace meshroute
