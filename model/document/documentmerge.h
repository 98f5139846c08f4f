#pragma once

#include <QByteArray>

namespace meshroute {

// A three-way merge of a YAML file, document by document: the base the
// unsaved edits started from, the edits ("mine", e.g. recovered after a
// crash) and what is on disk now ("theirs"). A document changed on one side
// only takes that side; one changed the same way on both is kept; a document
// changed differently on both sides is a conflict. No line-level merge: a
// Kubernetes resource is the unit a user reasons about.
class DocumentMerge
{
public:
    enum class Result { Merged, Conflict, NotAligned };

    // Writes the merged file text to *merged when the result is Merged.
    // NotAligned: the three texts do not have the same number of documents.
    static Result merge(
        const QByteArray &base, const QByteArray &mine, const QByteArray &theirs, QByteArray *merged);
};

} // namespace meshroute
