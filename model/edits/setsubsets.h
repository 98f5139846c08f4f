#pragma once

#include "replacedocumenttext.h"
#include "subsetspec.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Sets the subsets of a DestinationRule from the subset editor. Subsets that stay
// keep their traffic policy, comments and unknown fields; only changed names
// and labels are rewritten.
class SetSubsets : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<SetSubsets> create(
        Document *document, int resourceId, const QList<SubsetSpec> &subsets, QString *error);
};

} // namespace meshroute
