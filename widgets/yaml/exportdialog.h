#pragma once

#include "diagnostic.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace meshroute {

class DiffView;
class Document;

// File > Export: kubectl-ready YAML of the workspace (Exporter), with the
// apiVersion to write, and the diff of what will be written against the
// file on disk before anything is written. Errors the API server would
// reject in the exported objects are listed above the diff; while there are
// any, Write is disabled and only "Export anyway", after the list, writes.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(Document *document, QWidget *parent = nullptr);
    ~ExportDialog() override;

    QString outputPath() const;
    void setOutputPath(const QString &path);
    // "" keeps each resource's own; else v1, v1beta1, v1alpha3.
    QString apiVersion() const;
    void setApiVersion(const QString &version);
    QByteArray exportedText() const { return m_text; }
    QString diffText() const;
    QString summary() const;
    // The errors that block a normal Write (ExportCheck), in the order listed.
    Diagnostics blockingErrors() const { return m_blocking; }

public Q_SLOTS:
    void refresh();
    // Writes the file (atomically); false and a message when it cannot, or when
    // there are blocking errors and `anyway` is false.
    bool write(bool anyway = false);

Q_SIGNALS:
    // A listed error was clicked: its place in the workspace's file `fileIndex`.
    void locationActivated(int fileIndex, int line, int column);

protected:
    // The diff's colours follow the theme: redraw it when the palette changes.
    void changeEvent(QEvent *event) override;

private:
    void createBlockingBox();

    Document *m_document;
    QLineEdit *m_path;
    QComboBox *m_version;
    QLabel *m_summary;
    DiffView *m_diff;
    QPushButton *m_write;
    QWidget *m_blockingBox;
    QLabel *m_blockingTitle;
    QListWidget *m_errors;
    QPushButton *m_anyway;
    Diagnostics m_blocking;
    QByteArray m_text;
    QByteArray m_disk; // the file's bytes the diff was made against
};

} // namespace meshroute
