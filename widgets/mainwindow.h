#pragma once

#include <QFuture>
#include <QHash>
#include <QMainWindow>
#include <QMessageBox>
#include <functional>
#include <memory>

class QFileSystemWatcher;
class QJsonObject;
class QLabel;
class QLockFile;
class QMenu;
class QTimer;

namespace meshroute {

class BaseHashCache;
class Document;
class GraphPanel;
class Inspector;
class LoadProgressBar;
class WorkspaceLoadJob;
class ProblemsView;
class ResourceTreeView;
class Selection;
class TrafficDiffView;
class YamlView;
struct ChangeEvent;

// The editor's window: the traffic graph in the centre, docks for the
// resources, the inspector (the selected item's editors), the YAML, the
// problems and the preview. It owns the Document and the shared Selection,
// and does the file work around them: open, save with a check for changes
// on disk, reload on external change, autosave to a recovery file and the
// offer to recover after a crash.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Asks the user; tests answer instead of a modal QMessageBox.
    using Prompt = std::function<QMessageBox::StandardButton(const QString &title, const QString &text,
        QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)>;
    // Picks a file name to save to (Save As); tests answer instead of a QFileDialog.
    using SavePathPrompt = std::function<QString(const QString &title, const QString &suggested)>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens files or folders (recursive *.yaml, *.yml) or "-", replacing the workspace.
    // Big inputs (a folder, a megabyte or more) load on a thread: the call returns at
    // once, the status bar shows the progress, and workspaceLoaded() follows.
    void openPaths(const QStringList &paths);
    bool isLoading() const;
    LoadProgressBar *loadProgressBar() const { return m_loadProgress; }
    QStringList inputs() const { return m_inputs; }

    Document *document() const { return m_document; }
    Selection *selection() const { return m_selection; }
    GraphPanel *graphPanel() const { return m_graph; }
    ResourceTreeView *resourceTree() const { return m_tree; }
    YamlView *yamlView() const { return m_yaml; }
    ProblemsView *problemsView() const { return m_problems; }
    Inspector *inspector() const { return m_inspector; }
    TrafficDiffView *trafficDiffView() const { return m_diff; }
    QLabel *statusCounts() const { return m_counts; }

    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    void setSavePathPrompt(SavePathPrompt prompt) { m_savePathPrompt = std::move(prompt); }
    // The prompt of windows created from now on (tests set one before the first window).
    static void setDefaultPrompt(Prompt prompt);

    // Arranges the window and its docks for a screen of this (available) size: every dock
    // shown and docked, sizes chosen so that nothing is clipped (see DockLayout).
    void applyDefaultLayout(const QSize &available);
    // View > Reset Layout: forgets the saved arrangement and applies the default for this screen.
    void resetLayout();

    // Saves every modified file; false when cancelled or failed (the status bar says why).
    bool save();
    // Saves the selected resource's file (or the only file) under a new name.
    bool saveAs();
    // Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    // Reads the inputs again from disk, keeping the unsaved edits of files that did not change there.
    void reload();

    // Crash recovery. Each window writes its modified files' text to its own
    // folder under recoveryRoot() every few seconds; a folder whose lock is
    // no longer held belongs to a session that crashed.
    static QString recoveryRoot();
    QString recoveryDirectory() const { return m_sessionDir; }
    void setAutosaveInterval(int milliseconds);
    // Writes (or, when nothing is modified, removes) this session's recovery files now.
    bool writeRecovery();
    // The hashes of the files' bases the autosave records, each computed once.
    const BaseHashCache &baseHashes() const { return *m_baseHashes; }
    // Offers to recover the newest crashed session; true when it was recovered.
    bool offerRecovery();

Q_SIGNALS:
    // The workspace of the last openPaths() is in the document.
    void workspaceLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void createDocks();
    // The Preview's height when raised: its share of the window, never below what it needs.
    int previewDockHeight() const;
    void onDocumentChanged(const ChangeEvent &event);
    void updateTitle();
    void updateStatus();
    void updateRecentMenu();
    void addRecent(const QStringList &paths);
    void openFile();
    void openFolder();
    void adoptBackgroundLoad();
    void stopBackgroundLoad();
    void finishOpening(const QStringList &paths);
    // File > New: an empty untitled file (Save asks where to write it), after asking to save.
    void newFile();
    // File > Close: closes the open files, after asking to save; the window stays.
    void closeFiles();
    // Edit > Find: the YAML view's find bar, the graph's or the resources' filter, by where the focus is.
    void find();
    void exportYaml();
    // File > Compare with Saved / Compare with Git revision...: the Traffic Diff dock, raised.
    void createCompareActions(QMenu *file);
    void compareWithSaved();
    void compareWithGitRevision();
    void showTrafficDiff();
    // Edit > Convert to Gateway API: the selected VirtualService, or all of them.
    void convertToGatewayApi();
    void about();
    void goToLine(int fileIndex, int line, int column);
    // labels rename buttons of the real dialog ("Keep Recovered" for Yes); tests answer by button.
    QMessageBox::StandardButton ask(const QString &title, const QString &text,
        QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
        const QHash<QMessageBox::StandardButton, QString> &labels = {});
    bool saveFileChecked(int fileIndex, const QString &path);

    // Files on disk and external changes.
    void watchFiles();
    void onFileChanged(const QString &path);
    void checkExternalChanges();
    // Opens `inputs` from disk, then puts `texts` (path -> file text) back as
    // undoable edits; returns the paths whose text could not be put back.
    QStringList openWithTexts(const QStringList &inputs, const QHash<QString, QByteArray> &texts);
    // For each recovered file changed on disk since its autosave (its base hash
    // differs), asks: keep the recovered text, take the disk's, or merge
    // document by document; updates *texts. False when the user cancels.
    bool resolveChangedOnDisk(
        const QString &sessionDir, const QList<QJsonObject> &bases, QHash<QString, QByteArray> *texts);
    bool ensureSessionDirectory();
    // Writes the recovery set now, or on a worker (the autosave timer).
    bool startRecoveryWrite(bool inBackground);
    void removeRecovery();

    Document *m_document;
    Selection *m_selection;
    GraphPanel *m_graph = nullptr;
    ResourceTreeView *m_tree = nullptr;
    YamlView *m_yaml = nullptr;
    ProblemsView *m_problems = nullptr;
    Inspector *m_inspector = nullptr;
    TrafficDiffView *m_diff = nullptr;
    QByteArray m_pristineState; // the docks' areas and tabs as created, before any sizing
    double m_previewShare = 0.45;
    QLabel *m_counts = nullptr;
    WorkspaceLoadJob *m_loadJob = nullptr;
    LoadProgressBar *m_loadProgress = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QStringList m_inputs;

    QFileSystemWatcher *m_watcher;
    QTimer *m_externalTimer;
    QStringList m_changedPaths;
    QHash<QString, QByteArray> m_diskText; // what we last read from or wrote to each file
    bool m_askingExternal = false;

    QTimer *m_autosaveTimer;
    bool m_recoveryDirty = false;
    QFuture<bool> m_recoveryWrite;
    std::shared_ptr<BaseHashCache>
        m_baseHashes; // shared with the autosave worker // the autosave being written in the background
    bool m_recoveryChecked = false;
    QString m_sessionDir;
    std::unique_ptr<QLockFile> m_sessionLock;

    Prompt m_prompt;
    SavePathPrompt m_savePathPrompt;
};

} // namespace meshroute
