#pragma once

// A block scalar ('|' or '>') whose last line ends the document without a line break reads without
// a final newline: `a: |` over `  x` at the end of a file is "x". Text written after it needs a
// line break, which would give it one ("x\n"), and a key whose text it is would no longer be found.
// Its header's chomping indicator set to strip ('-') keeps the value it had: an edit that writes
// after it changes that one byte of its header too.

#include "yamledit.h"
#include "yamlnode.h"

#include <QByteArray>

namespace meshroute::YamlFinalBlockScalar {

struct Header
{
    int indicatorsBegin = -1; // after the '|' or '>'; -1: no block scalar ends the document unbroken
    int indicatorsEnd = -1;
    QByteArray keeping; // the indicators that keep the value with a line break after it
};

// The header of the block scalar that ends `doc` without a line break, inside `within` (a node of
// doc's tree), and the indicators that keep its value when text follows it.
Header find(const QByteArray &doc, const YamlNode &within);

// Makes `change`, when it adds text at the end of `doc`, keep that block scalar's value: the change
// then starts at its header. The scalar's last line is content (a line of fewer spaces than its
// indentation ends it before the end), so it has no line break to keep or drop at the end, and
// strip reads the same value there as clip and keep do.
void keepWhenAppending(const QByteArray &doc, const YamlNode &within, TextChange *change);

} // namespace meshroute::YamlFinalBlockScalar
