// YamlEdit::apply: the TextChanges of the edits applied to a document's text.
#include "yamledit.h"

#include <algorithm>

namespace meshroute::YamlEdit {

QByteArray apply(QByteArray document, QList<TextChange> changes)
{
    std::sort(changes.begin(), changes.end(),
        [](const TextChange &a, const TextChange &b) { return a.offset > b.offset; });
    for (const TextChange &c : changes)
        document.replace(c.offset, c.length, c.text);
    return document;
}

} // namespace meshroute::YamlEdit
