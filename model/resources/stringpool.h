#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>
#include <string>

namespace meshroute {

// One QString per distinct text read during a load, so that equal values
// share one buffer. A mesh repeats its hosts, subset names, header names and
// timeouts in every rule: in a 5,000-VirtualService file, 10 MB of the
// strings the readers kept were copies of a few thousand texts. The readers
// of one load run on several threads; the pool is shared and locked. It
// lives as long as the load: what it interned stays shared by the resources.
class StringPool
{
public:
    QString intern(const std::string &utf8);

private:
    std::mutex m_mutex;
    QHash<QByteArray, QString> m_strings; // UTF-8 -> the shared QString
};

} // namespace meshroute
