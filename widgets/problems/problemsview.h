#pragma once

#include "checker.h"
#include "diagnostic.h"

#include <QTreeView>

template <typename T> class QFutureWatcher;
class QAction;
class QTimer;

namespace meshroute {

class Document;
class ProblemsModel;
class Selection;
struct ChangeEvent;
struct SelectionTarget;

// The Problems dock: the loader's diagnostics and, when the checker is
// built in, the checker's, grouped by file. Refreshed after every edit; a
// big workspace is checked off the UI thread and stale results dropped.
// Double-click (or Enter) selects the resource and asks to show the line;
// a click on the code (or the context menu) opens its Istio documentation.
class ProblemsView : public QTreeView
{
    Q_OBJECT

public:
    // Above this many resources the check runs on a worker thread.
    static constexpr int asyncThreshold = 500;
    // How long the edits must pause before a background check starts.
    static constexpr int settleMs = 120;

    ProblemsView(Document *document, Selection *selection, QWidget *parent = nullptr);
    ~ProblemsView() override;

    ProblemsModel *problemsModel() const { return m_model; }
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }
    // True while a background check is running or waiting for the edits to pause.
    bool isChecking() const;

    // The selection a diagnostic points at (its resource, rule, destination, subset).
    SelectionTarget targetFor(const Diagnostic &diagnostic) const;
    // Opens the current diagnostic's documentation in the browser (QDesktopServices).
    QAction *openDocumentationAction() const { return m_openDocs; }

public Q_SLOTS:
    void refresh();
    void activate(const QModelIndex &index);
    // Opens the Istio documentation of the diagnostic's code; false when it has none.
    bool openDocumentation(const QModelIndex &index);

Q_SIGNALS:
    void countsChanged(int errors, int warnings);
    // The checker's findings shown are those of the current text.
    void checked();
    // Show this line of that file (Document::files() index; 1-based line and column).
    void goToLine(int fileIndex, int line, int column);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onDocumentChanged(const ChangeEvent &event);
    void updateDocumentationAction();
    void setDiagnostics(const Diagnostics &diagnostics);
    void startBackgroundCheck();
    void revalidate(const QList<int> &resourceIds);
    // The loader's findings with the last check's, unless that is what is shown.
    void showDiagnostics();
    static bool sameDiagnostics(const Diagnostics &a, const Diagnostics &b);

    Document *m_document;
    Selection *m_selection;
    ProblemsModel *m_model;
    QFutureWatcher<Checker::Parts> *m_watcher;
    QAction *m_openDocs;
    QTimer *m_settle; // a check starts when the edits pause
    Checker::Parts m_parts; // the last check's, with edited resources re-validated since
    Diagnostics m_shown;
    Diagnostics m_shownLoad; // the loader's part of what is shown
    bool m_recheck = false; // the text changed while a background check ran
    int m_errors = 0;
    int m_warnings = 0;
};

} // namespace meshroute
