#pragma once

#include "referentindex.h"

#include <memory>

namespace meshroute {

struct ChangeEvent;
struct Workspace;

// Keeps the ReferentIndex of the workspace a graph is drawn from between builds: a weight drag
// rebuilds the graph on every step, and indexing thousands of Services again each time costs
// more than drawing the part shown. Dropped when an edit touches what it indexes.
class ReferentIndexCache
{
public:
    // The index of `workspace`, built on first use after a reset.
    std::shared_ptr<const ReferentIndex> of(const Workspace &workspace);
    // Called on every change of `workspace`, before the next build.
    void update(const Workspace &workspace, const ChangeEvent &event);

private:
    std::shared_ptr<const ReferentIndex> m_index;
};

} // namespace meshroute
