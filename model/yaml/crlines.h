#pragma once

#include <QByteArray>
#include <QString>

namespace meshroute {

// Text whose lines end in a lone CR (old Mac files, which YAML 1.2 reads).
// The edit commands write LF; they edit such a text as LF text of the same
// length, so every offset and parsed position holds, and give it its CRs back.
namespace CrLines {

// Whether the text's line breaks are lone CRs: it has a CR and no LF.
bool used(const QByteArray &text);
// The text with each CR as LF, when `crLines`; else the text as it is.
QByteArray toLf(QByteArray text, bool crLines);
// The edited text with each LF as CR again, when `crLines`; else as it is.
QByteArray toCr(QByteArray text, bool crLines);
// Whether the text mixes lone CRs with LF line breaks. YAML reads both, but an
// edit's new lines could not say which break each line had, so the edit
// commands refuse such a text (with mixedRefusal) rather than break it.
bool mixed(const QByteArray &text);
QString mixedRefusal(const QString &what);

} // namespace CrLines

} // namespace meshroute
