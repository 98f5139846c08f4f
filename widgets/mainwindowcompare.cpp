#include "mainwindow.h"

#include "diff/trafficdiffview.h"
#include "document.h"

#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QMenu>

// MainWindow's comparisons: File > Compare with Saved and Compare with Git
// revision..., shown in the Traffic Diff dock.
namespace meshroute {

void MainWindow::createCompareActions(QMenu *file)
{
    file->addSeparator();
    QAction *saved = file->addAction(tr("Compare with &Saved"), this, &MainWindow::compareWithSaved);
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
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("trafficDiffDock"))) {
        dock->show();
        dock->raise();
    }
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
