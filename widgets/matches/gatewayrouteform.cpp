#include "gatewayrouteform.h"

#include "document.h"
#include "routespectree.h"
#include "setgatewayroutefield.h"
#include "undostack.h"

#include <QVBoxLayout>

namespace meshroute {

GatewayRouteForm::GatewayRouteForm(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_content = new QWidget(this);
    m_contentLayout = new QVBoxLayout(m_content);
    m_contentLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_content);
}

void GatewayRouteForm::show(int resourceId)
{
    m_resourceId = resourceId;
    if (signature() == m_signature) {
        refreshValues();
        return;
    }
    rebuild();
}

void GatewayRouteForm::rebuild()
{
    // Deleted later: the field or button whose edit led here may be emitting.
    for (QWidget *w : m_content->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        w->hide();
        w->setParent(nullptr);
        w->deleteLater();
    }
    while (QLayoutItem *item = m_contentLayout->takeAt(0))
        delete item;
    m_fields.clear();
    m_signature = signature();
    build();
    refreshValues();
}

void GatewayRouteForm::refreshValues()
{
    RouteSpecTree tree;
    if (!tree.load(m_document, m_resourceId))
        return;
    for (RouteFieldEdit *f : std::as_const(m_fields))
        f->refresh(tree.scalar(f->path()));
}

RouteFieldEdit *GatewayRouteForm::addField(QVBoxLayout *box, const QString &label, const YamlPath &path,
    bool numeric, const RouteFieldEdit::Validator &validator, bool required)
{
    auto *field = new RouteFieldEdit(m_document, label, box->parentWidget());
    field->bind(m_resourceId, path, QString(), numeric, validator, required);
    connect(field, &RouteFieldEdit::editFailed, this, &GatewayRouteForm::editFailed);
    box->addWidget(field);
    m_fields.append(field);
    return field;
}

RouteFieldEdit *GatewayRouteForm::field(const QString &pathKey) const
{
    for (RouteFieldEdit *f : m_fields)
        if (f->pathKey() == pathKey)
            return f;
    return nullptr;
}

void GatewayRouteForm::push(
    const YamlPath &path, const std::optional<YamlNode> &value, const QString &description)
{
    if (QString error;
        !SetGatewayRouteField::push(m_document, m_resourceId, path, value, description, &error))
        Q_EMIT editFailed(error);
}

} // namespace meshroute
