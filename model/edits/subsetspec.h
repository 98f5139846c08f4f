#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace meshroute {

// One row of the subset editor: which existing subset it was (or -1 for a new
// one), and the name and labels the user wants.
struct SubsetSpec
{
    int originalIndex = -1;
    QString name;
    QList<QPair<QString, QString>> labels;

    bool operator==(const SubsetSpec &) const = default;
};

} // namespace meshroute
