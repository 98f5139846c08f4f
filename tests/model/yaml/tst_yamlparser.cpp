// Tests for YamlParser: the fast path and the yaml-cpp fallback must build the
// same trees (checked on every document of the shared corpus and on a table of
// constructs), report errors with exact positions, and stop hostile input.
#include "corpus.h"
#include "yamlcppparser.h"
#include "yamlfastparser.h"
#include "yamlparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <random>
#include <string>

using namespace meshroute;

namespace {

const char *kindName(YamlNode::Kind kind)
{
    static const char *names[] = { "Null", "Scalar", "Seq", "Map" };
    return names[int(kind)];
}

const char *styleName(YamlNode::Style style)
{
    static const char *names[] = { "Plain", "SQ", "DQ", "Lit", "Fold", "Block", "Flow" };
    return names[int(style)];
}

std::string escaped(const std::string &value)
{
    std::string out;
    for (unsigned char c : value) {
        if (c == '\n') {
            out += "\\n";
        } else if (c < 32 || c == 127) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
            out += buffer;
        } else {
            out += char(c);
        }
    }
    return out;
}

// One line per node, indented by depth: "Kind Style line:column@offset-endOffset [value] tag=...".
// Comparing these strings gives readable failures and compact expectations.
void describe(const YamlNode &node, int depth, std::string &out)
{
    out += std::string(depth * 2, ' ');
    out += kindName(node.kind);
    out += ' ';
    out += styleName(node.style);
    out += ' ' + std::to_string(node.start.line) + ':' + std::to_string(node.start.column) + '@'
        + std::to_string(node.start.offset) + '-' + std::to_string(node.endOffset);
    if (node.kind == YamlNode::Kind::Scalar)
        out += " [" + escaped(node.value) + ']';
    if (!node.tag.empty())
        out += " tag=" + node.tag;
    out += '\n';
    for (const YamlNode &child : node.children)
        describe(child, depth + 1, out);
}

QString describe(const YamlNode &node)
{
    std::string out;
    describe(node, 0, out);
    return QString::fromStdString(out);
}

std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), std::size_t(bytes.size()));
}

// Plain scalars: the text slice is the value once folded (single-line slices are the value).
void checkSlices(const YamlNode &node, std::string_view text, const QString &where)
{
    if (node.kind == YamlNode::Kind::Scalar) {
        QVERIFY2(node.start.offset >= 0 && node.endOffset <= int(text.size())
                && node.start.offset < node.endOffset,
            qPrintable(where));
        const std::string_view slice = text.substr(node.start.offset, node.endOffset - node.start.offset);
        switch (node.style) {
        case YamlNode::Style::Plain: {
            const auto rescanned = YamlFastParser::scanPlain(slice, 0, -1, false);
            if (slice.find('\n') == std::string_view::npos)
                QCOMPARE(std::string(slice), node.value);
            else
                QCOMPARE(rescanned.value, node.value);
            break;
        }
        case YamlNode::Style::SingleQuoted:
            QVERIFY2(slice.front() == '\'' && slice.back() == '\'', qPrintable(where));
            break;
        case YamlNode::Style::DoubleQuoted:
            QVERIFY2(slice.front() == '"' && slice.back() == '"', qPrintable(where));
            break;
        case YamlNode::Style::Literal:
            QVERIFY2(slice.front() == '|', qPrintable(where));
            break;
        case YamlNode::Style::Folded:
            QVERIFY2(slice.front() == '>', qPrintable(where));
            break;
        default:
            QFAIL(qPrintable("scalar with a collection style at " + where));
        }
    } else if (node.kind == YamlNode::Kind::Null) {
        QCOMPARE(node.endOffset, node.start.offset);
    } else if (node.style == YamlNode::Style::Flow) {
        QCOMPARE(text[node.start.offset], node.kind == YamlNode::Kind::Sequence ? '[' : '{');
        QCOMPARE(text[node.endOffset - 1], node.kind == YamlNode::Kind::Sequence ? ']' : '}');
    }
    for (const YamlNode &child : node.children)
        checkSlices(child, text, where);
}

// tests/data and, with MESHROUTE_CORPUS_DIR set, the corpus (templates too:
// both parsers must reject them alike).
QStringList corpusFiles()
{
    return test::sweepYamlFiles(true);
}

QByteArray repeated(const char *piece, int count)
{
    return QByteArray(piece).repeated(count);
}

} // namespace

class TestYamlParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitDocuments_data();
    void splitDocuments();
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void fallbackConstructs_data();
    void fallbackConstructs();
    void aliasBomb();
    void depthLimitIsConfigurable();
    void corpusDifferential();
    void mutationDifferential();
};

void TestYamlParser::splitDocuments_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("expected"); // offset:length@line, space separated

    QTest::newRow("empty") << QByteArray() << "0:0@1";
    QTest::newRow("one") << QByteArray("a: 1\n") << "0:5@1";
    QTest::newRow("leading marker") << QByteArray("---\na: 1\n") << "0:9@1";
    QTest::newRow("two") << QByteArray("a: 1\n---\nb: 2\n") << "0:5@1 5:9@2";
    QTest::newRow("comment before first") << QByteArray("# c\n---\na: 1\n") << "0:4@1 4:9@2";
    QTest::newRow("marker with content") << QByteArray("a\n--- !x\nb\n--- |\n c\n") << "0:2@1 2:9@2 11:9@4";
    QTest::newRow("marker at end") << QByteArray("a\n---") << "0:2@1 2:3@2";
    QTest::newRow("crlf and tab") << QByteArray("a\r\n---\r\nb\r\n---\tc\r\n") << "0:3@1 3:8@2 11:7@4";
    QTest::newRow("end marker stays") << QByteArray("a\n...\n---\nb\n") << "0:6@1 6:6@3";
    QTest::newRow("not markers") << QByteArray("a: ---\n ---\n----\n---x\n") << "0:22@1";
}

void TestYamlParser::splitDocuments()
{
    QFETCH(QByteArray, stream);
    QFETCH(QString, expected);
    QStringList got;
    QByteArray joined;
    for (const YamlDocumentSpan &span : YamlParser::splitDocuments(view(stream))) {
        got << QStringLiteral("%1:%2@%3").arg(span.offset).arg(span.length).arg(span.line);
        joined += stream.mid(span.offset, span.length);
    }
    QCOMPARE(got.join(QLatin1Char(' ')), expected);
    QCOMPARE(joined, stream);
}

void TestYamlParser::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("block mapping and scalars") << QByteArray("a: b\nc: 'x'\nd: \"y\"\n")
                                               << "Map Block 1:1@0-18\n"
                                                  "  Scalar Plain 1:1@0-1 [a]\n"
                                                  "  Scalar Plain 1:4@3-4 [b]\n"
                                                  "  Scalar Plain 2:1@5-6 [c]\n"
                                                  "  Scalar SQ 2:4@8-11 [x]\n"
                                                  "  Scalar Plain 3:1@12-13 [d]\n"
                                                  "  Scalar DQ 3:4@15-18 [y]\n";
    QTest::newRow("double-quoted escapes")
        << QByteArray("a: \"x\\ty\\u00e9\\x41\\U0001F600\\\\\\\"\\/\\0\\e\\N\\_\"\n")
        << "Map Block 1:1@0-43\n"
           "  Scalar Plain 1:1@0-1 [a]\n"
           "  Scalar DQ 1:4@3-43 [x\\x09y\xc3\xa9"
           "A\xf0\x9f\x98\x80\\\"/\\x00\\x1b\xc2\x85\xc2\xa0]\n";
    QTest::newRow("single-quoted and folding") << QByteArray("a: 'it''s'\nb: 'multi\n  line\n\n  para'\n")
                                               << "Map Block 1:1@0-36\n"
                                                  "  Scalar Plain 1:1@0-1 [a]\n"
                                                  "  Scalar SQ 1:4@3-10 [it's]\n"
                                                  "  Scalar Plain 2:1@11-12 [b]\n"
                                                  "  Scalar SQ 2:4@14-36 [multi line\\npara]\n";
    QTest::newRow("double-quoted folding and escaped break") << QByteArray("a: \"fold\n  ed \\\n  x\"\n")
                                                             << "Map Block 1:1@0-20\n"
                                                                "  Scalar Plain 1:1@0-1 [a]\n"
                                                                "  Scalar DQ 1:4@3-20 [fold ed x]\n";
    QTest::newRow("plain multi-line") << QByteArray("a: plain\n  multi\n\n  line # c\nb: x\n")
                                      << "Map Block 1:1@0-33\n"
                                         "  Scalar Plain 1:1@0-1 [a]\n"
                                         "  Scalar Plain 1:4@3-24 [plain multi\\nline]\n"
                                         "  Scalar Plain 5:1@29-30 [b]\n"
                                         "  Scalar Plain 5:4@32-33 [x]\n";
    QTest::newRow("literal clip") << QByteArray("k: |\n  lit\n   more\n\nn: 1\n")
                                  << "Map Block 1:1@0-24\n"
                                     "  Scalar Plain 1:1@0-1 [k]\n"
                                     "  Scalar Lit 1:4@3-18 [lit\\n more\\n]\n"
                                     "  Scalar Plain 5:1@20-21 [n]\n"
                                     "  Scalar Plain 5:4@23-24 [1]\n";
    QTest::newRow("literal keep") << QByteArray("k: |+\n  keep\n\n\nn: 1\n")
                                  << "Map Block 1:1@0-19\n"
                                     "  Scalar Plain 1:1@0-1 [k]\n"
                                     "  Scalar Lit 1:4@3-12 [keep\\n\\n\\n]\n"
                                     "  Scalar Plain 5:1@15-16 [n]\n"
                                     "  Scalar Plain 5:4@18-19 [1]\n";
    QTest::newRow("literal strip") << QByteArray("k: |-\n  strip\n\nn: 1\n")
                                   << "Map Block 1:1@0-19\n"
                                      "  Scalar Plain 1:1@0-1 [k]\n"
                                      "  Scalar Lit 1:4@3-13 [strip]\n"
                                      "  Scalar Plain 4:1@15-16 [n]\n"
                                      "  Scalar Plain 4:4@18-19 [1]\n";
    QTest::newRow("literal explicit indentation") << QByteArray("k: |2\n    two\n   x\nn: 1\n")
                                                  << "Map Block 1:1@0-23\n"
                                                     "  Scalar Plain 1:1@0-1 [k]\n"
                                                     "  Scalar Lit 1:4@3-18 [  two\\n x\\n]\n"
                                                     "  Scalar Plain 4:1@19-20 [n]\n"
                                                     "  Scalar Plain 4:4@22-23 [1]\n";
    QTest::newRow("literal at end without newline") << QByteArray("k: |\n  eof")
                                                    << "Map Block 1:1@0-10\n"
                                                       "  Scalar Plain 1:1@0-1 [k]\n"
                                                       "  Scalar Lit 1:4@3-10 [eof]\n";
    QTest::newRow("folded") << QByteArray("k: >\n  a\n  b\n\n    more\n  c\n")
                            << "Map Block 1:1@0-26\n"
                               "  Scalar Plain 1:1@0-1 [k]\n"
                               "  Scalar Fold 1:4@3-26 [a b\\n\\n  more\\nc\\n]\n";
    QTest::newRow("folded strip with indicator order") << QByteArray("k: >-2 # c\n   a\n  b\n")
                                                       << "Map Block 1:1@0-19\n"
                                                          "  Scalar Plain 1:1@0-1 [k]\n"
                                                          "  Scalar Fold 1:4@3-19 [ a\\nb]\n";
    QTest::newRow("block scalar in a sequence") << QByteArray("- |\n  x\n- >\n  y\n")
                                                << "Seq Block 1:1@0-15\n"
                                                   "  Scalar Lit 1:3@2-7 [x\\n]\n"
                                                   "  Scalar Fold 3:3@10-15 [y\\n]\n";
    QTest::newRow("flow collections")
        << QByteArray("a: [1, [2, 3], {x: y}]\nb: {a, b: , c: d}\nc: []\nd: {}\n")
        << "Map Block 1:1@0-52\n"
           "  Scalar Plain 1:1@0-1 [a]\n"
           "  Seq Flow 1:4@3-22\n"
           "    Scalar Plain 1:5@4-5 [1]\n"
           "    Seq Flow 1:8@7-13\n"
           "      Scalar Plain 1:9@8-9 [2]\n"
           "      Scalar Plain 1:12@11-12 [3]\n"
           "    Map Flow 1:16@15-21\n"
           "      Scalar Plain 1:17@16-17 [x]\n"
           "      Scalar Plain 1:20@19-20 [y]\n"
           "  Scalar Plain 2:1@23-24 [b]\n"
           "  Map Flow 2:4@26-40\n"
           "    Scalar Plain 2:5@27-28 [a]\n"
           "    Null Plain 2:6@28-28\n"
           "    Scalar Plain 2:8@30-31 [b]\n"
           "    Null Plain 2:10@32-32\n"
           "    Scalar Plain 2:13@35-36 [c]\n"
           "    Scalar Plain 2:16@38-39 [d]\n"
           "  Scalar Plain 3:1@41-42 [c]\n"
           "  Seq Flow 3:4@44-46\n"
           "  Scalar Plain 4:1@47-48 [d]\n"
           "  Map Flow 4:4@50-52\n";
    QTest::newRow("multi-line flow with comments") << QByteArray("a: [1,\n  2, # c\n  \"3\",\n]\n")
                                                   << "Map Block 1:1@0-24\n"
                                                      "  Scalar Plain 1:1@0-1 [a]\n"
                                                      "  Seq Flow 1:4@3-24\n"
                                                      "    Scalar Plain 1:5@4-5 [1]\n"
                                                      "    Scalar Plain 2:3@9-10 [2]\n"
                                                      "    Scalar DQ 3:3@18-21 [3]\n";
    QTest::newRow("flow plain with colon") << QByteArray("a: [http://x:80/p, {k: v:w}]\n")
                                           << "Map Block 1:1@0-28\n"
                                              "  Scalar Plain 1:1@0-1 [a]\n"
                                              "  Seq Flow 1:4@3-28\n"
                                              "    Scalar Plain 1:5@4-17 [http://x:80/p]\n"
                                              "    Map Flow 1:20@19-27\n"
                                              "      Scalar Plain 1:21@20-21 [k]\n"
                                              "      Scalar Plain 1:24@23-26 [v:w]\n";
    QTest::newRow("crlf") << QByteArray("a: b\r\nc:\r\n- x\r\n- \"y\r\n  z\"\r\nd: |\r\n  l1\r\n  l2\r\n")
                          << "Map Block 1:1@0-43\n"
                             "  Scalar Plain 1:1@0-1 [a]\n"
                             "  Scalar Plain 1:4@3-4 [b]\n"
                             "  Scalar Plain 2:1@6-7 [c]\n"
                             "  Seq Block 3:1@10-25\n"
                             "    Scalar Plain 3:3@12-13 [x]\n"
                             "    Scalar DQ 4:3@17-25 [y z]\n"
                             "  Scalar Plain 6:1@27-28 [d]\n"
                             "  Scalar Lit 6:4@30-43 [l1\\nl2\\n]\n";
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbf"
                                       "a: b\n")
                         << "Map Block 1:1@3-7\n"
                            "  Scalar Plain 1:1@3-4 [a]\n"
                            "  Scalar Plain 1:4@6-7 [b]\n";
    // The mark is not content (YAML 1.2, 5.2): it takes no column, and the keys
    // of line 1 and line 2 are siblings. Offsets still count its bytes.
    QTest::newRow("bom before two keys") << QByteArray("\xef\xbb\xbf"
                                                       "a: b\nc:\n  d: e\n")
                                         << "Map Block 1:1@3-17\n"
                                            "  Scalar Plain 1:1@3-4 [a]\n"
                                            "  Scalar Plain 1:4@6-7 [b]\n"
                                            "  Scalar Plain 2:1@8-9 [c]\n"
                                            "  Map Block 3:3@13-17\n"
                                            "    Scalar Plain 3:3@13-14 [d]\n"
                                            "    Scalar Plain 3:6@16-17 [e]\n";
    QTest::newRow("bom before a sequence") << QByteArray("\xef\xbb\xbf"
                                                         "- a\n- b\n")
                                           << "Seq Block 1:1@3-10\n"
                                              "  Scalar Plain 1:3@5-6 [a]\n"
                                              "  Scalar Plain 2:3@9-10 [b]\n";
    QTest::newRow("bom before document start") << QByteArray("\xef\xbb\xbf"
                                                             "---\na: b\nc: d\n")
                                               << "Map Block 2:1@7-16\n"
                                                  "  Scalar Plain 2:1@7-8 [a]\n"
                                                  "  Scalar Plain 2:4@10-11 [b]\n"
                                                  "  Scalar Plain 3:1@12-13 [c]\n"
                                                  "  Scalar Plain 3:4@15-16 [d]\n";
    QTest::newRow("comments everywhere")
        << QByteArray("# head\na: # c1\n  # c2\n  b: c # c3\n# c4\nd: [x] # c5\n")
        << "Map Block 2:1@7-45\n"
           "  Scalar Plain 2:1@7-8 [a]\n"
           "  Map Block 4:3@24-28\n"
           "    Scalar Plain 4:3@24-25 [b]\n"
           "    Scalar Plain 4:6@27-28 [c]\n"
           "  Scalar Plain 6:1@39-40 [d]\n"
           "  Seq Flow 6:4@42-45\n"
           "    Scalar Plain 6:5@43-44 [x]\n";
    QTest::newRow("empty values") << QByteArray("a:\nb: # c\nc:\n- \n-\nd: ~\ne: null\n")
                                  << "Map Block 1:1@0-30\n"
                                     "  Scalar Plain 1:1@0-1 [a]\n"
                                     "  Null Plain 1:3@2-2\n"
                                     "  Scalar Plain 2:1@3-4 [b]\n"
                                     "  Null Plain 2:3@5-5\n"
                                     "  Scalar Plain 3:1@10-11 [c]\n"
                                     "  Seq Block 4:1@13-17\n"
                                     "    Null Plain 4:2@14-14\n"
                                     "    Null Plain 5:2@17-17\n"
                                     "  Scalar Plain 6:1@18-19 [d]\n"
                                     "  Scalar Plain 6:4@21-22 [~]\n"
                                     "  Scalar Plain 7:1@23-24 [e]\n"
                                     "  Scalar Plain 7:4@26-30 [null]\n";
    QTest::newRow("compact and nested sequences") << QByteArray("k:\n- - x\n  - y\n- k: v\n  l: w\nm: 1\n")
                                                  << "Map Block 1:1@0-33\n"
                                                     "  Scalar Plain 1:1@0-1 [k]\n"
                                                     "  Seq Block 2:1@3-28\n"
                                                     "    Seq Block 2:3@5-14\n"
                                                     "      Scalar Plain 2:5@7-8 [x]\n"
                                                     "      Scalar Plain 3:5@13-14 [y]\n"
                                                     "    Map Block 4:3@17-28\n"
                                                     "      Scalar Plain 4:3@17-18 [k]\n"
                                                     "      Scalar Plain 4:6@20-21 [v]\n"
                                                     "      Scalar Plain 5:3@24-25 [l]\n"
                                                     "      Scalar Plain 5:6@27-28 [w]\n"
                                                     "  Scalar Plain 6:1@29-30 [m]\n"
                                                     "  Scalar Plain 6:4@32-33 [1]\n";
    QTest::newRow("quoted keys") << QByteArray("\"a\": b\n'c d': [e]\n")
                                 << "Map Block 1:1@0-17\n"
                                    "  Scalar DQ 1:1@0-3 [a]\n"
                                    "  Scalar Plain 1:6@5-6 [b]\n"
                                    "  Scalar SQ 2:1@7-12 [c d]\n"
                                    "  Seq Flow 2:8@14-17\n"
                                    "    Scalar Plain 2:9@15-16 [e]\n";
    QTest::newRow("duplicate keys kept") << QByteArray("a: 1\na: 2\n")
                                         << "Map Block 1:1@0-9\n"
                                            "  Scalar Plain 1:1@0-1 [a]\n"
                                            "  Scalar Plain 1:4@3-4 [1]\n"
                                            "  Scalar Plain 2:1@5-6 [a]\n"
                                            "  Scalar Plain 2:4@8-9 [2]\n";
    QTest::newRow("directives and markers") << QByteArray("%YAML 1.2\n---\n# c\na: b # c\n...\n# end\n")
                                            << "Map Block 4:1@18-22\n"
                                               "  Scalar Plain 4:1@18-19 [a]\n"
                                               "  Scalar Plain 4:4@21-22 [b]\n";
    QTest::newRow("marker with comment") << QByteArray("--- # c\na: 1\n")
                                         << "Map Block 2:1@8-12\n"
                                            "  Scalar Plain 2:1@8-9 [a]\n"
                                            "  Scalar Plain 2:4@11-12 [1]\n";
    QTest::newRow("empty document") << QByteArray("# only a comment\n") << "Null Plain 1:1@0-0\n";
    QTest::newRow("empty document after marker") << QByteArray("---\n# c\n") << "Null Plain 1:4@3-3\n";
    QTest::newRow("root scalar") << QByteArray("hello\n") << "Scalar Plain 1:1@0-5 [hello]\n";
    QTest::newRow("tabs as separators") << QByteArray("a:\tb\nc: [x,\ty]\n")
                                        << "Map Block 1:1@0-14\n"
                                           "  Scalar Plain 1:1@0-1 [a]\n"
                                           "  Scalar Plain 1:4@3-4 [b]\n"
                                           "  Scalar Plain 2:1@5-6 [c]\n"
                                           "  Seq Flow 2:4@8-14\n"
                                           "    Scalar Plain 2:5@9-10 [x]\n"
                                           "    Scalar Plain 2:8@12-13 [y]\n";
    // Tabs after a plain scalar's continuation indentation are white space before its text, as
    // for yaml-cpp and libyaml. The fast path left them to yaml-cpp, whose value came with an
    // end at the line before: an edit of the scalar left its last line behind (byte_editor fuzz).
    QTest::newRow("tab after a continuation's indentation") << QByteArray("a: x\n \ty\n")
                                                            << "Map Block 1:1@0-8\n"
                                                               "  Scalar Plain 1:1@0-1 [a]\n"
                                                               "  Scalar Plain 1:4@3-8 [x y]\n";
    QTest::newRow("tab-led continuation in a flow sequence") << QByteArray("[a\n\tb]\n")
                                                             << "Seq Flow 1:1@0-6\n"
                                                                "  Scalar Plain 1:2@1-5 [a b]\n";
    QTest::newRow("a marker after a tab is text")
        << QByteArray("x\n\t--- y\n") << "Scalar Plain 1:1@0-8 [x --- y]\n";
}

void TestYamlParser::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const YamlFastParser::Result fast = YamlFastParser::parse(view(text));
    QVERIFY2(fast.status == YamlFastParser::Status::Ok, fast.error.message.c_str());
    QCOMPARE(describe(fast.root), expected);
    const YamlParseResult viaYamlCpp = YamlCppParser::parse(view(text));
    QVERIFY2(viaYamlCpp.ok, viaYamlCpp.error.message.c_str());
    QCOMPARE(describe(viaYamlCpp.root), expected);
    const YamlParseResult result = YamlParser::parseDocument(view(text));
    QVERIFY(result.ok);
    QCOMPARE(describe(result.root), expected);
    checkSlices(result.root, view(text), QString::fromLatin1(QTest::currentDataTag()));
}

void TestYamlParser::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("yamlCppRejects"); // yaml-cpp accepts a few invalid inputs

    QTest::newRow("tab indentation") << QByteArray("a:\n\tb: c\n") << "tabs are not allowed as indentation"
                                     << 2 << 1 << true;
    QTest::newRow("tab before first key")
        << QByteArray("\ta: b\n") << "tabs are not allowed as indentation" << 1 << 1 << true;
    // Found by mutationDifferential: a tab then a space before line 1's key was taken for indentation 1.
    QTest::newRow("tab and space before first key")
        << QByteArray("\t a: b\n") << "tabs are not allowed as indentation" << 1 << 1 << true;
    QTest::newRow("space and tab before first key after a comment")
        << QByteArray("# c\n \ta: b\n") << "tabs are not allowed as indentation" << 2 << 2 << true;
    QTest::newRow("unterminated double quote")
        << QByteArray("a: b\nc: \"abc\n") << "unterminated double-quoted scalar" << 2 << 4 << false;
    QTest::newRow("unterminated single quote")
        << QByteArray("a: 'abc\n\n") << "unterminated single-quoted scalar" << 1 << 4 << false;
    QTest::newRow("unterminated flow")
        << QByteArray("a: [1, 2\n") << "unterminated flow sequence" << 1 << 4 << true;
    QTest::newRow("less indented key")
        << QByteArray("a:\n  b: c\n d: e\n") << "inconsistent indentation" << 3 << 2 << true;
    QTest::newRow("dedent between levels")
        << QByteArray("a:\n    b: c\n  d: e\n") << "inconsistent indentation" << 3 << 3 << true;
    QTest::newRow("more indented after quoted")
        << QByteArray("a: \"x\"\n  b: c\n") << "inconsistent indentation" << 2 << 3 << true;
    // libyaml: "did not find expected comment or line break" (fuzz_byte_editor: an edit of the
    // scalar wrote its bytes in the middle of what yaml-cpp took for a comment).
    QTest::newRow("comment glued to a block scalar header")
        << QByteArray("a: >## x\n  b\n")
        << "a comment after a block scalar's header needs a blank before its '#'" << 1 << 5 << false;
    QTest::newRow("value after value")
        << QByteArray("a: b: c\n") << "mapping values are not allowed here" << 1 << 5 << true;
    QTest::newRow("key in plain continuation")
        << QByteArray("a: b\n  c: d\n") << "mapping values are not allowed here" << 2 << 4 << true;
    QTest::newRow("invalid escape") << QByteArray("a: \"x\\qy\"\n") << "unknown escape sequence \\q" << 1 << 6
                                    << true;
    QTest::newRow("invalid hex escape")
        << QByteArray("a: \"\\x4g\"\n") << "invalid hexadecimal digit in escape sequence \\x" << 1 << 8
        << true;
    QTest::newRow("entry after sequence")
        << QByteArray("- a\nb: c\n") << "expected a sequence entry (\"- \") at this indentation" << 2 << 1
        << true;

    // 100,000 levels: both parsers must stop at the limit, without recursing further.
    QTest::newRow("deep flow sequence") << ("a: " + repeated("[", 100000) + repeated("]", 100000))
                                        << "nesting deeper than 256 levels" << 1 << 259 << true;
    QTest::newRow("deep flow mapping") << ("a: " + repeated("{a: ", 100000) + repeated("}", 100000))
                                       << "nesting deeper than 256 levels" << 1 << 1024 << true;
    QTest::newRow("deep block sequence")
        << (repeated("- ", 100000) + "x\n") << "nesting deeper than 256 levels" << 1 << 513 << true;
    QByteArray deepMap;
    for (int i = 0; i < 2000; ++i)
        deepMap += QByteArray(i, ' ') + "k:\n";
    QTest::newRow("deep block mapping") << deepMap << "nesting deeper than 256 levels" << 257 << 257 << true;
}

void TestYamlParser::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(bool, yamlCppRejects);
    QElapsedTimer timer;
    timer.start();
    const YamlParseResult result = YamlParser::parseDocument(view(text));
    const qint64 ms = timer.elapsed();
    QVERIFY(!result.ok);
    QCOMPARE(QString::fromStdString(result.error.message), message);
    QCOMPARE(result.error.mark.line, line);
    QCOMPARE(result.error.mark.column, column);
    const YamlFastParser::Result fast = YamlFastParser::parse(view(text));
    QVERIFY(fast.status == YamlFastParser::Status::Error);
    // The fallback must reject it too (for the nesting limit, at the same place).
    timer.restart();
    const YamlParseResult viaYamlCpp = YamlCppParser::parse(view(text));
    qDebug("%s: fast path %lld ms, yaml-cpp path %lld ms: %s at %d:%d", QTest::currentDataTag(), ms,
        timer.elapsed(), viaYamlCpp.error.message.c_str(), viaYamlCpp.error.mark.line,
        viaYamlCpp.error.mark.column);
    if (yamlCppRejects) {
        QVERIFY(!viaYamlCpp.ok);
        if (message.startsWith(QLatin1String("nesting"))) {
            QCOMPARE(QString::fromStdString(viaYamlCpp.error.message), message);
            QCOMPARE(viaYamlCpp.error.mark.line, line);
            QCOMPARE(viaYamlCpp.error.mark.column, column);
        }
    }
}

void TestYamlParser::fallbackConstructs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("anchor and alias") << QByteArray("a: &x [1, 2]\nb: *x\n")
                                      << "Map Block 1:1@0-18\n"
                                         "  Scalar Plain 1:1@0-1 [a]\n"
                                         "  Seq Flow 1:7@6-12\n"
                                         "    Scalar Plain 1:8@7-8 [1]\n"
                                         "    Scalar Plain 1:11@10-11 [2]\n"
                                         "  Scalar Plain 2:1@13-14 [b]\n"
                                         "  Seq Flow 2:4@16-18\n"
                                         "    Scalar Plain 1:8@7-8 [1]\n"
                                         "    Scalar Plain 1:11@10-11 [2]\n";
    QTest::newRow("tags") << QByteArray("a: !!str 5\nb: !t {x: y}\n")
                          << "Map Block 1:1@0-23\n"
                             "  Scalar Plain 1:1@0-1 [a]\n"
                             "  Scalar Plain 1:10@9-10 [5] tag=!!str\n"
                             "  Scalar Plain 2:1@11-12 [b]\n"
                             "  Map Flow 2:7@17-23 tag=!t\n"
                             "    Scalar Plain 2:8@18-19 [x]\n"
                             "    Scalar Plain 2:11@21-22 [y]\n";
    QTest::newRow("complex key") << QByteArray("? a\n: b\n")
                                 << "Map Block 1:1@0-7\n"
                                    "  Scalar Plain 1:3@2-3 [a]\n"
                                    "  Scalar Plain 2:3@6-7 [b]\n";
    QTest::newRow("content after marker") << QByteArray("--- |\n  x\n") << "Scalar Lit 1:5@4-9 [x\\n]\n";
}

void TestYamlParser::fallbackConstructs()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QVERIFY(YamlFastParser::parse(view(text)).status == YamlFastParser::Status::Unsupported);
    const YamlParseResult result = YamlParser::parseDocument(view(text));
    QVERIFY2(result.ok, result.error.message.c_str());
    QCOMPARE(describe(result.root), expected);
}

void TestYamlParser::aliasBomb()
{
    QByteArray text = "a: &a [x,x,x,x,x,x,x,x,x]\n";
    char previous = 'a';
    for (char level = 'b'; level <= 'i'; ++level) {
        QByteArrayList refs;
        for (int i = 0; i < 9; ++i)
            refs << QByteArray("*") + previous;
        text += QByteArray(1, level) + ": &" + level + " [" + refs.join(',') + "]\n";
        previous = level;
    }
    QElapsedTimer timer;
    timer.start();
    const YamlParseResult result = YamlParser::parseDocument(view(text));
    qDebug("9x9 alias bomb rejected in %lld ms", timer.elapsed());
    QVERIFY(!result.ok);
    QCOMPARE(QString::fromStdString(result.error.message),
        QStringLiteral("alias expansion exceeds 200000 nodes (alias bomb?)"));
    // Level f holds 9^5 copies of x: the first alias of f's list passes the limit.
    QCOMPARE(result.error.mark.line, 6);
    QCOMPARE(result.error.mark.column, 11);

    YamlLimits generous;
    generous.maxAliasNodes = 100000000;
    QByteArray small = "a: &a [x,x]\nb: &b [*a,*a]\nc: [*b,*b]\n";
    const YamlParseResult expanded = YamlParser::parseDocument(view(small), generous);
    QVERIFY(expanded.ok);
    QCOMPARE(expanded.root.children[5].children.size(), std::size_t(2));
    QCOMPARE(expanded.root.children[5].children[1].children[1].children[0].value, std::string("x"));
}

void TestYamlParser::depthLimitIsConfigurable()
{
    YamlLimits limits;
    limits.maxDepth = 3;
    const QByteArray text = "a:\n  b: [[x]]\n";
    const YamlParseResult result = YamlParser::parseDocument(view(text), limits);
    QVERIFY(!result.ok);
    QCOMPARE(QString::fromStdString(result.error.message), QStringLiteral("nesting deeper than 3 levels"));
    QCOMPARE(result.error.mark.line, 2);
    QCOMPARE(result.error.mark.column, 7); // the inner '[', at depth 4
    const YamlParseResult viaYamlCpp = YamlCppParser::parse(view(text), limits);
    QCOMPARE(viaYamlCpp.error.message, result.error.message);
    QCOMPARE(viaYamlCpp.error.mark.column, 7);
    // A limit above what the stacks allow is capped, for both parsers.
    limits.maxDepth = 1000000;
    // Balanced: yaml-cpp reads an unterminated "[[[" as nested implicit mappings
    // too, so it would count two levels per bracket and stop earlier.
    const QByteArray deep = repeated("[", 100000) + repeated("]", 100000);
    const YamlParseResult capped = YamlParser::parseDocument(view(deep), limits);
    QVERIFY(!capped.ok);
    QCOMPARE(capped.error.mark.column, YamlFastParser::kMaxSafeDepth + 1);
    QCOMPARE(YamlCppParser::parse(view(deep), limits).error.mark.column, YamlFastParser::kMaxSafeDepth + 1);
}

void TestYamlParser::corpusDifferential()
{
    const QStringList files = corpusFiles();
    QVERIFY2(files.size() >= test::sweepMinimum(80, 280), qPrintable(QString::number(files.size())));
    int documents = 0;
    int fastAccepted = 0;
    int unsupported = 0;
    int rejected = 0;
    qint64 fastNs = 0;
    qint64 yamlCppNs = 0;
    QElapsedTimer timer;
    for (const QString &path : files) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stream = file.readAll();
        QByteArray joined;
        for (const YamlDocumentSpan &span : YamlParser::splitDocuments(view(stream))) {
            joined += stream.mid(span.offset, span.length);
            const std::string_view text = view(stream).substr(span.offset, span.length);
            const QString where = QStringLiteral("%1:%2").arg(path).arg(span.line);
            ++documents;
            timer.start();
            const YamlFastParser::Result fast = YamlFastParser::parse(text);
            fastNs += timer.nsecsElapsed();
            timer.start();
            const YamlParseResult viaYamlCpp = YamlCppParser::parse(text);
            yamlCppNs += timer.nsecsElapsed();
            switch (fast.status) {
            case YamlFastParser::Status::Ok:
                ++fastAccepted;
                QVERIFY2(viaYamlCpp.ok,
                    qPrintable(where + QStringLiteral(": yaml-cpp rejects what the fast path accepts: ")
                        + QString::fromStdString(viaYamlCpp.error.message)));
                QCOMPARE(describe(fast.root), describe(viaYamlCpp.root));
                checkSlices(fast.root, text, where);
                break;
            case YamlFastParser::Status::Error:
                ++rejected;
                if (viaYamlCpp.ok)
                    qWarning("%s: the fast path is stricter than yaml-cpp: %s", qPrintable(where),
                        fast.error.message.c_str());
                break;
            case YamlFastParser::Status::Unsupported:
                ++unsupported;
                break;
            }
        }
        QCOMPARE(joined, stream);
    }
    qDebug("%lld files, %d documents: %d by the fast path, %d unsupported (yaml-cpp), %d rejected; "
           "fast path %.1f ms, yaml-cpp path %.1f ms",
        qlonglong(files.size()), documents, fastAccepted, unsupported, rejected, fastNs / 1e6,
        yamlCppNs / 1e6);
    QVERIFY(fastAccepted > documents * 9 / 10);
}

// Small random edits of real documents (seeded, so reproducible) reach the
// corners of the grammar: whatever the fast path accepts, yaml-cpp must accept
// with the same tree, and nothing yaml-cpp rejects may be accepted.
void TestYamlParser::mutationDifferential()
{
    std::vector<QByteArray> documents;
    for (const QString &path : corpusFiles()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stream = file.readAll();
        for (const YamlDocumentSpan &span : YamlParser::splitDocuments(view(stream)))
            if (span.length < 3000)
                documents.push_back(stream.mid(span.offset, span.length));
    }
    documents.push_back(
        "a: \"x\\ty\\u00e9\"\nb: 'it''s'\nc: \"fold\n  ed \\\n  x\"\nd: plain\n  multi\n\n  line # c\n"
        "e: |\n  lit\n   more\n\nf: >-\n  fold\n  ed\n\n  x\n    y\ng: |+\n  keep\n\n"
        "h: [1, [2, 3], {x: y}]\ni: {a, b: , c: d}\nj:\n- - x\n  - y\n- k: v\n  l: w\n-\nk: ~\n");
    documents.push_back("a: [1,\n  2, # c\n  \"3\",\n]\nb: {x: [a, \"b c\"], y: 'z'}\nc: |2\n    two\n   x\n"
                        "d:\n  - name: a\n    v: >\n      text\n      more\n  - \"q\": r\n");
    static const char *pieces[]
        = { " ", "\n", "\t", ":", "- ", "-", "#", " #", "'", "\"", "\\", "[", "]", "{", "}", ",", "|", ">",
              "|-", ">+", "  ", "\r\n", "---", "...", "?", "~", "null", "\n  ", "\n- ", "\\u00e9" };
    const int pieceCount = int(sizeof pieces / sizeof *pieces);
    std::mt19937 random(20261128);
    int accepted = 0;
    int stricter = 0;
    for (int iteration = 0; iteration < 4000; ++iteration) {
        QByteArray text = documents[random() % documents.size()];
        const int edits = 1 + int(random() % 3);
        for (int e = 0; e < edits; ++e) {
            const int at = int(random() % (text.size() + 1));
            switch (random() % 3) {
            case 0:
                text.insert(at, pieces[random() % pieceCount]);
                break;
            case 1:
                text.remove(at, 1 + int(random() % 3));
                break;
            default:
                if (at < text.size())
                    text[at] = pieces[random() % pieceCount][0];
            }
        }
        const YamlFastParser::Result fast = YamlFastParser::parse(view(text));
        if (fast.status == YamlFastParser::Status::Unsupported)
            continue;
        const YamlParseResult viaYamlCpp = YamlCppParser::parse(view(text));
        if (fast.status == YamlFastParser::Status::Error) {
            stricter += viaYamlCpp.ok ? 1 : 0;
            continue;
        }
        ++accepted;
        const QString where = QStringLiteral("mutation %1:\n%2").arg(iteration).arg(QString::fromUtf8(text));
        QVERIFY2(viaYamlCpp.ok, qPrintable(where));
        QCOMPARE(describe(fast.root), describe(viaYamlCpp.root));
    }
    qDebug(
        "4000 mutations: %d accepted by the fast path and identical with yaml-cpp; %d rejected by the fast "
        "path only (invalid YAML that yaml-cpp tolerates)",
        accepted, stricter);
}

QTEST_GUILESS_MAIN(TestYamlParser)
#include "tst_yamlparser.moc"
