#include "fieldpath.h"

namespace meshroute {

QString FieldPath::toString() const
{
    QString parent = m_parent ? m_parent->toString() : QString();
    if (m_index >= 0)
        return parent + QStringLiteral("[%1]").arg(m_index);
    const QString key = m_key ? QString::fromLatin1(m_key) : m_dynamicKey ? *m_dynamicKey : QString();
    if (key.isEmpty())
        return parent;
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

} // namespace meshroute
