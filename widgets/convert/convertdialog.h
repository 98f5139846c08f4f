#pragma once

#include "gatewayapimigration.h"
#include "migrationproof.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace meshroute {

class DiffView;
class Document;
struct SampleRequest;

// Edit > Convert to Gateway API: the headless migration (GatewayApiMigration)
// of the chosen VirtualServices, shown beside their YAML as the diff of the
// file it would be appended to, with MigrationProof's report: each request
// whose answer changes (selecting one routes it in the Preview) and each
// warning (what Gateway API cannot say) as a link to its line. Insert appends
// the result to the file the user picks as one undo step; Cancel changes nothing.
class ConvertDialog : public QDialog
{
    Q_OBJECT

public:
    // Converts the VirtualServices `virtualServiceIds`, or every one when the list is empty.
    ConvertDialog(Document *document, const QList<int> &virtualServiceIds, QWidget *parent = nullptr);

    const MigrationResult &migration() const { return m_migration; }
    const ProofReport &proof() const { return m_proof; }
    // The YAML documents Insert appends.
    QList<QByteArray> documents() const;
    // Appends the documents to the chosen file as one undo step; false with a message when it cannot.
    bool insert(QString *error);

    // For tests and the shell.
    QLabel *summaryLabel() const { return m_summary; }
    QPlainTextEdit *beforeView() const { return m_before; }
    DiffView *afterView() const { return m_after; }
    QListWidget *differenceList() const { return m_differences; }
    QListWidget *warningList() const { return m_warnings; }
    QComboBox *fileBox() const { return m_file; }
    QPushButton *insertButton() const { return m_insert; }
    QTabWidget *reportTabs() const { return m_reportTabs; }

Q_SIGNALS:
    // A warning was clicked: its place in the workspace's file `fileIndex`.
    void locationActivated(int fileIndex, int line, int column);
    // A request whose answer changes was selected: route it in the Preview.
    void requestActivated(const meshroute::SampleRequest &request);

private:
    void convert(const QList<int> &virtualServiceIds);
    QWidget *createYamlPanes();
    QWidget *createReportPanes();
    void fillReport();
    void showAppended();

    Document *m_document;
    MigrationResult m_migration;
    ProofReport m_proof;
    QByteArray m_originalYaml; // the converted VirtualServices' (and Gateways') documents
    int m_virtualServices = 0;
    QLabel *m_summary;
    QPlainTextEdit *m_before;
    QLabel *m_afterTitle;
    DiffView *m_after;
    QListWidget *m_differences;
    QListWidget *m_warnings;
    QTabWidget *m_reportTabs;
    QComboBox *m_file;
    QPushButton *m_insert;
};

} // namespace meshroute
