// The loader parses the documents of a file of 8 or more on a thread pool
// (Loader::addFile). A race there once showed as a rare heap corruption while
// tst_routetable loaded all of tests/data. These loads repeat the parallel
// parse many times, with more threads than cores and with a progress meter
// reporting from the workers, and want the same answer every time as from one
// thread. Under scripts/test --sanitize a race becomes a finding of its own;
// MESHROUTE_PARALLEL_LOAD_ROUNDS runs more rounds when hunting one.
#include "corpus.h"
#include "loader.h"

#include <QtTest>

#include <atomic>

using namespace meshroute;

namespace {

int rounds(int byDefault)
{
    const int asked = qEnvironmentVariableIntValue("MESHROUTE_PARALLEL_LOAD_ROUNDS");
    return asked > 0 ? asked : byDefault;
}

// What a load found, as text: a difference between two loads shows as a line.
QStringList summary(const LoadResult &loaded)
{
    QStringList out;
    for (const Resource &r : loaded.workspace.resources)
        out << QStringLiteral("%1 %2/%3 %4:%5 doc %6")
                   .arg(r.kindName.value, r.namespaceName(), r.name())
                   .arg(r.fileIndex)
                   .arg(r.baseLine)
                   .arg(r.documentIndex);
    for (const Diagnostic &d : loaded.diagnostics)
        out << QStringLiteral("%1:%2:%3 %4 %5").arg(d.file).arg(d.line).arg(d.column).arg(d.code, d.message);
    return out;
}

// Many small documents of every kind the reader knows, with a few errors among them.
QByteArray manyDocuments(int count)
{
    QByteArray text;
    for (int i = 0; i < count; ++i) {
        switch (i % 5) {
        case 0:
            text += QStringLiteral("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                                   "  name: vs-%1\nspec:\n  hosts: [svc-%1]\n  http:\n  - match:\n"
                                   "    - uri: {prefix: /p%1}\n    route:\n    - destination: {host: svc-%1, "
                                   "subset: v1}\n      weight: 90\n    - destination: {host: svc-%1, subset: "
                                   "v2}\n      weight: 10\n")
                        .arg(i)
                        .toUtf8();
            break;
        case 1:
            text += QStringLiteral("apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-%1\nspec:\n"
                                   "  selector: {app: a%1}\n  ports:\n  - {name: http, port: 80}\n")
                        .arg(i - 1)
                        .toUtf8();
            break;
        case 2:
            text += QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
                                   "  name: r-%1\nspec:\n  parentRefs: [{name: gw}]\n  rules:\n"
                                   "  - backendRefs: [{name: svc-%1, port: 80, weight: 3}]\n")
                        .arg(i)
                        .toUtf8();
            break;
        case 3:
            text += QStringLiteral("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                                   "  name: dr-%1\nspec:\n  host: svc-%1\n  subsets:\n  - {name: v1, labels: "
                                   "{version: v1}}\n")
                        .arg(i)
                        .toUtf8();
            break;
        default:
            text += QStringLiteral("kind: VirtualService\nmetadata: {name: broken-%1\nspec: [\n")
                        .arg(i)
                        .toUtf8();
            break;
        }
        text += "---\n";
    }
    return text;
}

} // namespace

class TestParallelLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manyDocumentsLoadAsFromOneThread();
    void folderLoadsTheSameEveryTime();
};

void TestParallelLoad::manyDocumentsLoadAsFromOneThread()
{
    const QByteArray text = manyDocuments(400);
    LoadOptions one;
    one.threads = 1;
    const QStringList expected = summary(Loader::loadText(text, QStringLiteral("many.yaml"), one));
    QVERIFY2(expected.size() >= 400, qPrintable(expected.mid(0, 5).join(QLatin1Char('\n'))));
    LoadOptions many;
    many.threads = 8; // more than the cores: workers are preempted in the middle of a parse
    for (int round = rounds(20); round > 0; --round)
        QCOMPARE(summary(Loader::loadText(text, QStringLiteral("many.yaml"), many)), expected);
}

void TestParallelLoad::folderLoadsTheSameEveryTime()
{
    const QStringList folder { test::dataDir() };
    LoadOptions one;
    one.threads = 1;
    const QStringList expected = summary(Loader::loadPaths(folder, one));
    QVERIFY2(expected.size() > 300, qPrintable(QString::number(expected.size())));
    LoadOptions many;
    many.threads = 8;
    std::atomic<qint64> reports = 0;
    many.progress = [&reports](const LoadProgress &) { ++reports; }; // from any of the parsing threads
    for (int round = rounds(5); round > 0; --round)
        QCOMPARE(summary(Loader::loadPaths(folder, many)), expected);
    QVERIFY(reports > 0);
}

QTEST_GUILESS_MAIN(TestParallelLoad)
#include "tst_parallelload.moc"
