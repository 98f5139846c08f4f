#pragma once

#include "routekind.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QToolButton;

namespace meshroute {

class Document;
class GatewayRuleEditor;
class L4RuleEditor;
class RuleEditor;
class Selection;
struct Resource;
struct ChangeEvent;
struct TrafficPath;

// A VirtualService's rules in order (first match wins): its HTTP rules, then
// its TLS and TCP rules, labelled by kind. Drag to reorder (within a kind),
// add, duplicate, delete, and the selected rule's editor below. Follows and
// drives the shared selection. An HTTPRoute's or GRPCRoute's rules are listed
// the same way, with their own editor; Istio orders those by specificity, not
// by position, so they are added and deleted but not reordered.
class RuleListEditor : public QWidget
{
    Q_OBJECT

public:
    RuleListEditor(Document *document, Selection *selection, QWidget *parent = nullptr);
    ~RuleListEditor() override;

    int resourceId() const { return m_resourceId; }
    QListWidget *ruleList() const { return m_list; }
    RuleEditor *ruleEditor() const { return m_editor; }
    L4RuleEditor *l4Editor() const { return m_l4Editor; }
    GatewayRuleEditor *gatewayEditor() const { return m_gatewayEditor; }
    // Whether the rules shown are an HTTPRoute's or GRPCRoute's.
    bool showsGatewayApiRoute() const { return m_gatewayApi; }
    QPushButton *addButton() const { return m_add; }
    // A menu to add a rule of another kind (HTTP, TLS, TCP).
    QToolButton *addKindButton() const { return m_addKind; }
    // The rule shown in a row of the list.
    RouteKind kindOfRow(int row) const;
    int indexOfRow(int row) const;
    int rowOf(RouteKind kind, int index) const;
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }

Q_SIGNALS:
    // A command was refused (the message says why), for the status bar.
    void editFailed(const QString &message);
    // What an edit did that the user may not expect (a rule added before the catch-all), for the status bar.
    void statusMessage(const QString &message);

private:
    QWidget *createEditors(Document *document);
    void onSelectionChanged();
    void onDocumentChanged(const meshroute::ChangeEvent &event);
    void onHighlightChanged(const meshroute::TrafficPath &path);
    void refill();
    void onRowsMoved(int from, int to);
    void selectRow(int row);
    void showEditor(int row);
    int currentRule() const;
    void addRule();
    void addRuleOfKind(RouteKind kind);
    // Pushes AddRoute for a new rule of `kind` at `at` (-1: the end), keeping a
    // new HTTP rule above the first catch-all, where it can still match.
    void insertRule(RouteKind kind, int at);
    void duplicateRule();
    void deleteRule();
    void moveRule(int delta);
    // The Gateway API rule list: its items, and Add and Delete as SetGatewayRouteField commands.
    void fillGatewayApiRules(const Resource &route, int keep);
    void addGatewayApiRule();
    void deleteGatewayApiRule();

    Document *m_document;
    QMetaObject::Connection m_documentChanged;
    Selection *m_selection;
    int m_resourceId = -1;
    bool m_filling = false;
    QLabel *m_title;
    QListWidget *m_list;
    QPushButton *m_add;
    QToolButton *m_addKind;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QPushButton *m_up;
    QPushButton *m_down;
    RuleEditor *m_editor;
    L4RuleEditor *m_l4Editor;
    GatewayRuleEditor *m_gatewayEditor;
    bool m_gatewayApi = false;
};

} // namespace meshroute
