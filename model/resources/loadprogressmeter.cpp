#include "loadprogressmeter.h"

#include <algorithm>

namespace meshroute {

LoadProgressMeter::LoadProgressMeter(LoadProgressCallback callback, int fileCount, qint64 byteCount)
    : m_callback(std::move(callback))
{
    m_current.fileCount = fileCount;
    m_current.byteCount = byteCount;
}

void LoadProgressMeter::startFile(int index, const QString &path)
{
    if (!active())
        return;
    {
        const QMutexLocker lock(&m_mutex);
        m_current.filesDone = index;
        m_current.currentFile = path;
        m_parsedInFile = 0;
    }
    report(true);
}

void LoadProgressMeter::parsed(qint64 bytes)
{
    if (!active())
        return;
    m_parsedInFile += bytes;
    report(false);
}

void LoadProgressMeter::finishFile(qint64 fileBytes)
{
    if (!active())
        return;
    {
        const QMutexLocker lock(&m_mutex);
        m_fileStart += fileBytes;
        m_parsedInFile = 0;
        m_current.filesDone += 1;
    }
    report(true);
}

void LoadProgressMeter::report(bool always)
{
    const QMutexLocker lock(&m_mutex);
    const qint64 done = m_fileStart + m_parsedInFile.load();
    m_current.bytesDone = m_current.byteCount > 0 ? std::min(done, m_current.byteCount) : done;
    const int permille = m_current.permille();
    if (!always && permille <= m_lastPermille)
        return;
    m_lastPermille = permille;
    m_callback(m_current);
}

} // namespace meshroute
