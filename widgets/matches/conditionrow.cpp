#include "conditionrow.h"

#include "conditionfeedback.h"
#include "matchtester.h"
#include "validationprimitives.h"
#include "yamledit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace meshroute {

// How a string condition compares (exact, prefix, regex; presence where
// Istio allows it), re-checking and committing the row when it changes.
QComboBox *ConditionRow::makeTypePicker()
{
    auto *picker = new QComboBox(this);
    picker->addItem(tr("exact"), int(StringMatch::Type::Exact));
    picker->addItem(tr("prefix"), int(StringMatch::Type::Prefix));
    picker->addItem(tr("regex"), int(StringMatch::Type::Regex));
    if (m_kind == Kind::Header || m_kind == Kind::WithoutHeader || m_kind == Kind::QueryParam)
        picker->addItem(tr("present"), int(StringMatch::Type::Presence));
    picker->setToolTip(
        tr("exact: the whole value; prefix: plain characters at the start (not path segments); "
           "regex: RE2 matching the whole value"));
    connect(picker, &QComboBox::currentIndexChanged, this, [this] {
        m_value->setEnabled(type() != StringMatch::Type::Presence);
        revalidate();
        requestCommit();
    });
    return picker;
}

ConditionRow::ConditionRow(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(1);
    m_name = new QLabel(kindName(kind), this);
    m_name->setToolTip(kindToolTip(kind));
    m_name->setMinimumWidth(90);
    grid->addWidget(m_name, 0, 0);
    int column = 1;
    if (hasKey()) {
        m_key = new QLineEdit(this);
        m_key->setPlaceholderText(kind == Kind::SourceLabel ? tr("label")
                : kind == Kind::QueryParam                  ? tr("parameter")
                                                            : tr("header name"));
        m_key->setToolTip(kind == Kind::SourceLabel
                ? tr("Label key the client workload must carry")
                : tr("Name to match; Envoy compares header names in lower case"));
        grid->addWidget(m_key, 0, column++);
        connect(m_key, &QLineEdit::textEdited, this, &ConditionRow::revalidate);
        connect(m_key, &QLineEdit::editingFinished, this, &ConditionRow::requestCommit);
    }
    if (isStringMatch()) {
        m_type = makeTypePicker();
        grid->addWidget(m_type, 0, column++);
    }
    m_value = new QLineEdit(this);
    m_value->setToolTip(kindToolTip(kind));
    if (kind == Kind::Port)
        m_value->setPlaceholderText(QStringLiteral("1..65535"));
    else if (kind == Kind::Gateways)
        m_value->setPlaceholderText(tr("ns/gateway, mesh"));
    grid->addWidget(m_value, 0, column++);
    grid->setColumnStretch(column - 1, 1);
    if (kind == Kind::Uri) {
        m_ignoreCase = new QCheckBox(tr("ignore case"), this);
        m_ignoreCase->setToolTip(
            tr("ignoreUriCase: case-insensitive exact and prefix matching; never applies to regex"));
        grid->addWidget(m_ignoreCase, 0, column++);
        connect(m_ignoreCase, &QCheckBox::toggled, this, [this] {
            retest();
            requestCommit();
        });
    }
    m_remove = ConditionFeedback::makeRemoveButton(this);
    grid->addWidget(m_remove, 0, column++);
    connect(m_remove, &QToolButton::clicked, this, &ConditionRow::removeRequested);
    m_error = ConditionFeedback::makeErrorLabel(this);
    if (isStringMatch()) {
        m_test = ConditionFeedback::makeTestBox(
            this, kind == Kind::Uri ? tr("test a path, e.g. /api/v1?x=1") : tr("test a value"));
        m_testResult = new QLabel(this);
        connect(m_test, &QLineEdit::textChanged, this, &ConditionRow::retest);
    }
    ConditionFeedback::addBelow(grid, column, m_error, m_test, m_testResult);
    connect(m_value, &QLineEdit::textEdited, this, &ConditionRow::revalidate);
    connect(m_value, &QLineEdit::editingFinished, this, &ConditionRow::requestCommit);
    revalidate();
}

QString ConditionRow::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Uri:
        return tr("uri");
    case Kind::Method:
        return tr("method");
    case Kind::Authority:
        return tr("authority");
    case Kind::Scheme:
        return tr("scheme");
    case Kind::Header:
        return tr("header");
    case Kind::WithoutHeader:
        return tr("without header");
    case Kind::QueryParam:
        return tr("query param");
    case Kind::Port:
        return tr("port");
    case Kind::SourceNamespace:
        return tr("source namespace");
    case Kind::SourceLabel:
        return tr("source label");
    case Kind::Gateways:
        return tr("gateways");
    }
    return {};
}

QString ConditionRow::kindToolTip(Kind kind)
{
    switch (kind) {
    case Kind::Uri:
        return tr("uri: the request path; exact ignores the query, prefix sees it, regex must match the "
                  "whole path");
    case Kind::Method:
        return tr("method: the HTTP method (:method), e.g. GET; case-sensitive");
    case Kind::Authority:
        return tr("authority: the Host / :authority header, including a port if the client sent one");
    case Kind::Scheme:
        return tr("scheme: the :scheme pseudo-header, http or https");
    case Kind::Header:
        return tr("headers: the request must carry this header with a matching value");
    case Kind::WithoutHeader:
        return tr(
            "withoutHeaders: the rule does not match when this header matches (missing counts as empty)");
    case Kind::QueryParam:
        return tr("queryParams: a query parameter's value (URL-encoded) must match");
    case Kind::Port:
        return tr("port: only for requests arriving on this port (service port on sidecars, server port on "
                  "gateways)");
    case Kind::SourceNamespace:
        return tr("sourceNamespace: only for clients in this namespace (decided at config time)");
    case Kind::SourceLabel:
        return tr("sourceLabels: only for client workloads with this label (decided at config time)");
    case Kind::Gateways:
        return tr(
            "gateways: only on these gateways (mesh = sidecars); overrides the VirtualService's gateways");
    }
    return {};
}

QByteArray ConditionRow::fieldKey() const
{
    switch (m_kind) {
    case Kind::Uri:
        return "uri";
    case Kind::Method:
        return "method";
    case Kind::Authority:
        return "authority";
    case Kind::Scheme:
        return "scheme";
    case Kind::Header:
        return "headers";
    case Kind::WithoutHeader:
        return "withoutHeaders";
    case Kind::QueryParam:
        return "queryParams";
    case Kind::Port:
        return "port";
    case Kind::SourceNamespace:
        return "sourceNamespace";
    case Kind::SourceLabel:
        return "sourceLabels";
    case Kind::Gateways:
        return "gateways";
    }
    return {};
}

bool ConditionRow::hasKey() const
{
    return m_kind == Kind::Header || m_kind == Kind::WithoutHeader || m_kind == Kind::QueryParam
        || m_kind == Kind::SourceLabel;
}

bool ConditionRow::isStringMatch() const
{
    return m_kind <= Kind::QueryParam;
}

void ConditionRow::setCondition(
    const QString &key, StringMatch::Type type, const QString &value, bool ignoreUriCase)
{
    m_loading = true;
    if (m_key && !m_key->hasFocus())
        m_key->setText(key);
    if (m_type)
        m_type->setCurrentIndex(std::max(0, m_type->findData(int(type))));
    if (!m_value->hasFocus() || !m_value->isModified())
        m_value->setText(value);
    m_value->setModified(false);
    m_value->setEnabled(type != StringMatch::Type::Presence || !m_type);
    if (m_ignoreCase)
        m_ignoreCase->setChecked(ignoreUriCase);
    m_loading = false;
    revalidate();
}

QString ConditionRow::key() const
{
    return m_key ? m_key->text().trimmed() : QString();
}

StringMatch::Type ConditionRow::type() const
{
    return m_type ? StringMatch::Type(m_type->currentData().toInt()) : StringMatch::Type::Exact;
}

QString ConditionRow::value() const
{
    return m_kind == Kind::Port || m_kind == Kind::SourceNamespace ? m_value->text().trimmed()
                                                                   : m_value->text();
}

bool ConditionRow::ignoreUriCase() const
{
    return m_ignoreCase && m_ignoreCase->isChecked();
}

QString ConditionRow::validationError() const
{
    if (hasKey()) {
        const QString k = key();
        if (k.isEmpty())
            return m_kind == Kind::SourceLabel ? tr("a label key is needed") : tr("a name is needed");
        if (m_kind == Kind::SourceLabel) {
            const QString e = ValidationPrimitives::checkLabelKey(k);
            if (!e.isEmpty())
                return e;
        } else if (m_kind != Kind::QueryParam && !k.startsWith(QLatin1String("@request.auth.claims"))
            && !ValidationPrimitives::isHttpToken(
                k.startsWith(QLatin1Char(':')) ? QStringView(k).mid(1) : QStringView(k))) {
            return tr("\"%1\" is not a valid header name").arg(k);
        }
    }
    const QString v = value();
    if (isStringMatch()) {
        switch (type()) {
        case StringMatch::Type::Presence:
            return {};
        case StringMatch::Type::Regex:
            if (v.isEmpty())
                return tr("regex string match should not be empty");
            if (v == QLatin1String("*") && hasKey())
                return {}; // Istio's presence form
            return ValidationPrimitives::checkRegex(v);
        case StringMatch::Type::Prefix:
            if (v.isEmpty() && m_kind != Kind::Uri)
                return tr("prefix string match should not be empty");
            return {};
        case StringMatch::Type::Exact:
            if (v.isEmpty()
                && (m_kind == Kind::Uri || m_kind == Kind::Method || m_kind == Kind::Authority
                    || m_kind == Kind::Scheme))
                return tr("an exact match needs a value");
            return {};
        }
    }
    switch (m_kind) {
    case Kind::Port: {
        bool ok = false;
        const int port = v.toInt(&ok);
        return ok && port >= 1 && port <= 65535 ? QString() : tr("port number must be in the range 1..65535");
    }
    case Kind::SourceNamespace:
        return ValidationPrimitives::isDns1123Label(v) ? QString()
                                                       : tr("\"%1\" is not a namespace name").arg(v);
    case Kind::SourceLabel:
        return ValidationPrimitives::checkLabelValue(v);
    case Kind::Gateways:
        return v.split(QLatin1Char(','), Qt::SkipEmptyParts).isEmpty() ? tr("name at least one gateway")
                                                                       : QString();
    default:
        return {};
    }
}

YamlNode ConditionRow::yamlValue() const
{
    if (isStringMatch()) {
        YamlNode m = YamlEdit::mapping();
        if (type() != StringMatch::Type::Presence)
            YamlEdit::setEntry(m, StringMatch::typeName(type()).toUtf8(), YamlEdit::stringScalar(value()));
        return m;
    }
    switch (m_kind) {
    case Kind::Port:
        return YamlEdit::plainScalar(QString::number(value().toInt()));
    case Kind::Gateways: {
        YamlNode seq = YamlEdit::sequence();
        for (const QString &g : value().split(QLatin1Char(','), Qt::SkipEmptyParts))
            YamlEdit::appendItem(seq, YamlEdit::stringScalar(g.trimmed()));
        return seq;
    }
    default:
        return YamlEdit::stringScalar(value());
    }
}

void ConditionRow::revalidate()
{
    const QString error = validationError();
    // The red mark: on the field the message is about.
    const bool keyBad = !error.isEmpty() && m_key
        && (key().isEmpty() || error.contains(QLatin1String("name")) || error.contains(QLatin1String("key")));
    ConditionFeedback::showError(m_error, m_key, m_value, error, keyBad);
    retest();
}

void ConditionRow::retest()
{
    if (!m_test)
        return;
    const QString input = m_test->text();
    if (input.isEmpty() || !validationError().isEmpty()) {
        m_testResult->clear();
        return;
    }
    bool matched = m_kind == Kind::Uri ? MatchTester::uriMatches(type(), value(), ignoreUriCase(), input)
                                       : MatchTester::valueMatches(type(), value(), input);
    if (m_kind == Kind::WithoutHeader)
        ConditionFeedback::showResult(m_testResult, !matched,
            matched ? tr("✗ header matches: rule does not match") : tr("✓ rule matches"));
    else
        ConditionFeedback::showResult(m_testResult, matched, matched ? tr("✓ match") : tr("✗ no match"));
}

void ConditionRow::requestCommit()
{
    if (m_loading || !validationError().isEmpty())
        return;
    Q_EMIT commitRequested();
}

} // namespace meshroute
