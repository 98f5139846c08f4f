#include "convert/convertdialog.h"

#include "document.h"
#include "insertdocuments.h"
#include "replacefiletext.h"
#include "samplerequest.h"
#include "undostack.h"
#include "yaml/diffview.h"
#include "yaml/yamlhighlighter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace meshroute {

namespace {

// A titled pane: the label above the view.
QWidget *titled(const QString &title, QWidget *view, QLabel **label = nullptr)
{
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(title, pane);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(view, 1);
    if (label)
        *label = heading;
    return pane;
}

// "GET http://app.example.com/api/more [x-user: a] from gateway app/edge (path one segment
// deeper of VirtualService app/app spec.http[1].match[0])", then before, after and why.
QString differenceText(const ProofDifference &d)
{
    QString head = d.request.sample.requestLine();
    for (const QString &h : d.request.sample.headers)
        head += QStringLiteral(" [%1]").arg(h);
    head += QStringLiteral(" from %1 (%2 of %3)")
                .arg(d.request.sample.senderText(), d.request.variant, d.request.origin);
    QString text
        = head + QStringLiteral("\n  before: ") + d.before + QStringLiteral("\n  after:  ") + d.after;
    if (!d.why.isEmpty())
        text += QStringLiteral("\n  why:    ") + d.why;
    return text;
}

// A YAML document's text without the "---" lines that open or close it: they are put back once
// between the documents shown.
QByteArray withoutSeparators(const QByteArray &document)
{
    QList<QByteArray> lines = document.split('\n');
    while (!lines.isEmpty() && (lines.first().trimmed() == "---" || lines.first().trimmed().isEmpty()))
        lines.removeFirst();
    while (!lines.isEmpty() && (lines.last().trimmed() == "---" || lines.last().trimmed().isEmpty()))
        lines.removeLast();
    return lines.join('\n') + '\n';
}

} // namespace

ConvertDialog::ConvertDialog(Document *document, const QList<int> &virtualServiceIds, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_summary(new QLabel(this))
    , m_file(new QComboBox(this))
{
    setWindowTitle(tr("Convert to Gateway API"));
    resize(1100, 720);
    m_summary->setWordWrap(true);
    for (const SourceFile &f : document->files()) {
        m_file->addItem(f.path == QLatin1String("-") ? tr("standard input") : QFileInfo(f.path).fileName());
        m_file->setItemData(m_file->count() - 1, f.path, Qt::ToolTipRole);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("Add to &file"), m_file);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(createYamlPanes());
    split->addWidget(createReportPanes());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_insert = buttons->addButton(tr("Insert"), QDialogButtonBox::AcceptRole);
    m_insert->setObjectName(QStringLiteral("insert"));
    m_insert->setToolTip(tr("Append the Gateway API YAML to the chosen file (one undo step)"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_insert, &QPushButton::clicked, this, [this] {
        QString error;
        if (insert(&error))
            accept();
        else
            m_summary->setText(error);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);

    convert(virtualServiceIds);
    connect(m_file, &QComboBox::currentIndexChanged, this, &ConvertDialog::showAppended);
}

// The VirtualServices as they are (left) and the file with the Gateway API YAML appended (right).
QWidget *ConvertDialog::createYamlPanes()
{
    m_before = new QPlainTextEdit(this);
    m_before->setReadOnly(true);
    m_before->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_before->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new YamlHighlighter(m_before->document());
    m_after = new DiffView(this);
    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->addWidget(titled(tr("Now (Istio API)"), m_before));
    panes->addWidget(titled(QString(), m_after, &m_afterTitle));
    return panes;
}

// The proof's differences and the converter's warnings, each in a tab that counts them.
QWidget *ConvertDialog::createReportPanes()
{
    m_differences = new QListWidget(this);
    m_differences->setObjectName(QStringLiteral("differences"));
    m_differences->setWordWrap(true);
    m_differences->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_differences->setToolTip(tr("Select a request to route it in the Preview"));
    connect(m_differences, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_proof.differences.size())
            Q_EMIT requestActivated(m_proof.differences[row].request.sample);
    });
    m_warnings = new QListWidget(this);
    m_warnings->setObjectName(QStringLiteral("warnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setToolTip(tr("Click a warning to go to its line"));
    connect(m_warnings, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int row = m_warnings->row(item);
        if (row < 0 || row >= m_migration.warnings.size())
            return;
        const Diagnostic &d = m_migration.warnings[row];
        const QList<SourceFile> &files = m_document->files();
        for (int i = 0; i < files.size(); ++i)
            if (files[i].path == d.file)
                Q_EMIT locationActivated(i, d.line, d.column);
    });
    m_reportTabs = new QTabWidget(this);
    m_reportTabs->addTab(m_differences, QString());
    m_reportTabs->addTab(m_warnings, QString());
    return m_reportTabs;
}

void ConvertDialog::convert(const QList<int> &virtualServiceIds)
{
    // The migration converts every VirtualService of the workspace it is given: given the
    // chosen ones with everything else they may read (Gateways, DestinationRules, Services).
    Workspace chosen = m_document->workspace();
    if (!virtualServiceIds.isEmpty())
        chosen.resources.removeIf([&](const Resource &r) {
            return r.kind == ResourceKind::VirtualService && !virtualServiceIds.contains(r.id);
        });
    m_virtualServices = int(chosen.ofKind(ResourceKind::VirtualService).size());
    m_migration = GatewayApiMigration::convert(chosen);
    m_proof = MigrationProof::run(chosen, m_migration);

    m_originalYaml.clear();
    for (const Resource &r : std::as_const(chosen.resources))
        if (m_migration.replacedIds.contains(r.id)) {
            if (!m_originalYaml.isEmpty())
                m_originalYaml += "---\n";
            m_originalYaml += withoutSeparators(m_document->documentText(r.fileIndex, r.documentIndex));
        }
    m_before->setPlainText(QString::fromUtf8(m_originalYaml));
    // Into the file of the first VirtualService converted, unless the user picks another.
    for (const Resource &r : std::as_const(chosen.resources))
        if (r.kind == ResourceKind::VirtualService && r.fileIndex >= 0 && r.fileIndex < m_file->count()) {
            m_file->setCurrentIndex(r.fileIndex);
            break;
        }
    fillReport();
    showAppended();
}

void ConvertDialog::fillReport()
{
    m_summary->setText(
        tr("%n VirtualService(s) converted: %1 Gateway(s), %2 Service(s) for subsets, %3 HTTPRoute(s). ",
            nullptr, m_virtualServices)
            .arg(m_migration.gateways)
            .arg(m_migration.services)
            .arg(m_migration.routes)
        + (m_proof.differences.isEmpty()
                ? tr("Proof: all %n request(s) get the same answer.", nullptr, m_proof.requests)
                : tr("Proof: %1 of %2 request(s) get a different answer.")
                      .arg(m_proof.differences.size())
                      .arg(m_proof.requests)));
    m_differences->clear();
    for (const ProofDifference &d : std::as_const(m_proof.differences))
        m_differences->addItem(differenceText(d));
    m_warnings->clear();
    for (const Diagnostic &d : std::as_const(m_migration.warnings))
        m_warnings->addItem(d.toText());
    m_reportTabs->setTabText(0, tr("Answers that change (%1)").arg(m_proof.differences.size()));
    m_reportTabs->setTabText(1, tr("Warnings (%1)").arg(m_migration.warnings.size()));
    m_insert->setEnabled(!m_migration.yaml.isEmpty() && m_file->count() > 0);
}

QList<QByteArray> ConvertDialog::documents() const
{
    // GatewayApiYaml::render separates the documents with "---" lines.
    QList<QByteArray> out;
    QByteArray current;
    for (const QByteArray &line : m_migration.yaml.split('\n')) {
        if (line == "---") {
            out << current;
            current.clear();
            continue;
        }
        current += line + '\n';
    }
    if (!current.trimmed().isEmpty())
        out << current;
    return out;
}

void ConvertDialog::showAppended()
{
    const int file = m_file->currentIndex();
    if (file < 0 || file >= m_document->files().size()) {
        m_afterTitle->setText(tr("Gateway API"));
        m_after->setDiff({});
        return;
    }
    const QByteArray text = m_document->files()[file].text;
    m_afterTitle->setText(tr("Gateway API, appended to %1").arg(m_file->currentText()));
    m_after->setDiff(LineDiff::diff(text, InsertDocuments::appended(text, documents())));
}

bool ConvertDialog::insert(QString *error)
{
    auto command = InsertDocuments::create(m_document, m_file->currentIndex(), documents(),
        tr("Convert %n VirtualService(s) to Gateway API", nullptr, m_virtualServices), error);
    if (!command)
        return false;
    m_document->undoStack()->push(command.release());
    return true;
}

} // namespace meshroute
