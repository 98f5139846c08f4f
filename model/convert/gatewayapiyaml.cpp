#include "gatewayapiyaml.h"

#include "yamledit.h"

namespace meshroute {

YamlNode GatewayApiYaml::string(const QString &value)
{
    return YamlEdit::stringScalar(value);
}

YamlNode GatewayApiYaml::number(qint64 value)
{
    return YamlEdit::plainScalar(QString::number(value));
}

YamlNode GatewayApiYaml::list(const QStringList &values)
{
    YamlNode out = YamlEdit::sequence();
    for (const QString &v : values)
        YamlEdit::appendItem(out, string(v));
    return out;
}

YamlNode GatewayApiYaml::object(
    const QString &apiVersion, const QString &kind, const QString &name, const QString &ns)
{
    YamlNode out = YamlEdit::mapping();
    set(out, "apiVersion", string(apiVersion));
    set(out, "kind", string(kind));
    YamlNode metadata = YamlEdit::mapping();
    set(metadata, "name", string(name));
    set(metadata, "namespace", string(ns));
    set(out, "metadata", metadata);
    return out;
}

void GatewayApiYaml::set(YamlNode &map, const char *key, YamlNode value)
{
    YamlEdit::setEntry(map, QByteArray(key), std::move(value));
}

void GatewayApiYaml::append(YamlNode &sequence, YamlNode item)
{
    YamlEdit::appendItem(sequence, std::move(item));
}

QByteArray GatewayApiYaml::render(const QList<YamlNode> &documents)
{
    QByteArray out;
    const YamlEdit::Layout layout;
    for (const YamlNode &d : documents) {
        if (!out.isEmpty())
            out += "---\n";
        out += YamlEdit::renderBlock(d, 0, layout);
    }
    return out;
}

} // namespace meshroute
