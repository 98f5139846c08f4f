#include "renameresource.h"

#include "document.h"

#include "resource.h"
#include "resourceedit.h"
#include "validationprimitives.h"

namespace meshroute {

std::unique_ptr<RenameResource> RenameResource::create(
    Document *document, int resourceId, const QString &name, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    // Kubernetes object names: DNS-1123 subdomain.
    if (!ValidationPrimitives::isDns1123Subdomain(name)) {
        *error = QStringLiteral(
            "\"%1\" is not a valid name: lower-case letters, digits, '-' and '.', starting and "
            "ending with a letter or digit")
                     .arg(name);
        return nullptr;
    }
    const Resource &r = edit.resource();
    if (name != r.name() && document->workspace().find(r.kind, r.namespaceName(), name)
        && r.kind != ResourceKind::Other) {
        *error = QStringLiteral("a %1 named %2 already exists in namespace %3")
                     .arg(r.kindName.value, name, r.namespaceName());
        return nullptr;
    }
    const QString old = r.name();
    if (!edit.setString({ QByteArray("metadata"), QByteArray("name") }, name, error))
        return nullptr;
    return edit.finish<RenameResource>(QStringLiteral("Rename %1 %2 to %3").arg(r.kindName.value, old, name));
}

} // namespace meshroute
