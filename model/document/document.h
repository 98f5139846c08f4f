#pragma once

#include "diagnostic.h"
#include "loader.h"
#include "workspace.h"
#include "yamledit.h"

#include <QObject>
#include <QSet>

namespace meshroute {

class UndoStack;

// What an edit changed, for views that update only what is affected.
struct ChangeEvent
{
    enum class Type {
        Reset,            // everything was (re)loaded
        ResourcesChanged, // the resources in `resourceIds` (and their file's text) changed
        Saved             // a file was written; nothing in the model changed
    };
    Type type = Type::Reset;
    QList<int> resourceIds;
    int fileIndex = -1;
};

// The open workspace: the files, their resources and the undo history.
// The text of each file is the source of truth: an edit replaces the text of
// one YAML document and reparses only that document, so whatever meshroute
// does not model (comments, unknown fields, key order) is kept as written and
// undo restores the exact bytes.
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // Replaces the workspace with these inputs (files, folders, "-").
    void open(const QStringList &inputs, const LoadOptions &options = {});
    // Replaces the workspace with a load result (tests, stdin).
    void setLoadResult(LoadResult result);

    const Workspace &workspace() const { return m_load.workspace; }
    const QList<SourceFile> &files() const { return m_load.files; }
    // The loader's diagnostics for the current text (YAML errors, wrong types, unknown fields).
    const Diagnostics &loadDiagnostics() const { return m_load.diagnostics; }
    bool inputError() const { return m_load.inputError; }
    UndoStack *undoStack() const { return m_undoStack; }

    const Resource *resource(int id) const;
    // The text of a resource's YAML document, and the path of the resource inside it.
    QByteArray documentText(int fileIndex, int documentIndex) const;
    YamlPath resourcePath(const Resource &resource) const;
    // The tree of a resource's document, parsed fresh from the current text.
    bool parseDocument(int fileIndex, int documentIndex, YamlNode *root, QString *error = nullptr) const;

    // For commands only: puts new text in place of a document and reparses it.
    // Resources of that document keep their ids in order.
    void replaceDocumentText(int fileIndex, int documentIndex, const QByteArray &text);
    // For commands only: puts new text in place of a whole file and reparses it (the
    // number of documents may change). Resources keep their ids when the same kind,
    // namespace and name is found again; the others get new ids.
    void replaceFileText(int fileIndex, const QByteArray &text);
    // The current text of a file (empty when there is no such file).
    QByteArray fileText(int fileIndex) const;

    bool isModified() const;
    bool isFileModified(int fileIndex) const;
    // Whether a save may replace a file that changed on disk since it was read.
    enum class Overwrite { OnlyIfUnchanged, EvenIfChanged };
    // Writes a file from its current text through SafeFileWriter (all or
    // nothing; *error is "cannot write PATH: reason"). Over its own path it
    // refuses when the disk no longer holds the bytes last read or saved,
    // unless the user chose to overwrite.
    bool saveFile(int fileIndex, QString *error, Overwrite overwrite = Overwrite::OnlyIfUnchanged);
    bool saveFileAs(
        int fileIndex, const QString &path, QString *error, Overwrite overwrite = Overwrite::OnlyIfUnchanged);
    // Saves every modified file; marks the undo stack clean when all succeeded.
    bool saveAll(QString *error);

Q_SIGNALS:
    void changed(const meshroute::ChangeEvent &event);

private:
    LoadResult m_load;
    // Where resource() last found one: views ask for the same (selected) resource many times per
    // edit, and a scan of 15,000 resources each time showed in a drag's frame time.
    mutable qsizetype m_lastFound = -1;
    LoadOptions m_options;
    UndoStack *m_undoStack;
    QList<QByteArray> m_savedText; // per file: the bytes on disk as of the last load or save

    // Whether a file differs from its saved bytes, kept per document so that
    // a weight step on a 14 MB file compares one document, not the file.
    struct SavedState
    {
        std::vector<YamlDocumentSpan> spans; // of the saved text
        QList<bool> documentDiffers;         // parallel to spans, while the documents line up
        bool documentsLineUp = true;         // false after an edit changed the number of documents
    };
    QList<SavedState> m_saved;
    void resetSavedState(int fileIndex);
    void updateSavedState(int fileIndex, int documentIndex);
};

} // namespace meshroute
