#include "weightargument.h"

namespace meshroute::cli {

std::optional<WeightArgument> WeightArgument::parse(const QString &argument)
{
    const qsizetype eq = argument.lastIndexOf(QLatin1Char('='));
    if (eq <= 0)
        return std::nullopt;
    bool ok = false;
    const qint64 weight = argument.mid(eq + 1).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return WeightArgument { argument.left(eq), weight };
}

} // namespace meshroute::cli
