#pragma once

namespace meshroute {

class CheckContext;

// Analysis across resources, as `istioctl analyze` does and a little further:
// runs every check of the registry (analyzerregistry.cpp) that looks across
// the workspace, in registry order. What lies outside the opened files is
// never more than info: a missing host is an error only when the Services of
// its namespace were opened.
class MeshAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
};

} // namespace meshroute
