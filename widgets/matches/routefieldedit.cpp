#include "routefieldedit.h"

#include "document.h"
#include "setgatewayroutefield.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace meshroute {

RouteFieldEdit::RouteFieldEdit(Document *document, const QString &label, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(1);
    auto *name = new QLabel(label, this);
    name->setMinimumWidth(110);
    grid->addWidget(name, 0, 0);
    grid->addWidget(m_edit, 0, 1);
    grid->setColumnStretch(1, 1);
    m_error->setStyleSheet(QStringLiteral("color: #d0312d;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    grid->addWidget(m_error, 1, 1);
    connect(m_edit, &QLineEdit::textEdited, this, &RouteFieldEdit::revalidate);
    connect(m_edit, &QLineEdit::editingFinished, this, &RouteFieldEdit::commit);
}

void RouteFieldEdit::bind(int resourceId, const YamlPath &path, const QString &value, bool numeric,
    Validator validator, bool required)
{
    m_resourceId = resourceId;
    m_path = path;
    m_value = value;
    m_numeric = numeric;
    m_required = required;
    m_validator = std::move(validator);
    m_edit->setAccessibleName(pathKey());
    if (!m_edit->hasFocus() || !m_edit->isModified())
        m_edit->setText(value);
    m_edit->setModified(false);
    revalidate();
}

QString RouteFieldEdit::pathKey(const YamlPath &path)
{
    QStringList parts;
    for (const auto &step : path)
        parts.append(std::holds_alternative<int>(step) ? QString::number(std::get<int>(step))
                                                       : QString::fromUtf8(std::get<QByteArray>(step)));
    return parts.join(QLatin1Char('.'));
}

QString RouteFieldEdit::pathKey() const
{
    return pathKey(m_path);
}

QString RouteFieldEdit::validationError() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty())
        return m_required ? tr("a value is needed") : QString();
    if (m_numeric) {
        bool ok = false;
        text.toLongLong(&ok);
        if (!ok)
            return tr("\"%1\" is not a number").arg(text);
    }
    return m_validator ? m_validator(text) : QString();
}

void RouteFieldEdit::revalidate()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_edit->setStyleSheet(
        error.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d0312d; }"));
}

void RouteFieldEdit::commit()
{
    const QString text = m_edit->text().trimmed();
    if (m_resourceId < 0 || text == m_value || !validationError().isEmpty())
        return;
    std::optional<YamlNode> node;
    if (!text.isEmpty())
        node = m_numeric ? YamlEdit::plainScalar(text) : YamlEdit::stringScalar(text);
    const QString description
        = text.isEmpty() ? tr("Remove %1").arg(pathKey()) : tr("Set %1 to %2").arg(pathKey(), text);
    const QString before = m_value;
    m_value = text; // leaving the field after Enter must not push it twice
    if (QString error;
        !SetGatewayRouteField::push(m_document, m_resourceId, m_path, node, description, &error)) {
        m_value = before;
        Q_EMIT editFailed(error);
    }
}

} // namespace meshroute
