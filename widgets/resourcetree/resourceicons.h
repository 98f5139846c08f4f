#pragma once

#include "diagnostic.h"
#include "resource.h"

#include <QIcon>

namespace meshroute {

// The SVG icons of resource kinds and diagnostic severities, from the
// compiled-in resources (scalable, so sharp on HiDPI screens).
class ResourceIcons
{
public:
    static QIcon forKind(ResourceKind kind);
    static QIcon forSeverity(Diagnostic::Severity severity);
    static QIcon file();
    // Registers the resource file: the widgets library is static, so its
    // resource initialiser is not linked in unless something calls it.
    static void ensureLoaded();
};

} // namespace meshroute
