#include "mainwindow.h"

#include "diff/trafficdiffview.h"
#include "document.h"

#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QMenu>
#include <QTimer>

// MainWindow's comparisons: File > Compare with Saved and Compare with Git
// revision..., shown in the Traffic Diff dock.
namespace meshroute {

void MainWindow::createCompareActions(QMenu *file)
{
    file->addSeparator();
    QAction *saved = file->addAction(tr("Co&mpare with Saved"), this, &MainWindow::compareWithSaved);
    saved->setObjectName(QStringLiteral("compareWithSavedAction"));
    saved->setToolTip(
        tr("What your unsaved edits do to requests: the files on disk against the window's text"));
    QAction *git
        = file->addAction(tr("Compare with &Git revision..."), this, &MainWindow::compareWithGitRevision);
    git->setObjectName(QStringLiteral("compareWithGitAction"));
    git->setToolTip(tr("What the window's text does to requests against a commit, branch or tag of the "
                       "files' git repository"));
}

void MainWindow::showTrafficDiff()
{
    auto *dock = findChild<QDockWidget *>(QStringLiteral("trafficDiffDock"));
    dock->show();
    dock->raise();
    // Once the tab switch is laid out, as tall as the Preview is raised: a table and its detail
    // need more than the Problems' few lines.
    QTimer::singleShot(0, dock, [this, dock] {
        const int wanted = int(height() * 0.4);
        if (!dock->isFloating() && dock->height() < wanted)
            resizeDocks({ dock }, { wanted }, Qt::Vertical);
    });
}

void MainWindow::compareWithSaved()
{
    showTrafficDiff();
    m_diff->compareWithSaved();
}

void MainWindow::compareWithGitRevision()
{
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("gitRevisionDialog"));
    dialog.setWindowTitle(tr("Compare with Git revision"));
    dialog.setLabelText(tr("Compare the open files with their version at this revision\n"
                           "(a commit, branch or tag of the repository that holds them):"));
    dialog.setTextValue(QStringLiteral("HEAD"));
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().trimmed().isEmpty())
        return;
    showTrafficDiff();
    m_diff->compareWithGitRevision(dialog.textValue().trimmed());
}

} // namespace meshroute
