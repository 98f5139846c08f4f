#pragma once

#include "routekind.h"
#include "splitentry.h"

#include <QList>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;
class QVBoxLayout;
class QGridLayout;

namespace meshroute {

class DestinationPickers;
class Document;
class Selection;
struct ChangeEvent;
struct SelectionTarget;

// The traffic split of the selected rule (a VirtualService's HTTP, TLS or TCP
// rule, or an HTTPRoute's or GRPCRoute's rule): one slider and number box per
// destination or backendRef, with its host (Service), subset and port pickers
// and its workloads and pod count. Moving one rebalances the unlocked others in
// proportion (WeightRebalance); a whole drag is one undo step. Edits go
// through commands only.
class WeightPanel : public QWidget
{
    Q_OBJECT

public:
    WeightPanel(Document *document, Selection *selection, QWidget *parent = nullptr);
    ~WeightPanel() override;

    // For tests and the shell: the rule shown, and the row widgets.
    int resourceId() const { return m_resourceId; }
    int routeIndex() const { return m_routeIndex; }
    RouteKind routeKind() const { return m_kind; }
    // Whether the rule shown is an HTTPRoute's or GRPCRoute's (its backendRefs).
    bool showsGatewayApiRule() const { return m_gatewayApi; }
    QLabel *titleLabel() const { return m_title; }
    QComboBox *hostPicker() const { return m_hostPicker; }
    QComboBox *subsetPicker() const { return m_subsetPicker; }
    QPushButton *addButton() const { return m_addButton; }
    QToolButton *removeButton(int row) const;
    // The host, subset and port pickers of a destination row.
    DestinationPickers *pickers(int row) const;
    int rowCount() const { return int(m_rows.size()); }
    QSlider *slider(int row) const;
    QSpinBox *spinBox(int row) const;
    QToolButton *lockButton(int row) const;
    QPushButton *evenSplitButton() const { return m_evenButton; }
    QList<int> displayedWeights() const;

Q_SIGNALS:
    // A command was refused (the message says why), for the status bar.
    void editFailed(const QString &message);

private:
    struct Row;

    void onSelectionChanged();
    void onDocumentChanged(const meshroute::ChangeEvent &event);
    void rebuild();
    Row *addRow(int index, const Destination &destination, int count);
    void refreshValues();
    QList<int> modelWeights() const;
    QList<bool> locks() const;
    void onSliderValue(int row, int value);
    void onSliderPressed(int row);
    void onSliderReleased();
    void applyWeights(const QList<int> &weights);
    void promote(int row);
    void evenSplit();
    void addDestination();
    void removeDestination(int row);
    void setDestinationField(int row, int field, const QString &value);
    void fillHostPicker();
    void fillSubsetPicker();
    QString rowDetails(int destinationIndex) const;
    // The destinations of the rule shown, with their weights; empty without one.
    QList<SplitEntry> destinations() const;
    // Pushes a command, or reports why it could not be made; queued when a row's own widget is emitting.
    template <typename Command>
    void pushOrReport(std::unique_ptr<Command> command, const QString &error, bool queued);
    void selectGatewayApiRule(const Resource &route, int ruleIndex);
    QStringList signature() const;

    Document *m_document;
    Selection *m_selection;
    int m_resourceId = -1;
    int m_routeIndex = -1;
    RouteKind m_kind = RouteKind::Http;
    bool m_gatewayApi = false;
    QStringList m_signature;
    QList<Row *> m_rows;
    QList<int> m_dragBase; // weights when the current drag began; empty when no drag
    bool m_macroOpen = false;
    bool m_updating = false;

    QLabel *m_title;
    QLabel *m_note;
    QWidget *m_rowsHost;
    QGridLayout *m_grid;
    QPushButton *m_evenButton;
    QWidget *m_addBox;
    QComboBox *m_hostPicker;
    QComboBox *m_subsetPicker;
    QSpinBox *m_portPicker;
    QPushButton *m_addButton;
};

} // namespace meshroute
