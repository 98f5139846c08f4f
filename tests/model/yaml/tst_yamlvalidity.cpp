// Only valid YAML 1.2 loads: what the spec rejects is an MR0001 error at its
// line:column, whichever parser (the fast one or the yaml-cpp fallback) reads
// the document. Line breaks are LF, CRLF and a lone CR, as the spec says, and
// an edit writes the file's own line break.
#include "adddestination.h"
#include "document.h"
#include "inputfixtures.h"
#include "loader.h"
#include "resourcereader.h"
#include "setweights.h"
#include "undostack.h"
#include "yamlparser.h"

#include <QtTest>

using namespace meshroute;
using meshroute::test::dump;

namespace {

const QByteArray head = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n";

// A canary split whose second destination has no weight yet: SetWeights must add that line.
const QByteArray canary = "apiVersion: networking.istio.io/v1\n"
                          "kind: VirtualService\n"
                          "metadata:\n"
                          "  name: ratings\n"
                          "spec:\n"
                          "  hosts: [ratings]\n"
                          "  http:\n"
                          "  - name: split\n"
                          "    route:\n"
                          "    - destination: {host: ratings, subset: v1}\n"
                          "      weight: 90\n"
                          "    - destination:\n"
                          "        host: ratings\n"
                          "        subset: v2\n";

QByteArray withBreaks(QByteArray lf, const QByteArray &lineBreak)
{
    return lf.replace("\n", lineBreak);
}

} // namespace

class TestYamlValidity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidYamlIsAnError_data();
    void invalidYamlIsAnError();
    void escapedControlCharactersAreFine();
    void lineBreaks_data();
    void lineBreaks();
    void editsWriteTheFilesLineBreak_data();
    void editsWriteTheFilesLineBreak();
};

void TestYamlValidity::invalidYamlIsAnError_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");

    // YAML 1.2 §7.4: flow entries are separated by one ',' (a trailing one is allowed).
    QTest::newRow("double comma in a flow mapping")
        << QByteArray(head + "  labels: {a: x,, b: y}\n") << 5 << 17 << "empty entry";
    QTest::newRow("double comma in a flow sequence")
        << QByteArray(head + "spec:\n  externalIPs: [a,,b]\n") << 6 << 19 << "empty entry";
    QTest::newRow("leading comma") << QByteArray(head + "spec:\n  externalIPs: [,a]\n") << 6 << 17
                                   << "empty entry";
    // A plain line among keys is neither a key nor a continuation (libyaml: "could not find expected ':'").
    QTest::newRow("bare key line in a mapping")
        << QByteArray(head + "  we\n  namespace: b\n") << 5 << 3 << "expected ':'";
    QTest::newRow("bare key line at the root")
        << QByteArray(head + "we\nspec: {}\n") << 5 << 1 << "expected ':'";
    QTest::newRow("bare key as the last line") << QByteArray(head + "  we\n") << 5 << 3 << "expected ':'";
    // YAML 1.2 §5.1: only tab, LF, CR, U+0020-U+007E, NEL, U+00A0-U+D7FF, U+E000-U+FFFD, U+10000 up.
    QTest::newRow("NUL") << QByteArray(head + "  namespace: b" + QByteArray(1, '\0') + "c\n") << 5 << 15
                         << "U+0000";
    QTest::newRow("C0 control") << QByteArray(head
        + "  namespace: \x01"
          "b\n") << 5 << 14 << "U+0001";
    QTest::newRow("escape") << QByteArray(head + "  namespace: \x1b[0m\n") << 5 << 14 << "U+001B";
    QTest::newRow("DEL") << QByteArray(head + "  namespace: b\x7f\n") << 5 << 15 << "U+007F";
    QTest::newRow("C1 control") << QByteArray(head + "  namespace: b\xc2\x80\n") << 5 << 15 << "U+0080";
    QTest::newRow("C1 in a quoted string")
        << QByteArray(head + "  namespace: \"b\xc2\x9f\"\n") << 5 << 16 << "U+009F";
    QTest::newRow("U+FFFE") << QByteArray(head + "  namespace: b\xef\xbf\xbe\n") << 5 << 15 << "U+FFFE";
    QTest::newRow("control character in a comment") << QByteArray(head + "# \x07\n") << 5 << 3 << "U+0007";
    QTest::newRow("in the second document")
        << QByteArray(head + "---\n" + head + "  namespace: \x02\n") << 10 << 14 << "U+0002";
}

void TestYamlValidity::invalidYamlIsAnError()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    // As written, and with an anchor up front, which sends the document to the yaml-cpp fallback.
    const QByteArray anchored = QByteArray("x-anchor: &a 1\n") + yaml;
    for (const QByteArray &text : { yaml, anchored }) {
        const int shift = text.size() == yaml.size() ? 0 : 1;
        const LoadResult r = Loader::loadText(text, QStringLiteral("bad.yaml"));
        const Diagnostic *error = nullptr;
        for (const Diagnostic &d : r.diagnostics)
            if (d.code == QLatin1String(ResourceReader::CodeYamlSyntax))
                error = &d;
        QVERIFY2(error,
            qPrintable(QStringLiteral("no MR0001 (%1) in:\n%2")
                           .arg(shift ? "fallback" : "fast", dump(r.diagnostics))));
        QCOMPARE(error->severity, Diagnostic::Severity::Error);
        // yaml-cpp words some of them its own way and places them its own way; the fast path must be exact.
        if (shift == 0 || messagePart.startsWith(QLatin1String("U+"))) {
            QVERIFY2(error->message.contains(messagePart), qPrintable(error->message));
            QCOMPARE(error->line, line + shift);
            QCOMPARE(error->column, column);
        }
    }
}

void TestYamlValidity::escapedControlCharactersAreFine()
{
    // Written as escapes, the same characters are valid; tab, NEL and U+00A0 are printable as they are.
    const LoadResult r = Loader::loadText(head
        + "  annotations:\n    a: \"\\0\\x01\\x7f\\u0080\"\n    b: \"x\ty\"\n"
          "    c: x\xc2\x85y\n    d: \xc2\xa0z\n");
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.workspace.resources.size(), 1);
    QCOMPARE(r.workspace.resources[0].metadata.annotations.size(), 4);
    QCOMPARE(
        r.workspace.resources[0].metadata.annotations[0].value, QString::fromUtf8("\0\x01\x7f\xc2\x80", 5));
}

void TestYamlValidity::lineBreaks_data()
{
    QTest::addColumn<QByteArray>("lineBreak");
    QTest::newRow("LF") << QByteArray("\n");
    QTest::newRow("CRLF") << QByteArray("\r\n");
    QTest::newRow("CR") << QByteArray("\r");
}

void TestYamlValidity::lineBreaks()
{
    QFETCH(QByteArray, lineBreak);
    // Two documents, an unknown field on line 15 and a wrong type on line 22.
    const QByteArray lf = canary
        + "  colour: blue\n---\napiVersion: v1\nkind: Service\nmetadata: {name: reviews}\n"
          "spec:\n  ports:\n  - port: eighty\n";
    const LoadResult r = Loader::loadText(withBreaks(lf, lineBreak));
    QCOMPARE(r.workspace.resources.size(), 2);
    QCOMPARE(r.files[0].spans.size(), std::size_t(2));
    QCOMPARE(r.files[0].spans[1].line, 16);
    const HttpRoute &rule = r.workspace.resources[0].virtualService()->http[0];
    QCOMPARE(rule.route.size(), 2);
    QCOMPARE(rule.route[0].weight.value, 90);
    QCOMPARE(rule.route[0].weight.pos.line, 11);
    QCOMPARE(rule.route[0].weight.pos.column, 15);
    QStringList found;
    for (const Diagnostic &d : r.diagnostics)
        found.append(QStringLiteral("%1 %2:%3").arg(d.code).arg(d.line).arg(d.column));
    QCOMPARE(found, (QStringList { QStringLiteral("MR0003 15:3"), QStringLiteral("MR0002 22:11") }));
}

void TestYamlValidity::editsWriteTheFilesLineBreak_data()
{
    lineBreaks_data();
}

void TestYamlValidity::editsWriteTheFilesLineBreak()
{
    QFETCH(QByteArray, lineBreak);
    Document document;
    document.setLoadResult(Loader::loadText(withBreaks(canary, lineBreak), QStringLiteral("canary.yaml")));
    QCOMPARE(document.workspace().resources.size(), 1);
    const int id = document.workspace().resources[0].id;
    QString error;
    // SetWeights inserts the missing `weight:` line; AddDestination inserts a block.
    auto weights = SetWeights::create(&document, id, 0, { 75, 25 }, &error);
    QVERIFY2(weights, qPrintable(error));
    document.undoStack()->push(weights.release());
    auto add = AddDestination::create(
        &document, id, 0, QStringLiteral("ratings"), QStringLiteral("v3"), 0, &error);
    QVERIFY2(add, qPrintable(error));
    document.undoStack()->push(add.release());

    const QByteArray text = document.fileText(0);
    const QByteArray asLf = QByteArray(text).replace("\r\n", "\n").replace('\r', '\n');
    QCOMPARE(text, withBreaks(asLf, lineBreak)); // every line ends the file's way
    QVERIFY2(asLf.contains("      weight: 25\n"), asLf.constData());
    QVERIFY2(asLf.contains("subset: v3\n"), asLf.constData());
    const LoadResult again = Loader::loadText(text);
    QVERIFY2(again.diagnostics.isEmpty(), qPrintable(dump(again.diagnostics)));
    QCOMPARE(again.workspace.resources[0].virtualService()->http[0].route.size(), 3);
}

QTEST_GUILESS_MAIN(TestYamlValidity)
#include "tst_yamlvalidity.moc"
