#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace meshroute {

class Document;

// File > Export: kubectl-ready YAML of the workspace (Exporter), with the
// apiVersion to write, and the diff of what will be written against the
// file on disk before anything is written.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ExportDialog(Document *document, QWidget *parent = nullptr);

    QString outputPath() const;
    void setOutputPath(const QString &path);
    // "" keeps each resource's own; else v1, v1beta1, v1alpha3.
    QString apiVersion() const;
    void setApiVersion(const QString &version);
    QByteArray exportedText() const { return m_text; }
    QString diffText() const;
    QString summary() const;

public Q_SLOTS:
    void refresh();
    // Writes the file (atomically); false and a message when it cannot.
    bool write();

private:
    Document *m_document;
    QLineEdit *m_path;
    QComboBox *m_version;
    QLabel *m_summary;
    QPlainTextEdit *m_diff;
    QPushButton *m_write;
    QByteArray m_text;
    QByteArray m_disk; // the file's bytes the diff was made against
};

} // namespace meshroute
