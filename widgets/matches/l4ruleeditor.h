#pragma once

#include "routekind.h"

#include <QList>
#include <QWidget>
#include <memory>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace meshroute {

class Document;
class UndoCommand;
struct ChangeEvent;

// Edits the match blocks of one TLS or TCP rule: SNI hosts (TLS), port,
// destination subnets, source labels, source namespace and gateways, each
// validated as typed and committed as one command that touches only its own
// YAML. The rule's destinations and weights are the weight panel's.
class L4RuleEditor : public QWidget
{
    Q_OBJECT

public:
    explicit L4RuleEditor(Document *document, QWidget *parent = nullptr);
    ~L4RuleEditor() override;

    // resourceId -1 shows nothing.
    void setRule(int resourceId, RouteKind kind, int routeIndex);
    int resourceId() const { return m_resourceId; }
    RouteKind routeKind() const { return m_kind; }
    int routeIndex() const { return m_routeIndex; }

    // For tests and keyboard users. Keys are the API's: "sniHosts", "port",
    // "destinationSubnets", "sourceLabels", "sourceNamespace", "gateways".
    int blockCount() const { return int(m_blocks.size()); }
    QLineEdit *fieldEdit(int block, const QString &key) const;
    QLabel *fieldError(int block, const QString &key) const;
    QToolButton *removeBlockButton(int block) const;
    QPushButton *addBlockButton() const { return m_addBlock; }
    QLabel *titleLabel() const { return m_title; }

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    struct Block;
    struct Field;

    void onDocumentChanged(const meshroute::ChangeEvent &event);
    void rebuild();
    void refreshValues();
    QStringList signature() const;
    Block *newBlock(const QString &title, bool pending);
    void commit(Block *block, Field *field);
    void removeBlock(Block *block);
    bool push(std::unique_ptr<UndoCommand> command, const QString &error);

    Document *m_document;
    int m_resourceId = -1;
    RouteKind m_kind = RouteKind::Tcp;
    int m_routeIndex = -1;
    QStringList m_signature;
    bool m_rebuildPending = false;

    QLabel *m_title;
    QLabel *m_hint;
    QWidget *m_blocksHost;
    QVBoxLayout *m_blocksLayout;
    QPushButton *m_addBlock;
    QList<Block *> m_blocks;
};

} // namespace meshroute
