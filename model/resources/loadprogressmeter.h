#pragma once

#include "loadprogress.h"

#include <QMutex>
#include <atomic>

namespace meshroute {

// Counts what a load has done and tells a LoadProgressCallback, at most once
// per thousandth of the work: a 14 MB file of 7,000 documents reports about a
// thousand times, not seven thousand. Documents are parsed on several
// threads; parsed() may be called from any of them.
class LoadProgressMeter
{
public:
    LoadProgressMeter(LoadProgressCallback callback, int fileCount, qint64 byteCount);

    bool active() const { return bool(m_callback); }
    // A file starts: it is read, then its documents are parsed.
    void startFile(int index, const QString &path);
    // One document of `bytes` bytes of the current file is parsed (any thread).
    void parsed(qint64 bytes);
    // The current file, `fileBytes` long, is done.
    void finishFile(qint64 fileBytes);

private:
    void report(bool always);

    LoadProgressCallback m_callback;
    QMutex m_mutex; // guards m_current, m_fileStart, m_lastPermille and the callback's calls
    LoadProgress m_current;
    qint64 m_fileStart = 0; // bytes done before the current file
    std::atomic<qint64> m_parsedInFile { 0 };
    int m_lastPermille = -1;
};

} // namespace meshroute
