#pragma once

#include "samplerequest.h"

#include <QList>
#include <QString>

namespace meshroute {

// The user's requests for a diff (`--requests FILE`): the Preview's sample
// request file, or a routing test file whose cases are unfolded into one
// request per authority x method x uri, as `meshroute test` sends them.
class DiffRequestFile
{
public:
    static bool load(const QString &path, QList<SampleRequest> *requests, QString *error);
};

} // namespace meshroute
