#pragma once

#include "conditionrow.h"

#include <QList>
#include <QWidget>
#include <memory>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace meshroute {

class Document;
class FoldableSection;
class MirrorListEditor;
class OriginListEditor;
class UndoCommand;
struct ChangeEvent;
struct RuleFieldSpec;

// Edits one HTTP rule: its match blocks (ORed) of conditions (ANDed), its
// action (route, redirect, direct response, delegate) and the optional parts
// (rewrite, timeout, retries, fault, mirror, CORS, header operations) in
// folding sections. Each committed field is one command that touches only its
// own YAML; nothing invalid is pushed.
class RuleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RuleEditor(Document *document, QWidget *parent = nullptr);
    ~RuleEditor() override;

    void setRule(int resourceId, int routeIndex);
    int resourceId() const { return m_resourceId; }
    int routeIndex() const { return m_routeIndex; }

    // For tests and keyboard users.
    int blockCount() const { return int(m_blocks.size()); }
    QList<ConditionRow *> conditionRows(int block) const;
    QPushButton *addBlockButton() const { return m_addBlock; }
    // Adds an uncommitted condition to a block; it reaches the model once it is valid and committed.
    ConditionRow *addCondition(int block, ConditionRow::Kind kind);
    QComboBox *actionCombo() const { return m_action; }
    // The editor of a scalar field by its path under the rule ("timeout", "retries.attempts").
    QLineEdit *fieldEdit(const QString &path) const;
    QLabel *fieldError(const QString &path) const;
    // The list editors of the Mirror and CORS sections.
    MirrorListEditor *mirrorEditor() const { return m_mirrors; }
    OriginListEditor *originEditor() const { return m_origins; }
    FoldableSection *section(const QString &title) const;

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    struct Block;
    struct Field;

    void onDocumentChanged(const meshroute::ChangeEvent &event);
    void scheduleRebuild();
    void rebuild();
    void refreshInPlace();
    QStringList signature() const;
    void addBlock();
    void commitRow(Block *block, ConditionRow *row);
    void removeRow(Block *block, ConditionRow *row);
    void commitField(Field *field);
    void changeAction(int index);
    bool push(std::unique_ptr<UndoCommand> command, const QString &error);
    void buildFields();
    void refreshFields();
    Field *addField(QVBoxLayout *layout, const RuleFieldSpec &spec);

    Document *m_document;
    int m_resourceId = -1;
    int m_routeIndex = -1;
    bool m_rebuildPending = false;
    QStringList m_signature;

    QLabel *m_title;
    QWidget *m_matchHost;
    QVBoxLayout *m_matchLayout;
    QLabel *m_catchAll;
    QPushButton *m_addBlock;
    QComboBox *m_action;
    QList<Block *> m_blocks;
    QList<Field *> m_fields;
    MirrorListEditor *m_mirrors = nullptr;
    OriginListEditor *m_origins = nullptr;
};

} // namespace meshroute
