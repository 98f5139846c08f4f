#include "exportdialog.h"

#include "diffview.h"
#include "document.h"
#include "exportcheck.h"
#include "exporter.h"
#include "linediff.h"
#include "safefilewriter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

ExportDialog::ExportDialog(Document *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_path(new QLineEdit(this))
    , m_version(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_diff(new DiffView(this))
    , m_blockingBox(new QWidget(this))
    , m_blockingTitle(new QLabel(m_blockingBox))
    , m_errors(new QListWidget(m_blockingBox))
    , m_anyway(new QPushButton(tr("Export anyway"), m_blockingBox))
{
    setWindowTitle(tr("Export"));
    resize(900, 640);
    m_version->addItem(tr("Keep each resource's own"), QString());
    m_version->addItem(QStringLiteral("networking.istio.io/v1"), QStringLiteral("v1"));
    m_version->addItem(QStringLiteral("networking.istio.io/v1beta1"), QStringLiteral("v1beta1"));
    m_version->addItem(QStringLiteral("networking.istio.io/v1alpha3"), QStringLiteral("v1alpha3"));
    m_version->setToolTip(
        tr("The apiVersion written for Istio resources; the three versions share one schema"));

    const QList<SourceFile> &files = document->files();
    QString suggested = QStringLiteral("export.yaml");
    if (!files.isEmpty() && files.first().path != QLatin1String("-"))
        suggested = QFileInfo(files.first().path).absolutePath() + QStringLiteral("/export.yaml");
    m_path->setText(suggested);
    auto *browse = new QToolButton(this);
    browse->setText(tr("..."));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text(), tr("YAML (*.yaml *.yml)"));
        if (!path.isEmpty())
            setOutputPath(path);
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Write to:"), pathRow);
    form->addRow(tr("apiVersion:"), m_version);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_write = buttons->addButton(tr("Write"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_write->setObjectName(QStringLiteral("write"));
    connect(m_write, &QPushButton::clicked, this, [this] {
        if (write())
            accept();
    });

    createBlockingBox();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_blockingBox);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);

    connect(m_path, &QLineEdit::editingFinished, this, &ExportDialog::refresh);
    connect(m_version, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    refresh();
}

ExportDialog::~ExportDialog()
{
    // QWidget deletes the children after this destructor: the path field,
    // losing focus then, would emit editingFinished into a half-destroyed
    // dialog and run an export over freed members.
    m_path->disconnect(this);
}

// The errors the API server would reject, each a link to its place, and only
// after them the way past them (shown by refresh() when there are any).
void ExportDialog::createBlockingBox()
{
    m_errors->setObjectName(QStringLiteral("blockingErrors"));
    m_errors->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errors->setMaximumHeight(8 * m_errors->fontMetrics().height());
    m_errors->setToolTip(tr("Click an error to go to its line"));
    connect(m_errors, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int row = m_errors->row(item);
        if (row < 0 || row >= m_blocking.size())
            return;
        const Diagnostic &d = m_blocking[row];
        const QList<SourceFile> &files = m_document->files();
        for (int i = 0; i < files.size(); ++i)
            if (files[i].path == d.file) {
                Q_EMIT locationActivated(i, d.line, d.column);
                return;
            }
    });
    m_anyway->setObjectName(QStringLiteral("exportAnyway"));
    m_anyway->setToolTip(tr("Write the file although the API server will reject the objects listed"));
    connect(m_anyway, &QPushButton::clicked, this, [this] {
        if (write(true))
            accept();
    });
    m_blockingTitle->setWordWrap(true);
    auto *anywayRow = new QHBoxLayout;
    anywayRow->addStretch(1);
    anywayRow->addWidget(m_anyway);
    auto *blockingLayout = new QVBoxLayout(m_blockingBox);
    blockingLayout->setContentsMargins(0, 0, 0, 0);
    blockingLayout->addWidget(m_blockingTitle);
    blockingLayout->addWidget(m_errors);
    blockingLayout->addLayout(anywayRow);
}

QString ExportDialog::outputPath() const
{
    return m_path->text();
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
    refresh();
}

QString ExportDialog::apiVersion() const
{
    return m_version->currentData().toString();
}

void ExportDialog::setApiVersion(const QString &version)
{
    const int i = m_version->findData(version);
    if (i >= 0)
        m_version->setCurrentIndex(i);
}

QString ExportDialog::diffText() const
{
    return m_diff->toPlainText();
}

QString ExportDialog::summary() const
{
    return m_summary->text();
}

void ExportDialog::refresh()
{
    ExportOptions options;
    options.apiVersion = apiVersion();
    QString error;
    m_text = Exporter::exportYaml(m_document->files(), m_document->workspace(), options, &error);
    QFile file(outputPath());
    const bool exists = file.open(QIODevice::ReadOnly);
    m_disk = exists ? file.readAll() : QByteArray();

    const QList<LineDiff::Line> lines = LineDiff::diff(m_disk, m_text);
    const int added = LineDiff::count(lines, LineDiff::Line::Kind::Added);
    const int removed = LineDiff::count(lines, LineDiff::Line::Kind::Removed);
    if (!error.isEmpty())
        m_summary->setText(tr("Cannot export: %1").arg(error));
    else if (!exists)
        m_summary->setText(tr("New file: %n line(s) will be written.", nullptr, added));
    else if (lines.isEmpty())
        m_summary->setText(tr("The file on disk already has exactly this content."));
    else
        m_summary->setText(
            tr("Against the file on disk: %1 line(s) added, %2 removed.").arg(added).arg(removed));

    m_blocking = ExportCheck::blockingErrors(
        m_document->files(), m_document->workspace(), m_document->loadDiagnostics(), options);
    m_errors->clear();
    for (const Diagnostic &d : std::as_const(m_blocking))
        m_errors->addItem(d.toText());
    m_blockingTitle->setText(tr("The API server would reject the exported objects: %n error(s). "
                                "Fix them, or export anyway.",
        nullptr, int(m_blocking.size())));
    m_blockingBox->setVisible(!m_blocking.isEmpty());
    m_write->setEnabled(error.isEmpty() && m_blocking.isEmpty());
    m_anyway->setEnabled(error.isEmpty());

    m_diff->setDiff(lines);
}

bool ExportDialog::write(bool anyway)
{
    if (!m_blocking.isEmpty() && !anyway) {
        m_summary->setText(
            tr("Not written: the API server would reject the objects with the errors listed."));
        return false;
    }
    // The diff shown must be the change made: if the file moved on since, show the new diff first.
    QFile current(outputPath());
    const QByteArray now = current.open(QIODevice::ReadOnly) ? current.readAll() : QByteArray();
    current.close();
    if (now != m_disk) {
        refresh();
        m_summary->setText(
            tr("The file changed on disk meanwhile; here is the new diff. Write again to confirm."));
        return false;
    }
    SafeFileWriter writer(outputPath());
    writer.setExpectedContent(m_disk); // a change after the check above still refuses
    if (!writer.write(m_text)) {
        m_summary->setText(tr("Could not write %1: %2").arg(outputPath(), writer.errorString()));
        return false;
    }
    m_disk = m_text;
    return true;
}

void ExportDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && isVisible()) // not while it is being built
        refresh();
}

} // namespace meshroute
