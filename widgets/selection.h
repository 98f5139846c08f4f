#pragma once

#include <QObject>

namespace meshroute {

// What the user has selected, shared by every view (graph, inspector, YAML,
// Problems, Preview): selecting in one selects in all. View state, not
// document data: it never goes through the undo stack.
struct SelectionTarget
{
    int resourceId = -1;       // -1: nothing
    int routeIndex = -1;       // spec.http[routeIndex] of a VirtualService, or -1
    int destinationIndex = -1; // route[destinationIndex] of that rule, or -1
    int matchIndex = -1;       // match[matchIndex] of that rule, or -1
    QString subset;            // a subset of a DestinationRule, or empty

    bool operator==(const SelectionTarget &o) const
    {
        return resourceId == o.resourceId && routeIndex == o.routeIndex && destinationIndex == o.destinationIndex
               && matchIndex == o.matchIndex && subset == o.subset;
    }
    bool operator!=(const SelectionTarget &o) const { return !(*this == o); }
};

class Selection : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    const SelectionTarget &current() const { return m_current; }
    void select(const SelectionTarget &target)
    {
        if (target == m_current)
            return;
        m_current = target;
        Q_EMIT changed(m_current);
    }
    void clear() { select(SelectionTarget{}); }

Q_SIGNALS:
    void changed(const meshroute::SelectionTarget &target);

private:
    SelectionTarget m_current;
};

} // namespace meshroute
