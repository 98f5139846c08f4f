#pragma once

// Where the test data lives: our own hand-made files (tests/data, always
// there) and the optional public corpus, found at run time.
//
// The default suite carries its own data (tests/data). The public corpus of
// real manifests is an extra sweep: set MESHROUTE_CORPUS_DIR to its folder
// (in this project's CI: ../shared/corpus) and the corpus tests run; leave it
// unset and each of them is skipped with one line that says how to enable it.
// With MESHROUTE_CORPUS_REQUIRED=1 a missing corpus fails instead, so that CI
// cannot pass a corpus run that silently ran nothing.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>
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

// True when MESHROUTE_CORPUS_REQUIRED=1: a missing corpus is then a failure.
inline bool corpusRequired()
{
    return qEnvironmentVariable("MESHROUTE_CORPUS_REQUIRED") == QLatin1String("1");
}

// Our own hand-made test data (tests/data), part of the repository.
inline QString dataDir()
{
    return QStringLiteral(MESHROUTE_TEST_DATA_DIR);
}

// A path inside tests/data.
inline QString dataPath(const QString &relative)
{
    return dataDir() + QLatin1Char('/') + relative;
}

// A file's bytes, read past the code under test; empty when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The files under `dir` (recursively) whose names match `filters`, sorted so
// that rows and messages come in a stable order.
inline QStringList filesUnder(const QString &dir, const QStringList &filters)
{
    QStringList out;
    if (dir.isEmpty())
        return out;
    QDirIterator it(dir, filters, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    out.sort();
    return out;
}

inline const QStringList &yamlFilters()
{
    static const QStringList filters { QStringLiteral("*.yaml"), QStringLiteral("*.yml") };
    return filters;
}

// Every YAML file of tests/data.
// Fuzz seeds and regression inputs are malformed on purpose: tst_fuzzregressions
// replays them; the sweeps take only the fixtures meant to be valid manifests.
inline QStringList dataYamlFiles()
{
    QStringList out = filesUnder(dataDir(), yamlFilters());
    out.removeIf([](const QString &p) { return p.contains(QStringLiteral("/fuzz-")); });
    return out;
}

// Every YAML file of the corpus (none without a corpus). Helm/Go templates
// under templated/ are not YAML until rendered: they are left out unless asked for.
inline QStringList corpusYamlFiles(bool withTemplated = false)
{
    QStringList out = filesUnder(corpusDir(), yamlFilters());
    if (!withTemplated)
        out.removeIf([](const QString &p) { return p.contains(QStringLiteral("/templated/")); });
    return out;
}

// The files a sweep runs over: every YAML file of tests/data, then, when a
// corpus is configured, every YAML file of the corpus.
inline QStringList sweepYamlFiles(bool withTemplated = false)
{
    return dataYamlFiles() + corpusYamlFiles(withTemplated);
}

// A short, stable row name for a sweep file: "data/<path>" or "corpus/<path>".
inline QString sweepRowName(const QString &path)
{
    const QString corpus = corpusDir();
    if (!corpus.isEmpty() && path.startsWith(corpus + QLatin1Char('/')))
        return QStringLiteral("corpus/") + path.mid(corpus.size() + 1);
    if (path.startsWith(dataDir() + QLatin1Char('/')))
        return QStringLiteral("data/") + path.mid(dataDir().size() + 1);
    return path;
}

// A sweep's lower bound on the work it did: `dataOnly` over tests/data alone,
// `withCorpus` when the corpus is swept too. A sweep that silently found
// nothing to do (a moved folder, a filter that matches no file) then fails.
inline int sweepMinimum(int dataOnly, int withCorpus)
{
    return corpusDir().isEmpty() ? dataOnly : withCorpus;
}

// A sweep's _data function: a "path" column and one row per file of
// sweepYamlFiles(), failing when there are fewer than sweepMinimum() of them.
inline void addSweepRows(int dataOnly, int withCorpus)
{
    QTest::addColumn<QString>("path");
    const QStringList files = sweepYamlFiles();
    QVERIFY2(files.size() >= sweepMinimum(dataOnly, withCorpus), qPrintable(QString::number(files.size())));
    for (const QString &f : files)
        QTest::newRow(qPrintable(sweepRowName(f))) << f;
}

} // namespace meshroute::test

// Skips the current test (or, in a _data function, all its rows) when no
// corpus is configured, with one line that says how to run it; fails instead
// when MESHROUTE_CORPUS_REQUIRED=1.
#define MESHROUTE_REQUIRE_CORPUS()                                                                           \
    do {                                                                                                     \
        if (meshroute::test::corpusDir().isEmpty()) {                                                        \
            if (meshroute::test::corpusRequired())                                                           \
                QFAIL("corpus sweep: MESHROUTE_CORPUS_REQUIRED=1 but MESHROUTE_CORPUS_DIR does not name "    \
                      "the public corpus folder");                                                           \
            QSKIP("corpus sweep: set MESHROUTE_CORPUS_DIR to the public corpus folder "                      \
                  "(e.g. ../shared/corpus) to run it");                                                      \
        }                                                                                                    \
    } while (false)
