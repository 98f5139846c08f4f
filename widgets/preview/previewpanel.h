#pragma once

#include "preview/requestoutcome.h"
#include "routingtest.h"
#include "samplerequest.h"
#include "selection.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QTimer;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableView;

namespace meshroute {

class CanaryPlanEditor;
class ConvergencePlot;
class Document;
class RouteTableCompiler;
class SampleRequestModel;
class Selection;
class SplitPlot;
struct ChangeEvent;
struct Resource;

// The live preview: sample requests routed after every edit, the selected
// one's path lit in the other views with the reasons earlier rules missed,
// its split simulated and plotted against the Kubernetes baseline, canary
// plans, and routing tests run on every edit with a pass/fail badge.
//
// Everything shown is computed by the model's engine (RouteTable, Router,
// Simulator, RoutingTest) from the document's current text, so the panel
// says what `meshroute route`, `simulate` and `test` print. The panel never
// edits the manifests; the sample requests are its own side file.
class PreviewPanel : public QWidget
{
    Q_OBJECT

public:
    PreviewPanel(Document *document, Selection *selection, QWidget *parent = nullptr);
    ~PreviewPanel() override;

    // Recompiles, re-routes every sample, re-simulates the selected one and re-runs the tests.
    // Above asyncCompileThreshold resources the route tables compile on a worker thread
    // (one compile at a time, then one of the latest text) and the rest follows when it
    // is done: compiling 5,000 VirtualServices takes longer than a frame.
    void refresh();
    static constexpr int asyncCompileThreshold = 500;
    // The sample rows the table always has room for.
    static constexpr int minimumRows = 4;
    // How long the edits must pause before a background compile starts.
    static constexpr int settleMs = 120;
    // True while route tables compile in the background.
    bool isCompiling() const;

    SampleRequestModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QListWidget *whyList() const { return m_why; }
    SplitPlot *splitPlot() const { return m_split; }
    ConvergencePlot *convergencePlot() const { return m_convergence; }
    CanaryPlanEditor *planEditor() const { return m_plan; }
    QComboBox *requestCountBox() const { return m_countBox; }
    QLabel *testBadge() const { return m_badge; }
    QLabel *statusLabel() const { return m_status; }
    QListWidget *testList() const { return m_testList; }
    QTabWidget *tabs() const { return m_tabs; } // Split, Accumulation
    QTabWidget *sideTabs() const { return m_sideTabs; } // Why, Canary plan, Tests
    QPushButton *addButton() const { return m_add; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *deleteButton() const { return m_delete; }

    int currentRow() const;
    void selectRow(int row);
    // Selects the row sending `request` (added at the end when no row does), so its route,
    // why and split show: how another view (Convert to Gateway API) asks "route this".
    void showRequest(const meshroute::SampleRequest &request);
    // The rows whose request ends in rule `routeIndex` of VirtualService `resourceId`
    // (directly or as its delegate's rule), or in a rule generated from rules[routeIndex]
    // of HTTPRoute or GRPCRoute `resourceId`; every rule of it when routeIndex is -1.
    QList<int> rowsReaching(int resourceId, int routeIndex) const;
    // The rows selected in the table (several when a rule was selected elsewhere).
    QList<int> selectedRows() const;
    quint64 requestCount() const;

    // The side file of the sample requests (empty without a file to put it next to).
    QString sideFilePath() const;
    bool saveSamples(QString *error);
    bool samplesModified() const { return m_samplesModified; }

    // The routing test files run after every edit.
    QStringList testFiles() const { return m_testFiles; }
    void setTestFiles(const QStringList &paths);
    const RoutingTestReport &testReport() const { return m_report; }
    // Writes the samples and their current outcomes as a routing test, and runs it from then on.
    bool saveRoutingTest(const QString &path, QString *error);
    // Saves the plot of the current tab (split or accumulation) as .png, .svg or .pdf.
    bool exportPlot(const QString &path, QString *error, bool accumulation = false);

    // Whether the panel is on screen (a tabbed dock whose tab is not selected is not,
    // though Qt may still call it visible). The path of the selected request is lit in
    // the graph only while it is.
    void setOnScreen(bool onScreen);
    bool isOnScreen() const { return m_onScreen && isVisible(); }

protected:
    // The path of the selected request is lit in the graph only while the Preview is shown.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

Q_SIGNALS:
    // After every refresh, for the status bar and tests.
    void refreshed();
    void message(const QString &text);

private:
    QHBoxLayout *createToolbar();
    void createViews();
    QWidget *createPlotPane();
    void connectViews();
    void onDocumentChanged(const meshroute::ChangeEvent &event);
    void onSelectionChanged(const meshroute::SelectionTarget &target);
    // "N sample requests reach <what>" for the selected rule, from the current outcomes.
    QString reachText(const Resource &owner, const SelectionTarget &target, qsizetype rows) const;
    // The status line again for the rule the selection names, after the outcomes changed.
    void updateFollowedStatus();
    void loadSamples();
    void reroute();
    // Everything after the route tables: outcomes, details, plots, tests.
    void applyRouteTable();
    void updateDetails(bool selectRule);
    // The path the graph lights for a sample and where it went.
    TrafficPath trafficPath(const SampleRequest &sample, const RouteResult &r) const;
    void updatePlots();
    void runTests();
    void addSample();
    void duplicateSample();
    void deleteSample();
    void onSaveRoutingTest();
    void onRunTests();
    void onExport(const QString &suffix);

    Document *m_document;
    Selection *m_selection;
    Router m_router;
    RouteTableCompiler *m_compiler;
    bool m_selectionAlive = true;
    bool m_onScreen = true;
    SampleRequestModel *m_model;
    bool m_samplesModified = false;
    bool m_quietSelection = false;
    bool m_selectingRule = false; // the panel itself is moving the shared selection
    // The rule whose requests the status line counts, and its name when it was selected
    // (said when the resource is gone).
    SelectionTarget m_followed;
    QString m_followedName;
    QStringList m_testFiles;
    struct CachedTests
    {
        QDateTime modified;
        qint64 size = -1;
        QList<RoutingTestCase> cases;
        QString error;
    };
    QHash<QString, CachedTests> m_testCache;
    RoutingTestReport m_report;

    QTableView *m_table;
    QListWidget *m_why;
    QTabWidget *m_tabs;
    QTabWidget *m_sideTabs;
    SplitPlot *m_split;
    ConvergencePlot *m_convergence;
    CanaryPlanEditor *m_plan;
    QListWidget *m_testList;
    QComboBox *m_countBox;
    QLabel *m_badge;
    QLabel *m_status;
    QPushButton *m_add;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    QPushButton *m_saveSamples;
};

} // namespace meshroute
