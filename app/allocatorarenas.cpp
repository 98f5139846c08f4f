#include "allocatorarenas.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace meshroute {

void limitAllocatorArenas()
{
#if defined(__GLIBC__)
    if (std::getenv("MALLOC_ARENA_MAX"))
        return; // the user's own tuning wins
    const int cores = int(std::thread::hardware_concurrency());
    mallopt(M_ARENA_MAX, std::max(2, cores / 2));
#endif
}

} // namespace meshroute
