#pragma once

#include "analyzer.h"

namespace meshroute {

// What the API server rejects in one ServiceEntry: the CRD schema's required
// fields (spec, spec.hosts, a port's number and name) and port ranges.
class ServiceEntryValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
