#pragma once

#include "stringmatch.h"
#include "yamlnode.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace meshroute {

// One condition of a match block (they are ANDed): the field, its key for
// maps (headers, queryParams, sourceLabels), the match type and the value,
// validated as the user types, and a test box that answers "match" or "no
// match" with Envoy's semantics. It only reports; the rule editor turns a
// valid commit into a command.
class ConditionRow : public QWidget
{
    Q_OBJECT

public:
    enum class Kind {
        Uri,
        Method,
        Authority,
        Scheme,
        Header,
        WithoutHeader,
        QueryParam,
        Port,
        SourceNamespace,
        SourceLabel,
        Gateways
    };

    explicit ConditionRow(Kind kind, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    // The key under the match block: "uri", "headers", "port" ...
    QByteArray fieldKey() const;
    bool hasKey() const;
    bool isStringMatch() const;

    // Shows a value from the model without reporting a commit.
    void setCondition(
        const QString &key, StringMatch::Type type, const QString &value, bool ignoreUriCase = false);
    QString key() const;
    StringMatch::Type type() const;
    QString value() const;
    bool ignoreUriCase() const;

    // Empty when the condition is valid, else why not (RE2's own words for a regex).
    QString validationError() const;
    // The YAML for the condition's value under fieldKey() (and key() for maps).
    YamlNode yamlValue() const;

    QLineEdit *keyEdit() const { return m_key; }
    QComboBox *typeCombo() const { return m_type; }
    QLineEdit *valueEdit() const { return m_value; }
    QCheckBox *ignoreCaseBox() const { return m_ignoreCase; }
    QLineEdit *testEdit() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    QLabel *errorLabel() const { return m_error; }

    static QString kindName(Kind kind);
    static QString kindToolTip(Kind kind);

Q_SIGNALS:
    // The user finished an edit and the condition is valid.
    void commitRequested();
    void removeRequested();

private:
    QComboBox *makeTypePicker();
    void revalidate();
    void retest();
    void requestCommit();

    Kind m_kind;
    bool m_loading = false;
    QLabel *m_name;
    QLineEdit *m_key = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_value;
    QCheckBox *m_ignoreCase = nullptr;
    QLineEdit *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_error;
    QToolButton *m_remove;
};

} // namespace meshroute
