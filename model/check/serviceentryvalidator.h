#pragma once

namespace meshroute {

class CheckContext;
struct Resource;

// What the API server rejects in one ServiceEntry: the CRD schema's required
// fields (spec, spec.hosts, a port's number and name) and port ranges.
class ServiceEntryValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
};

} // namespace meshroute
