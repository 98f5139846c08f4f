#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace meshroute {

class Document;
class GatewayServerEditor;
class Selection;
class SubsetEditor;

// The selected resource's own editor in the inspector: rename and delete for
// any resource, the subset editor for a DestinationRule and the server editor
// for a Gateway.
class ResourceEditor : public QWidget
{
    Q_OBJECT

public:
    ResourceEditor(Document *document, Selection *selection, QWidget *parent = nullptr);

    int resourceId() const { return m_resourceId; }
    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *deleteButton() const { return m_delete; }
    SubsetEditor *subsetEditor() const { return m_subsets; }
    GatewayServerEditor *serverEditor() const { return m_servers; }

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    void showResource(int resourceId);
    void rename();
    void remove();

    Document *m_document;
    Selection *m_selection;
    int m_resourceId = -1;
    QLabel *m_title;
    QLineEdit *m_name;
    QLabel *m_error;
    QPushButton *m_delete;
    SubsetEditor *m_subsets;
    GatewayServerEditor *m_servers;
};

} // namespace meshroute
