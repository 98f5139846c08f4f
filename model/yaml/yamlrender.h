#pragma once

#include "yamledit.h"

#include <QByteArray>

// The pieces YamlEdit's structural edits build new text from, shared between
// the rendering of new values (yamlrender.cpp) and the edits (yamledit.cpp).
// Internal to the model: the public API is in yamledit.h.
namespace meshroute::YamlEdit {

// A mapping key as YAML text, quoted where a plain key would read differently
// (in a flow collection when `inFlow`).
QByteArray keyText(const QByteArray &key, bool inFlow = false);
// A scalar (or a missing value, as "null") as YAML text.
QByteArray scalarText(const YamlNode &n, bool inFlow = false);
bool isEmptyCollection(const YamlNode &n);
bool isBlockCollection(const YamlNode &n);
// The pair index of `key` in a mapping, or -1.
int keyIndex(const YamlNode &map, const QByteArray &key);
// Text with "\n" line breaks turned into the layout's.
QByteArray withNewlines(QByteArray text, const Layout &layout);
// What follows `key:` for a value under a key at `indent` spaces: " scalar", " {}" or "\n" + block.
QByteArray valueAfterKey(const YamlNode &v, int indent, const Layout &layout);
// renderBlock with "\n" line breaks, whatever the layout's.
QByteArray renderBlockLf(const YamlNode &node, int indent, const Layout &layout);
// A collection whose style is Flow renders as flow wherever it stands, block rendering included.
YamlNode asFlow(YamlNode collection);
// Whether an edit keeps each line among the neighbours it had (a move or copy of whole items, a
// block value written in place) or brings lines together that stood apart (a removal, an insertion).
enum class Neighbours { Kept, Joined };
// Whether `document` with `change` applied reads as YAML: always parses it.
bool reads(const QByteArray &document, const TextChange &change);
// Whether `document` with `change` applied still reads as YAML, for an edit that keeps neighbours:
// only a tab can make whole lines read otherwise then, and without one the answer is yes, unparsed.
bool readsWith(const QByteArray &document, const TextChange &change);
// The last guard of a structural edit: one whose result would not read (a case no rule of the edit
// foresaw) is refused, with `error` saying so, rather than written. It parses only where the
// characters of a construct that can read otherwise are (see the definition).
bool readsAfter(const QByteArray &document, const TextChange &change, Neighbours neighbours, const char *edit,
    QString *error);

} // namespace meshroute::YamlEdit
