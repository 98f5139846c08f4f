#include "gatewayparentseditor.h"

#include "document.h"
#include "gatewayapitemplates.h"
#include "resource.h"
#include "validationprimitives.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

namespace {

const GatewayApiRoute *routeOf(const Document *document, int resourceId)
{
    const Resource *r = document->resource(resourceId);
    return r ? r->gatewayApiRoute() : nullptr;
}

QString checkHostname(const QString &text)
{
    return GatewayApiTemplates::checkHostname(text);
}

QString checkName(const QString &text)
{
    return ValidationPrimitives::isDns1123Subdomain(text)
        ? QString()
        : QObject::tr("\"%1\" is not a valid name").arg(text);
}

} // namespace

GatewayParentsEditor::GatewayParentsEditor(Document *document, QWidget *parent)
    : GatewayRouteForm(document, parent)
{
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    auto *parents = new QHBoxLayout;
    m_newParent = new QLineEdit(this);
    m_newParent->setPlaceholderText(tr("Gateway name"));
    m_newParent->setToolTip(tr("parentRefs[].name: a Gateway of the route's namespace"));
    m_addParent = new QPushButton(tr("Add parent"), this);
    parents->addWidget(m_newParent, 1);
    parents->addWidget(m_addParent);
    layout->addLayout(parents);
    auto *hosts = new QHBoxLayout;
    m_newHostname = new QLineEdit(this);
    m_newHostname->setPlaceholderText(tr("hostname, e.g. shop.example.com"));
    m_newHostname->setToolTip(tr("spec.hostnames: the Host headers the route takes; none: the listener's"));
    m_addHostname = new QPushButton(tr("Add hostname"), this);
    hosts->addWidget(m_newHostname, 1);
    hosts->addWidget(m_addHostname);
    layout->addLayout(hosts);
    connect(m_addParent, &QPushButton::clicked, this, &GatewayParentsEditor::addParent);
    connect(m_newParent, &QLineEdit::returnPressed, this, &GatewayParentsEditor::addParent);
    connect(m_addHostname, &QPushButton::clicked, this, &GatewayParentsEditor::addHostname);
    connect(m_newHostname, &QLineEdit::returnPressed, this, &GatewayParentsEditor::addHostname);
}

void GatewayParentsEditor::setRoute(int resourceId)
{
    show(resourceId);
}

QStringList GatewayParentsEditor::signature() const
{
    const GatewayApiRoute *route = routeOf(document(), resourceId());
    if (!route)
        return { QStringLiteral("none") };
    return { QString::number(resourceId()), QString::number(route->parentRefs.size()),
        QString::number(route->hostnames.size()) };
}

void GatewayParentsEditor::build()
{
    const GatewayApiRoute *route = routeOf(document(), resourceId());
    if (!route)
        return;
    for (int i = 0; i < route->parentRefs.size(); ++i) {
        auto *frame = new QFrame(content());
        frame->setFrameShape(QFrame::StyledPanel);
        auto *box = new QVBoxLayout(frame);
        box->setContentsMargins(6, 4, 6, 4);
        const YamlPath at { QByteArray("parentRefs"), i };
        addRemoveButton(box, at, tr("parent %1").arg(route->parentRefs[i].name.value));
        addField(box, tr("name"), at + YamlPath { QByteArray("name") }, false, checkName, true);
        addField(box, tr("namespace"), at + YamlPath { QByteArray("namespace") }, false, checkName);
        addField(box, tr("kind"), at + YamlPath { QByteArray("kind") }, false, {});
        addField(box, tr("sectionName"), at + YamlPath { QByteArray("sectionName") }, false, checkName);
        addField(box, tr("port"), at + YamlPath { QByteArray("port") }, true, [](const QString &t) {
            return t.toInt() >= 1 && t.toInt() <= 65535 ? QString() : tr("a port is 1 to 65535");
        });
        contentLayout()->addWidget(frame);
    }
    for (int i = 0; i < route->hostnames.size(); ++i) {
        auto *row = new QWidget(content());
        auto *box = new QVBoxLayout(row);
        box->setContentsMargins(0, 0, 0, 0);
        addField(box, tr("hostname"), { QByteArray("hostnames"), i }, false, checkHostname, true);
        addRemoveButton(
            box, { QByteArray("hostnames"), i }, tr("hostname %1").arg(route->hostnames[i].value));
        contentLayout()->addWidget(row);
    }
}

void GatewayParentsEditor::addRemoveButton(QVBoxLayout *box, const YamlPath &path, const QString &what)
{
    auto *remove = new QToolButton(box->parentWidget());
    remove->setText(tr("✕ Remove %1").arg(what));
    remove->setAutoRaise(true);
    box->addWidget(remove, 0, Qt::AlignRight);
    connect(remove, &QToolButton::clicked, this,
        [this, path, what] { push(path, std::nullopt, tr("Remove %1").arg(what)); });
}

void GatewayParentsEditor::addParent()
{
    const QString name = m_newParent->text().trimmed();
    if (const QString e = checkName(name); !e.isEmpty()) {
        Q_EMIT editFailed(e);
        return;
    }
    const GatewayApiRoute *route = routeOf(document(), resourceId());
    YamlNode parent = YamlEdit::mapping();
    YamlEdit::setEntry(parent, "name", YamlEdit::stringScalar(name));
    push({ QByteArray("parentRefs"), int(route ? route->parentRefs.size() : 0) }, parent,
        tr("Add parent %1").arg(name));
    m_newParent->clear();
}

void GatewayParentsEditor::addHostname()
{
    const QString host = m_newHostname->text().trimmed();
    if (const QString e = checkHostname(host); !e.isEmpty()) {
        Q_EMIT editFailed(e);
        return;
    }
    const GatewayApiRoute *route = routeOf(document(), resourceId());
    push({ QByteArray("hostnames"), int(route ? route->hostnames.size() : 0) }, YamlEdit::stringScalar(host),
        tr("Add hostname %1").arg(host));
    m_newHostname->clear();
}

} // namespace meshroute
