#pragma once

#include "yamledit.h"

#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;

namespace meshroute {

class Document;

// One scalar field of an HTTPRoute or GRPCRoute (a redirect's hostname, a
// parentRef's sectionName, a hostname...) as a labelled line edit bound to its
// path under the spec. Checked as the user types; on Enter or leaving the
// field a valid change is one SetGatewayRouteField command (empty removes the
// key, so nothing the CRD defaults is written unless typed).
class RouteFieldEdit : public QWidget
{
    Q_OBJECT

public:
    // Empty when the text is acceptable, else why not.
    using Validator = std::function<QString(const QString &)>;

    RouteFieldEdit(Document *document, const QString &label, QWidget *parent = nullptr);

    // `numeric`: written as a plain number. `required`: an empty field is an error, not a removal.
    void bind(int resourceId, const YamlPath &path, const QString &value, bool numeric, Validator validator,
        bool required = false);
    // Shows the model's value again (after an edit or undo), keeping what the user is typing.
    void refresh(const QString &value)
    {
        bind(m_resourceId, m_path, value, m_numeric, m_validator, m_required);
    }
    const YamlPath &path() const { return m_path; }
    // The path under spec joined with dots ("filters.0.requestRedirect.port"), for tests and lookups.
    QString pathKey() const;
    static QString pathKey(const YamlPath &path);

    QLineEdit *lineEdit() const { return m_edit; }
    QLabel *errorLabel() const { return m_error; }

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    QString validationError() const;
    void revalidate();
    void commit();

    Document *m_document;
    int m_resourceId = -1;
    YamlPath m_path;
    QString m_value;
    bool m_numeric = false;
    bool m_required = false;
    Validator m_validator;
    QLineEdit *m_edit;
    QLabel *m_error;
};

} // namespace meshroute
