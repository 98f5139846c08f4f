#include "crlines.h"

#include "yamlscan.h"

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

bool mixed(const QByteArray &text)
{
    if (!text.contains('\n'))
        return false;
    const std::string_view t(text.constData(), std::size_t(text.size()));
    return YamlScan::firstLoneCr(t) != std::string_view::npos;
}

QString mixedRefusal(const QString &what)
{
    return QStringLiteral("%1 mixes line breaks (lone CR and LF); save it with one kind of line break "
                          "to edit it")
        .arg(what);
}

} // namespace meshroute::CrLines
