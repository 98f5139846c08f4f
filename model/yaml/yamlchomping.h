#pragma once

// What a block scalar's ('|', '>') chomping makes of the line breaks at its end, where an edit
// writes text next to it. Two places read differently once text follows them:
// - A block scalar whose last line ends the document without a line break reads without a final
//   newline (`a: |` over `  x` is "x"). Text after it needs a line break, which would give it one
//   ("x\n"), and a key whose text it is would no longer be found. Its chomping indicator set to
//   strip ('-') keeps the value: an edit that writes after it changes that byte of its header too.
// - A keep ('+') scalar's empty lines after its last line are its value's line breaks: text
//   goes after them, not between them and the scalar.

#include "yamledit.h"
#include "yamlnode.h"

#include <QByteArray>

namespace meshroute::YamlChomping {

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

// Where the empty lines end that a keep scalar ending `node`'s text holds after its last line (at
// the last one's line break, or the end of `doc`); -1 when `node` ends otherwise.
int keptLinesEnd(const QByteArray &doc, const YamlNode &node);

// Whether a block scalar in `within` ends at the line break at `lineBreak`: its value holds that
// break (clip, keep), so a removal after it must leave it there.
bool endsAtLineBreak(const QByteArray &doc, const YamlNode &within, int lineBreak);

} // namespace meshroute::YamlChomping
