#include "meshanalyzer.h"

#include "analyzerregistry.h"

namespace meshroute {

void MeshAnalyzer::analyze(CheckContext &ctx)
{
    for (const Analyzer &a : AnalyzerRegistry::all())
        if (a.checkMesh)
            a.checkMesh(ctx);
}

} // namespace meshroute
