#pragma once

#include <QString>

#include <optional>

namespace meshroute::cli {

// One KEY=WEIGHT argument of `meshroute weights`: a subset or host for a VirtualService, a
// backend for a Gateway API route. The range a weight may take is the command's to check.
struct WeightArgument
{
    QString key;
    qint64 weight = 0;

    // Split at the last '=' (a key never holds one; "a=b=1" names key "a=b"); nothing when
    // the key is empty or the weight is not a whole number.
    static std::optional<WeightArgument> parse(const QString &argument);
};

} // namespace meshroute::cli
