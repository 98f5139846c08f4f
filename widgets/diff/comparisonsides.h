#pragma once

#include "trafficdiff.h"

#include <QList>
#include <QString>

namespace meshroute {

class Document;
struct SourceFile;

// The sides the window compares, built from the open files: as they are on
// disk (Compare with Saved), as a git revision has them (Compare with Git
// revision, the repository found from the files' own folders), and the
// window's current, unsaved text. Each side keeps the open files' names, so
// a location reads "bookinfo.yaml:42" on both.
class ComparisonSides
{
public:
    // The open files as saved; a file not on disk (untitled, deleted) is absent from the side.
    static bool saved(const QList<SourceFile> &files, DiffSide *side, QString *error);
    // The open files at `revision` of the repository that holds them; a file the revision
    // does not have is absent from the side. False with a message when a file is in no
    // git repository or the revision is unknown.
    static bool atGitRevision(
        const QList<SourceFile> &files, const QString &revision, DiffSide *side, QString *error);
    // The document's current text (unsaved edits included).
    static DiffSide current(const Document &document, const QString &label);
};

} // namespace meshroute
