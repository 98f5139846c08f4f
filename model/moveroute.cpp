#include "moveroute.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<MoveRoute> MoveRoute::create(
    Document *document, int resourceId, int from, int to, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const HttpRoute *rule = edit.rule(from, error);
    if (!rule || !edit.rule(to, error))
        return nullptr;
    const QString name = rule->displayName(from);
    if (!edit.moveItem({ QByteArray("spec"), QByteArray("http") }, from, to, error))
        return nullptr;
    return edit.finish<MoveRoute>(
        QStringLiteral("Move rule %1 of %2 to #%3").arg(name, edit.resource().name()).arg(to));
}

} // namespace meshroute
