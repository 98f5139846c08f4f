// libFuzzer driver for one entry of fuzztargets.h, chosen at compile time by
// MESHROUTE_FUZZ_ENTRY (tests/fuzz/CMakeLists.txt). A broken invariant is a
// crash, so libFuzzer saves the input; sanitizer findings abort on their own.
#include "fuzztargets.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A copy, not fromRawData: model code may rely on QByteArray's terminating NUL.
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString failure = MESHROUTE_FUZZ_ENTRY(input);
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "meshroute fuzz invariant broken: %s\n", failure.toUtf8().constData());
        std::abort();
    }
    return 0;
}
