// The checker's registry (analyzerregistry.cpp): every check declares the
// codes it reports and the kinds it reads, and the declarations are true.

#include "analyzerregistry.h"
#include "checkcontext.h"
#include "checker.h"
#include "corpus.h"
#include "diagnosticcodes.h"
#include "loader.h"

#include <QSet>
#include <QtTest>

using namespace meshroute;
using namespace meshroute::test;

class TestAnalyzerRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyCheckIsWellFormed();
    void everyDeclaredCodeIsInTheTable();
    void everyCodeOfTheTableHasACheck();
    void checksReportOnlyWhatTheyDeclare_data();
    void checksReportOnlyWhatTheyDeclare();
    void theCheckerRunsTheRegistry();
};

void TestAnalyzerRegistry::everyCheckIsWellFormed()
{
    QSet<QString> names;
    QVERIFY(AnalyzerRegistry::all().size() >= 24);
    for (const Analyzer &a : AnalyzerRegistry::all()) {
        QVERIFY2(!a.name.isEmpty() && !names.contains(a.name), qPrintable(a.name));
        names.insert(a.name);
        QVERIFY2(!a.codes.isEmpty(), qPrintable(a.name));
        QVERIFY2(!a.reads.isEmpty(), qPrintable(a.name));
        QVERIFY2((a.checkResource == nullptr) != (a.checkMesh == nullptr), qPrintable(a.name));
        if (a.checkResource)
            QVERIFY2(a.reads.size() == 1, qPrintable(a.name + QStringLiteral(" checks one kind")));
    }
}

void TestAnalyzerRegistry::everyDeclaredCodeIsInTheTable()
{
    for (const Analyzer &a : AnalyzerRegistry::all())
        for (const char *code : a.codes)
            QVERIFY2(DiagnosticCodes::find(QLatin1String(code)),
                qPrintable(a.name + QStringLiteral(" declares ") + QLatin1String(code)));
}

void TestAnalyzerRegistry::everyCodeOfTheTableHasACheck()
{
    for (const DiagnosticCodeInfo &c : DiagnosticCodes::all()) {
        QVERIFY2(!AnalyzerRegistry::reporting(c.code).isEmpty(),
            qPrintable(c.code + QStringLiteral(" has no check")));
        QVERIFY(DiagnosticCodes::textRow(c).contains(AnalyzerRegistry::reporting(c.code).first()));
    }
}

void TestAnalyzerRegistry::checksReportOnlyWhatTheyDeclare_data()
{
    addSweepRows(60, 250);
}

// Each check run alone on every fixture (and on the corpus when it is given):
// whatever it finds carries one of the codes it declares.
void TestAnalyzerRegistry::checksReportOnlyWhatTheyDeclare()
{
    QFETCH(QString, path);
    const LoadResult load = Loader::loadPaths({ path });
    const Workspace &ws = load.workspace;
    for (const Analyzer &a : AnalyzerRegistry::all()) {
        Diagnostics found;
        CheckContext ctx(ws, found);
        if (a.checkMesh) {
            a.checkMesh(ctx);
        } else {
            for (const Resource &r : ws.resources)
                if (r.kind == a.reads.first())
                    a.checkResource(ctx, r);
        }
        QSet<QString> declared;
        for (const char *code : a.codes)
            declared.insert(QLatin1String(code));
        for (const Diagnostic &d : std::as_const(found))
            QVERIFY2(declared.contains(d.code),
                qPrintable(a.name + QStringLiteral(" reported an undeclared ") + d.code + QStringLiteral(": ")
                    + d.toText()));
    }
}

// The checker is the registry: the same findings as its checks run in registry order.
void TestAnalyzerRegistry::theCheckerRunsTheRegistry()
{
    const LoadResult load = Loader::loadPaths({ dataPath(QStringLiteral("check")) });
    QVERIFY(load.workspace.resources.size() > 10);
    const Diagnostics checked = Checker::check(load.workspace);
    QSet<QString> fromRegistry;
    for (const Analyzer &a : AnalyzerRegistry::all()) {
        Diagnostics found;
        CheckContext ctx(load.workspace, found);
        if (a.checkMesh)
            a.checkMesh(ctx);
        else
            for (const Resource &r : load.workspace.resources)
                if (r.kind == a.reads.first())
                    a.checkResource(ctx, r);
        for (const Diagnostic &d : std::as_const(found))
            if (!d.file.contains(
                    QLatin1String("/suppression-"))) // the checker drops what annotations silence
                fromRegistry.insert(d.toText());
    }
    QSet<QString> fromChecker;
    for (const Diagnostic &d : checked)
        if (!d.file.contains(QLatin1String("/suppression-")))
            fromChecker.insert(d.toText());
    QVERIFY(!fromChecker.isEmpty());
    const QSet<QString> onlyChecker = fromChecker - fromRegistry;
    const QSet<QString> onlyRegistry = fromRegistry - fromChecker;
    QVERIFY2(onlyChecker.isEmpty(), qPrintable(onlyChecker.values().join(QLatin1Char('\n'))));
    QVERIFY2(onlyRegistry.isEmpty(), qPrintable(onlyRegistry.values().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestAnalyzerRegistry)
#include "tst_analyzerregistry.moc"
