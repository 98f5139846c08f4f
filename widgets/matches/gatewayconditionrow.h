#pragma once

#include "yamlnode.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace meshroute {

// One condition of an HTTPRoute or GRPCRoute match (they are ANDed): the path
// (Exact, PathPrefix, RegularExpression), a header or query parameter (Exact,
// RegularExpression), the method, or a gRPC service/method. Validated as the
// user types (a regex must compile in RE2: MR2011), with a test box that
// answers "match" or "no match" as Envoy decides for Gateway API routes. A
// type the file leaves out shows the CRD default and is written only when the
// user picks another. It only reports; the rule editor makes the commands.
class GatewayConditionRow : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Path, Header, QueryParam, Method, GrpcMethod };

    explicit GatewayConditionRow(Kind kind, QWidget *parent = nullptr);
    Kind kind() const { return m_kind; }

    // Shows a value from the model without reporting an edit. `type` empty: the CRD default.
    // GrpcMethod: name is the service, value the method.
    void setCondition(const QString &name, const QString &type, const QString &value);

    QString name() const;
    QString value() const;
    // The type shown (the default's name when the file leaves it out).
    QString type() const;
    // Whether the user chose a type (to be written) rather than the default left out.
    bool typeWritten() const { return m_typeWritten; }
    // Empty when valid, else why not (RE2's own words for a regex).
    QString validationError() const;
    // The whole condition as YAML, for a new one: a path mapping, a header or query
    // parameter item, a method scalar, or a grpc `method` mapping.
    YamlNode yamlValue() const;
    // The key under the match that holds it: "path", "headers", "queryParams", "method".
    QByteArray fieldKey() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *typeCombo() const { return m_type; }
    QLineEdit *valueEdit() const { return m_value; }
    QLineEdit *testEdit() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    QLabel *errorLabel() const { return m_error; }
    QToolButton *removeButton() const { return m_remove; }

    static QString kindName(Kind kind);

Q_SIGNALS:
    // The user finished editing one field and the condition is valid: `key` is "type",
    // "value", "name", "service" or "method" under the condition; null removes it
    // (a type put back to the default the file left out).
    void fieldEdited(const QByteArray &key, const std::optional<QString> &value);
    void removeRequested();

private:
    QComboBox *makeTypePicker();
    QString defaultType() const;
    void revalidate();
    void retest();
    void commitField(const QByteArray &key);

    Kind m_kind;
    bool m_loading = false;
    bool m_typeWritten = false;
    QLineEdit *m_name = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_value;
    QLineEdit *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_error;
    QToolButton *m_remove;
};

} // namespace meshroute
