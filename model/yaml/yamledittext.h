#pragma once

// Where things stand in a YAML document's text, for YamlEdit: lines, comments
// above an item, where a block item or a flow entry begins and ends with its
// properties (`&a`, `!t`). Offsets are bytes into the document.

#include "yamlnode.h"

#include <QByteArray>
#include <QString>

namespace meshroute::YamlEditText {

// Where the line that holds `offset` starts; line 1 after a byte order mark.
int lineStart(const QByteArray &doc, int offset);

// The indentation of the line that holds `offset`.
int lineIndent(const QByteArray &doc, int offset);

// One past the newline that ends the line holding `offset` (or the end of the text).
int nextLineStart(const QByteArray &doc, int offset);

// Whether the line starting at `start` holds only a comment.
bool isCommentLine(const QByteArray &doc, int start);

// Whether [from, to) holds only spaces and tabs.
bool onlySpaces(const QByteArray &doc, int from, int to);

// Whether [from, to) is the indentation and dash of a block sequence item: "  - ".
bool isDashPrefix(const QByteArray &doc, int from, int to);

// Whether [from, to) is the indentation and dash of a block sequence item, with the item's
// properties after the dash if it has any: "  - ", "  - &a !t ".
bool isItemLead(const QByteArray &doc, int from, int to);

// Comment lines directly above a line belong to what that line starts.
int withCommentsAbove(const QByteArray &doc, int start, int limit);

// Where item `index` of a block sequence begins (its comments above included) and ends (after its last line).
bool blockItemRange(
    const QByteArray &doc, const YamlNode &seq, int index, int *begin, int *end, QString *error);

// Where a flow entry's text begins: its properties (`[&a x]`, `{!t k: v}`) stand before the node,
// after the '[', '{' or ',' ahead of it, on its line or the lines above (`[!t` over `x]`), and go
// with it, or a removal hands them to the next entry.
int flowEntryBegin(const QByteArray &doc, const YamlNode &node);

// Where a block key's text begins on its line: after the indentation, and after the dash of a
// sequence item it is the first key of, at its properties (`- &a name:`) if it has any.
int blockKeyBegin(const QByteArray &doc, const YamlNode &key);

// Where a block mapping's key is introduced: at the '?' of an explicit key (`? key`, or `?` on a
// line above it, with the key's properties between), else at the key itself.
int keyIndicatorBegin(const QByteArray &doc, const YamlNode &key);

// The ':' that introduces a value, the first one from `from` past blanks, line breaks and comments;
// -1 when something else comes first.
int valueIndicatorAfter(const QByteArray &doc, int from);

} // namespace meshroute::YamlEditText
