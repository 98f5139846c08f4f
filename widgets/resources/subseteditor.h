#pragma once

#include "resourcetableeditor.h"

namespace meshroute {

// The subsets of a DestinationRule as a table: name, labels and the pods they
// select. A valid edit of a cell is one SetSubsets command; an invalid one is
// marked and goes nowhere.
class SubsetEditor : public ResourceTableEditor
{
    Q_OBJECT

public:
    explicit SubsetEditor(Document *document, QWidget *parent = nullptr);

private:
    bool fill(const Resource *resource) override;
    void commit() override;
    void addRow() override;
};

} // namespace meshroute
