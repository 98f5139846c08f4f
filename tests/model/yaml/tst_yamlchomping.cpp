// An edit that writes after a block scalar ending the document without a line break keeps the
// scalar's value: the line break it writes would otherwise add "\n" to it (YamlChomping).
// YAML 1.2 §8.1.1.2 (block chomping): clip and keep take the final line break, strip does not;
// PyYAML reads `a: |` over `  x` at the end of the input as "x" and with a line break as "x\n".
#include "yamledit.h"
#include "yamlparser.h"
#include "yamlpaths.h"

#include <QObject>
#include <QTest>

using namespace meshroute;

namespace {

YamlParseResult parse(const QByteArray &text)
{
    return YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size())));
}

YamlPath path(const QString &slashed)
{
    return test::yamlPath(slashed, QLatin1Char('/'));
}

// Runs `op` on `text`: "set PATH" (the plain scalar 1), "remove KEY" (of the root mapping), or
// "insert INDEX", "removeItem INDEX", "duplicate INDEX" or "move FROM TO" on the list at `l`.
bool edit(const QByteArray &text, const QString &op, TextChange *change, QString *error)
{
    const YamlNode root = parse(text).root;
    const QStringList words = op.split(QLatin1Char(' '));
    const YamlEdit::Layout layout = YamlEdit::detectLayout(text, root);
    if (words[0] == QLatin1String("set"))
        return YamlEdit::setPath(
            text, root, path(op.mid(4)), YamlEdit::plainScalar(QStringLiteral("1")), layout, change, error);
    const YamlNode *list = YamlEdit::find(root, { QByteArray("l") });
    if (!list && words[0] != QLatin1String("remove"))
        return false;
    if (words[0] == QLatin1String("insert"))
        return YamlEdit::insertSequenceItem(
            text, *list, words[1].toInt(), YamlEdit::plainScalar(QStringLiteral("y")), layout, change, error);
    if (words[0] == QLatin1String("remove"))
        return YamlEdit::removeMapEntry(text, root, words[1].toUtf8(), change, error);
    if (words[0] == QLatin1String("removeItem"))
        return YamlEdit::removeSequenceItem(text, *list, words[1].toInt(), change, error);
    if (words[0] == QLatin1String("duplicate"))
        return YamlEdit::duplicateSequenceItem(text, *list, words[1].toInt(), change, error);
    return YamlEdit::moveSequenceItem(text, root, *list, words[1].toInt(), words[2].toInt(), change, error);
}

} // namespace

class TestYamlChomping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueKept_data();
    void valueKept();
};

void TestYamlChomping::valueKept_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("scalar"); // the block scalar's path before the edit
    QTest::addColumn<QString>("scalarAfter"); // and after it
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("key added after a literal value") << QByteArray("a: |\n  x") << "set /b"
                                                     << "/a"
                                                     << "/a" << QByteArray("a: |-\n  x\nb: 1");
    QTest::newRow("key added after a folded value with an indentation indicator")
        << QByteArray("a: >2\n   x") << "set /b"
        << "/a"
        << "/a" << QByteArray("a: >2-\n   x\nb: 1");
    QTest::newRow("key added after a keep value, CRLF") << QByteArray("a: |+\r\n  x") << "set /b"
                                                        << "/a"
                                                        << "/a" << QByteArray("a: |-\r\n  x\r\nb: 1");
    QTest::newRow("strip value: nothing to keep") << QByteArray("a: |-\n  x") << "set /b"
                                                  << "/a"
                                                  << "/a" << QByteArray("a: |-\n  x\nb: 1");
    // The byte_editor fuzz finding: the value of an explicit key whose text is a block scalar
    // below its '?' went after it, and the key, now with a line break, was another key.
    QTest::newRow("value set on an explicit block scalar key") << QByteArray("? !\n |1\n  - x") << "set / - x"
                                                               << ""
                                                               << "" << QByteArray("? !\n |1-\n  - x\n: 1");
    QTest::newRow("item added after a literal item") << QByteArray("l:\n- |\n  x") << "insert 1"
                                                     << "/l/0"
                                                     << "/l/0" << QByteArray("l:\n- |-\n  x\n- y");
    QTest::newRow("last item duplicated") << QByteArray("l:\n- |\n  x") << "duplicate 0"
                                          << "/l/0"
                                          << "/l/1" << QByteArray("l:\n- |-\n  x\n- |\n  x");
    QTest::newRow("last item moved up") << QByteArray("l:\n- a\n- |+\n  x") << "move 1 0"
                                        << "/l/1"
                                        << "/l/0" << QByteArray("l:\n- |-\n  x\n- a");
    QTest::newRow("last item moved up, nested") << QByteArray("l:\n- a\n- k: >\n    x\n    y") << "move 1 0"
                                                << "/l/1/k"
                                                << "/l/0/k" << QByteArray("l:\n- k: >-\n    x\n    y\n- a");
    // A keep scalar's empty lines after its last line are line breaks of its value: what is
    // written after it goes after them. A key added there took them away ("x\n\n" became "x\n").
    QTest::newRow("key added after a keep value's empty lines")
        << QByteArray("m:\n  a: |+\n    x\n\nz: 1\n") << "set /m/b"
        << "/m/a"
        << "/m/a" << QByteArray("m:\n  a: |+\n    x\n\n  b: 1\nz: 1\n");
    QTest::newRow("key added after a keep value's empty lines, CRLF")
        << QByteArray("m:\r\n  a: |+\r\n    x\r\n\r\nz: 1\r\n") << "set /m/b"
        << "/m/a"
        << "/m/a" << QByteArray("m:\r\n  a: |+\r\n    x\r\n\r\n  b: 1\r\nz: 1\r\n");
    QTest::newRow("item added after a keep item's empty lines")
        << QByteArray("l:\n- |+\n  x\n\nz: 1\n") << "insert 1"
        << "/l/0"
        << "/l/0" << QByteArray("l:\n- |+\n  x\n\n- y\nz: 1\n");
    QTest::newRow("keep item duplicated with its empty lines")
        << QByteArray("l:\n- |+\n  x\n\n- a\n") << "duplicate 0"
        << "/l/0"
        << "/l/1" << QByteArray("l:\n- |+\n  x\n\n- |+\n  x\n\n- a\n");
    QTest::newRow("last keep item moved up with its empty lines")
        << QByteArray("l:\n- a\n- >+\n  x\n\n") << "move 1 0"
        << "/l/1"
        << "/l/0" << QByteArray("l:\n- >+\n  x\n\n- a\n");
    // A removal at the end of a file without a final line break takes the break before it too,
    // but not a block scalar's: "x\n" would have become "x".
    QTest::newRow("entry removed after a literal value") << QByteArray("a: |\n  x\nb: 1") << "remove b"
                                                         << "/a"
                                                         << "/a" << QByteArray("a: |\n  x\n");
    QTest::newRow("item removed after a folded item, CRLF")
        << QByteArray("l:\r\n- >\r\n  x\r\n- y") << "removeItem 1"
        << "/l/0"
        << "/l/0" << QByteArray("l:\r\n- >\r\n  x\r\n");
    QTest::newRow("entry removed after a plain value keeps no final newline")
        << QByteArray("a: x\nb: 1") << "remove b"
        << "/a"
        << "/a" << QByteArray("a: x");
    // Spaces past the indentation are content, so the value ends in them, and keeps them.
    QTest::newRow("last line of spaces past the indentation") << QByteArray("a: |\n  x\n    ") << "set /b"
                                                              << "/a"
                                                              << "/a" << QByteArray("a: |-\n  x\n    \nb: 1");
    // Spaces up to the indentation are an empty line, after the value's end: the key goes in
    // before them, where the value's line break already is.
    QTest::newRow("last line of indentation only") << QByteArray("a: |\n  x\n  ") << "set /b"
                                                   << "/a"
                                                   << "/a" << QByteArray("a: |\n  x\nb: 1\n  ");
}

void TestYamlChomping::valueKept()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, op);
    QFETCH(QString, scalar);
    QFETCH(QString, scalarAfter);
    QFETCH(QByteArray, expected);
    TextChange change;
    QString error;
    QVERIFY2(edit(text, op, &change, &error), qPrintable(error));
    const QByteArray out = YamlEdit::apply(text, { change });
    QCOMPARE(out, expected);
    const YamlParseResult before = parse(text);
    const YamlParseResult after = parse(out);
    QVERIFY2(after.ok, after.error.message.c_str());
    // The explicit key row's scalar is the first key itself.
    const YamlNode *was
        = scalar.isEmpty() ? &before.root.children[0] : YamlEdit::find(before.root, path(scalar));
    const YamlNode *now
        = scalarAfter.isEmpty() ? &after.root.children[0] : YamlEdit::find(after.root, path(scalarAfter));
    QVERIFY(was && now);
    QVERIFY(!was->value.empty());
    QCOMPARE(QByteArray::fromStdString(now->value), QByteArray::fromStdString(was->value));
}

QTEST_APPLESS_MAIN(TestYamlChomping)
#include "tst_yamlchomping.moc"
