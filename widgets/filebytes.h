#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace meshroute {

// The whole of a file as bytes; the window compares them with what it last
// read or wrote, so it never goes through a text codec.
namespace FileBytes {

// Empty when the file cannot be opened; `ok` tells that apart from an empty file.
inline QByteArray read(const QString &path, bool *ok = nullptr)
{
    QFile f(path);
    const bool opened = f.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? f.readAll() : QByteArray();
}

} // namespace FileBytes

} // namespace meshroute
