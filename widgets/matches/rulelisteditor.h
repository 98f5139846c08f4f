#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace meshroute {

class Document;
class RuleEditor;
class Selection;
struct ChangeEvent;

// A VirtualService's HTTP rules in order (first match wins): drag to
// reorder, add, duplicate, delete, and the selected rule's editor below.
// Follows and drives the shared selection.
class RuleListEditor : public QWidget
{
    Q_OBJECT

public:
    RuleListEditor(Document *document, Selection *selection, QWidget *parent = nullptr);

    int resourceId() const { return m_resourceId; }
    QListWidget *ruleList() const { return m_list; }
    RuleEditor *ruleEditor() const { return m_editor; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }

Q_SIGNALS:
    // A command was refused (the message says why), for the status bar.
    void editFailed(const QString &message);

private:
    void onSelectionChanged();
    void onDocumentChanged(const meshroute::ChangeEvent &event);
    void refill();
    void onRowsMoved(int from, int to);
    void selectRule(int routeIndex);
    int currentRule() const;
    void addRule();
    void duplicateRule();
    void deleteRule();
    void moveRule(int delta);

    Document *m_document;
    Selection *m_selection;
    int m_resourceId = -1;
    bool m_filling = false;
    QLabel *m_title;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QPushButton *m_up;
    QPushButton *m_down;
    RuleEditor *m_editor;
};

} // namespace meshroute
