#pragma once

namespace meshroute {

// Caps glibc's malloc arenas before any thread starts. glibc gives each new
// thread its own arena, up to 8 per core; the loader's, checker's and
// router's workers each left a partly used arena behind, and a window showing
// a 5,000-VirtualService mesh held 200 MB where 193 MB do with two arenas,
// with no slower load (check big.yaml: 2.76-3.08 s either way on 2 cores).
// One arena per two cores (at least two) keeps parallel parsing uncontended.
// Does nothing on other C libraries, or when MALLOC_ARENA_MAX is set.
void limitAllocatorArenas();

} // namespace meshroute
