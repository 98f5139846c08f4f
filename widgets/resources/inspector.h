#pragma once

#include "verticalscrollarea.h"

class QLabel;

namespace meshroute {

class Document;
class ResourceEditor;
class RuleListEditor;
class Selection;
class WeightPanel;

// The Inspector dock: the editors of the selected item, each shown only when
// the selection gives it something to edit (the rule editors for a
// VirtualService), and one placeholder instead of them when nothing is
// selected. It scrolls only vertically: the dock is never narrower than the
// editors need.
class Inspector : public VerticalScrollArea
{
    Q_OBJECT

public:
    Inspector(Document *document, Selection *selection, QWidget *parent = nullptr);

    QLabel *placeholder() const { return m_placeholder; }
    ResourceEditor *resourceEditor() const { return m_resourceEditor; }
    WeightPanel *weightPanel() const { return m_weights; }
    RuleListEditor *ruleListEditor() const { return m_rules; }

Q_SIGNALS:
    // An editor refused an edit; the message says why (for the status bar).
    void editFailed(const QString &message);

private:
    void showEditorsFor(int resourceId);

    Document *m_document;
    QLabel *m_placeholder;
    ResourceEditor *m_resourceEditor;
    WeightPanel *m_weights;
    RuleListEditor *m_rules;
};

} // namespace meshroute
