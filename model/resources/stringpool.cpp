#include "stringpool.h"

#include "yamlnodetext.h"

namespace meshroute {

QString StringPool::intern(const std::string &utf8)
{
    // Looked up without a copy of the bytes; copied only when new.
    const QByteArray probe = QByteArray::fromRawData(utf8.data(), qsizetype(utf8.size()));
    const std::lock_guard lock(m_mutex);
    const auto it = m_strings.constFind(probe);
    if (it != m_strings.constEnd())
        return it.value();
    const QString text = toQString(utf8);
    m_strings.insert(QByteArray(utf8.data(), qsizetype(utf8.size())), text);
    return text;
}

} // namespace meshroute
