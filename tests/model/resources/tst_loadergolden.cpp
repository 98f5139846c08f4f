// The loader's own codes (MR0001-MR0008, listed by `meshroute check
// --list-codes`): one golden case each under tests/data/load. A case is
// <case>/input.txt (.txt, so the YAML sweeps leave these broken-on-purpose
// files out) and expected.txt of `line:col: severity: [CODE]` lines; it may set
// the loader's size limit in max-file-bytes.txt, and a case without input.txt
// reads a file that does not exist. MESHROUTE_UPDATE_GOLDEN=1 rewrites the
// expected files (read the diff before committing it).
#include "corpus.h"
#include "goldendiagnostics.h"
#include "loader.h"
#include "resourcereader.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QtTest>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

QString caseDir()
{
    return test::dataPath(QStringLiteral("load"));
}

LoadResult loadCase(const QString &dir)
{
    LoadOptions options;
    const QByteArray limit = readFile(dir + QStringLiteral("/max-file-bytes.txt")).trimmed();
    if (!limit.isEmpty())
        options.maxFileBytes = limit.toLongLong();
    return Loader::loadPaths({ dir + QStringLiteral("/input.txt") }, options);
}

QStringList cases()
{
    return QDir(caseDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestLoaderGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenCases_data()
    {
        QTest::addColumn<QString>("dir");
        for (const QString &c : cases())
            QTest::newRow(qPrintable(c)) << caseDir() + QLatin1Char('/') + c;
    }

    void goldenCases()
    {
        QFETCH(QString, dir);
        const LoadResult load = loadCase(dir);
        const QString actual = test::goldenDiagnostics(load.diagnostics);
        if (qEnvironmentVariableIsSet("MESHROUTE_UPDATE_GOLDEN")) {
            QFile f(dir + QStringLiteral("/expected.txt"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(actual.toUtf8());
            return;
        }
        QCOMPARE(actual, QString::fromUtf8(readFile(dir + QStringLiteral("/expected.txt"))));
        // Every message says where and what, with the file's path.
        for (const Diagnostic &d : load.diagnostics) {
            QVERIFY2(d.file.endsWith(QStringLiteral("/input.txt")), qPrintable(d.toText()));
            QVERIFY2(!d.message.isEmpty(), qPrintable(d.toText()));
        }
    }

    void everyLoaderCodeHasAGoldenCase()
    {
        QSet<QString> covered;
        for (const QString &c : cases()) {
            const QString text = QString::fromUtf8(
                readFile(caseDir() + QLatin1Char('/') + c + QStringLiteral("/expected.txt")));
            for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                covered.insert(line.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0));
        }
        QVERIFY(!ResourceReader::codes().isEmpty());
        for (const DiagnosticCodeInfo &c : ResourceReader::codes())
            QVERIFY2(covered.contains(c.code),
                qPrintable(QStringLiteral("no golden case under tests/data/load reports %1").arg(c.code)));
    }
};

QTEST_GUILESS_MAIN(TestLoaderGolden)
#include "tst_loadergolden.moc"
