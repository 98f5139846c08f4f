// Saving without damage, over every YAML file of tests/data (tests/data/yaml
// has one file per YAML style we meet: flow, comments, anchors, multi-document,
// List dumps, CRLF, a byte order mark, quoting, block scalars, unknown kinds and fields) and, with
// MESHROUTE_CORPUS_DIR set, every file of the public corpus: an unedited file
// is written back byte for byte, and export -> load gives the same objects.
#include "corpus.h"
#include "document.h"
#include "exporter.h"
#include "loader.h"
#include "yamlparser.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;

namespace {

// Every file of the sweep: our YAML style fixtures and the other tests/data
// files, then every data file of the corpus when it is configured (all of
// them, not just *.yaml: the corpus holds *.yaml.golden outputs too).
QStringList sweepFiles()
{
    QStringList out = test::dataYamlFiles();
    for (const QString &path : test::filesUnder(test::corpusDir(), { QStringLiteral("*") })) {
        if (path.contains(QStringLiteral("/templated/")) || path.endsWith(QStringLiteral(".md"))
            || path.endsWith(QStringLiteral("SHA256SUMS")))
            continue;
        out.append(path);
    }
    return out;
}

// A position-free rendering of a YAML tree, to compare objects across files.
void canonical(const YamlNode &n, QByteArray &out)
{
    switch (n.kind) {
    case YamlNode::Kind::Null: out += "~"; break;
    case YamlNode::Kind::Scalar:
        out += n.isQuoted() ? "s:" : "p:";
        out += QByteArray::fromStdString(n.value);
        break;
    case YamlNode::Kind::Sequence:
        out += '[';
        for (const YamlNode &c : n.children) {
            canonical(c, out);
            out += ',';
        }
        out += ']';
        break;
    case YamlNode::Kind::Mapping:
        out += '{';
        for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
            canonical(n.children[i], out);
            out += ':';
            canonical(n.children[i + 1], out);
            out += ',';
        }
        out += '}';
        break;
    }
}

// The objects of a load as canonical text with cluster noise removed.
QList<QByteArray> objectsOf(const LoadResult &load)
{
    QList<QByteArray> out;
    for (const Resource &r : load.workspace.resources) {
        const SourceFile &file = load.files[r.fileIndex];
        const YamlDocumentSpan &span = file.spans[std::size_t(r.documentIndex)];
        const QByteArray doc = file.text.mid(span.offset, span.length);
        YamlParseResult parsed = YamlParser::parseDocument(std::string_view(doc.constData(), std::size_t(doc.size())));
        YamlNode object = r.listItem >= 0 ? parsed.root.find("items")->children[std::size_t(r.listItem)] : parsed.root;
        auto drop = [](YamlNode &map, std::string_view key) {
            for (std::size_t i = 0; i + 1 < map.children.size(); i += 2)
                if (map.children[i].value == key) {
                    map.children.erase(map.children.begin() + long(i), map.children.begin() + long(i) + 2);
                    return;
                }
        };
        drop(object, "status");
        for (std::size_t i = 0; i + 1 < object.children.size(); i += 2)
            if (object.children[i].value == "metadata" && object.children[i + 1].isMapping()) {
                YamlNode &md = object.children[i + 1];
                for (const char *k : { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink" })
                    drop(md, k);
                for (std::size_t j = 0; j + 1 < md.children.size(); j += 2)
                    if (md.children[j].value == "annotations") {
                        drop(md.children[j + 1], "kubectl.kubernetes.io/last-applied-configuration");
                        if (md.children[j + 1].children.empty())
                            drop(md, "annotations");
                        break;
                    }
            }
        QByteArray text;
        canonical(object, text);
        out.append(text);
    }
    return out;
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unchangedSaveIsByteIdentical_data();
    void unchangedSaveIsByteIdentical();
    void exportThenLoadGivesTheSameObjects_data();
    void exportThenLoadGivesTheSameObjects();
};

void TestRoundTrip::unchangedSaveIsByteIdentical_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : sweepFiles())
        QTest::newRow(qPrintable(test::sweepRowName(path))) << path;
}

void TestRoundTrip::unchangedSaveIsByteIdentical()
{
    QFETCH(QString, path);
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();

    Document document;
    document.open({ path });
    QCOMPARE(document.files().size(), 1);
    QVERIFY(!document.isModified());
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.yaml"));
    QString error;
    QVERIFY2(document.saveFileAs(0, copy, &error), qPrintable(error));
    QFile saved(copy);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), bytes);

    // Spans tile the file: every byte belongs to exactly one document.
    int covered = 0;
    for (const YamlDocumentSpan &s : document.files()[0].spans) {
        QCOMPARE(s.offset, covered);
        covered += s.length;
    }
    QCOMPARE(covered, int(bytes.size()));
}

void TestRoundTrip::exportThenLoadGivesTheSameObjects_data()
{
    unchangedSaveIsByteIdentical_data();
}

void TestRoundTrip::exportThenLoadGivesTheSameObjects()
{
    QFETCH(QString, path);
    const LoadResult first = Loader::loadPaths({ path });
    const QByteArray exported = Exporter::exportYaml(first.files, first.workspace, {});
    const LoadResult second = Loader::loadText(exported, QStringLiteral("exported.yaml"));
    for (const Diagnostic &d : second.diagnostics)
        QVERIFY2(d.code != QStringLiteral("MR0001"), qPrintable(d.toText() + QStringLiteral("\n") + QString::fromUtf8(exported)));
    const QList<QByteArray> before = objectsOf(first);
    const QList<QByteArray> after = objectsOf(second);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        QCOMPARE(after[i], before[i]);
    // Nothing of the cluster's bookkeeping survives an export.
    for (const Resource &r : second.workspace.resources) {
        const SourceFile &file = second.files[r.fileIndex];
        const YamlDocumentSpan &span = file.spans[std::size_t(r.documentIndex)];
        const QByteArray doc = file.text.mid(span.offset, span.length);
        const YamlParseResult parsed = YamlParser::parseDocument(std::string_view(doc.constData(), std::size_t(doc.size())));
        QVERIFY(parsed.ok);
        QVERIFY(r.listItem < 0); // lists are unpacked
        QVERIFY(!parsed.root.find("status"));
        if (const YamlNode *md = parsed.root.find("metadata")) {
            for (const char *k : { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink" })
                QVERIFY2(!md->find(k), k);
            if (const YamlNode *a = md->find("annotations"))
                QVERIFY(!a->find("kubectl.kubernetes.io/last-applied-configuration"));
        }
    }
}

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
