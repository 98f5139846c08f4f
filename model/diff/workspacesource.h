#pragma once

#include "loader.h"
#include "trafficdiff.h"

#include <QString>

namespace meshroute {

// Where one side of a diff comes from: a file or folder on disk, or a
// revision of a git repository (`REV` or `REV:PATH`), read with `git ls-tree`
// and `git show`: nothing is checked out or written.
class WorkspaceSource
{
public:
    static WorkspaceSource fromPath(const QString &path);
    // `spec` is "REV" or "REV:PATH"; PATH (default ".") is relative to `workingDirectory`
    // (default: the current directory), which must be inside the repository.
    static WorkspaceSource fromGit(const QString &spec, const QString &workingDirectory = {});

    // A loaded workspace as a side: its files' bytes, and its reader errors as the side's errors.
    static DiffSide sideFrom(const LoadResult &load, const QString &label);

    bool isGit() const { return !m_revision.isEmpty(); }
    QString revision() const { return m_revision; }
    QString path() const { return m_path; }
    // "bookinfo.yaml", "HEAD~1:k8s/"
    QString label() const;

    // Loads the side; false with a message when the path or revision cannot be read
    // (YAML errors of a file that was read are in side->loadErrors).
    bool load(DiffSide *side, QString *error, const LoadOptions &options = {}) const;

private:
    bool loadGit(DiffSide *side, QString *error, const LoadOptions &options) const;

    QString m_path;
    QString m_revision; // empty: the file system
    QString m_workingDirectory;
};

} // namespace meshroute
