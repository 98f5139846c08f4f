#include "gatewayconditionrow.h"

#include "conditionfeedback.h"
#include "matchtester.h"
#include "validationprimitives.h"
#include "yamledit.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace meshroute {

namespace {

StringMatch::Type matchType(const QString &type)
{
    return type == QLatin1String("Exact")            ? StringMatch::Type::Exact
        : type == QLatin1String("RegularExpression") ? StringMatch::Type::Regex
                                                     : StringMatch::Type::Prefix;
}

} // namespace

QString GatewayConditionRow::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Path:
        return tr("path");
    case Kind::Header:
        return tr("header");
    case Kind::QueryParam:
        return tr("query param");
    case Kind::Method:
        return tr("method");
    case Kind::GrpcMethod:
        return tr("gRPC method");
    }
    return {};
}

QByteArray GatewayConditionRow::fieldKey() const
{
    switch (m_kind) {
    case Kind::Path:
        return "path";
    case Kind::Header:
        return "headers";
    case Kind::QueryParam:
        return "queryParams";
    case Kind::Method:
    case Kind::GrpcMethod:
        return "method";
    }
    return {};
}

// The CRD's default type: PathPrefix for a path, Exact for the others.
QString GatewayConditionRow::defaultType() const
{
    return m_kind == Kind::Path ? QStringLiteral("PathPrefix") : QStringLiteral("Exact");
}

QComboBox *GatewayConditionRow::makeTypePicker()
{
    auto *picker = new QComboBox(this);
    picker->addItem(QStringLiteral("Exact"));
    if (m_kind == Kind::Path)
        picker->addItem(QStringLiteral("PathPrefix"));
    picker->addItem(QStringLiteral("RegularExpression"));
    // Narrow, so the value keeps its room in a narrow dock; the list shows the whole names.
    picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    picker->setMinimumContentsLength(7);
    picker->setToolTip(m_kind == Kind::Path
            ? tr("Exact: the whole path; PathPrefix: whole path segments (/cart takes /cart/x, not /cartx); "
                 "RegularExpression: RE2 matching the whole path. Left out, the type is PathPrefix")
            : tr("Exact, or RegularExpression (RE2, the whole value). Left out, the type is Exact"));
    connect(picker, &QComboBox::activated, this, [this] {
        m_typeWritten = true;
        revalidate();
        commitField("type");
    });
    return picker;
}

GatewayConditionRow::GatewayConditionRow(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(1);
    auto *label = new QLabel(kindName(kind), this);
    label->setMinimumWidth(80);
    grid->addWidget(label, 0, 0);
    int column = 1;
    if (kind == Kind::Header || kind == Kind::QueryParam || kind == Kind::GrpcMethod) {
        m_name = new QLineEdit(this);
        m_name->setPlaceholderText(kind == Kind::GrpcMethod ? tr("service, e.g. foo.Bar")
                : kind == Kind::QueryParam                  ? tr("parameter")
                                                            : tr("header name"));
        grid->addWidget(m_name, 0, column);
        grid->setColumnStretch(column++, 1);
        connect(m_name, &QLineEdit::textEdited, this, &GatewayConditionRow::revalidate);
        connect(m_name, &QLineEdit::editingFinished, this,
            [this] { commitField(m_kind == Kind::GrpcMethod ? "service" : "name"); });
    }
    if (kind != Kind::Method) {
        m_type = makeTypePicker();
        grid->addWidget(m_type, 0, column++);
    }
    m_value = new QLineEdit(this);
    m_value->setPlaceholderText(kind == Kind::Method ? tr("GET, POST, ...")
            : kind == Kind::GrpcMethod               ? tr("method, e.g. Get")
            : kind == Kind::Path                     ? tr("/path")
                                                     : tr("value"));
    grid->addWidget(m_value, 0, column++);
    grid->setColumnStretch(column - 1, 2);
    m_remove = ConditionFeedback::makeRemoveButton(this);
    grid->addWidget(m_remove, 0, column++);
    connect(m_remove, &QToolButton::clicked, this, &GatewayConditionRow::removeRequested);
    m_error = ConditionFeedback::makeErrorLabel(this);
    if (kind == Kind::Path || kind == Kind::Header || kind == Kind::QueryParam) {
        m_test = ConditionFeedback::makeTestBox(
            this, kind == Kind::Path ? tr("test a path, e.g. /cart/items?x=1") : tr("test a value"));
        m_testResult = new QLabel(this);
        connect(m_test, &QLineEdit::textChanged, this, &GatewayConditionRow::retest);
    }
    ConditionFeedback::addBelow(grid, column, m_error, m_test, m_testResult);
    connect(m_value, &QLineEdit::textEdited, this, &GatewayConditionRow::revalidate);
    connect(m_value, &QLineEdit::editingFinished, this,
        [this] { commitField(m_kind == Kind::GrpcMethod ? "method" : "value"); });
    if (m_type)
        m_type->setCurrentText(defaultType());
    revalidate();
}

void GatewayConditionRow::setCondition(const QString &name, const QString &type, const QString &value)
{
    m_loading = true;
    if (m_name && !m_name->hasFocus())
        m_name->setText(name);
    m_typeWritten = !type.isEmpty();
    if (m_type)
        m_type->setCurrentText(type.isEmpty() ? defaultType() : type);
    if (!m_value->hasFocus() || !m_value->isModified())
        m_value->setText(value);
    m_value->setModified(false);
    m_loading = false;
    revalidate();
}

QString GatewayConditionRow::name() const
{
    return m_name ? m_name->text().trimmed() : QString();
}

QString GatewayConditionRow::value() const
{
    return m_kind == Kind::Method || m_kind == Kind::GrpcMethod ? m_value->text().trimmed() : m_value->text();
}

QString GatewayConditionRow::type() const
{
    return m_type ? m_type->currentText() : QString();
}

QString GatewayConditionRow::validationError() const
{
    const QString v = value();
    if ((m_kind == Kind::Header || m_kind == Kind::QueryParam) && name().isEmpty())
        return tr("a name is needed");
    if (m_kind == Kind::Header && !ValidationPrimitives::isHttpToken(name()))
        return tr("\"%1\" is not a valid header name").arg(name());
    if (m_kind == Kind::GrpcMethod && name().isEmpty() && v.isEmpty())
        return tr("a service or a method is needed");
    if (m_kind == Kind::Method
        && !QStringList { "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" }
                .contains(v))
        return tr("method must be one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH");
    if (type() == QLatin1String("RegularExpression")) {
        if (m_kind == Kind::GrpcMethod)
            return ValidationPrimitives::checkRegex(name().isEmpty() ? v : name());
        return v.isEmpty() ? tr("a regular expression is needed") : ValidationPrimitives::checkRegex(v);
    }
    if (m_kind == Kind::Path && !v.startsWith(QLatin1Char('/')))
        return tr("a path must begin with '/'");
    if ((m_kind == Kind::Header || m_kind == Kind::QueryParam) && v.isEmpty())
        return tr("a value is needed");
    return {};
}

YamlNode GatewayConditionRow::yamlValue() const
{
    if (m_kind == Kind::Method)
        return YamlEdit::plainScalar(value());
    YamlNode m = YamlEdit::mapping();
    if (m_kind == Kind::Header || m_kind == Kind::QueryParam)
        YamlEdit::setEntry(m, "name", YamlEdit::stringScalar(name()));
    if (m_typeWritten)
        YamlEdit::setEntry(m, "type", YamlEdit::plainScalar(type()));
    if (m_kind == Kind::GrpcMethod) {
        if (!name().isEmpty())
            YamlEdit::setEntry(m, "service", YamlEdit::stringScalar(name()));
        if (!value().isEmpty())
            YamlEdit::setEntry(m, "method", YamlEdit::stringScalar(value()));
    } else {
        YamlEdit::setEntry(m, "value", YamlEdit::stringScalar(value()));
    }
    return m;
}

void GatewayConditionRow::revalidate()
{
    const QString error = validationError();
    ConditionFeedback::showError(
        m_error, m_name, m_value, error, !error.isEmpty() && m_name && error.contains(QLatin1String("name")));
    retest();
}

void GatewayConditionRow::retest()
{
    if (!m_test)
        return;
    const QString input = m_test->text();
    if (input.isEmpty() || !validationError().isEmpty()) {
        m_testResult->clear();
        return;
    }
    const bool matched = m_kind == Kind::Path
        ? MatchTester::gatewayPathMatches(matchType(type()), value(), input)
        : MatchTester::valueMatches(matchType(type()), value(), input);
    ConditionFeedback::showResult(m_testResult, matched, matched ? tr("✓ match") : tr("✗ no match"));
}

void GatewayConditionRow::commitField(const QByteArray &key)
{
    if (m_loading || !validationError().isEmpty())
        return;
    if (key == "type") {
        // Back to the default the file left out: nothing to write.
        Q_EMIT fieldEdited(key, std::optional<QString>(type()));
        return;
    }
    const QString v = key == "name" || key == "service" ? name() : value();
    Q_EMIT fieldEdited(
        key, v.isEmpty() && m_kind == Kind::GrpcMethod ? std::nullopt : std::optional<QString>(v));
}

} // namespace meshroute
