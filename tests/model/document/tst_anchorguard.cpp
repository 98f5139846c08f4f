// Edits never change text that an anchor shares: issue 11's `weights --route
// canary` changed another rule that used the same anchored route. Every edit
// command refuses, naming both places; unshared anchors stay editable.
#include "anchorguard.h"
#include "commandtest.h"
#include "setroutefield.h"
#include "setweights.h"
#include "yamlparser.h"

#include <QtTest>

using namespace meshroute;
using namespace meshroute::test;

namespace {

QByteArray vs(const QByteArray &http)
{
    return "apiVersion: networking.istio.io/v1\n"
           "kind: VirtualService\n"
           "metadata:\n"
           "  name: reviews\n"
           "spec:\n"
           "  hosts: [reviews]\n"
           "  http:\n"
        + http;
}

QByteArray sharedRoute()
{
    return readFile(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/save/shared-route.yaml"));
}

// Only a scalar is shared: rule 1's timeout is an alias of rule 0's.
const QByteArray sharedScalar = vs("  - name: canary\n"
                                   "    timeout: &t 5s\n"
                                   "    route:\n"
                                   "    - destination: {host: reviews}\n"
                                   "  - name: other\n"
                                   "    timeout: *t\n"
                                   "    route:\n"
                                   "    - destination: {host: reviews}\n");

} // namespace

class TestAnchorGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void weightsOfAnAnchoredRouteAreRefused_data()
    {
        QTest::addColumn<int>("route");
        QTest::addColumn<QString>("message");
        QTest::newRow("the anchor") << 0
                                    << "spec.http[0].route is shared through the anchor &split with "
                                       "spec.http[1].route; edit the anchor or expand it";
        QTest::newRow("the alias") << 1
                                   << "spec.http[0].route is shared through the anchor &split with "
                                      "spec.http[1].route; edit the anchor or expand it";
    }
    void weightsOfAnAnchoredRouteAreRefused()
    {
        QFETCH(int, route);
        QFETCH(QString, message);
        Document doc;
        load(doc, sharedRoute());
        const int id = idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QCOMPARE(vsOf(doc, id)->http.size(), 2);
        QCOMPARE(vsOf(doc, id)->http[1].route.size(), 2); // the alias is read as the anchored list
        QString error;
        QVERIFY(!SetWeights::create(&doc, id, route, { 50, 50 }, &error));
        QCOMPARE(error, message);
        QCOMPARE(fileText(doc), sharedRoute());
    }

    // The same rule for every command built on ResourceEdit: the rule editor's field edits.
    void fieldEditsFollowTheSameRule()
    {
        Document doc;
        load(doc, sharedScalar);
        const int id = idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QString error;
        QVERIFY(!SetRouteField::create(&doc, id, 1, { QByteArray("timeout") },
            YamlEdit::plainScalar(QStringLiteral("9s")), QStringLiteral("Set timeout"), &error));
        QCOMPARE(error,
            QStringLiteral("spec.http[1].timeout is shared through the anchor &t with spec.http[0].timeout; "
                           "edit the anchor or expand it"));
        QVERIFY(!SetRouteField::create(&doc, id, 0, { QByteArray("timeout") },
            YamlEdit::plainScalar(QStringLiteral("9s")), QStringLiteral("Set timeout"), &error));
        QCOMPARE(error,
            QStringLiteral("spec.http[0].timeout is shared through the anchor &t with spec.http[1].timeout; "
                           "edit the anchor or expand it"));
        // Another field of the same rules is not shared.
        auto command = SetRouteField::create(&doc, id, 1, { QByteArray("retries"), QByteArray("attempts") },
            YamlEdit::plainScalar(QStringLiteral("3")), QStringLiteral("Set retries"), &error);
        QVERIFY2(command, qPrintable(error));
        doc.undoStack()->push(command.release());
        QVERIFY(fileText(doc).contains("timeout: *t"));
        QVERIFY(fileText(doc).contains("attempts: 3"));
    }

    // An anchor that nothing refers to shares nothing: edits go through.
    void anUnusedAnchorIsEditable()
    {
        QByteArray text = sharedRoute();
        text.replace("    route: *split\n", "    route:\n    - destination: {host: reviews}\n");
        Document doc;
        load(doc, text);
        const int id = idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QString error;
        auto command = SetWeights::create(&doc, id, 0, { 50, 50 }, &error);
        QVERIFY2(command, qPrintable(error));
        doc.undoStack()->push(command.release());
        QVERIFY(fileText(doc).contains(
            "weight: 50\n    - destination: {host: reviews, subset: v2}\n      weight: 50\n"));
    }

    // The guard itself: an insertion at the end of a shared block mapping adds to it; after a scalar it does
    // not.
    void insertionsAtTheEnd()
    {
        const QByteArray text = "a: &m\n  x: 1\nb: *m\nc: &s 1\nd: *s\n";
        const YamlParseResult parsed
            = YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size())));
        QVERIFY(parsed.ok);
        QString error;
        const int mapEnd = int(text.indexOf("\nb:"));
        QVERIFY(!AnchorGuard::check(parsed.root, { TextChange { mapEnd, 0, "\n  y: 2" } }, &error));
        QCOMPARE(
            error, QStringLiteral("a is shared through the anchor &m with b; edit the anchor or expand it"));
        const int scalarEnd = int(text.indexOf("\nd:"));
        QVERIFY(AnchorGuard::check(parsed.root, { TextChange { scalarEnd, 0, "  # note" } }, &error));
        QVERIFY(!AnchorGuard::check(parsed.root, { TextChange { scalarEnd - 1, 1, "2" } }, &error));
        QCOMPARE(
            error, QStringLiteral("c is shared through the anchor &s with d; edit the anchor or expand it"));
    }

    // An anchor written on a key (`&k a: 1`) is shared like any other: the alias stands for the
    // key's text.
    void anAnchoredKeyIsShared()
    {
        const QByteArray text = "&k a: 1\nb: *k\n";
        const YamlParseResult parsed
            = YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size())));
        QVERIFY(parsed.ok);
        QString error;
        QVERIFY(!AnchorGuard::check(parsed.root, { TextChange { 3, 1, "c" } }, &error));
        QCOMPARE(error,
            QStringLiteral("a (key) is shared through the anchor &k with b; edit the anchor or expand it"));
        QVERIFY(AnchorGuard::check(parsed.root, { TextChange { 6, 1, "2" } }, &error)); // a's value
    }
};

QTEST_GUILESS_MAIN(TestAnchorGuard)
#include "tst_anchorguard.moc"
