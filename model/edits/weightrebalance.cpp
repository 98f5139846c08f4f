#include "weightrebalance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace meshroute {

namespace {

bool isLocked(const QList<bool> &locked, int i)
{
    return i < locked.size() && locked[i];
}

int lockedSum(const QList<int> &weights, const QList<bool> &locked, int except)
{
    int sum = 0;
    for (int i = 0; i < weights.size(); ++i)
        if (i != except && isLocked(locked, i))
            sum += weights[i];
    return sum;
}

} // namespace

QList<double> WeightRebalance::shares(const QList<int> &weights)
{
    QList<double> out;
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    for (int w : weights)
        out.append(weights.size() == 1 ? 100.0 : sum > 0 ? 100.0 * w / sum : 0.0);
    return out;
}

QList<int> WeightRebalance::apportion(int total, const QList<double> &parts)
{
    QList<int> out(parts.size(), 0);
    if (parts.isEmpty() || total <= 0)
        return out;
    QList<double> p = parts;
    double sum = std::accumulate(p.begin(), p.end(), 0.0);
    if (sum <= 0) {
        std::fill(p.begin(), p.end(), 1.0);
        sum = double(p.size());
    }
    QList<double> remainder(p.size());
    int given = 0;
    for (int i = 0; i < p.size(); ++i) {
        const double exact = total * p[i] / sum;
        out[i] = int(std::floor(exact + 1e-9));
        remainder[i] = exact - out[i];
        given += out[i];
    }
    QList<int> order(p.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [&](int a, int b) { return remainder[a] > remainder[b] + 1e-9; });
    for (int k = 0; given < total && k < order.size(); ++k, ++given)
        ++out[order[k]];
    return out;
}

QList<int> WeightRebalance::normalise(const QList<int> &weights)
{
    const int sum = std::accumulate(weights.begin(), weights.end(), 0);
    if (sum == 100)
        return weights;
    QList<double> parts;
    for (int w : weights)
        parts.append(std::max(w, 0));
    return apportion(100, parts);
}

int WeightRebalance::maximum(const QList<int> &weights, const QList<bool> &locked, int index)
{
    return std::max(0, 100 - lockedSum(normalise(weights), locked, index));
}

QList<int> WeightRebalance::drag(const QList<int> &base, const QList<bool> &locked, int index, int value)
{
    QList<int> w = normalise(base);
    if (index < 0 || index >= w.size() || isLocked(locked, index))
        return w;
    QList<int> free;
    for (int i = 0; i < w.size(); ++i)
        if (i != index && !isLocked(locked, i))
            free.append(i);
    const int budget = 100 - lockedSum(w, locked, index);
    if (free.isEmpty()) {
        w[index] = std::max(budget, 0); // nothing else can move, so this one cannot either
        return w;
    }
    w[index] = std::clamp(value, 0, std::max(budget, 0));
    QList<double> parts;
    for (int i : free)
        parts.append(w[i]);
    const QList<int> split = apportion(budget - w[index], parts);
    for (int k = 0; k < free.size(); ++k)
        w[free[k]] = split[k];
    return w;
}

QList<int> WeightRebalance::evenSplit(const QList<int> &weights, const QList<bool> &locked)
{
    QList<int> w = normalise(weights);
    QList<int> free;
    for (int i = 0; i < w.size(); ++i)
        if (!isLocked(locked, i))
            free.append(i);
    const QList<int> split = apportion(100 - lockedSum(w, locked, -1), QList<double>(free.size(), 1.0));
    for (int k = 0; k < free.size(); ++k)
        w[free[k]] = split[k];
    return w;
}

QList<int> WeightRebalance::promote(const QList<int> &weights, const QList<bool> &locked, int index)
{
    QList<int> w = normalise(weights);
    if (index < 0 || index >= w.size() || isLocked(locked, index))
        return w;
    for (int i = 0; i < w.size(); ++i)
        if (!isLocked(locked, i))
            w[i] = 0;
    w[index] = std::max(0, 100 - lockedSum(w, locked, index));
    return w;
}

} // namespace meshroute
