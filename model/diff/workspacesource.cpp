#include "workspacesource.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace meshroute {

namespace {

bool runGit(const QString &dir, const QStringList &args, QByteArray *output, QString *error)
{
    QProcess git;
    git.setWorkingDirectory(dir);
    git.start(QStringLiteral("git"), args);
    if (!git.waitForStarted()) {
        *error = QStringLiteral("cannot run git: %1").arg(git.errorString());
        return false;
    }
    git.closeWriteChannel();
    // Read as it comes: a big tree (or many messages) would otherwise fill a pipe and block git.
    QByteArray out, messages;
    while (!git.waitForFinished(100)) {
        out += git.readAllStandardOutput();
        messages += git.readAllStandardError();
    }
    out += git.readAllStandardOutput();
    messages += git.readAllStandardError();
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        *error = QStringLiteral("git %1: %2")
                     .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(messages).trimmed());
        return false;
    }
    *output = out;
    return true;
}

bool isYamlName(const QString &name)
{
    return name.endsWith(QLatin1String(".yaml")) || name.endsWith(QLatin1String(".yml"));
}

} // namespace

WorkspaceSource WorkspaceSource::fromPath(const QString &path)
{
    WorkspaceSource s;
    s.m_path = path;
    return s;
}

WorkspaceSource WorkspaceSource::fromGit(const QString &spec, const QString &workingDirectory)
{
    WorkspaceSource s;
    const int colon = spec.indexOf(QLatin1Char(':'));
    s.m_revision = colon < 0 ? spec : spec.left(colon);
    s.m_path = colon < 0 || spec.mid(colon + 1).isEmpty() ? QStringLiteral(".") : spec.mid(colon + 1);
    s.m_workingDirectory = workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory;
    return s;
}

DiffSide WorkspaceSource::sideFrom(const LoadResult &load, const QString &label)
{
    DiffSide side;
    side.label = label;
    side.workspace = load.workspace;
    for (const SourceFile &f : load.files)
        side.fileTexts.append(f.text);
    for (const Diagnostic &d : load.diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            side.loadErrors.append(d);
    return side;
}

QString WorkspaceSource::label() const
{
    return isGit() ? m_revision + QLatin1Char(':') + m_path : m_path;
}

bool WorkspaceSource::load(DiffSide *side, QString *error, const LoadOptions &options) const
{
    if (isGit())
        return loadGit(side, error, options);
    const LoadResult loaded = Loader::loadPaths({ m_path }, options);
    if (loaded.inputError) {
        for (const Diagnostic &d : loaded.diagnostics)
            if (d.severity == Diagnostic::Severity::Error) {
                *error = d.toText();
                return false;
            }
        *error = QStringLiteral("cannot read %1").arg(m_path);
        return false;
    }
    *side = sideFrom(loaded, label());
    return true;
}

bool WorkspaceSource::loadGit(DiffSide *side, QString *error, const LoadOptions &options) const
{
    QByteArray listing;
    // Paths relative to the working directory, as the user wrote PATH.
    if (!runGit(m_workingDirectory,
            { QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("-z"),
                QStringLiteral("--name-only"), m_revision, QStringLiteral("--"), m_path },
            &listing, error))
        return false;
    QStringList files;
    for (const QByteArray &name : listing.split('\0'))
        if (!name.isEmpty() && isYamlName(QString::fromUtf8(name)))
            files << QString::fromUtf8(name);
    if (files.isEmpty()) {
        *error = QStringLiteral("%1: no *.yaml or *.yml file at this revision").arg(label());
        return false;
    }
    LoadResult loaded;
    for (const QString &file : files) {
        QByteArray text;
        if (!runGit(m_workingDirectory, { QStringLiteral("show"), m_revision + QStringLiteral(":./") + file },
                &text, error))
            return false;
        Loader::addFile(loaded, m_revision + QLatin1Char(':') + file, text, options);
    }
    *side = sideFrom(loaded, label());
    return true;
}

} // namespace meshroute
