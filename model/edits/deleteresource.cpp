#include "deleteresource.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<DeleteResource> DeleteResource::create(Document *document, int resourceId, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const Resource &r = edit.resource();
    const QString what = r.displayName();
    if (!edit.removeResource(error))
        return nullptr;
    return edit.finish<DeleteResource>(QStringLiteral("Delete %1").arg(what));
}

} // namespace meshroute
