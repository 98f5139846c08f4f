#include "itemweight.h"

namespace meshroute {

bool changeItemWeight(const QByteArray &base, const YamlNode &item, int weight, bool insertWhenAbsent,
    QList<TextChange> *changes)
{
    const QString value = QString::number(weight);
    if (const YamlNode *written = item.find("weight")) {
        if (!written->isScalar() || written->value != value.toStdString() || written->isQuoted())
            changes->append(YamlEdit::setScalar(*written, value));
        return true;
    }
    if (!insertWhenAbsent)
        return true;
    if (!item.isMapping())
        return false;
    changes->append(YamlEdit::insertMapEntry(base, item, "weight", value.toUtf8()));
    return true;
}

} // namespace meshroute
