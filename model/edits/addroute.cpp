#include "addroute.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

YamlNode AddRoute::defaultRule(const Resource &resource)
{
    return defaultRule(resource, RouteKind::Http);
}

YamlNode AddRoute::defaultRule(const Resource &resource, RouteKind kind)
{
    QString host = QStringLiteral("my-service");
    if (const VirtualService *vs = resource.virtualService();
        vs && !vs->hosts.isEmpty() && !vs->hosts.front().value.contains(QLatin1Char('*')))
        host = vs->hosts.front().value;
    YamlNode destination = YamlEdit::mapping();
    YamlEdit::setEntry(destination, "host", YamlEdit::stringScalar(host));
    YamlNode item = YamlEdit::mapping();
    YamlEdit::setEntry(item, "destination", destination);
    YamlNode route = YamlEdit::sequence();
    YamlEdit::appendItem(route, item);
    YamlNode rule = YamlEdit::mapping();
    if (kind == RouteKind::Tls) {
        YamlNode sni = YamlEdit::sequence();
        YamlEdit::appendItem(sni, YamlEdit::stringScalar(host));
        YamlNode match = YamlEdit::mapping();
        YamlEdit::setEntry(match, "sniHosts", sni);
        YamlNode matches = YamlEdit::sequence();
        YamlEdit::appendItem(matches, match);
        YamlEdit::setEntry(rule, "match", matches);
    }
    YamlEdit::setEntry(rule, "route", route);
    return rule;
}

YamlNode AddRoute::placeholderRule(const Resource &resource)
{
    YamlNode prefix = YamlEdit::mapping();
    YamlEdit::setEntry(prefix, "prefix", YamlEdit::stringScalar(QStringLiteral("/new-rule")));
    YamlNode match = YamlEdit::mapping();
    YamlEdit::setEntry(match, "uri", prefix);
    YamlNode matches = YamlEdit::sequence();
    YamlEdit::appendItem(matches, match);
    YamlNode rule = YamlEdit::mapping();
    YamlEdit::setEntry(rule, "match", matches);
    // The default rule's entries after the match, in the order people write them.
    const YamlNode route = defaultRule(resource, RouteKind::Http);
    for (std::size_t i = 0; i + 1 < route.children.size(); i += 2)
        YamlEdit::setEntry(rule, QByteArray::fromStdString(route.children[i].value), route.children[i + 1]);
    return rule;
}

std::unique_ptr<AddRoute> AddRoute::create(
    Document *document, int resourceId, int index, const YamlNode &rule, QString *error)
{
    return create(document, resourceId, RouteKind::Http, index, rule, error);
}

std::unique_ptr<AddRoute> AddRoute::create(
    Document *document, int resourceId, RouteKind kind, int index, const YamlNode &rule, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const VirtualService *vs = edit.resource().virtualService();
    if (!vs) {
        *error = QStringLiteral("%1 is not a VirtualService").arg(edit.resource().displayName());
        return nullptr;
    }
    if (!rule.isMapping()) {
        *error = QStringLiteral("each %1 rule is a mapping").arg(RouteKinds::label(kind));
        return nullptr;
    }
    const YamlPath http { QByteArray("spec"), RouteKinds::section(kind) };
    const YamlNode *list = edit.find(http);
    const int count = list && list->isSequence() ? int(list->children.size()) : 0;
    const int at = index < 0 || index > count ? count : index;
    const bool ok = count == 0 ? edit.appendItem(http, rule, error) : edit.insertItem(http, at, rule, error);
    if (!ok)
        return nullptr;
    return edit.finish<AddRoute>(QStringLiteral("Add %1 rule #%2 to %3")
                                     .arg(RouteKinds::label(kind))
                                     .arg(at)
                                     .arg(edit.resource().name()));
}

} // namespace meshroute
