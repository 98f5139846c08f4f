#pragma once

#include "gatewayconditionrow.h"
#include "yamledit.h"

#include <QList>
#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace meshroute {

class Document;
class FoldableSection;
class GatewayFilterEditor;
class GatewayParentsEditor;
struct ChangeEvent;
struct RouteMatch;

// Edits one rule of an HTTPRoute or GRPCRoute: its matches (ORed) of
// conditions (ANDed: path, method, headers, query parameters; for gRPC the
// service/method and headers), its filters, and the route's parents and
// hostnames, in folding sections. Its backends and their weights are the
// weight panel's. Each committed field is one SetGatewayRouteField command
// that touches only its own bytes; nothing invalid is pushed, and a type the
// file leaves to the CRD default is written only when the user picks one.
class GatewayRuleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit GatewayRuleEditor(Document *document, QWidget *parent = nullptr);
    ~GatewayRuleEditor() override;

    void setRule(int resourceId, int ruleIndex);
    int resourceId() const { return m_resourceId; }
    int ruleIndex() const { return m_ruleIndex; }

    // For tests and keyboard users.
    int blockCount() const { return int(m_blocks.size()); }
    QList<GatewayConditionRow *> conditionRows(int block) const;
    QPushButton *addBlockButton() const { return m_addBlock; }
    // Adds an uncommitted condition to a block (blockCount(): a new match); it reaches the
    // model once it is valid and committed.
    GatewayConditionRow *addCondition(int block, GatewayConditionRow::Kind kind);
    GatewayFilterEditor *filterEditor() const { return m_filters; }
    GatewayParentsEditor *parentsEditor() const { return m_parents; }
    FoldableSection *section(const QString &title) const;
    QLabel *titleLabel() const { return m_title; }

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    struct Block;

    void onDocumentChanged(const meshroute::ChangeEvent &event);
    void refresh();
    void rebuild();
    QStringList signature() const;
    bool isGrpc() const;
    Block *addBlockWidget(int index);
    GatewayConditionRow *addRow(Block *block, GatewayConditionRow::Kind kind, int item);
    void fillBlock(Block *block, const RouteMatch &match);
    void onFieldEdited(
        Block *block, GatewayConditionRow *row, const QByteArray &key, const std::optional<QString> &value);
    void commitNew(Block *block, GatewayConditionRow *row);
    void removeRow(Block *block, GatewayConditionRow *row);
    // spec.rules[rule].matches[block] + rest
    YamlPath matchPath(int block, const YamlPath &rest = {}) const;
    // Where a row's condition is, under its match: {"path"}, {"headers", 2}, {"method"} ...
    YamlPath conditionPath(const GatewayConditionRow *row) const;
    void push(const YamlPath &path, const std::optional<YamlNode> &value, const QString &description);

    Document *m_document;
    int m_resourceId = -1;
    int m_ruleIndex = -1;
    QStringList m_signature;

    QLabel *m_title;
    QWidget *m_matchHost;
    QVBoxLayout *m_matchLayout;
    QLabel *m_catchAll;
    QPushButton *m_addBlock;
    QList<Block *> m_blocks;
    QList<FoldableSection *> m_sections;
    GatewayFilterEditor *m_filters;
    GatewayParentsEditor *m_parents;
};

} // namespace meshroute
