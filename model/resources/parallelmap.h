#pragma once

#include <algorithm>
#include <atomic>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace meshroute {

// Calls map(i) for every i in [0, count) on up to `threads` threads (the caller's among them)
// and returns the results in index order. Workers take the next index from one atomic
// counter; each result is written by the thread that took its index and read by the caller
// only after every worker has been joined, so nothing else is shared between threads.
template <typename Result, typename Map>
std::vector<Result> parallelMap(int count, int threads, const Map &map)
{
    std::vector<std::optional<Result>> slots(std::size_t(std::max(count, 0)));
    std::atomic<int> next { 0 };
    auto work = [&] {
        for (int i = next.fetch_add(1, std::memory_order_relaxed); i < count;
             i = next.fetch_add(1, std::memory_order_relaxed))
            slots[std::size_t(i)].emplace(map(i));
    };
    const int helpers = std::clamp(threads, 1, std::max(count, 1)) - 1;
    {
        // std::jthread rather than QThread: its join is one ThreadSanitizer sees, so a
        // sanitized run can check that the workers share nothing else.
        std::vector<std::jthread> started;
        started.reserve(std::size_t(helpers));
        for (int t = 0; t < helpers; ++t) {
            try {
                started.emplace_back(work);
            } catch (const std::system_error &) {
                break; // no thread to be had: the others (and this one) do the work
            }
        }
        work();
    } // joined: the workers' writes to `slots` happen before the reads below
    std::vector<Result> out;
    out.reserve(slots.size());
    for (std::optional<Result> &slot : slots)
        out.push_back(std::move(*slot));
    return out;
}

} // namespace meshroute
