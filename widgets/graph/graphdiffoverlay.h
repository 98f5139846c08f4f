#pragma once

#include "selection.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QGraphicsObject;

namespace meshroute {

class GraphScene;

// Marks a comparison (the Traffic Diff) on the traffic graph without changing
// the graph's own items: the old path of a request drawn in a second colour
// over the graph, whose lit path (Selection::highlight) is the new one, and an
// "old -> new" label on every edge whose share changed. Its items sit above
// the graph's, are never selectable, and are placed again whenever the scene
// is rebuilt or laid out, so the marks follow the graph through edits.
class GraphDiffOverlay : public QObject
{
    Q_OBJECT

public:
    // One destination of a rule whose share changed: the edge rule -> destination
    // (GraphEdge::resourceId, routeIndex, destinationIndex) gets `text`, e.g. "99% → 75%".
    struct ShareChange
    {
        int resourceId = -1;
        int routeIndex = -1;
        int destinationIndex = -1;
        QString text;
    };

    explicit GraphDiffOverlay(GraphScene *scene, QObject *parent = nullptr);
    ~GraphDiffOverlay() override;

    void setShareChanges(const QList<ShareChange> &changes);
    // The path the request took before the change, in the current graph's ids; empty draws none.
    void setOldPath(const TrafficPath &path);
    void clear();

    const QList<ShareChange> &shareChanges() const { return m_changes; }
    const TrafficPath &oldPath() const { return m_oldPath; }
    // The labels on the graph now (one per changed edge drawn), for tests and the shell.
    QStringList labelTexts() const;
    // The graph's edge indexes the old path is drawn along.
    QList<int> oldPathEdges() const { return m_oldEdges; }
    QList<int> oldPathNodes() const { return m_oldNodes; }

    // The colour of the path before the change; the path after it is the graph's lit colour.
    static QColor oldPathColor() { return QColor(0xd9, 0x77, 0x06); }
    static QColor newPathColor();

private:
    void place();
    void removeItems();

    GraphScene *m_scene;
    QList<ShareChange> m_changes;
    TrafficPath m_oldPath;
    // Holds the marks; the scene deletes it with everything else when it rebuilds.
    QPointer<QGraphicsObject> m_root;
    QList<int> m_oldEdges;
    QList<int> m_oldNodes;
    QStringList m_labels;
};

} // namespace meshroute
