// SetBackendWeights: the weights of an HTTPRoute or GRPCRoute rule's
// backendRefs. Only the weights' bytes change, a missing `weight:` is inserted
// in the file's style, a drag merges into one undo step, undo gives back the
// exact bytes, and what the CRD refuses (weight past 1,000,000) is refused.
#include "corpus.h"
#include "document.h"
#include "loader.h"
#include "setbackendweights.h"
#include "undostack.h"

#include <QtTest>

using namespace meshroute;

namespace {

const QByteArray split = "# cart canary\n"
                         "apiVersion: gateway.networking.k8s.io/v1\n"
                         "kind: HTTPRoute\n"
                         "metadata:\n"
                         "  name: cart\n"
                         "spec:\n"
                         "  parentRefs:\n"
                         "  - name: shop\n"
                         "  rules:\n"
                         "  - matches:\n"
                         "    - path: {type: PathPrefix, value: /cart}\n"
                         "    backendRefs:\n"
                         "    - name: cart-v1\n"
                         "      port: 8080\n"
                         "      weight: 90   # stable\n"
                         "    - name: cart-v2\n"
                         "      port: 8080\n"
                         "      weight: 10   # canary\n"
                         "  - backendRefs:\n"
                         "      - name: web\n"
                         "        port: 80\n"
                         "      - name: web-next\n"
                         "        port: 80\n";

int routeId(const Document &d, const QString &name)
{
    for (const Resource &r : d.workspace().resources)
        if (r.gatewayApiRoute() && r.name() == name)
            return r.id;
    return -1;
}

bool push(Document &d, int id, int rule, const QList<int> &weights, QString *error = nullptr)
{
    QString e;
    auto command = SetBackendWeights::create(&d, id, rule, weights, &e);
    if (error)
        *error = e;
    if (!command)
        return false;
    d.undoStack()->push(command.release());
    return true;
}

} // namespace

class TestSetBackendWeights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesOnlyTheWeightBytes();
    void undoIsByteIdentical();
    void dragMergesIntoOneStep();
    void insertsMissingWeightInTheFilesIndentation();
    void flowStyleBackendRefs();
    void grpcRoute();
    void rejectsBadRequests_data();
    void rejectsBadRequests();
};

void TestSetBackendWeights::changesOnlyTheWeightBytes()
{
    Document d;
    d.setLoadResult(Loader::loadText(split, QStringLiteral("cart.yaml")));
    const int id = routeId(d, QStringLiteral("cart"));
    QVERIFY(push(d, id, 0, { 75, 25 }));
    QByteArray expected = split;
    expected.replace("weight: 90   # stable", "weight: 75   # stable");
    expected.replace("weight: 10   # canary", "weight: 25   # canary");
    QCOMPARE(d.files()[0].text, expected);
    const RouteRule &rule = d.workspace().byId(id)->gatewayApiRoute()->rules[0];
    QCOMPARE(rule.backendRefs[0].weight.value, 75);
    QCOMPARE(rule.backendRefs[1].weight.value, 25);
    QCOMPARE(d.undoStack()->count(), 1);
    QVERIFY(d.undoStack()->undoText().contains(QStringLiteral("75/25")));
}

void TestSetBackendWeights::undoIsByteIdentical()
{
    Document d;
    d.setLoadResult(Loader::loadText(split));
    const int id = routeId(d, QStringLiteral("cart"));
    QVERIFY(push(d, id, 0, { 0, 100 }));
    d.undoStack()->undo();
    QCOMPARE(d.files()[0].text, split);
    QVERIFY(!d.isModified());
    d.undoStack()->redo();
    QCOMPARE(d.workspace().byId(id)->gatewayApiRoute()->rules[0].backendRefs[1].weight.value, 100);
}

void TestSetBackendWeights::dragMergesIntoOneStep()
{
    Document d;
    d.setLoadResult(Loader::loadText(split));
    const int id = routeId(d, QStringLiteral("cart"));
    for (int v = 89; v >= 50; --v)
        QVERIFY(push(d, id, 0, { v, 100 - v }));
    QCOMPARE(d.undoStack()->count(), 1);
    // Another rule is another step.
    QVERIFY(push(d, id, 1, { 3, 1 }));
    QCOMPARE(d.undoStack()->count(), 2);
    d.undoStack()->undo();
    d.undoStack()->undo();
    QCOMPARE(d.files()[0].text, split);
}

void TestSetBackendWeights::insertsMissingWeightInTheFilesIndentation()
{
    Document d;
    d.setLoadResult(Loader::loadText(split));
    const int id = routeId(d, QStringLiteral("cart"));
    // No `weight:` means 1 (the CRD default): setting 1 writes nothing, 4 inserts a line.
    QVERIFY(push(d, id, 1, { 1, 4 }));
    QByteArray expected = split;
    expected.replace("      - name: web-next\n        port: 80\n",
        "      - name: web-next\n        port: 80\n        weight: 4\n");
    QCOMPARE(d.files()[0].text, expected);
    QVERIFY2(d.loadDiagnostics().isEmpty(), qPrintable(d.loadDiagnostics().value(0).toText()));
    const RouteRule &rule = d.workspace().byId(id)->gatewayApiRoute()->rules[1];
    QVERIFY(!rule.backendRefs[0].weight.present);
    QCOMPARE(rule.backendRefs[1].weight.value, 4);
}

void TestSetBackendWeights::flowStyleBackendRefs()
{
    const QByteArray yaml
        = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: f}\n"
          "spec:\n  rules:\n  - backendRefs: [{name: a, port: 80, weight: 5}, {name: b, port: 80}]\n";
    Document d;
    d.setLoadResult(Loader::loadText(yaml));
    QVERIFY(push(d, routeId(d, QStringLiteral("f")), 0, { 30, 70 }));
    QVERIFY2(d.files()[0].text.contains("[{name: a, port: 80, weight: 30}, {name: b, port: 80, weight: 70}]"),
        d.files()[0].text.constData());
    d.undoStack()->undo();
    QCOMPARE(d.files()[0].text, yaml);
}

void TestSetBackendWeights::grpcRoute()
{
    const QByteArray yaml = "apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\nmetadata: {name: g}\n"
                            "spec:\n  rules:\n  - backendRefs:\n    - name: a\n      weight: 1\n"
                            "    - name: b\n      weight: 0\n";
    Document d;
    d.setLoadResult(Loader::loadText(yaml));
    QVERIFY(push(d, routeId(d, QStringLiteral("g")), 0, { 1, 1 }));
    QCOMPARE(d.files()[0].text, QByteArray(yaml).replace("weight: 0", "weight: 1"));
}

void TestSetBackendWeights::rejectsBadRequests_data()
{
    QTest::addColumn<int>("rule");
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QString>("error");
    QTest::newRow("no such rule") << 2 << QList<int> { 1, 1 } << "has no rule 2 (it has 2)";
    QTest::newRow("too few weights") << 0 << QList<int> { 1 } << "has 2 backendRefs, got 1 weights";
    QTest::newRow("negative") << 0 << QList<int> { -1, 1 } << "weight -1 is out of range";
    // gateway.networking.k8s.io_httproutes.yaml: backendRefs[].weight maximum 1000000.
    QTest::newRow("past the CRD maximum")
        << 0 << QList<int> { 1000001, 1 } << "the API server takes 0 to 1000000";
}

void TestSetBackendWeights::rejectsBadRequests()
{
    QFETCH(int, rule);
    QFETCH(QList<int>, weights);
    QFETCH(QString, error);
    Document d;
    d.setLoadResult(Loader::loadText(split));
    QString message;
    QVERIFY(!push(d, routeId(d, QStringLiteral("cart")), rule, weights, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QCOMPARE(d.files()[0].text, split);
    QCOMPARE(d.undoStack()->count(), 0);
}

QTEST_GUILESS_MAIN(TestSetBackendWeights)
#include "tst_setbackendweights.moc"
