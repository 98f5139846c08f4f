#include "crlines.h"

namespace meshroute::CrLines {

bool used(const QByteArray &text)
{
    return text.contains('\r') && !text.contains('\n');
}

QByteArray toLf(QByteArray text, bool crLines)
{
    return crLines ? text.replace('\r', '\n') : text;
}

QByteArray toCr(QByteArray text, bool crLines)
{
    return crLines ? text.replace('\n', '\r') : text;
}

} // namespace meshroute::CrLines
