#pragma once

#include <QString>
#include <functional>

namespace meshroute {

// How far a load has come, for a progress bar: files read and bytes parsed.
struct LoadProgress
{
    int filesDone = 0;
    int fileCount = 0;
    qint64 bytesDone = 0;
    qint64 byteCount = 0; // 0 when unknown (standard input)
    QString currentFile; // the file being read or parsed

    // 0 to 1000: by bytes when their total is known, else by files.
    int permille() const
    {
        if (byteCount > 0)
            return int(std::min<qint64>(1000, bytesDone * 1000 / byteCount));
        return fileCount > 0 ? filesDone * 1000 / fileCount : 0;
    }
};

// Called by the loader as it goes; it may be called from the loader's parsing
// threads, so it must be safe to call from any thread.
using LoadProgressCallback = std::function<void(const LoadProgress &)>;

} // namespace meshroute
