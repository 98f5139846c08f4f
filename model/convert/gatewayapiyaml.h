#pragma once

#include "yamlnode.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace meshroute {

// Building blocks for the objects a conversion writes, as YamlNode trees that
// YamlEdit renders in the repository's block style (kubectl's list layout).
class GatewayApiYaml
{
public:
    static YamlNode string(const QString &value);
    static YamlNode number(qint64 value);
    static YamlNode list(const QStringList &values);
    // apiVersion, kind and metadata {name, namespace}; spec is set by the caller.
    static YamlNode object(
        const QString &apiVersion, const QString &kind, const QString &name, const QString &ns);
    static void set(YamlNode &map, const char *key, YamlNode value);
    static void append(YamlNode &sequence, YamlNode item);
    // Documents separated by `---`, each ending with a newline.
    static QByteArray render(const QList<YamlNode> &documents);
};

} // namespace meshroute
