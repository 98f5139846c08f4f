#include "loadprogressbar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace meshroute {

LoadProgressBar::LoadProgressBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_bar->setAccessibleName(tr("Loading progress"));
    hide();
}

void LoadProgressBar::begin(const QStringList &inputs)
{
    m_bar->setValue(0);
    m_label->setText(tr("Loading %1…")
                         .arg(inputs.size() == 1 ? QFileInfo(inputs.first()).fileName()
                                                 : tr("%n input(s)", nullptr, int(inputs.size()))));
    show();
}

namespace {

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

void LoadProgressBar::setProgress(const LoadProgress &progress)
{
    m_bar->setValue(progress.permille());
    const QString file = QFileInfo(progress.currentFile).fileName();
    QString text = progress.byteCount > 0
        ? tr("Loading %1: %2 of %3").arg(file, dataSize(progress.bytesDone), dataSize(progress.byteCount))
        : tr("Loading %1").arg(file);
    if (progress.fileCount > 1)
        text += tr(" (file %1 of %2)")
                    .arg(std::min(progress.filesDone + 1, progress.fileCount))
                    .arg(progress.fileCount);
    m_label->setText(text);
}

void LoadProgressBar::end()
{
    hide();
}

QString LoadProgressBar::text() const
{
    return m_label->text();
}

int LoadProgressBar::value() const
{
    return m_bar->value();
}

} // namespace meshroute
