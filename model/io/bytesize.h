#pragma once

#include <QString>

namespace meshroute {

// Sizes as the command line writes them: "64M", "1G", "512K" or a number of
// bytes. K, M and G are powers of 1024, as file sizes are usually shown.
namespace ByteSize {

// False for anything else, zero, or more than 1024G (a whole input is held in memory).
bool parse(const QString &text, qint64 *bytes);
// For messages: "64 MB", "1000 bytes".
QString text(qint64 bytes);

} // namespace ByteSize

} // namespace meshroute
