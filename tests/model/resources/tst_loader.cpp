// Loading: resources and positions from YAML, and every kind of bad input as
// a diagnostic with file:line:column, never a crash or a hang.
#include "corpus.h"
#include "loader.h"
#include "resourcereader.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;

namespace {

const Diagnostic *findCode(const Diagnostics &ds, const QString &code)
{
    for (const Diagnostic &d : ds)
        if (d.code == code)
            return &d;
    return nullptr;
}

QString dump(const Diagnostics &ds)
{
    QStringList lines;
    for (const Diagnostic &d : ds)
        lines.append(d.toText());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBookinfoTypes();
    void positionsAreOneBasedAndAbsolute();
    void byteOrderMarkTakesNoIndentation();
    void keepsApiVersionAsWritten_data();
    void keepsApiVersionAsWritten();
    void unpacksKubectlList();
    void readsFoldersRecursively();
    void badInput_data();
    void badInput();
    void wrongTypesKeepTheRestLoaded();
    void unknownFieldsAreWarningsWithSuggestion();
    void aliasBombStopsQuickly();
    void deepNestingStopsQuickly();
    void oversizedFileIsRefused();
    void invalidUtf8IsReportedAtItsPlace();
    void unreadablePathIsAnInputError();
    void everyCorpusFileLoadsWithoutCrash();
    void progressCountsFilesAndBytes();
    void equalTextsShareOneBuffer();
};

void TestLoader::readsBookinfoTypes()
{
    const LoadResult r = Loader::loadPaths({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
    const Workspace &ws = r.workspace;
    QCOMPARE(ws.ofKind(ResourceKind::Gateway).size(), 1);
    QCOMPARE(ws.ofKind(ResourceKind::VirtualService).size(), 2);
    QCOMPARE(ws.ofKind(ResourceKind::DestinationRule).size(), 1);
    QCOMPARE(ws.ofKind(ResourceKind::Service).size(), 4);
    QCOMPARE(ws.ofKind(ResourceKind::Workload).size(), 6);

    const Resource *bookinfo
        = ws.find(ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("bookinfo"));
    QVERIFY(bookinfo);
    const VirtualService &vs = *bookinfo->virtualService();
    QCOMPARE(vs.hosts.size(), 1);
    QCOMPARE(vs.hosts[0].value, QStringLiteral("bookinfo.app"));
    QCOMPARE(vs.gateways[0].value, QStringLiteral("bookinfo-gateway"));
    QCOMPARE(vs.http.size(), 1);
    QCOMPARE(vs.http[0].match.size(), 5);
    QCOMPARE(vs.http[0].match[0].uri.type, StringMatch::Type::Exact);
    QCOMPARE(vs.http[0].match[0].uri.value, QStringLiteral("/productpage"));
    QCOMPARE(vs.http[0].match[1].uri.type, StringMatch::Type::Prefix);
    QCOMPARE(vs.http[0].route[0].destination.port.number.value, 9080);

    const Resource *reviews
        = ws.find(ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("reviews"));
    const HttpRoute &canary = reviews->virtualService()->http[0];
    QCOMPARE(canary.name.value, QStringLiteral("canary"));
    QCOMPARE(canary.route[0].destination.subset.value, QStringLiteral("v1"));
    QCOMPARE(canary.route[0].weight.value, 99);
    QCOMPARE(canary.route[1].weight.value, 1);
    QVERIFY(canary.isCatchAll());

    const Resource *dr
        = ws.find(ResourceKind::DestinationRule, QStringLiteral("default"), QStringLiteral("reviews"));
    QCOMPARE(dr->destinationRule()->subsets.size(), 3);
    QCOMPARE(dr->destinationRule()->subsets[2].labels[0].value, QStringLiteral("v3"));

    const Resource *v1
        = ws.find(ResourceKind::Workload, QStringLiteral("default"), QStringLiteral("reviews-v1"));
    QCOMPARE(v1->workload()->replicaCount(), 3);
    QCOMPARE(labelValue(v1->workload()->podLabels, QStringLiteral("version")), QStringLiteral("v1"));

    const Resource *gw
        = ws.find(ResourceKind::Gateway, QStringLiteral("default"), QStringLiteral("bookinfo-gateway"));
    QCOMPARE(gw->gateway()->servers[0].port.number.value, 80);
    QCOMPARE(gw->gateway()->servers[0].hosts[0].value, QStringLiteral("bookinfo.app"));
}

// Notepad and PowerShell's Out-File write a UTF-8 byte order mark before the
// first key. The mark is not indentation: the first key and the keys of the
// next lines are siblings (YAML 1.2, 5.2: a byte order mark is not content).
void TestLoader::byteOrderMarkTakesNoIndentation()
{
    const QString path = test::dataPath(QStringLiteral("yaml/byte-order-mark.yaml"));
    const LoadResult r = Loader::loadPaths({ path });
    QVERIFY2(r.diagnostics.isEmpty() || !findCode(r.diagnostics, QStringLiteral("MR0001")),
        qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.workspace.resources.size(), 2);
    const Resource *vs
        = r.workspace.find(ResourceKind::VirtualService, QStringLiteral("shop"), QStringLiteral("reviews"));
    QVERIFY(vs);
    QCOMPARE(vs->pos.line, 1);
    QCOMPARE(vs->virtualService()->http[0].route[1].weight.value, 10);

    // A wrong type on the mark's line is still reported there.
    const LoadResult bad = Loader::loadText(
        QByteArray("\xEF\xBB\xBFkind: [VirtualService]\napiVersion: v1\n"), QStringLiteral("bom.yaml"));
    QVERIFY2(!findCode(bad.diagnostics, QStringLiteral("MR0001")), qPrintable(dump(bad.diagnostics)));
    const Diagnostic *kind = findCode(bad.diagnostics, QStringLiteral("MR0008"));
    QVERIFY2(kind, qPrintable(dump(bad.diagnostics)));
    QCOMPARE(kind->line, 1);
}

void TestLoader::positionsAreOneBasedAndAbsolute()
{
    const QByteArray yaml = "# leading comment\n"
                            "apiVersion: v1\n"
                            "kind: Service\n"
                            "metadata: {name: a}\n"
                            "---\n"
                            "apiVersion: networking.istio.io/v1\n"
                            "kind: VirtualService\n"
                            "metadata:\n"
                            "  name: b\n"
                            "spec:\n"
                            "  hosts: [b]\n"
                            "  http:\n"
                            "  - route:\n"
                            "    - destination:\n"
                            "        host: b\n"
                            "      weight: 7\n";
    const LoadResult r = Loader::loadText(yaml, QStringLiteral("pos.yaml"));
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.workspace.resources.size(), 2);
    const Resource &vs = r.workspace.resources[1];
    QCOMPARE(vs.baseLine, 5);
    QCOMPARE(vs.documentIndex, 1);
    const Field<qint64> &weight = vs.virtualService()->http[0].route[0].weight;
    QCOMPARE(vs.absoluteLine(weight.pos), 16);
    QCOMPARE(vs.absoluteColumn(weight.pos), 15);
    // The value's bytes are exactly "7".
    QCOMPARE(yaml.mid(vs.baseOffset + weight.pos.offset, weight.pos.endOffset - weight.pos.offset),
        QByteArray("7"));
}

void TestLoader::keepsApiVersionAsWritten_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::newRow("v1alpha3") << "networking.istio.io/v1alpha3";
    QTest::newRow("v1beta1") << "networking.istio.io/v1beta1";
    QTest::newRow("v1") << "networking.istio.io/v1";
}

void TestLoader::keepsApiVersionAsWritten()
{
    QFETCH(QString, apiVersion);
    const QByteArray yaml = "apiVersion: " + apiVersion.toUtf8()
        + "\nkind: DestinationRule\nmetadata: {name: r}\nspec:\n  host: r\n";
    const LoadResult r = Loader::loadText(yaml);
    QCOMPARE(r.workspace.resources.size(), 1);
    QCOMPARE(r.workspace.resources[0].kind, ResourceKind::DestinationRule);
    QCOMPARE(r.workspace.resources[0].apiVersion.value, apiVersion);
}

void TestLoader::unpacksKubectlList()
{
    const QByteArray yaml = "apiVersion: v1\n"
                            "kind: List\n"
                            "items:\n"
                            "- apiVersion: networking.istio.io/v1beta1\n"
                            "  kind: VirtualService\n"
                            "  metadata:\n"
                            "    name: one\n"
                            "    namespace: prod\n"
                            "    resourceVersion: \"123\"\n"
                            "    uid: 0b5c\n"
                            "  spec:\n"
                            "    hosts: [one]\n"
                            "    http:\n"
                            "    - route:\n"
                            "      - destination: {host: one}\n"
                            "  status: {}\n"
                            "- apiVersion: v1\n"
                            "  kind: Service\n"
                            "  metadata: {name: one, namespace: prod}\n"
                            "  spec: {selector: {app: one}, ports: [{port: 80, name: http}]}\n"
                            "metadata:\n"
                            "  resourceVersion: \"\"\n";
    const LoadResult r = Loader::loadText(yaml);
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.workspace.resources.size(), 2);
    QCOMPARE(r.workspace.resources[0].listItem, 0);
    QCOMPARE(r.workspace.resources[0].namespaceName(), QStringLiteral("prod"));
    QCOMPARE(r.workspace.resources[1].kind, ResourceKind::Service);
    QCOMPARE(r.workspace.resources[1].service()->ports[0].port.value, 80);
}

void TestLoader::readsFoldersRecursively()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a/b")));
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("one.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: one}\n");
    write(QStringLiteral("a/b/two.yml"), "apiVersion: v1\nkind: Service\nmetadata: {name: two}\n");
    write(QStringLiteral("a/readme.txt"), "not yaml: [");
    const LoadResult r = Loader::loadPaths({ dir.path() });
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.files.size(), 2);
    QCOMPARE(r.workspace.resources.size(), 2);
}

void TestLoader::badInput_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("tab indentation") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n")
                                     << "MR0001" << 4 << 1 << "tab";
    QTest::newRow("unterminated quote")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: \"x\n") << "MR0001" << 4 << 9 << "";
    QTest::newRow("second document broken")
        << QByteArray("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n"
                      "apiVersion: v1\nkind: [\n")
        << "MR0001" << 6 << 0 << "";
    QTest::newRow("weight is a string")
        << QByteArray(
               "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n"
               "  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n      weight: \"most\"\n")
        << "MR0002" << 9 << 15 << "spec.http[0].route[0].weight must be an integer";
    QTest::newRow("weight is a mapping")
        << QByteArray(
               "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n"
               "  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n      weight: {a: b}\n")
        << "MR0002" << 9 << 7 << "got a mapping"; // at the key: the value is a mapping
    QTest::newRow("quoted number") << QByteArray(
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\n"
        "spec:\n  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n"
        "      weight: \"50\"\n") << "MR0002"
                                   << 9 << 15 << "remove the quotes";
    QTest::newRow("hosts not a list")
        << QByteArray("apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                      "metadata: {name: a}\nspec:\n  hosts: {a: b}\n")
        << "MR0002" << 5 << 3 << "must be a list"; // at the key
    QTest::newRow("duplicate key") << QByteArray("apiVersion: networking.istio.io/v1\nkind: DestinationRule\n"
                                                 "metadata: {name: a}\nspec:\n  host: a\n  host: b\n")
                                   << "MR0007" << 6 << 3 << "duplicate key";
    // byte_editor fuzz finding: a mark inside a document (a file joined after another with cat) was
    // text of the key after it; removing the entry before made it the document's own mark.
    QTest::newRow("byte order mark inside a document") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n\xEF\xBB\xBF"
        "apiVersion: v1\n") << "MR0001" << 5 << 1 << "byte order mark";
    QTest::newRow("scalar document") << QByteArray("just text\n") << "MR0008" << 1 << 1
                                     << "must be a mapping";
    QTest::newRow("missing kind") << QByteArray("apiVersion: v1\nmetadata: {name: a}\n") << "MR0008" << 1 << 1
                                  << "kind is missing";
}

void TestLoader::badInput()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = Loader::loadText(yaml, QStringLiteral("bad.yaml"));
    const Diagnostic *d = findCode(r.diagnostics, code);
    QVERIFY2(d, qPrintable(QStringLiteral("expected %1 in:\n%2").arg(code, dump(r.diagnostics))));
    QCOMPARE(d->file, QStringLiteral("bad.yaml"));
    QCOMPARE(d->line, line);
    if (column > 0)
        QCOMPARE(d->column, column);
    QVERIFY2(d->message.contains(messagePart, Qt::CaseInsensitive), qPrintable(d->message));
    QCOMPARE(d->severity, Diagnostic::Severity::Error);
    qDebug() << d->toText() << "in" << timer.elapsed() << "ms";
}

void TestLoader::wrongTypesKeepTheRestLoaded()
{
    const QByteArray yaml
        = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n"
          "  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a, subset: v1}\n"
          "      weight: \"most\"\n    - destination: {host: a, subset: v2}\n      weight: 10\n";
    const LoadResult r = Loader::loadText(yaml);
    QCOMPARE(r.workspace.resources.size(), 1);
    const HttpRoute &rule = r.workspace.resources[0].virtualService()->http[0];
    QCOMPARE(rule.route.size(), 2);
    QVERIFY(!rule.route[0].weight.present);
    QCOMPARE(rule.route[0].destination.subset.value, QStringLiteral("v1"));
    QCOMPARE(rule.route[1].weight.value, 10);
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].path, QStringLiteral("spec.http[0].route[0].weight"));
    QCOMPARE(r.diagnostics[0].resource, QStringLiteral("VirtualService default/a"));
}

void TestLoader::unknownFieldsAreWarningsWithSuggestion()
{
    const QByteArray yaml
        = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n"
          "  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n      wieght: 10\n"
          "    colour: blue\n";
    const LoadResult r = Loader::loadText(yaml);
    QCOMPARE(r.diagnostics.size(), 2);
    QCOMPARE(r.diagnostics[0].code, QStringLiteral("MR0003"));
    QCOMPARE(r.diagnostics[0].severity, Diagnostic::Severity::Warning);
    QCOMPARE(r.diagnostics[0].line, 9);
    QCOMPARE(r.diagnostics[0].column, 7);
    QVERIFY2(r.diagnostics[0].message.contains(QStringLiteral("did you mean \"weight\"")),
        qPrintable(r.diagnostics[0].message));
    QCOMPARE(r.diagnostics[1].path, QStringLiteral("spec.http[0].colour"));
    // The unknown field is still in the text: saving keeps it.
    QVERIFY(r.files[0].text.contains("colour: blue"));
}

void TestLoader::aliasBombStopsQuickly()
{
    QByteArray yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level < 10; ++level) {
        yaml += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + " [";
        for (int i = 0; i < 9; ++i)
            yaml += (i ? ", *a" : "*a") + QByteArray::number(level - 1);
        yaml += "]\n";
    }
    QElapsedTimer timer;
    timer.start();
    const LoadResult r = Loader::loadText(yaml, QStringLiteral("bomb.yaml"));
    const qint64 ms = timer.elapsed();
    const Diagnostic *d = findCode(r.diagnostics, QStringLiteral("MR0001"));
    QVERIFY2(d, qPrintable(dump(r.diagnostics)));
    QVERIFY2(d->message.contains(QStringLiteral("alias")), qPrintable(d->message));
    QVERIFY(d->line >= 2);
    qDebug() << d->toText() << "in" << ms << "ms";
}

void TestLoader::deepNestingStopsQuickly()
{
    QByteArray flow = "a: " + QByteArray(100000, '[') + QByteArray(100000, ']') + "\n";
    QByteArray block;
    for (int i = 0; i < 100000; ++i)
        block += "- ";
    block += "x\n";
    for (const QByteArray &yaml : { flow, block }) {
        QElapsedTimer timer;
        timer.start();
        const LoadResult r = Loader::loadText(yaml, QStringLiteral("deep.yaml"));
        const Diagnostic *d = findCode(r.diagnostics, QStringLiteral("MR0001"));
        QVERIFY2(d, qPrintable(dump(r.diagnostics)));
        QVERIFY2(d->message.contains(QStringLiteral("nest"), Qt::CaseInsensitive)
                || d->message.contains(QStringLiteral("deep"), Qt::CaseInsensitive),
            qPrintable(d->message));
        QCOMPARE(d->line, 1);
        qDebug() << d->toText() << "in" << timer.elapsed() << "ms";
    }
}

void TestLoader::oversizedFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(2 * 1024 * 1024, '#'));
    f.close();
    LoadOptions options;
    options.maxFileBytes = 1024 * 1024;
    const LoadResult r = Loader::loadPaths({ path }, options);
    QVERIFY(r.inputError);
    const Diagnostic *d = findCode(r.diagnostics, QStringLiteral("MR0005"));
    QVERIFY(d);
    QVERIFY(d->message.contains(QStringLiteral("1 MB")));
    QVERIFY(r.files.isEmpty());
}

void TestLoader::invalidUtf8IsReportedAtItsPlace()
{
    const QByteArray yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: caf\xe9\n";
    const LoadResult r = Loader::loadText(yaml, QStringLiteral("latin1.yaml"));
    const Diagnostic *d = findCode(r.diagnostics, QStringLiteral("MR0004"));
    QVERIFY2(d, qPrintable(dump(r.diagnostics)));
    QCOMPARE(d->line, 4);
    QCOMPARE(d->column, 12);
    QVERIFY(d->message.contains(QStringLiteral("0xe9")));
    // The bytes are kept as read: saving writes them back unchanged.
    QCOMPARE(r.files[0].text, yaml);
}

void TestLoader::unreadablePathIsAnInputError()
{
    const LoadResult r = Loader::loadPaths({ QStringLiteral("/nonexistent/meshroute.yaml") });
    QVERIFY(r.inputError);
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].code, QStringLiteral("MR0006"));
}

void TestLoader::everyCorpusFileLoadsWithoutCrash()
{
    // tests/data, and the corpus (templates included) when MESHROUTE_CORPUS_DIR is set.
    int files = 0, resources = 0, errors = 0;
    for (const QString &path : test::sweepYamlFiles(true)) {
        const LoadResult r = Loader::loadPaths({ path });
        QVERIFY(!r.inputError);
        ++files;
        resources += int(r.workspace.resources.size());
        for (const Diagnostic &d : r.diagnostics) {
            QVERIFY2(d.line >= 1 && d.column >= 1, qPrintable(d.toText()));
            if (d.severity == Diagnostic::Severity::Error)
                ++errors;
        }
        // Templates are not YAML until rendered; everything else parses.
        if (!path.contains(QStringLiteral("/templated/")))
            for (const Diagnostic &d : r.diagnostics)
                QVERIFY2(d.code != QStringLiteral("MR0001"), qPrintable(d.toText()));
    }
    QVERIFY(files >= test::sweepMinimum(80, 280));
    qDebug() << files << "files," << resources << "resources," << errors << "loader errors";
}

// The window's progress bar: the loader tells which file it reads and how
// many bytes it has parsed, in order, up to all of them, about once per
// thousandth (documents are parsed on several threads).
void TestLoader::progressCountsFilesAndBytes()
{
    QTemporaryDir dir;
    QByteArray many;
    for (int i = 0; i < 3000; ++i)
        many += "---\napiVersion: v1\nkind: Service\nmetadata: {name: s" + QByteArray::number(i)
            + ", namespace: default}\nspec: {ports: [{port: 80}]}\n";
    const QList<QByteArray> texts = { "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n", many,
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n" };
    QStringList paths;
    qint64 total = 0;
    for (int i = 0; i < texts.size(); ++i) {
        paths << dir.filePath(QStringLiteral("f%1.yaml").arg(i));
        QFile f(paths.last());
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(texts[i]), texts[i].size());
        total += texts[i].size();
    }
    QMutex mutex;
    QList<LoadProgress> reports;
    LoadOptions options;
    options.progress = [&](const LoadProgress &p) {
        const QMutexLocker lock(&mutex);
        reports.append(p);
    };
    const LoadResult loaded = Loader::loadPaths(paths, options);
    QCOMPARE(loaded.workspace.resources.size(), 3002);
    QVERIFY(reports.size() >= 3 * 2 + 100); // each file starts and ends; the big one in steps
    QVERIFY2(reports.size() <= 3 * 2 + 1001, qPrintable(QString::number(reports.size())));
    QCOMPARE(reports.first().filesDone, 0);
    QCOMPARE(reports.first().currentFile, paths[0]);
    QCOMPARE(reports.last().filesDone, 3);
    QCOMPARE(reports.last().fileCount, 3);
    QCOMPARE(reports.last().byteCount, total);
    QCOMPARE(reports.last().bytesDone, total);
    QCOMPARE(reports.last().permille(), 1000);
    QStringList started;
    for (int i = 1; i < reports.size(); ++i) {
        QVERIFY(reports[i].permille() >= reports[i - 1].permille());
        QVERIFY(reports[i].filesDone >= reports[i - 1].filesDone);
        if (started.isEmpty() || started.last() != reports[i - 1].currentFile)
            started << reports[i - 1].currentFile;
    }
    QCOMPARE(started, paths);
}

// One StringPool per load (loader.cpp): equal values read on different
// threads and from different files share one buffer; an edit later detaches
// only its own copy.
void TestLoader::equalTextsShareOneBuffer()
{
    QTemporaryDir dir;
    QStringList paths;
    for (int file = 0; file < 2; ++file) {
        QByteArray text;
        for (int i = 0; i < 20; ++i) // 20 documents: parsed on the thread pool
            text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs"
                + QByteArray::number(file * 100 + i)
                + "}\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews, "
                  "subset: v1}\n";
        paths << dir.filePath(QStringLiteral("f%1.yaml").arg(file));
        QFile f(paths.last());
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(text), text.size());
    }
    LoadOptions options;
    options.threads = 2;
    const LoadResult loaded = Loader::loadPaths(paths, options);
    QCOMPARE(loaded.workspace.resources.size(), 40);
    const QString &first = loaded.workspace.resources.first().virtualService()->hosts.first().value;
    for (const Resource &r : loaded.workspace.resources) {
        const VirtualService *vs = r.virtualService();
        QVERIFY(vs);
        const Destination &d = vs->http.first().route.first().destination;
        QCOMPARE(d.host.value, QStringLiteral("reviews"));
        QCOMPARE(d.subset.value, QStringLiteral("v1"));
        QCOMPARE(vs->hosts.first().value.constData(), first.constData());
        QCOMPARE(d.host.value.constData(), first.constData());
    }
    // One load's pool does not reach the next load.
    const LoadResult again = Loader::loadPaths(paths, options);
    QVERIFY(again.workspace.resources.first().virtualService()->hosts.first().value.constData()
        != first.constData());
}

QTEST_GUILESS_MAIN(TestLoader)
#include "tst_loader.moc"
