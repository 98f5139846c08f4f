#include "comparisonsides.h"

#include "document.h"
#include "workspacesource.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace meshroute {

namespace {

bool onDisk(const SourceFile &f)
{
    return f.path != QLatin1String("-") && QFileInfo(f.path).isFile();
}

// Runs git in `dir`; its first line of output, or false with git's own message.
bool git(const QString &dir, const QStringList &args, QString *out, QString *message)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("git"), args);
    if (!process.waitForStarted() || !process.waitForFinished(30000)) {
        *message = QObject::tr("cannot run git: %1").arg(process.errorString());
        return false;
    }
    *out = QString::fromUtf8(process.readAllStandardOutput()).section(QLatin1Char('\n'), 0, 0).trimmed();
    *message = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// The repository of `file` knows `revision`; else why not, in the user's terms.
bool checkRepository(const QString &file, const QString &revision, QString *error)
{
    const QString dir = QFileInfo(file).absolutePath();
    QString top;
    QString message;
    if (!git(dir, { QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel") }, &top, &message)) {
        *error = message.startsWith(QLatin1String("cannot run git"))
            ? message
            : QObject::tr("%1 is not in a git repository: Compare with Git revision needs the open files "
                          "to be in one (use Compare with Saved instead)")
                  .arg(QFileInfo(file).fileName());
        return false;
    }
    QString commit;
    if (!git(dir,
            { QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("--quiet"),
                revision + QStringLiteral("^{commit}") },
            &commit, &message)) {
        *error = QObject::tr("%1: no revision \"%2\" in the repository %3")
                     .arg(QFileInfo(file).fileName(), revision, top);
        return false;
    }
    return true;
}

} // namespace

bool ComparisonSides::saved(const QList<SourceFile> &files, DiffSide *side, QString *error)
{
    LoadResult loaded;
    for (const SourceFile &f : files) {
        if (!onDisk(f))
            continue;
        QFile file(f.path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QObject::tr("cannot read %1: %2").arg(f.path, file.errorString());
            return false;
        }
        Loader::addFile(loaded, f.path, file.readAll(), {});
    }
    // Every file under the path the window knows it by: the sides then differ only where
    // the texts do, never by a file name.
    *side = WorkspaceSource::sideFrom(loaded, QObject::tr("saved"));
    return true;
}

bool ComparisonSides::atGitRevision(
    const QList<SourceFile> &files, const QString &revision, DiffSide *side, QString *error)
{
    if (std::none_of(files.begin(), files.end(), onDisk)) {
        *error = QObject::tr("no open file is on disk: save the workspace in a git repository first");
        return false;
    }
    LoadResult loaded;
    for (const SourceFile &f : files) {
        if (!onDisk(f))
            continue;
        if (!checkRepository(f.path, revision, error))
            return false;
        // The revision's bytes of this one file, read by the diff's own git source; a file
        // the revision does not have is new on the current side.
        const QFileInfo info(f.path);
        DiffSide one;
        QString missing;
        if (WorkspaceSource::fromGit(revision + QLatin1Char(':') + info.fileName(), info.absolutePath())
                .load(&one, &missing)
            && !one.fileTexts.isEmpty())
            Loader::addFile(loaded, f.path, one.fileTexts.first(), {});
    }
    *side = WorkspaceSource::sideFrom(loaded, revision);
    return true;
}

DiffSide ComparisonSides::current(const Document &document, const QString &label)
{
    DiffSide side;
    side.label = label;
    side.workspace = document.workspace();
    for (const SourceFile &f : document.files())
        side.fileTexts.append(f.text);
    for (const Diagnostic &d : document.loadDiagnostics())
        if (d.severity == Diagnostic::Severity::Error)
            side.loadErrors.append(d);
    return side;
}

} // namespace meshroute
