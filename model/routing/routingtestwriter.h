#pragma once

#include "samplerequest.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace meshroute {

class Router;

// Turns sample requests and where they go now into a routing test file that
// `meshroute test FILE -- MANIFESTS` reads (istio-config-validator's
// testCases plus meshroute's additions), so today's behaviour becomes an
// assertion that tomorrow's edit must keep.
//
// Each case asserts the status, the VirtualService, the matched rule's
// route as written (the whole split, not one draw) and the cluster that
// takes the largest share. The file is run through the engine before it is
// returned: a file that would not pass today is an error, not an output.
class RoutingTestWriter
{
public:
    static QByteArray write(const QList<SampleRequest> &samples, const Router &router, QString *error);
    static bool writeFile(
        const QString &path, const QList<SampleRequest> &samples, const Router &router, QString *error);
};

} // namespace meshroute
