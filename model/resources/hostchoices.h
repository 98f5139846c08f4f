#pragma once

#include <QString>
#include <QStringList>

namespace meshroute {

struct Workspace;

// The destination hosts a VirtualService in `namespaceName` can name, as a
// user would write them: a Service of the same namespace by its short name,
// one of another namespace as "name.namespace", and every ServiceEntry host.
// Sorted, without repeats: what the host pickers offer.
QStringList hostChoices(const Workspace &workspace, const QString &namespaceName);

} // namespace meshroute
