#include "basehashcache.h"

#include "recoverysnapshot.h"

namespace meshroute {

QByteArray BaseHashCache::hash(const QString &path, const QByteArray &base)
{
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(path);
        if (it != m_entries.constEnd() && it->base.constData() == base.constData()
            && it->base.size() == base.size())
            return it->hash;
    }
    const QByteArray hash = RecoverySnapshot::baseHash(base); // outside the lock: it takes a while
    const QMutexLocker lock(&m_mutex);
    m_entries.insert(path, { base, hash });
    ++m_computations;
    return hash;
}

int BaseHashCache::computations() const
{
    const QMutexLocker lock(&m_mutex);
    return m_computations;
}

} // namespace meshroute
