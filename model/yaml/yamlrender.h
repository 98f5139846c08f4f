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
// Whether `document` with `change` applied still reads as YAML. Only a tab in either can make whole
// lines read otherwise among new neighbours; without one the answer is yes, without a parse.
bool readsWith(const QByteArray &document, const TextChange &change);
// The last guard of a structural edit: one whose result would not read (a case no rule of the edit
// foresaw) is refused, with `error` saying so, rather than written. As readsWith, it parses only
// where a tab is.
bool readsAfter(const QByteArray &document, const TextChange &change, const char *edit, QString *error);

} // namespace meshroute::YamlEdit
