#include "gatewayfiltereditor.h"

#include "document.h"
#include "gatewayapitemplates.h"
#include "resource.h"
#include "routefieldedit.h"
#include "routespectree.h"
#include "setgatewayroutefield.h"
#include "undostack.h"
#include "validationprimitives.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

namespace {

// The filter types the editor offers, each with the key of its settings.
const QList<QPair<QString, QByteArray>> &filterTypes()
{
    static const QList<QPair<QString, QByteArray>> types {
        { QStringLiteral("RequestHeaderModifier"), "requestHeaderModifier" },
        { QStringLiteral("ResponseHeaderModifier"), "responseHeaderModifier" },
        { QStringLiteral("RequestRedirect"), "requestRedirect" },
        { QStringLiteral("URLRewrite"), "urlRewrite" },
        { QStringLiteral("RequestMirror"), "requestMirror" },
    };
    return types;
}

QByteArray keyOf(const QString &type)
{
    for (const auto &[name, key] : filterTypes())
        if (name == type)
            return key;
    return {};
}

QString checkPort(const QString &text)
{
    const int port = text.toInt();
    return port >= 1 && port <= 65535 ? QString() : QObject::tr("a port is 1 to 65535");
}

QString checkHeaderName(const QString &text)
{
    return ValidationPrimitives::isHttpToken(text)
        ? QString()
        : QObject::tr("\"%1\" is not a valid header name").arg(text);
}

// A redirect's or rewrite's hostname: a PreciseHostname, so no wildcard.
QString checkHostname(const QString &text)
{
    return text.startsWith(QLatin1Char('*')) ? QObject::tr("no wildcard here")
                                             : GatewayApiTemplates::checkHostname(text);
}

QString checkPath(const QString &text)
{
    return text.startsWith(QLatin1Char('/')) ? QString() : QObject::tr("a path must begin with '/'");
}

} // namespace

GatewayFilterEditor::GatewayFilterEditor(Document *document, QWidget *parent)
    : GatewayRouteForm(document, parent)
{
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    auto *add = new QHBoxLayout;
    m_type = new QComboBox(this);
    for (const auto &[name, key] : filterTypes())
        m_type->addItem(name);
    m_type->setToolTip(tr("filters[].type: what the filter does to requests of this rule"));
    m_add = new QPushButton(tr("Add filter"), this);
    add->addWidget(m_type, 1);
    add->addWidget(m_add);
    layout->addLayout(add);
    connect(m_add, &QPushButton::clicked, this, &GatewayFilterEditor::addFilter);
}

const QList<RouteFilter> *GatewayFilterEditor::filters() const
{
    const Resource *r = document()->resource(resourceId());
    const GatewayApiRoute *route = r ? r->gatewayApiRoute() : nullptr;
    return route && m_ruleIndex >= 0 && m_ruleIndex < route->rules.size() ? &route->rules[m_ruleIndex].filters
                                                                          : nullptr;
}

YamlPath GatewayFilterEditor::filterPath(int index, const YamlPath &rest) const
{
    YamlPath path = SetGatewayRouteField::rulePath(m_ruleIndex, { QByteArray("filters"), index });
    path += rest;
    return path;
}

// The types and list sizes of the filters: what decides which boxes and fields there are.
QStringList GatewayFilterEditor::signature() const
{
    QStringList out { QString::number(resourceId()), QString::number(m_ruleIndex) };
    if (const QList<RouteFilter> *all = filters())
        for (const RouteFilter &f : *all) {
            const HeaderModifier &h = f.type.value == QLatin1String("ResponseHeaderModifier")
                ? f.responseHeaderModifier
                : f.requestHeaderModifier;
            out.append(QStringLiteral("%1 %2/%3/%4 %5")
                           .arg(f.type.value)
                           .arg(h.set.size())
                           .arg(h.add.size())
                           .arg(h.remove.size())
                           .arg(f.requestRedirect.path.type.value + f.urlRewrite.path.type.value));
        }
    return out;
}

void GatewayFilterEditor::setRule(int resourceId, int ruleIndex)
{
    m_ruleIndex = ruleIndex;
    show(resourceId);
}

void GatewayFilterEditor::build()
{
    m_pathTypes.clear();
    const QList<RouteFilter> *all = filters();
    m_count = all ? int(all->size()) : 0;
    for (int i = 0; i < m_count; ++i)
        addFilterBox(i, (*all)[i]);
}

void GatewayFilterEditor::addFilterBox(int index, const RouteFilter &filter)
{
    auto *frame = new QFrame(content());
    frame->setFrameShape(QFrame::StyledPanel);
    auto *box = new QVBoxLayout(frame);
    box->setContentsMargins(6, 4, 6, 4);
    auto *head = new QHBoxLayout;
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(filter.type.value), frame);
    auto *remove = new QToolButton(frame);
    remove->setText(QStringLiteral("✕"));
    remove->setAutoRaise(true);
    remove->setToolTip(tr("Remove this filter"));
    head->addWidget(title, 1);
    head->addWidget(remove);
    box->addLayout(head);
    connect(remove, &QToolButton::clicked, this,
        [this, index] { push(filterPath(index), std::nullopt, tr("Remove filter %1").arg(index)); });
    const QByteArray key = keyOf(filter.type.value);
    if (key.endsWith("HeaderModifier")) {
        addHeaderModifier(box, index, key);
    } else if (key == "requestRedirect") {
        addField(
            box, tr("scheme"), filterPath(index, { key, QByteArray("scheme") }), false, [](const QString &t) {
                return t == QLatin1String("http") || t == QLatin1String("https") ? QString()
                                                                                 : tr("http or https");
            });
        addField(
            box, tr("hostname"), filterPath(index, { key, QByteArray("hostname") }), false, checkHostname);
        addField(box, tr("port"), filterPath(index, { key, QByteArray("port") }), true, checkPort);
        addField(box, tr("status code"), filterPath(index, { key, QByteArray("statusCode") }), true,
            [](const QString &t) {
                return QStringList { "301", "302", "303", "307", "308" }.contains(t)
                    ? QString()
                    : tr("301, 302 (the default), 303, 307 or 308");
            });
        addPathModifier(box, index, key);
    } else if (key == "urlRewrite") {
        addField(
            box, tr("hostname"), filterPath(index, { key, QByteArray("hostname") }), false, checkHostname);
        addPathModifier(box, index, key);
    } else if (key == "requestMirror") {
        addField(box, tr("Service"), filterPath(index, { key, QByteArray("backendRef"), QByteArray("name") }),
            false, {}, true);
        addField(box, tr("port"), filterPath(index, { key, QByteArray("backendRef"), QByteArray("port") }),
            true, checkPort);
        addField(box, tr("percent"), filterPath(index, { key, QByteArray("percent") }), true,
            [](const QString &t) { return t.toInt() >= 0 && t.toInt() <= 100 ? QString() : tr("0 to 100"); });
    } else {
        box->addWidget(new QLabel(tr("Edit this filter in the YAML dock."), frame));
    }
    contentLayout()->addWidget(frame);
}

// set and add: name and value per item; remove: a name per item; and a row to add one.
void GatewayFilterEditor::addHeaderModifier(QVBoxLayout *box, int index, const QByteArray &key)
{
    const QList<RouteFilter> &all = *filters();
    const HeaderModifier &h = key == "responseHeaderModifier" ? all[index].responseHeaderModifier
                                                              : all[index].requestHeaderModifier;
    for (const QByteArray &list : { QByteArray("set"), QByteArray("add") }) {
        const qsizetype n = list == "set" ? h.set.size() : h.add.size();
        for (int i = 0; i < n; ++i) {
            addField(box, tr("%1 header").arg(QString::fromUtf8(list)),
                filterPath(index, { key, list, i, QByteArray("name") }), false, checkHeaderName, true);
            addField(box, tr("  value"), filterPath(index, { key, list, i, QByteArray("value") }), false, {},
                true);
        }
    }
    for (int i = 0; i < h.remove.size(); ++i)
        addField(box, tr("remove header"), filterPath(index, { key, QByteArray("remove"), i }), false,
            checkHeaderName, true);
    auto *adder = new QHBoxLayout;
    auto *operation = new QComboBox(box->parentWidget());
    operation->addItems({ QStringLiteral("set"), QStringLiteral("add"), QStringLiteral("remove") });
    auto *name = new QLineEdit(box->parentWidget());
    name->setPlaceholderText(tr("header name"));
    auto *value = new QLineEdit(box->parentWidget());
    value->setPlaceholderText(tr("value"));
    auto *add = new QPushButton(tr("Add header"), box->parentWidget());
    adder->addWidget(operation);
    adder->addWidget(name, 1);
    adder->addWidget(value, 1);
    adder->addWidget(add);
    box->addLayout(adder);
    connect(add, &QPushButton::clicked, this, [=, this] {
        const QString op = operation->currentText();
        if (const QString e = checkHeaderName(name->text().trimmed()); !e.isEmpty()) {
            Q_EMIT editFailed(e);
            return;
        }
        YamlNode item = YamlEdit::stringScalar(name->text().trimmed());
        if (op != QLatin1String("remove")) {
            item = YamlEdit::mapping();
            YamlEdit::setEntry(item, "name", YamlEdit::stringScalar(name->text().trimmed()));
            YamlEdit::setEntry(item, "value", YamlEdit::stringScalar(value->text()));
        }
        // Read now: the model has been read again since the box was made.
        const QList<RouteFilter> *now = filters();
        if (!now || index >= now->size())
            return;
        const HeaderModifier &m = key == "responseHeaderModifier" ? (*now)[index].responseHeaderModifier
                                                                  : (*now)[index].requestHeaderModifier;
        const qsizetype at = op == QLatin1String("set") ? m.set.size()
            : op == QLatin1String("add")                ? m.add.size()
                                                        : m.remove.size();
        push(filterPath(index, { key, op.toUtf8(), int(at) }), item,
            tr("%1 header %2").arg(op, name->text().trimmed()));
    });
}

// A redirect's or rewrite's path: none, ReplaceFullPath or ReplacePrefixMatch, and its value.
void GatewayFilterEditor::addPathModifier(QVBoxLayout *box, int index, const QByteArray &key)
{
    RouteSpecTree tree;
    tree.load(document(), resourceId());
    const QString type = tree.scalar(filterPath(index, { key, QByteArray("path"), QByteArray("type") }));
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("path"), box->parentWidget());
    label->setMinimumWidth(110);
    auto *combo = new QComboBox(box->parentWidget());
    combo->addItems(
        { tr("unchanged"), QStringLiteral("ReplaceFullPath"), QStringLiteral("ReplacePrefixMatch") });
    combo->setCurrentText(type.isEmpty() ? tr("unchanged") : type);
    combo->setToolTip(tr("ReplacePrefixMatch replaces the part the rule's PathPrefix matched"));
    row->addWidget(label);
    row->addWidget(combo, 1);
    box->addLayout(row);
    m_pathTypes.append(combo);
    combo->setProperty("filter", index);
    if (!type.isEmpty()) {
        const QByteArray valueKey
            = type == QLatin1String("ReplaceFullPath") ? "replaceFullPath" : "replacePrefixMatch";
        addField(box, QStringLiteral("  ") + QString::fromUtf8(valueKey),
            filterPath(index, { key, QByteArray("path"), valueKey }), false, checkPath, true);
    }
    connect(combo, &QComboBox::activated, this, [this, index, key, combo] {
        if (combo->currentIndex() == 0) {
            push(filterPath(index, { key, QByteArray("path") }), std::nullopt, tr("Keep the path"));
            return;
        }
        // Type and value together: the CRD refuses one without the other.
        YamlNode path = YamlEdit::mapping();
        const QString type = combo->currentText();
        YamlEdit::setEntry(path, "type", YamlEdit::plainScalar(type));
        YamlEdit::setEntry(path,
            type == QLatin1String("ReplaceFullPath") ? "replaceFullPath" : "replacePrefixMatch",
            YamlEdit::stringScalar(QStringLiteral("/")));
        push(filterPath(index, { key, QByteArray("path") }), path, tr("Set path %1").arg(type));
    });
}

QComboBox *GatewayFilterEditor::pathTypeCombo(int index) const
{
    for (QComboBox *c : m_pathTypes)
        if (c->property("filter").toInt() == index)
            return c;
    return nullptr;
}

void GatewayFilterEditor::addFilter()
{
    const QString type = m_type->currentText();
    YamlNode filter = YamlEdit::mapping();
    YamlEdit::setEntry(filter, "type", YamlEdit::plainScalar(type));
    YamlNode settings = YamlEdit::mapping();
    if (type == QLatin1String("RequestMirror")) {
        // A mirror needs its backend: the rule's first, to be changed in the box.
        const Resource *r = document()->resource(resourceId());
        const RouteRule &rule = r->gatewayApiRoute()->rules[m_ruleIndex];
        YamlNode ref = YamlEdit::mapping();
        YamlEdit::setEntry(ref, "name",
            YamlEdit::stringScalar(
                rule.backendRefs.isEmpty() ? QStringLiteral("mirror") : rule.backendRefs[0].ref.name.value));
        if (!rule.backendRefs.isEmpty() && rule.backendRefs[0].ref.port.present)
            YamlEdit::setEntry(
                ref, "port", YamlEdit::plainScalar(QString::number(rule.backendRefs[0].ref.port.value)));
        YamlEdit::setEntry(settings, "backendRef", ref);
    } else if (type.endsWith(QLatin1String("HeaderModifier"))) {
        YamlNode item = YamlEdit::mapping();
        YamlEdit::setEntry(item, "name", YamlEdit::stringScalar(QStringLiteral("x-meshroute")));
        YamlEdit::setEntry(item, "value", YamlEdit::stringScalar(QStringLiteral("1")));
        YamlNode set = YamlEdit::sequence();
        YamlEdit::appendItem(set, item);
        YamlEdit::setEntry(settings, "set", set);
    } else if (type == QLatin1String("RequestRedirect")) {
        YamlEdit::setEntry(settings, "scheme", YamlEdit::plainScalar(QStringLiteral("https")));
    } else {
        YamlEdit::setEntry(settings, "hostname", YamlEdit::stringScalar(QStringLiteral("example.com")));
    }
    YamlEdit::setEntry(filter, keyOf(type), settings);
    push(filterPath(m_count), filter, tr("Add filter %1").arg(type));
}

} // namespace meshroute
