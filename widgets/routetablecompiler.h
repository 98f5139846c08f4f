#pragma once

#include "routetable.h"

#include <QFutureWatcher>
#include <QObject>

class QTimer;

namespace meshroute {

class Document;

// Compiles the route tables of a document's workspace for a view. A workspace of up to
// `synchronousUpTo` resources compiles at once; a larger one on a worker once the edits pause
// (one compile at a time, then one of the latest text: compiling 5,000 routes takes longer
// than a frame). A table stale on arrival is dropped; replaced tables are freed on the worker,
// since freeing thousands of compiled routes takes a while too.
class RouteTableCompiler : public QObject
{
    Q_OBJECT

public:
    RouteTableCompiler(Document *document, int synchronousUpTo, int settleMs, QObject *parent = nullptr);

    // The text changed, or the view wants a table of it: compiled() follows.
    void request();
    // True from request() until compiled().
    bool isCompiling() const;
    // The table of the text as of the last compiled().
    const RouteTable &table() const { return m_table; }

    // Drops `table` on a worker thread: the last reference to a big table costs a frame to free.
    static void releaseInBackground(RouteTable table);

Q_SIGNALS:
    void compiled();

private:
    void startBackgroundCompile();
    void onFinished();

    Document *m_document;
    int m_synchronousUpTo;
    QTimer *m_settle; // a compile starts when the edits pause
    QFutureWatcher<RouteTable> *m_watcher;
    bool m_recompile = false; // the text changed while a background compile ran
    RouteTable m_table;
};

} // namespace meshroute
