#include "setdestinationfield.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

namespace {

// Writes the field at d (a destination's path); false with *error when it cannot.
bool writeField(ResourceEdit &edit, const YamlPath &d, SetDestinationField::Field field, const QString &value,
    QString *error)
{
    using Field = SetDestinationField::Field;
    switch (field) {
    case Field::Host:
        if (value.trimmed().isEmpty()) {
            *error = QStringLiteral("a destination needs a host");
            return false;
        }
        return edit.setString(YamlPath(d) << QByteArray("host"), value.trimmed(), error);
    case Field::Subset:
        return value.trimmed().isEmpty()
            ? edit.removeIfPresent(YamlPath(d) << QByteArray("subset"), error)
            : edit.setString(YamlPath(d) << QByteArray("subset"), value.trimmed(), error);
    case Field::Port: {
        bool ok = true;
        const int port = value.trimmed().isEmpty() ? 0 : value.trimmed().toInt(&ok);
        if (!ok || port < 0 || port > 65535) {
            *error = QStringLiteral("port number %1 must be in the range 1..65535").arg(value);
            return false;
        }
        return port == 0 ? edit.removeIfPresent(YamlPath(d) << QByteArray("port"), error)
                         : edit.set(YamlPath(d) << QByteArray("port") << QByteArray("number"),
                             YamlEdit::plainScalar(QString::number(port)), error);
    }
    }
    return false;
}

QString fieldName(SetDestinationField::Field field)
{
    switch (field) {
    case SetDestinationField::Field::Host:
        return QStringLiteral("host");
    case SetDestinationField::Field::Subset:
        return QStringLiteral("subset");
    case SetDestinationField::Field::Port:
        return QStringLiteral("port");
    }
    return {};
}

} // namespace

std::unique_ptr<SetDestinationField> SetDestinationField::create(Document *document, int resourceId,
    RouteKind kind, int routeIndex, int destinationIndex, Field field, const QString &value, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const VirtualService *vs = RouteKinds::findRule(edit, kind, routeIndex, error);
    if (!vs)
        return nullptr;
    const QString ruleName = RouteKinds::displayName(*vs, kind, routeIndex);
    if (destinationIndex < 0 || destinationIndex >= RouteKinds::destinations(*vs, kind, routeIndex).size()) {
        *error = QStringLiteral("rule %1 has no destination %2").arg(ruleName).arg(destinationIndex);
        return nullptr;
    }
    const YamlPath d = RouteKinds::rulePath(
        kind, routeIndex, { QByteArray("route"), destinationIndex, QByteArray("destination") });
    if (!writeField(edit, d, field, value, error))
        return nullptr;
    const QString shown = value.trimmed().isEmpty() || value.trimmed() == QLatin1String("0")
        ? QStringLiteral("none")
        : value.trimmed();
    return edit.finish<SetDestinationField>(QStringLiteral("Set %1 of destination %2 of rule %3 to %4")
                                                .arg(fieldName(field))
                                                .arg(destinationIndex)
                                                .arg(ruleName, shown));
}

} // namespace meshroute
