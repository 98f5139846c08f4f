#pragma once

#include "resourcetemplates.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QFormLayout;

namespace meshroute {

class Document;
class Selection;

// Resource > New Resource: a resource from a template (ResourceTemplates),
// with its fields fed from the workspace, a live preview of the exact YAML
// that will be appended, and OK only while the fields are valid. OK pushes
// one InsertDocuments edit and selects the new resource.
class NewResourceDialog : public QDialog
{
    Q_OBJECT

public:
    NewResourceDialog(Document *document, Selection *selection, QWidget *parent = nullptr);

    void setTemplateKind(ResourceTemplates::Kind kind);
    ResourceTemplates::Kind templateKind() const;
    // The request the fields describe now.
    ResourceTemplates::Request request() const;
    int targetFile() const;

    QComboBox *templateCombo() const { return m_template; }
    QComboBox *hostCombo() const { return m_host; }
    QComboBox *namespaceCombo() const { return m_namespace; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *hostsEdit() const { return m_hosts; }
    QComboBox *gatewayCombo() const { return m_gateways; }
    // Gateway API templates: the Gateway an HTTPRoute attaches to, and a canary's second Service.
    QComboBox *parentGatewayCombo() const { return m_parent; }
    QComboBox *canaryCombo() const { return m_canary; }
    QComboBox *fileCombo() const { return m_file; }
    QPlainTextEdit *preview() const { return m_preview; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *okButton() const { return m_ok; }
    // The resource selected after OK (the VirtualService of a canary), or -1.
    int createdResourceId() const { return m_created; }

public Q_SLOTS:
    void accept() override;

private:
    void createFields(const Workspace &ws);
    void createGatewayApiFields(const Workspace &ws);
    // Shows the rows the template uses, with labels that say what each means for it.
    void showRowsFor(ResourceTemplates::Kind kind);
    void createLayout();
    // Fills in the host, namespace and file of the selected resource (may be null).
    void startFrom(const Resource *selected);
    void onTemplateChanged();
    void onHostChanged();
    void refresh();

    Document *m_document;
    Selection *m_selection;
    QFormLayout *m_form;
    QComboBox *m_template;
    QComboBox *m_host;
    QComboBox *m_namespace;
    QLineEdit *m_name;
    QLineEdit *m_hosts;
    QComboBox *m_gateways;
    QComboBox *m_parent;
    QComboBox *m_canary;
    QComboBox *m_file;
    QLabel *m_message;
    QPlainTextEdit *m_preview;
    QPushButton *m_ok;
    bool m_nameEdited = false; // the user typed a name: stop suggesting one
    bool m_namespaceEdited = false;
    bool m_updating = false;
    ResourceTemplates::Result m_result;
    bool m_valid = false;
    int m_created = -1;
};

} // namespace meshroute
