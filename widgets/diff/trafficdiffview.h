#pragma once

#include "selection.h"
#include "trafficdiff.h"

#include <QWidget>
#include <functional>

class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;
class QTextBrowser;
class QToolButton;
class QTreeView;

namespace meshroute {

class Document;
class GraphDiffOverlay;
class GraphPanel;
class Selection;
class TrafficDiffJob;
class TrafficDiffModel;
struct ChangeEvent;

// The Traffic Diff dock: what a change does to requests, as `meshroute diff`
// reports it (a summary line, changed requests, splits, findings, structure),
// between the open files as saved or at a git revision and the window's
// current text, or between the current text and a canary step. It follows
// the edits (the run is TrafficDiffJob's: off the UI thread on a big mesh).
//
// Selecting a changed request routes it on both sides: the detail pane gives
// both outcomes as the Preview words them, and the graph lights both paths,
// the new one as the Preview lights a request, the old one in a second colour
// (GraphDiffOverlay), with "old -> new" on every edge whose share changed.
class TrafficDiffView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { None, Saved, GitRevision, CanaryStep };

    TrafficDiffView(Document *document, Selection *selection, GraphPanel *graph, QWidget *parent = nullptr);
    ~TrafficDiffView() override;

    // File > Compare with Saved: the open files on disk against the current text.
    bool compareWithSaved();
    // File > Compare with Git revision...: the open files at `revision` against the current text.
    bool compareWithGitRevision(const QString &revision);
    // The canary plan's "Diff against current": the current text against a step's workspace;
    // `fileText` is the step's text of file `fileIndex` (the others are as now), so only the
    // hosts the step touches are routed again (-1: unknown, every host is).
    void compareWithCanaryStep(
        const Workspace &step, const QString &label, int fileIndex = -1, const QByteArray &fileText = {});
    // Stops comparing: the dock empties and the graph loses its marks.
    void closeComparison();

    Mode mode() const { return m_mode; }
    bool isComparing() const;
    const DiffReport *report() const;

    // Whether the dock is on screen (a tab behind another is not): the graph is marked only then.
    void setOnScreen(bool onScreen);

    TrafficDiffModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLabel *summaryLabel() const { return m_summary; }
    QListWidget *detailList() const { return m_detail; }
    QTextBrowser *markdownView() const { return m_markdown; }
    QToolButton *markdownButton() const { return m_markdownButton; }
    GraphDiffOverlay *overlay() const { return m_overlay; }
    // Selects the changed request `row` of the traffic section, as a click does.
    void selectRequest(int row);

Q_SIGNALS:
    // A comparison's report is shown (after each run).
    void compared();

private:
    void createViews();
    void start(Mode mode, const DiffSide &fixed);
    // Over TrafficDiffJob::asyncThreshold resources the saved side is read on the worker too.
    bool isBig() const;
    std::function<DiffSide()> savedLoader() const;
    void fail(const QString &message);
    void onDocumentChanged(const ChangeEvent &event);
    void onResult();
    void showRequest();
    void updateGraphMarks();
    void clearGraphMarks();
    void setHighlight(const TrafficPath &path);

    Document *m_document;
    Selection *m_selection;
    TrafficDiffModel *m_model;
    GraphDiffOverlay *m_overlay;
    TrafficDiffJob *m_job;
    Mode m_mode = Mode::None;
    DiffSide m_fixed; // the side that does not follow the edits (saved, the revision, the step)
    std::function<DiffSide()> m_loadFixed; // reads m_fixed in the next run (a big mesh's saved files)
    QString m_revision;
    bool m_stale = false; // a canary step diff after the text changed
    bool m_onScreen = false;
    bool m_lit = false; // the graph's highlight is ours
    bool m_settingHighlight = false;

    QLabel *m_summary;
    QToolButton *m_markdownButton;
    QStackedWidget *m_stack;
    QSplitter *m_split;
    QTreeView *m_tree;
    QListWidget *m_detail;
    QTextBrowser *m_markdown;
};

} // namespace meshroute
