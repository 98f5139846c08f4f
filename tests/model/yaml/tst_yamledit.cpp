#include "yamledit.h"
#include "yamlparser.h"
#include "yamlpaths.h"

#include <QTest>

using namespace meshroute;

namespace {

YamlNode parse(const QByteArray &text)
{
    YamlParseResult r
        = YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size())));
    if (!r.ok)
        qWarning("parse error: %s", r.error.message.c_str());
    return r.root;
}

YamlPath path(const QString &dotted)
{
    return test::yamlPath(dotted);
}

YamlNode destination(const QString &host)
{
    YamlNode d = YamlEdit::mapping();
    YamlEdit::setEntry(d, "host", YamlEdit::stringScalar(host));
    YamlNode item = YamlEdit::mapping();
    YamlEdit::setEntry(item, "destination", d);
    return item;
}

bool parses(const QByteArray &text)
{
    return YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size()))).ok;
}

} // namespace

class TestYamlEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_data();
    void layout();
    void setPath_data();
    void setPath();
    void removePath_data();
    void removePath();
    void insertItem_data();
    void insertItem();
    void removeItem_data();
    void removeItem();
    void rootSequenceAfterAByteOrderMark();
    void emptyFlowInAFlowCollectionStaysFlow();
    void moveItem_data();
    void moveItem();
    void duplicateItem();
    void refusals();
    void existingFunctionsUnchanged();
    void valuesYamlTakesOnlyAsEscapes_data();
    void valuesYamlTakesOnlyAsEscapes();
    void valuesReadBackWhereTheyStand_data();
    void valuesReadBackWhereTheyStand();
    void anchorsAnAliasUsesStay_data();
    void anchorsAnAliasUsesStay();
    void removalsWithTheirAliasesGoThrough_data();
    void removalsWithTheirAliasesGoThrough();
};

void TestYamlEdit::layout_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("indentSequences");
    QTest::newRow("kubectl") << QByteArray("a:\n  b: 1\n  l:\n  - x\n") << 2 << false;
    QTest::newRow("indented sequences") << QByteArray("a:\n  l:\n    - x\n") << 2 << true;
    QTest::newRow("four spaces") << QByteArray("a:\n    b: 1\n") << 4 << false;
    QTest::newRow("flat") << QByteArray("a: 1\n") << 2 << false;
}

void TestYamlEdit::layout()
{
    QFETCH(QByteArray, text);
    const YamlEdit::Layout l = YamlEdit::detectLayout(text, parse(text));
    QFETCH(int, step);
    QFETCH(bool, indentSequences);
    QCOMPARE(l.step, step);
    QCOMPARE(l.indentSequences, indentSequences);
}

void TestYamlEdit::setPath_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind"); // plain, string, map, seq
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("scalar in place, comment kept") << QByteArray("a:\n  timeout: 5s # slow\n") << "a.timeout"
                                                   << "string"
                                                   << "10s" << QByteArray("a:\n  timeout: 10s # slow\n");
    QTest::newRow("quote style kept") << QByteArray("a: \"x\"\n") << "a"
                                      << "string"
                                      << "y" << QByteArray("a: \"y\"\n");
    QTest::newRow("number-like string quoted") << QByteArray("a: b\n") << "a"
                                               << "string"
                                               << "1.5" << QByteArray("a: \"1.5\"\n");
    // Found by fuzz_byte_editor: the value went in without the ':' the key never had.
    QTest::newRow("key alone in a flow mapping") << QByteArray("m: {a, b: 1}\n") << "m.a"
                                                 << "map"
                                                 << "x=1" << QByteArray("m: {a: {x: 1}, b: 1}\n");
    QTest::newRow("key alone in a flow mapping, scalar") << QByteArray("m: {a, b: 1}\n") << "m.a"
                                                         << "plain"
                                                         << "2" << QByteArray("m: {a: 2, b: 1}\n");
    // Found by fuzz_byte_editor: an explicit key without a value took the value into the key.
    QTest::newRow("explicit key without a value") << QByteArray("? k\nz: 1\n") << "k"
                                                  << "plain"
                                                  << "2" << QByteArray("? k\n: 2\nz: 1\n");
    QTest::newRow("explicit key without a value, map") << QByteArray("? k\nz: 1\n") << "k"
                                                       << "map"
                                                       << "x=y" << QByteArray("? k\n:\n  x: y\nz: 1\n");
    QTest::newRow("nested explicit key without a value") << QByteArray("a:\n  ? k\n  z: 1\n") << "a.k"
                                                         << "string"
                                                         << "v" << QByteArray("a:\n  ? k\n  : v\n  z: 1\n");
    // Found by fuzz_byte_editor: the ':' went at the indentation of the key's line, not at the
    // '?', so it joined a block scalar key below its '?' (`? !` over ` |1`) or left a list item.
    QTest::newRow("explicit key without a value, below its '?'")
        << QByteArray("? !\n |1\n  - x\n\nz: 1\n") << " - x\n"
        << "plain"
        << "80" << QByteArray("? !\n |1\n  - x\n: 80\n\nz: 1\n");
    QTest::newRow("explicit key without a value, in a list item")
        << QByteArray("- ? k\n  z: 1\n") << "0.k"
        << "plain"
        << "2" << QByteArray("- ? k\n  : 2\n  z: 1\n");
    QTest::newRow("explicit key without a value, in a list item, map")
        << QByteArray("- ? k\n  z: 1\n") << "0.k"
        << "map"
        << "x=y" << QByteArray("- ? k\n  :\n    x: y\n  z: 1\n");
    // Found by fuzz_byte_editor: block lines set the indentation the lines after them are read
    // at, and a tab in a comment line there became "tabs are not allowed as indentation".
    QTest::newRow("map before a comment line indented with a tab")
        << QByteArray("k:\n \t# c\n") << "k"
        << "map"
        << "x=y" << QByteArray("k: {x: y}\n \t# c\n");
    QTest::newRow("map before a comment line indented with spaces")
        << QByteArray("k:\n # c\n") << "k"
        << "map"
        << "x=y" << QByteArray("k:\n  x: y\n # c\n");
    // Found by fuzz_byte_editor: a key added after an explicit key holding a mapping went into that
    // mapping, at the column yaml-cpp marked for both.
    QTest::newRow("key added after an explicit mapping key") << QByteArray("?  k: v\n") << "added"
                                                             << "plain"
                                                             << "1" << QByteArray("?  k: v\nadded: 1\n");
    QTest::newRow("key added after an explicit mapping key, after a byte order mark")
        << QByteArray("\xEF\xBB\xBF?  k: v\n") << "added"
        << "plain"
        << "1" << QByteArray("\xEF\xBB\xBF?  k: v\nadded: 1\n");
    // A byte order mark takes no column: what is added to line 1's mapping goes at column 0.
    QTest::newRow("key added after a byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                                     "a: 1\nb: 2\n")
                                                       << "c"
                                                       << "plain"
                                                       << "3"
                                                       << QByteArray("\xEF\xBB\xBF"
                                                                     "a: 1\nb: 2\nc: 3\n");
    QTest::newRow("nested key added after a byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                                            "a: 1\n")
                                                              << "z.w"
                                                              << "plain"
                                                              << "3"
                                                              << QByteArray("\xEF\xBB\xBF"
                                                                            "a: 1\nz:\n  w: 3\n");
    QTest::newRow("missing key appended") << QByteArray("a:\n  b: 1\nc: 2\n") << "a.t"
                                          << "string"
                                          << "5s" << QByteArray("a:\n  b: 1\n  t: 5s\nc: 2\n");
    QTest::newRow("missing nested keys") << QByteArray("a:\n  b: 1\n") << "a.r.attempts"
                                         << "plain"
                                         << "3" << QByteArray("a:\n  b: 1\n  r:\n    attempts: 3\n");
    QTest::newRow("four-space nesting") << QByteArray("a:\n    b: 1\n") << "a.r.x"
                                        << "plain"
                                        << "3" << QByteArray("a:\n    b: 1\n    r:\n        x: 3\n");
    QTest::newRow("scalar becomes block map") << QByteArray("a:\n  m: x # c\nz: 1\n") << "a.m"
                                              << "map"
                                              << "k=v" << QByteArray("a:\n  m:\n    k: v # c\nz: 1\n");
    QTest::newRow("block map replaced") << QByteArray("a:\n  m:\n    k: v\n    j: w\nz: 1\n") << "a.m"
                                        << "map"
                                        << "q=1" << QByteArray("a:\n  m:\n    q: 1\nz: 1\n");
    QTest::newRow("block seq replaced, kubectl style")
        << QByteArray("a:\n  l:\n  - x\n  - y\nz: 1\n") << "a.l"
        << "seq"
        << "p,q" << QByteArray("a:\n  l:\n  - p\n  - q\nz: 1\n");
    QTest::newRow("block seq replaced, indented style") << QByteArray("a:\n  l:\n    - x\n") << "a.l"
                                                        << "seq"
                                                        << "p" << QByteArray("a:\n  l:\n    - p\n");
    // Found by fuzz_byte_editor: the ':' went right after an explicit key (`? k:`), which made the
    // value part of the key.
    QTest::newRow("explicit key, block seq replaced (fuzz)")
        << QByteArray("? k\n:\n- x\n- y\nz: 1\n") << "k"
        << "seq"
        << "p,q" << QByteArray("? k\n:\n- p\n- q\nz: 1\n");
    QTest::newRow("explicit key, map replaced")
        << QByteArray("a:\n  ? k # c: d\n  :\n    m: 1\n  z: 1\n") << "a.k"
        << "map"
        << "q=1" << QByteArray("a:\n  ? k # c: d\n  :\n    q: 1\n  z: 1\n");
    // Found by fuzz_byte_editor: a comment glued to a quoted value (`"x"# c`, which YAML reads as a
    // comment) ran into the plain value written in its place, which then held the comment.
    QTest::newRow("comment glued to the old value (fuzz)") << QByteArray("a: !!str \"[b]\"# c\nz: 1\n") << "a"
                                                           << "map"
                                                           << "q=50" << QByteArray("a:\n  q: 50 # c\nz: 1\n");
    QTest::newRow("comment glued to a flow value, a number in its place") << QByteArray("a: [x]# c\n") << "a"
                                                                          << "plain"
                                                                          << "5" << QByteArray("a: 5 # c\n");
    QTest::newRow("flow seq stays flow") << QByteArray("a: [x, y]\n") << "a"
                                         << "seq"
                                         << "p,q,r" << QByteArray("a: [p, q, r]\n");
    QTest::newRow("empty flow becomes block") << QByteArray("a: []\n") << "a"
                                              << "seq"
                                              << "p" << QByteArray("a:\n- p\n");
    // A flow indicator inside a plain scalar ends it in a flow collection: quoted there, plain in block.
    QTest::newRow("bracket inside, into flow map") << QByteArray("a: {b: 1}\n") << "a.c"
                                                   << "string"
                                                   << "m[en" << QByteArray("a: {b: 1, c: \"m[en\"}\n");
    QTest::newRow("bracket inside, flow value replaced") << QByteArray("a: {b: 1}\n") << "a.b"
                                                         << "string"
                                                         << "x,y" << QByteArray("a: {b: \"x,y\"}\n");
    QTest::newRow("bracket inside, block") << QByteArray("a:\n  b: 1\n") << "a.b"
                                           << "string"
                                           << "m[en" << QByteArray("a:\n  b: m[en\n");
    QTest::newRow("into flow map") << QByteArray("a: {b: 1}\n") << "a.c"
                                   << "plain"
                                   << "2" << QByteArray("a: {b: 1, c: 2}\n");
    // Found by fuzz_byte_editor: a key added to a pair in a flow sequence without braces went in
    // after a comma, which ends the item, so it made a new item and the pair never had it.
    QTest::newRow("into a braceless pair") << QByteArray("a: [b: 1]\n") << "a.0.c"
                                           << "plain"
                                           << "2" << QByteArray("a: [{b: 1, c: 2}]\n");
    QTest::newRow("into a braceless pair with an empty key")
        << QByteArray("a: [x, : gw]\n") << "a.1.c"
        << "map"
        << "h=r,w=5" << QByteArray("a: [x, {: gw, c: {h: r, w: 5}}]\n");
    QTest::newRow("null value gets a map") << QByteArray("a:\nb: 1\n") << "a.c"
                                           << "plain"
                                           << "2" << QByteArray("a:\n  c: 2\nb: 1\n");
    QTest::newRow("item of a block seq") << QByteArray("l:\n- a: 1\n  b: 2\n- c\n") << "l.0"
                                         << "map"
                                         << "x=y" << QByteArray("l:\n- x: y\n- c\n");
    // Found by fuzz_byte_editor: a mapping whose first key has an anchor or a tag started after
    // them, so a new key went in at that column instead of its keys'.
    QTest::newRow("after an anchored first key") << QByteArray("&a x: 1\nb: 2\n") << "c"
                                                 << "plain"
                                                 << "3" << QByteArray("&a x: 1\nb: 2\nc: 3\n");
    // A value with an anchor or tag but nothing after them goes after them; it went before the
    // anchor (`a: 2 &y`), and after a tag it replaced the next key.
    QTest::newRow("anchored empty value") << QByteArray("a: &y\nb: 1\n") << "a"
                                          << "plain"
                                          << "2" << QByteArray("a: &y 2\nb: 1\n");
    QTest::newRow("tagged empty value") << QByteArray("a: !t\nb: 1\n") << "a"
                                        << "plain"
                                        << "2" << QByteArray("a: !t 2\nb: 1\n");
    QTest::newRow("tagged empty value at the end") << QByteArray("a: !t") << "a"
                                                   << "plain"
                                                   << "2" << QByteArray("a: !t 2");
    QTest::newRow("after a tagged first key of a seq item") << QByteArray("l:\n- !t a: 1\n") << "l.0.c"
                                                            << "plain"
                                                            << "3" << QByteArray("l:\n- !t a: 1\n  c: 3\n");
    // Found by fuzz_byte_editor: a value set on an empty item went right after the dash (`-x: y`).
    QTest::newRow("empty item of a block seq") << QByteArray("l:\n- \n- b\n") << "l.0"
                                               << "map"
                                               << "x=y,z=w" << QByteArray("l:\n- x: y\n  z: w\n- b\n");
    QTest::newRow("empty last item without a space") << QByteArray("l:\n- a\n-\n") << "l.1"
                                                     << "map"
                                                     << "x=y,z=w" << QByteArray("l:\n- a\n- x: y\n  z: w\n");
    // Found by fuzz_byte_editor: the value took the only space before a comment (`- v2#1`).
    // Found by fuzz_byte_editor: a value set on a tagged empty flow item ran into its tag. (The
    // tag needs a blank before the ',': `[a, !t, b]` is refused, as go-yaml refuses it.)
    QTest::newRow("tagged empty flow item") << QByteArray("l: [a, !t , b]\n") << "l.1"
                                            << "plain"
                                            << "v2" << QByteArray("l: [a, !t v2 , b]\n");
    QTest::newRow("empty item before a comment") << QByteArray("l:\n- #1\n- b\n") << "l.0"
                                                 << "plain"
                                                 << "v2" << QByteArray("l:\n- v2 #1\n- b\n");
    QTest::newRow("empty item before a comment, map") << QByteArray("l:\n- #1\n") << "l.0"
                                                      << "map"
                                                      << "x=y,z=w" << QByteArray("l:\n- x: y\n  z: w #1\n");
    // Found by fuzz_byte_editor: a mapping set on an item after its anchor (`- &a host: x`) made
    // the anchor its first key's, and the next key stood right of the mapping's start.
    QTest::newRow("anchored item, map") << QByteArray("l:\n  - &a \"id \"\n") << "l.0"
                                        << "map"
                                        << "x=y,z=w" << QByteArray("l:\n  - &a\n    x: y\n    z: w\n");
    QTest::newRow("anchored empty item, map") << QByteArray("l:\n- &a\n- b\n") << "l.0"
                                              << "map"
                                              << "x=y,z=w" << QByteArray("l:\n- &a\n  x: y\n  z: w\n- b\n");
    // Found by fuzz_byte_editor: after tabs between the dash and the item, the mapping's next key
    // stood at the column the tabs reach, which yaml-cpp does not count as indentation.
    QTest::newRow("item after tabs, map") << QByteArray("l:\n-\t\tv\n- b\n") << "l.0"
                                          << "map"
                                          << "x=y,z=w" << QByteArray("l:\n-\n   x: y\n   z: w\n- b\n");
    QTest::newRow("key in a seq item") << QByteArray("l:\n- a: 1\n  b: 2\n") << "l.0.c"
                                       << "plain"
                                       << "3" << QByteArray("l:\n- a: 1\n  b: 2\n  c: 3\n");
    QTest::newRow("crlf") << QByteArray("a:\r\n  b: 1\r\n") << "a.c.d"
                          << "plain"
                          << "2" << QByteArray("a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\n");
    QTest::newRow("key needing quotes")
        << QByteArray("h:\n  a: 1\n") << "h.@request.auth.claims"
        << "plain"
        << "1" << QByteArray("h:\n  a: 1\n  \"@request\":\n    auth:\n      claims: 1\n");
}

void TestYamlEdit::setPath()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, kind);
    QFETCH(QString, value);
    YamlNode v;
    if (kind == QLatin1String("plain")) {
        v = YamlEdit::plainScalar(value);
    } else if (kind == QLatin1String("string")) {
        v = YamlEdit::stringScalar(value);
    } else if (kind == QLatin1String("map")) {
        v = YamlEdit::mapping();
        for (const QString &pair : value.split(QLatin1Char(',')))
            YamlEdit::setEntry(v, pair.section(QLatin1Char('='), 0, 0).toUtf8(),
                YamlEdit::plainScalar(pair.section(QLatin1Char('='), 1)));
    } else {
        v = YamlEdit::sequence();
        for (const QString &item : value.split(QLatin1Char(',')))
            YamlEdit::appendItem(v, YamlEdit::plainScalar(item));
    }
    const YamlNode root = parse(text);
    QFETCH(QString, path);
    QFETCH(QByteArray, expected);
    const QString p = path;
    // A key with dots in it (the claims row) is one step.
    YamlPath steps = ::path(p);
    if (p.contains(QLatin1Char('@')))
        steps
            = YamlPath { QByteArray("h"), QByteArray("@request"), QByteArray("auth"), QByteArray("claims") };
    TextChange change;
    QString error;
    QVERIFY2(YamlEdit::setPath(text, root, steps, v, YamlEdit::detectLayout(text, root), &change, &error),
        qPrintable(error));
    const QByteArray out = YamlEdit::apply(text, { change });
    QCOMPARE(out, expected);
    QVERIFY(parses(out));
}

void TestYamlEdit::removePath_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("expected");
    // Found by fuzz_byte_editor: the only entry of a pair without braces in a flow sequence
    // left an empty entry (`[, c]`), which YAML rejects.
    QTest::newRow("only entry of a braceless pair")
        << QByteArray("l: [a: b, c]\n") << "l.0.a" << QByteArray("l: [{}, c]\n");
    // The mark before line 1 is no part of the entry there: it stays.
    QTest::newRow("first key after a byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                                     "a: 1\nb: 2\n")
                                                       << "a"
                                                       << QByteArray("\xEF\xBB\xBF"
                                                                     "b: 2\n");
    QTest::newRow("only key after a byte order mark, no final newline") << QByteArray("\xEF\xBB\xBF"
                                                                                      "a: 1")
                                                                        << "a" << QByteArray("\xEF\xBB\xBF");
    QTest::newRow("middle key with its comment")
        << QByteArray("a:\n  b: 1\n  # about c\n  c:\n    d: 2\n  e: 3\n") << "a.c"
        << QByteArray("a:\n  b: 1\n  e: 3\n");
    QTest::newRow("last key") << QByteArray("a:\n  b: 1\n  c: 2\nz: 0\n") << "a.c"
                              << QByteArray("a:\n  b: 1\nz: 0\n");
    // Found by fuzz_byte_editor: an explicit key's '?' on the line above it stayed behind, alone
    // (`?` with nothing is a null key, which does not parse here).
    QTest::newRow("explicit key, '?' on the line above (fuzz)")
        << QByteArray("m:\n  ?\n    -x\n  b: 1\n") << "m.-x" << QByteArray("m:\n  b: 1\n");
    // Found by fuzz_byte_editor: a comment line between the '?' and its key hid the '?', which
    // stayed behind, alone.
    QTest::newRow("explicit key, a comment line between the '?' and the key (fuzz)")
        << QByteArray("m:\n  ?\n  # c\n    -x\n  b: 1\n") << "m.-x" << QByteArray("m:\n  b: 1\n");
    // Found by fuzz_byte_editor: a key below an empty '?' at its column was taken for that '?''s
    // key, and its removal took the '?' entry along.
    QTest::newRow("key below an empty '?' at its column")
        << QByteArray("?\nk: v\nz: 1\n") << "k" << QByteArray("?\nz: 1\n");
    // Found by fuzz_byte_editor: the removal took the line break before it, to keep the file
    // without a final one, and left a '?' at the very end, which yaml-cpp does not read.
    QTest::newRow("last key after a lone '?', no final newline")
        << QByteArray("?\nk: v") << "k" << QByteArray("?\n");
    QTest::newRow("key below an anchored empty '?' at its column (fuzz)")
        << QByteArray("? &a\nk: v\nz: 1\n") << "k" << QByteArray("? &a\nz: 1\n");
    QTest::newRow("key below an empty '?' in a list item, at its column")
        << QByteArray("l:\n- ?\n  k: v\n  z: 1\n") << "l.0.k" << QByteArray("l:\n- ?\n  z: 1\n");
    QTest::newRow("explicit key, a comment after the '?'")
        << QByteArray("m:\n  ? # c\n    -x\n  b: 1\n") << "m.-x" << QByteArray("m:\n  b: 1\n");
    QTest::newRow("explicit key, a comment after the '?', CRLF") << QByteArray(
        "m:\r\n  ? # c\r\n\r\n    -x\r\n  b: 1\r\n") << "m.-x" << QByteArray("m:\r\n  b: 1\r\n");
    QTest::newRow("explicit key with its value")
        << QByteArray("a: 0\n? k\n: v\nb: 1\n") << "k" << QByteArray("a: 0\nb: 1\n");
    QTest::newRow("the next key is explicit")
        << QByteArray("a: 0\n?\n  k\n: v\n") << "a" << QByteArray("?\n  k\n: v\n");
    QTest::newRow("a '?' that ends a value is the value's")
        << QByteArray("title: who ?\nb: 1\nc: 2\n") << "b" << QByteArray("title: who ?\nc: 2\n");
    QTest::newRow("only key prunes its parent")
        << QByteArray("a:\n  r:\n    x: 1\n  b: 2\n") << "a.r.x" << QByteArray("a:\n  b: 2\n");
    // Found by fuzz_byte_editor: the tag before a key was taken for a sequence item's dash.
    QTest::newRow("tagged key") << QByteArray("a: 1\n! b: 2\nc: 3\n") << "b" << QByteArray("a: 1\nc: 3\n");
    QTest::newRow("anchored last key") << QByteArray("a: 1\n&x b: 2\n") << "b" << QByteArray("a: 1\n");
    // The properties before an entry are its own: left behind, they went to the next entry.
    QTest::newRow("anchored first flow item")
        << QByteArray("l: [&x a, b]\n") << "l.0" << QByteArray("l: [b]\n");
    QTest::newRow("tagged first flow key")
        << QByteArray("m: {!t a: 1, b: 2}\n") << "m.a" << QByteArray("m: {b: 2}\n");
    QTest::newRow("anchored first key of a seq item")
        << QByteArray("l:\n- &x name: a\n  route: b\n") << "l.0.name" << QByteArray("l:\n- route: b\n");
    QTest::newRow("anchored second key of a seq item keeps its anchor")
        << QByteArray("l:\n- name: a\n  &x route: b\n") << "l.0.name" << QByteArray("l:\n- &x route: b\n");
    QTest::newRow("first key of a seq item")
        << QByteArray("l:\n- name: x\n  route: y\n") << "l.0.name" << QByteArray("l:\n- route: y\n");
    QTest::newRow("only key of a seq item")
        << QByteArray("l:\n- name: x\n- b\n") << "l.0.name" << QByteArray("l:\n- {}\n- b\n");
    QTest::newRow("flow map entry") << QByteArray("a: {b: 1, c: 2}\n") << "a.b" << QByteArray("a: {c: 2}\n");
    QTest::newRow("flow map last entry")
        << QByteArray("a: {b: 1, c: 2}\n") << "a.c" << QByteArray("a: {b: 1}\n");
    QTest::newRow("seq item") << QByteArray("l:\n- a\n- b\n- c\n") << "l.1" << QByteArray("l:\n- a\n- c\n");
    QTest::newRow("only seq item prunes the key")
        << QByteArray("x: 1\nl:\n- a\ny: 2\n") << "l.0" << QByteArray("x: 1\ny: 2\n");
    QTest::newRow("no final newline") << QByteArray("a: 1\nb: 2") << "b" << QByteArray("a: 1");
}

void TestYamlEdit::removePath()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QByteArray, expected);
    const YamlNode root = parse(text);
    TextChange change;
    QString error;
    QVERIFY2(
        YamlEdit::removePath(text, root, ::path(path), YamlEdit::detectLayout(text, root), &change, &error),
        qPrintable(error));
    const QByteArray out = YamlEdit::apply(text, { change });
    QCOMPARE(out, expected);
    QVERIFY(parses(out));
}

void TestYamlEdit::insertItem_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("index");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray base("route:\n- destination:\n    host: a\n  weight: 90\n# b is the canary\n- "
                          "destination:\n    host: b\n  weight: 10\nz: 1\n");
    QTest::newRow("front")
        << base << 0
        << QByteArray("route:\n- destination:\n    host: new\n- destination:\n    host: a\n  weight: 90\n# b "
                      "is the canary\n- destination:\n    host: b\n  weight: 10\nz: 1\n");
    QTest::newRow("before a commented item")
        << base << 1
        << QByteArray("route:\n- destination:\n    host: a\n  weight: 90\n- destination:\n    host: new\n# b "
                      "is the canary\n- destination:\n    host: b\n  weight: 10\nz: 1\n");
    QTest::newRow("end")
        << base << 2
        << QByteArray("route:\n- destination:\n    host: a\n  weight: 90\n# b is the canary\n- "
                      "destination:\n    host: b\n  weight: 10\n- destination:\n    host: new\nz: 1\n");
    QTest::newRow("indented siblings") << QByteArray("r:\n  - a: 1\n") << 1
                                       << QByteArray("r:\n  - a: 1\n  - destination:\n      host: new\n");
    QTest::newRow("flow") << QByteArray("r: [{a: 1}]\n") << 1
                          << QByteArray("r: [{a: 1}, {destination: {host: new}}]\n");
    // Found by fuzz_byte_editor: the new item went between a tagged empty item and its tag.
    QTest::newRow("flow, before a tagged empty item")
        << QByteArray("r: [a, !t , b]\n") << 1 << QByteArray("r: [a, {destination: {host: new}}, !t , b]\n");
    // Found by fuzz_byte_editor: the empty list became a block list, whose lines made a line of
    // tabs after it a tab in the indentation; it stays flow there.
    QTest::newRow("empty flow before a line of tabs")
        << QByteArray("r: []\n\t\t\n") << 0 << QByteArray("r: [{destination: {host: new}}]\n\t\t\n");
    // Found by fuzz_byte_editor: a comment glued to the `]` joined the last value of the new block.
    QTest::newRow("empty flow, a comment glued to it")
        << QByteArray("r: []# c\n") << 0 << QByteArray("r:\n- destination:\n    host: new # c\n");
    QTest::newRow("empty flow") << QByteArray("r: []\n") << 0
                                << QByteArray("r:\n- destination:\n    host: new\n");
    QTest::newRow("no final newline")
        << QByteArray("r:\n- a: 1") << 1 << QByteArray("r:\n- a: 1\n- destination:\n    host: new");
    QTest::newRow("before a comment line indented with a tab") << QByteArray(
        "r:\n- a\n \t# c\n") << 1 << QByteArray("r:\n- a\n- {destination: {host: new}}\n \t# c\n");
}

void TestYamlEdit::insertItem()
{
    QFETCH(QByteArray, text);
    QFETCH(int, index);
    QFETCH(QByteArray, expected);
    const YamlNode root = parse(text);
    TextChange change;
    QString error;
    const YamlNode *seq
        = YamlEdit::find(root, { root.children[0].value == "route" ? QByteArray("route") : QByteArray("r") });
    QVERIFY(seq);
    QVERIFY2(YamlEdit::insertSequenceItem(text, *seq, index, destination(QStringLiteral("new")),
                 YamlEdit::detectLayout(text, root), &change, &error),
        qPrintable(error));
    const QByteArray out = YamlEdit::apply(text, { change });
    QCOMPARE(out, expected);
    QVERIFY(parses(out));
}

void TestYamlEdit::removeItem_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("index");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray base("l:\n# first\n- a: 1\n  b: 2\n# second\n- c: 3\n- d: 4 # last\nz: 1\n");
    QTest::newRow("first with its comment")
        << base << 0 << QByteArray("l:\n# second\n- c: 3\n- d: 4 # last\nz: 1\n");
    QTest::newRow("middle") << base << 1 << QByteArray("l:\n# first\n- a: 1\n  b: 2\n- d: 4 # last\nz: 1\n");
    QTest::newRow("last") << base << 2 << QByteArray("l:\n# first\n- a: 1\n  b: 2\n# second\n- c: 3\nz: 1\n");
    QTest::newRow("flow first") << QByteArray("l: [a, b, c]\n") << 0 << QByteArray("l: [b, c]\n");
    QTest::newRow("flow last") << QByteArray("l: [a, b, c]\n") << 2 << QByteArray("l: [a, b]\n");
    QTest::newRow("flow item with its tag on the line above")
        << QByteArray("l: [a, !!str\n  1, c]\n") << 1 << QByteArray("l: [a, c]\n");
    // Found by fuzz_byte_editor: the only item went without the comma after it, which left `[,]`.
    QTest::newRow("flow only item, a comma after it")
        << QByteArray("l: [a ,]\n") << 0 << QByteArray("l: []\n");
    QTest::newRow("flow only item") << QByteArray("l: [a]\n") << 0 << QByteArray("l: []\n");
    QTest::newRow("flow only item, the comma on the next line")
        << QByteArray("l: [a\n  ,]\n") << 0 << QByteArray("l: []\n");
    // An anchor or tag after the dash was taken for text before the item ("item 0 does not start
    // its own line"), so an anchored item could be neither removed nor moved.
    QTest::newRow("anchored block item")
        << QByteArray("l:\n- &a x\n- !!str 1\n- z\n") << 0 << QByteArray("l:\n- !!str 1\n- z\n");
    QTest::newRow("tagged block item")
        << QByteArray("l:\n- &a x\n- !!str 1\n- z\n") << 1 << QByteArray("l:\n- &a x\n- z\n");
}

void TestYamlEdit::removeItem()
{
    QFETCH(QByteArray, text);
    QFETCH(int, index);
    QFETCH(QByteArray, expected);
    const YamlNode root = parse(text);
    TextChange change;
    QString error;
    QVERIFY2(YamlEdit::removeSequenceItem(
                 text, *YamlEdit::find(root, { QByteArray("l") }), index, &change, &error),
        qPrintable(error));
    const QByteArray out = YamlEdit::apply(text, { change });
    QCOMPARE(out, expected);
    QVERIFY(parses(out));
}

// Items of a sequence on line 1 after a byte order mark start their own line: the mark takes no
// column. They were refused ("item 0 does not start its own line") and a removal took the mark.
void TestYamlEdit::rootSequenceAfterAByteOrderMark()
{
    const QByteArray text("\xEF\xBB\xBF- a\n- b\n");
    const YamlNode root = parse(text);
    const YamlEdit::Layout layout = YamlEdit::detectLayout(text, root);
    TextChange change;
    QString error;
    QVERIFY2(YamlEdit::insertSequenceItem(
                 text, root, 0, YamlEdit::plainScalar(QStringLiteral("n")), layout, &change, &error),
        qPrintable(error));
    QCOMPARE(YamlEdit::apply(text, { change }), QByteArray("\xEF\xBB\xBF- n\n- a\n- b\n"));
    QVERIFY2(YamlEdit::duplicateSequenceItem(text, root, 0, &change, &error), qPrintable(error));
    QCOMPARE(YamlEdit::apply(text, { change }), QByteArray("\xEF\xBB\xBF- a\n- a\n- b\n"));
    QVERIFY2(YamlEdit::removeSequenceItem(text, root, 0, &change, &error), qPrintable(error));
    QCOMPARE(YamlEdit::apply(text, { change }), QByteArray("\xEF\xBB\xBF- b\n"));
    QVERIFY2(YamlEdit::moveSequenceItem(text, root, root, 1, 0, &change, &error), qPrintable(error));
    QCOMPARE(YamlEdit::apply(text, { change }), QByteArray("\xEF\xBB\xBF- b\n- a\n"));
}

// Found by fuzz_byte_editor: the first item of an empty `[]` made it a block list under its key,
// also inside another flow collection, where block lines do not read ("illegal block entry").
void TestYamlEdit::emptyFlowInAFlowCollectionStaysFlow()
{
    const struct
    {
        QByteArray text;
        YamlPath path;
        QByteArray expected;
    } cases[] = {
        { "r: [[]]# c\n", { QByteArray("r"), 0 }, "r: [[{destination: {host: new}}]]# c\n" },
        { "r: {k: []}\n", { QByteArray("r"), QByteArray("k") }, "r: {k: [{destination: {host: new}}]}\n" },
        { "r: [\n  []\n]\n", { QByteArray("r"), 0 }, "r: [\n  [{destination: {host: new}}]\n]\n" },
    };
    for (const auto &c : cases) {
        const YamlNode root = parse(c.text);
        const YamlNode *seq = YamlEdit::find(root, c.path);
        QVERIFY(seq);
        TextChange change;
        QString error;
        QVERIFY2(YamlEdit::insertSequenceItem(c.text, *seq, 0, destination(QStringLiteral("new")),
                     YamlEdit::detectLayout(c.text, root), &change, &error),
            qPrintable(error));
        QCOMPARE(YamlEdit::apply(c.text, { change }), c.expected);
    }
}

void TestYamlEdit::moveItem_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray base("l:\n# one\n- a: 1\n  b: 2\n- c: 3 # three\n\n# four\n- d: 4\nz: 1\n");
    QTest::newRow("last to first")
        << base << 2 << 0
        << QByteArray("l:\n# four\n- d: 4\n# one\n- a: 1\n  b: 2\n- c: 3 # three\n\nz: 1\n");
    QTest::newRow("first to last")
        << base << 0 << 2
        << QByteArray("l:\n- c: 3 # three\n\n# four\n- d: 4\n# one\n- a: 1\n  b: 2\nz: 1\n");
    QTest::newRow("no final newline") << QByteArray("l:\n- a\n- b") << 1 << 0 << QByteArray("l:\n- b\n- a");
    QTest::newRow("flow") << QByteArray("l: [a, b, c]\n") << 0 << 2 << QByteArray("l: [b, c, a]\n");
    // The properties written before a flow item are the item's: `&a` stayed behind and named `y`,
    // `!!str` stayed behind and made `y` a string while `1` became a number.
    QTest::newRow("flow anchor goes with its item")
        << QByteArray("l: [&a x, y]\nz: *a\n") << 0 << 1 << QByteArray("l: [y, &a x]\nz: *a\n");
    QTest::newRow("flow tag goes with its item")
        << QByteArray("l: [!!str 1, y]\n") << 0 << 1 << QByteArray("l: [y, !!str 1]\n");
    QTest::newRow("flow tag on the line above goes with its item") << QByteArray(
        "l: [x, &a\n  !!str 1]\nz: *a\n") << 1 << 0 << QByteArray("l: [&a\n  !!str 1, x]\nz: *a\n");
    // Separators stay where they stand: a list written one item per line stays so, comments too.
    QTest::newRow("flow, one item per line")
        << QByteArray("l: [\n  a, # first\n  b\n]\n") << 1 << 0 << QByteArray("l: [\n  b, # first\n  a\n]\n");
    QTest::newRow("block anchor and its alias, order kept")
        << QByteArray("l:\n- &a x\n- y\n- *a\n") << 1 << 2 << QByteArray("l:\n- &a x\n- *a\n- y\n");
    QTest::newRow("an anchored item moved, its alias after the list")
        << QByteArray("l:\n- &a x\n- y\nm: [*a]\n") << 0 << 1 << QByteArray("l:\n- y\n- &a x\nm: [*a]\n");
    QTest::newRow("CRLF, last item without a line break")
        << QByteArray("l:\r\n- a\r\n- b") << 1 << 0 << QByteArray("l:\r\n- b\r\n- a");
}

void TestYamlEdit::moveItem()
{
    QFETCH(QByteArray, text);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QByteArray, expected);
    const YamlNode root = parse(text);
    TextChange change;
    QString error;
    QVERIFY2(YamlEdit::moveSequenceItem(
                 text, root, *YamlEdit::find(root, { QByteArray("l") }), from, to, &change, &error),
        qPrintable(error));
    const QByteArray out = YamlEdit::apply(text, { change });
    QCOMPARE(out, expected);
    QVERIFY(parses(out));
}

void TestYamlEdit::duplicateItem()
{
    const QByteArray text("l:\n# one\n- a: 1 # x\n  b: [2]\n- c\n");
    const YamlNode root = parse(text);
    TextChange change;
    QString error;
    QVERIFY(YamlEdit::duplicateSequenceItem(
        text, *YamlEdit::find(root, { QByteArray("l") }), 0, &change, &error));
    QCOMPARE(YamlEdit::apply(text, { change }),
        QByteArray("l:\n# one\n- a: 1 # x\n  b: [2]\n# one\n- a: 1 # x\n  b: [2]\n- c\n"));
    // A flow item's copy takes its tag: without it, the copy of a string `1` was the number 1.
    const QByteArray flow("l: [!!str 1, y]\n");
    QVERIFY(YamlEdit::duplicateSequenceItem(
        flow, *YamlEdit::find(parse(flow), { QByteArray("l") }), 0, &change, &error));
    QCOMPARE(YamlEdit::apply(flow, { change }), QByteArray("l: [!!str 1, !!str 1, y]\n"));
    // Found by fuzz_byte_editor: a tag on the line above its item was left out of the copy.
    const QByteArray above("l: [!!str\n  1, y]\n");
    QVERIFY(YamlEdit::duplicateSequenceItem(
        above, *YamlEdit::find(parse(above), { QByteArray("l") }), 0, &change, &error));
    QCOMPARE(YamlEdit::apply(above, { change }), QByteArray("l: [!!str\n  1, !!str\n  1, y]\n"));
}

void TestYamlEdit::refusals()
{
    const QByteArray text("l:\n- a\n");
    const YamlNode root = parse(text);
    TextChange change;
    QString error;
    QVERIFY(
        !YamlEdit::removeSequenceItem(text, *YamlEdit::find(root, { QByteArray("l") }), 0, &change, &error));
    QVERIFY(error.contains(QLatin1String("only item")));
    QVERIFY(!YamlEdit::moveSequenceItem(
        text, root, *YamlEdit::find(root, { QByteArray("l") }), 0, 3, &change, &error));
    QVERIFY(!YamlEdit::setPath(
        text, root, { QByteArray("l"), 5 }, YamlEdit::plainScalar("x"), {}, &change, &error));
    QVERIFY(!YamlEdit::removePath(text, root, { QByteArray("nope") }, {}, &change, &error));
    // Found by fuzz_byte_editor: a comment above the first item, indented with a tab where the list
    // had not begun, is a tab in the indentation between items. A copy goes without it; a move,
    // which would carry it there, is refused with what it would have broken.
    const QByteArray tabbed("k:\n \t# c\n    - a\n    - b\n");
    const YamlNode tabbedRoot = parse(tabbed);
    const YamlNode *list = YamlEdit::find(tabbedRoot, { QByteArray("k") });
    QVERIFY(list);
    QVERIFY2(YamlEdit::duplicateSequenceItem(tabbed, *list, 0, &change, &error), qPrintable(error));
    QCOMPARE(YamlEdit::apply(tabbed, { change }), QByteArray("k:\n \t# c\n    - a\n    - a\n    - b\n"));
    QVERIFY(!YamlEdit::moveSequenceItem(tabbed, tabbedRoot, *list, 0, 1, &change, &error));
    QVERIFY2(error.startsWith(QLatin1String("moving it here would leave YAML that does not read")),
        qPrintable(error));
    // Found by fuzz_byte_editor: a plain value set where an empty one stood reads on into a line of
    // tabs below it, a tab in the indentation for yaml-cpp; the edit says so instead.
    const QByteArray emptyItem("-\t!!str \n\t\t\n");
    const YamlNode emptyItemRoot = parse(emptyItem);
    QVERIFY(!YamlEdit::setPath(
        emptyItem, emptyItemRoot, { 0 }, YamlEdit::plainScalar("80"), {}, &change, &error));
    QVERIFY2(error.startsWith(QLatin1String("setting it here would leave YAML that does not read")),
        qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("line 2")), qPrintable(error));
    // Found by fuzz_byte_editor: removing the key between an empty anchored value and a tagged key
    // brings them together (`n: &a` over `! s: 1`), which yaml-cpp misreads and the reader refuses.
    const QByteArray between("n: &a\nk:\n! s: 1\n");
    const YamlNode betweenRoot = parse(between);
    QVERIFY(!YamlEdit::removeMapEntry(between, betweenRoot, "k", &change, &error));
    QVERIFY2(error.startsWith(QLatin1String("removing it here would leave YAML that does not read")),
        qPrintable(error));
}

void TestYamlEdit::existingFunctionsUnchanged()
{
    const QByteArray text("d:\n  host: a # c\n");
    const YamlNode root = parse(text);
    const YamlNode *d = YamlEdit::find(root, { QByteArray("d") });
    QCOMPARE(YamlEdit::apply(text, { YamlEdit::insertMapEntry(text, *d, "weight", "5") }),
        QByteArray("d:\n  host: a # c\n  weight: 5\n"));
    QCOMPARE(
        YamlEdit::apply(text,
            { YamlEdit::setScalar(*YamlEdit::find(root, { QByteArray("d"), QByteArray("host") }), "b") }),
        QByteArray("d:\n  host: b # c\n"));
}

void TestYamlEdit::valuesYamlTakesOnlyAsEscapes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("value");
    // Found by fuzz_byte_editor: a control character written as it is left a document that
    // does not parse (YAML 1.2 §5.1), whatever the old scalar's style.
    QTest::newRow("control character, plain") << QByteArray("a: x\n") << QStringLiteral("v\u0001w");
    QTest::newRow("control character, single-quoted") << QByteArray("a: 'x'\n") << QStringLiteral("\u0001");
    QTest::newRow("DEL and C1") << QByteArray("a: x\n") << QStringLiteral("d\u007Fe\u0090f");
    QTest::newRow("CR inside") << QByteArray("a: x\n") << QStringLiteral("one\rtwo");
    QTest::newRow("U+FFFE") << QByteArray("a: \"x\"\n") << QStringLiteral("\uFFFE");
    // A character outside the BMP is one code point, written as it is.
    QTest::newRow("emoji, double-quoted") << QByteArray("a: \"x\"\n") << QStringLiteral("ok \U0001F680");
}

void TestYamlEdit::valuesYamlTakesOnlyAsEscapes()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, value);
    const YamlNode root = parse(text);
    const YamlNode *a = YamlEdit::find(root, { QByteArray("a") });
    QVERIFY(a);
    const QByteArray after = YamlEdit::apply(text, { YamlEdit::setScalar(*a, value, true) });
    QVERIFY2(parses(after), after.constData());
    const YamlNode reparsed = parse(after); // find() points into it: it must outlive `read`
    const YamlNode *read = YamlEdit::find(reparsed, { QByteArray("a") });
    QVERIFY(read);
    QCOMPARE(QString::fromStdString(read->value), value);
}

// A value set with setScalar reads back as set, wherever the scalar stands.
void TestYamlEdit::valuesReadBackWhereTheyStand_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    // Found by fuzz_byte_editor: a flow indicator inside a plain scalar ends it in a flow
    // collection (`{name: m[en}`: "end of map flow not found").
    QTest::newRow("bracket inside, flow mapping (fuzz)")
        << QByteArray("m: {name: reviews, namespace: default}\n") << "m.name" << QStringLiteral("m[en");
    QTest::newRow("comma inside, flow sequence")
        << QByteArray("l: [a, b]\n") << "l.0" << QStringLiteral("x,y");
    QTest::newRow("brace inside, flow sequence")
        << QByteArray("l: [a, b]\n") << "l.1" << QStringLiteral("x}y");
    QTest::newRow("bracket inside, block") << QByteArray("a: x\n") << "a" << QStringLiteral("m[en");

    // Found by fuzz_byte_editor: a U+FEFF in a double-quoted value was dropped (`"rro"`).
    QTest::newRow("U+FEFF at the end, double-quoted (fuzz)")
        << QByteArray("added: \"*ref\"\n") << "added" << QStringLiteral("rro\uFEFF");
    QTest::newRow("U+FEFF first, plain") << QByteArray("a: x\n") << "a" << QStringLiteral("\uFEFFx");
}

void TestYamlEdit::valuesReadBackWhereTheyStand()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, value);
    const YamlNode root = parse(text);
    const YamlNode *node = YamlEdit::find(root, ::path(path));
    QVERIFY(node);
    const YamlPath steps = ::path(path);
    const bool inFlow = YamlEdit::find(root, steps.mid(0, steps.size() - 1))->style == YamlNode::Style::Flow;
    const QByteArray after = YamlEdit::apply(text, { YamlEdit::setScalar(*node, value, true, inFlow) });
    QVERIFY2(parses(after), after.constData());
    const YamlNode reparsed = parse(after);
    const YamlNode *read = YamlEdit::find(reparsed, steps);
    QVERIFY(read);
    // As bytes: QString::fromUtf8 would drop a leading U+FEFF, taking it for a byte order mark.
    QCOMPARE(QByteArray::fromStdString(read->value), value.toUtf8());
}

// An edit that takes away an anchor's "&x" while an alias elsewhere still uses it left "*x"
// undefined ("the referenced anchor is not defined"): refused, naming the anchor and the alias.
// Found by fuzz_byte_editor: removePath of a key anchored on the key itself (`&a Version: ...`).
void TestYamlEdit::anchorsAnAliasUsesStay_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("edit"); // remove, removeEntry, removeItem, "move FROM TO", or set (a scalar x)
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString use = QStringLiteral("the alias *a at %1 (line %2) uses");
    QTest::newRow("anchor on the key (fuzz)")
        << QByteArray("&a version: v1\nlabels: {version: *a}\n") << "remove"
        << "version"
        << QStringLiteral("this removes the anchor &a (version (key)), which ")
            + use.arg("labels.version").arg(2);
    QTest::newRow("anchor on the key, removeMapEntry")
        << QByteArray("m:\n  x: 1\n  &a version: v1\nl: *a\n") << "removeEntry"
        << "m.version" << use.arg("l").arg(4);
    QTest::newRow("anchor on the value") << QByteArray("a: &a 1\nb: *a\n") << "remove"
                                         << "a" << use.arg("b").arg(2);
    QTest::newRow("anchor on a flow value") << QByteArray("m: {x: 1, y: &a 2}\nb: *a\n") << "remove"
                                            << "m.y" << use.arg("b").arg(2);
    QTest::newRow("anchor inside the removed subtree")
        << QByteArray("a:\n  b:\n    c: &a 1\nd: *a\n") << "remove"
        << "a" << use.arg("d").arg(4);
    QTest::newRow("anchored first flow item") << QByteArray("l: [&a x, y]\nz: *a\n") << "removeItem"
                                              << "l.0" << use.arg("z").arg(2);
    QTest::newRow("anchored first flow key") << QByteArray("m: {&a k: 1, b: 2}\nz: *a\n") << "removeEntry"
                                             << "m.k" << use.arg("z").arg(2);
    QTest::newRow("anchored first key of a seq item")
        << QByteArray("l:\n- &a name: x\n  route: y\nz: *a\n") << "remove"
        << "l.0.name" << use.arg("z").arg(4);
    QTest::newRow("a value replaced with its anchor") << QByteArray("a:\n  b: &a 1\nc: [*a]\n") << "set"
                                                      << "a" << use.arg("c[0]").arg(3);
    QTest::newRow("anchored block item") << QByteArray("l:\n- &a x\n- y\nz: *a\n") << "removeItem"
                                         << "l.0" << use.arg("z").arg(4);
    // Found in review: a move put the alias first, and the document no longer parsed.
    const QString first
        = QStringLiteral("this move puts the alias *a at %1 (line %2) before its anchor &a (%3)");
    QTest::newRow("move the anchor past its alias (flow)") << QByteArray("l: [&a x, *a]\n") << "move 0 1"
                                                           << "l.0" << first.arg("l[1]").arg(1).arg("l[0]");
    QTest::newRow("move the alias before its anchor (block)")
        << QByteArray("l:\n- &a x\n- y\n- *a\n") << "move 2 0"
        << "l.2" << first.arg("l[2]").arg(4).arg("l[0]");
    QTest::newRow("move an anchored rule past a later rule's alias")
        << QByteArray("l:\n- route: &a {host: r}\n- route: *a\n") << "move 0 1"
        << "l.0" << first.arg("l[1].route").arg(3).arg("l[0].route");
    // A list an alias shares: its items would move for the alias too.
    const QString shared
        = QStringLiteral("l is shared through the anchor &s with the alias *s at m (line %1)");
    QTest::newRow("move inside a shared flow list") << QByteArray("l: &s [a, b]\nm: *s\n") << "move 0 1"
                                                    << "l.0" << shared.arg(2);
    QTest::newRow("move inside a shared block list") << QByteArray("l: &s\n- a\n- b\nm: *s\n") << "move 1 0"
                                                     << "l.1" << shared.arg(4);
    // Two anchors of one name: the alias would silently stand for the other one.
    QTest::newRow("move a second anchor of the same name between")
        << QByteArray("l: [&a x, y, *a, &a z]\n") << "move 3 1"
        << "l.3"
        << QStringLiteral(
               "after this move the alias *a at l[2] (line 1) would stand for the anchor &a at l[3] "
               "instead of l[0]");
}

void TestYamlEdit::anchorsAnAliasUsesStay()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, edit);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const YamlNode root = parse(text);
    const YamlPath steps = ::path(path);
    const YamlNode *parent = YamlEdit::find(root, steps.mid(0, steps.size() - 1));
    QVERIFY(parent);
    TextChange change;
    QString error;
    bool ok = true;
    if (edit == QLatin1String("remove"))
        ok = YamlEdit::removePath(text, root, steps, YamlEdit::detectLayout(text, root), &change, &error);
    else if (edit == QLatin1String("removeEntry"))
        ok = YamlEdit::removeMapEntry(text, *parent, std::get<QByteArray>(steps.last()), &change, &error);
    else if (edit == QLatin1String("removeItem"))
        ok = YamlEdit::removeSequenceItem(text, *parent, std::get<int>(steps.last()), &change, &error);
    else if (edit.startsWith(QLatin1String("move ")))
        ok = YamlEdit::moveSequenceItem(text, root, *parent, edit.section(' ', 1, 1).toInt(),
            edit.section(' ', 2, 2).toInt(), &change, &error);
    else
        ok = YamlEdit::setPath(text, root, steps, YamlEdit::plainScalar(QStringLiteral("x")),
            YamlEdit::detectLayout(text, root), &change, &error);
    QVERIFY2(!ok, YamlEdit::apply(text, { change }).constData());
    QVERIFY2(error.contains(message), qPrintable(error));
}

// What stays defined is no concern: the alias goes with the removed text, or the anchor stays.
void TestYamlEdit::removalsWithTheirAliasesGoThrough_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("the alias is removed")
        << QByteArray("a: &a 1\nb: *a\nc: 2\n") << "b" << QByteArray("a: &a 1\nc: 2\n");
    QTest::newRow("anchor and alias are removed together")
        << QByteArray("x: 0\nm:\n  a: &a 1\n  b: *a\n") << "m" << QByteArray("x: 0\n");
    QTest::newRow("an unused anchor") << QByteArray("&a k: 1\nb: 2\n") << "k" << QByteArray("b: 2\n");
}

void TestYamlEdit::removalsWithTheirAliasesGoThrough()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QByteArray, expected);
    const YamlNode root = parse(text);
    TextChange change;
    QString error;
    QVERIFY2(
        YamlEdit::removePath(text, root, ::path(path), YamlEdit::detectLayout(text, root), &change, &error),
        qPrintable(error));
    QCOMPARE(YamlEdit::apply(text, { change }), expected);
}

QTEST_GUILESS_MAIN(TestYamlEdit)
#include "tst_yamledit.moc"
