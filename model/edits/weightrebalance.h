#pragma once

#include <QList>

namespace meshroute {

// The arithmetic of the weight sliders, as pure functions over integer
// weights. Every result sums to 100 (when any destination can move): shares
// are split in proportion with the largest-remainder method, ties going to
// the lower index, so the same input always gives the same output. Locked
// destinations keep their weight. Unlike Kiali's slider, which squeezes the
// next slider and lets the last absorb the rest, the others keep their
// proportions to each other.
class WeightRebalance
{
public:
    // Percent shares of relative weights (Istio: weight / sum). One destination
    // takes everything; all zero gives zero shares.
    static QList<double> shares(const QList<int> &weights);

    // Integer percentages summing to 100 for relative weights; all zero (or
    // none) splits evenly. Weights already summing to 100 are returned as they are.
    static QList<int> normalise(const QList<int> &weights);

    // The highest value destination `index` can take: 100 minus the locked others.
    static int maximum(const QList<int> &weights, const QList<bool> &locked, int index);

    // Destination `index` set to `value` (clamped to 0..maximum); the unlocked
    // others share the rest in proportion to their weights in `base` (evenly
    // when they all have 0). Pass the weights from the start of a drag as
    // `base` so that proportions survive a drag through 100 and back.
    static QList<int> drag(const QList<int> &base, const QList<bool> &locked, int index, int value);

    // The unlocked destinations share what the locked ones leave, evenly.
    static QList<int> evenSplit(const QList<int> &weights, const QList<bool> &locked);

    // Destination `index` takes everything the locked ones leave; the other unlocked ones go to 0.
    static QList<int> promote(const QList<int> &weights, const QList<bool> &locked, int index);

    // `total` split over `parts` by the largest-remainder method (parts all 0: evenly).
    static QList<int> apportion(int total, const QList<double> &parts);
};

} // namespace meshroute
