#pragma once

// Where the optional public corpus lives, found at run time.
//
// The default suite carries its own data (tests/data). The public corpus of
// real manifests is an extra sweep: set MESHROUTE_CORPUS_DIR to its folder
// (in this project's CI: ../shared/corpus) and the corpus tests run; leave it
// unset and each of them is skipped with one line that says how to enable it.
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QtTest>

namespace meshroute::test {

// The corpus folder, or an empty string when MESHROUTE_CORPUS_DIR is unset
// or does not name a folder.
inline QString corpusDir()
{
    const QString dir = qEnvironmentVariable("MESHROUTE_CORPUS_DIR");
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return {};
    return QDir(dir).absolutePath();
}

// A path inside the corpus (empty when there is no corpus).
inline QString corpusPath(const QString &relative)
{
    const QString dir = corpusDir();
    return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + relative;
}

} // namespace meshroute::test

// Skips the current test (or, in a _data function, all its rows) when no
// corpus is configured, with one line that says how to run it.
#define MESHROUTE_REQUIRE_CORPUS()                                                                           \
    do {                                                                                                     \
        if (meshroute::test::corpusDir().isEmpty())                                                          \
            QSKIP("corpus sweep: set MESHROUTE_CORPUS_DIR to the public corpus folder (e.g. ../shared/corpus) " \
                  "to run it");                                                                              \
    } while (false)
