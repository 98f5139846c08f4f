// What the API server refuses about a value's type and range, found on
// load: a number or boolean where the schema wants a string (never coerced),
// an int32 field past its range (read as 64 bits, never wrapped or
// rewritten), and a key written twice in any mapping of any kind.
#include "document.h"
#include "inputfixtures.h"
#include "loader.h"
#include "request.h"
#include "resourcereader.h"
#include "router.h"
#include "routetable.h"
#include "setweights.h"
#include "undostack.h"

#include <QtTest>

using namespace meshroute;
using meshroute::test::dump;

namespace {

QStringList codesAt(const Diagnostics &ds)
{
    QStringList out;
    for (const Diagnostic &d : ds)
        out.append(QStringLiteral("%1 %2:%3 %4").arg(d.code).arg(d.line).arg(d.column).arg(d.path));
    return out;
}

QByteArray weighted(const QByteArray &first, const QByteArray &second)
{
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n"
           "  hosts:\n  - reviews\n  http:\n  - route:\n    - destination:\n        host: reviews\n"
           "        subset: v1\n      weight: "
        + first + "\n    - destination:\n        host: reviews\n        subset: v2\n      weight: " + second
        + "\n";
}

} // namespace

class TestFieldTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nonStringsWhereStringsBelong_data();
    void nonStringsWhereStringsBelong();
    void stringsStayFine();
    void duplicateKeysInAnyMapping_data();
    void duplicateKeysInAnyMapping();
    void theLastOfTwoKeysCounts();
    void weightsPastInt32AreErrors_data();
    void weightsPastInt32AreErrors();
    void hugeWeightsNeitherOverflowNorTurnNegative();
    void editingAnotherWeightKeepsAnOutOfRangeOne();
};

void TestFieldTypes::nonStringsWhereStringsBelong_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("got");
    // Kubernetes decodes YAML to JSON first (sigs.k8s.io/yaml); a JSON number in a
    // string field fails the structural schema's type check (k8s.io/apiextensions-apiserver
    // pkg/apiserver/validation: "must be of type string"), and core types fail to unmarshal.
    QTest::newRow("metadata.name") << QByteArray("apiVersion: v1\nkind: Service\nmetadata:\n  name: 123\n")
                                   << "metadata.name" << 4 << 9 << "an integer 123";
    QTest::newRow("destination host") << QByteArray(
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: a}\nspec:\n"
        "  host: 456\n") << "spec.host"
                                      << 5 << 9 << "an integer 456";
    QTest::newRow("label value") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: "
        "{version: 1}\n") << "metadata.labels.version"
                                 << 5 << 21 << "an integer 1";
    QTest::newRow("port name") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  ports:\n  - name: 8080\n"
        "    port: 8080\n") << "spec.ports[0].name"
                               << 6 << 11 << "an integer 8080";
    QTest::newRow("YAML 1.1 boolean") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  annotations:\n    sidecar: on\n")
                                      << "metadata.annotations.sidecar" << 6 << 14 << "a boolean on";
    QTest::newRow("float in a list of hosts")
        << QByteArray("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n"
                      "  hosts: [1.5]\n")
        << "spec.hosts[0]" << 5 << 11 << "a number 1.5";
    QTest::newRow("hex selector value") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  selector:\n    app: 0x1F\n")
                                        << "spec.selector.app" << 6 << 10 << "an integer 0x1F";
}

void TestFieldTypes::nonStringsWhereStringsBelong()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, got);
    const LoadResult r = Loader::loadText(yaml);
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.first();
    QCOMPARE(d.code, QString::fromLatin1(ResourceReader::CodeWrongType));
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.path, path);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QVERIFY2(d.message.contains(QStringLiteral("must be a string, got ") + got), qPrintable(d.message));
    // The value stays as written, so the views still show what the file says.
    QCOMPARE(r.workspace.resources.size(), 1);
}

void TestFieldTypes::stringsStayFine()
{
    // Quoted, tagged, literal and ordinary plain strings, and a Service's IntOrString targetPort.
    const QByteArray yaml
        = "apiVersion: v1\nkind: Service\nmetadata:\n  name: '123'\n  labels:\n    version: \"1\"\n"
          "    tier: !!str 2\n    release: v1.2.3\n    date: 2024-01-01\n    minus: '-'\n"
          "  annotations:\n    note: |\n      8080\n    empty: null\nspec:\n  ports:\n"
          "  - name: http\n    port: 80\n    targetPort: 8080\n  - name: grpc\n    port: 81\n"
          "    targetPort: grpc\n";
    const LoadResult r = Loader::loadText(yaml);
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.workspace.resources[0].name(), QStringLiteral("123"));
}

void TestFieldTypes::duplicateKeysInAnyMapping_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("ServiceEntry spec twice")
        << QByteArray("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: a}\nspec:\n"
                      "  hosts: [a.example.com]\nspec:\n  hosts: [b.example.com]\n")
        << QStringList { QStringLiteral("MR0007 6:1 spec") };
    QTest::newRow("Service label twice") << QByteArray(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels:\n    app: x1\n    app: x2\n")
                                         << QStringList { QStringLiteral("MR0007 7:5 metadata.labels.app") };
    QTest::newRow("unknown kind, deep in a list") << QByteArray(
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: a}\nspec:\n  parts:\n"
        "  - {size: 1, size: 2}\n") << QStringList { QStringLiteral("MR0007 6:15 spec.parts[0].size") };
    QTest::newRow("metadata twice in a List item") << QByteArray(
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n"
        "  metadata: {name: b}\n") << QStringList { QStringLiteral("MR0007 7:3 items[0].metadata") };
    QTest::newRow("three times") << QByteArray(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: 1\n"
        "  k: 2\n  k: 3\n")
                                 << QStringList { QStringLiteral("MR0007 6:3 data.k"),
                                        QStringLiteral("MR0007 7:3 data.k") };
    QByteArray many = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n";
    for (int i = 0; i < 40; ++i)
        many += "  k" + QByteArray::number(i) + ": x\n";
    many += "  k7: y\n";
    QTest::newRow("past the small-mapping path")
        << many << QStringList { QStringLiteral("MR0007 45:3 data.k7") };
}

void TestFieldTypes::duplicateKeysInAnyMapping()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    const LoadResult r = Loader::loadText(yaml);
    QVERIFY2(codesAt(r.diagnostics) == expected, qPrintable(dump(r.diagnostics)));
    for (const Diagnostic &d : r.diagnostics) {
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QVERIFY2(d.message.contains(QLatin1String("duplicate key")), qPrintable(d.message));
    }
}

void TestFieldTypes::theLastOfTwoKeysCounts()
{
    // goyaml.v2, behind kubectl, overwrites a map entry with the later value: the cluster sees the last.
    const LoadResult r = Loader::loadText(
        "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: a}\nspec:\n"
        "  hosts: [a.example.com]\nspec:\n  hosts: [b.example.com]\n  ports: [{number: 80, name: http, "
        "protocol: "
        "HTTP}]\n");
    const ServiceEntry *se = std::get_if<ServiceEntry>(&r.workspace.resources[0].spec);
    QVERIFY(se);
    QCOMPARE(se->hosts.size(), 1);
    QCOMPARE(se->hosts[0].value, QStringLiteral("b.example.com"));
}

void TestFieldTypes::weightsPastInt32AreErrors_data()
{
    QTest::addColumn<QByteArray>("weight");
    QTest::addColumn<bool>("error");
    QTest::newRow("int32 max") << QByteArray("2147483647") << false;
    QTest::newRow("int32 max + 1") << QByteArray("2147483648") << true;
    QTest::newRow("2^32 + 10") << QByteArray("4294967306") << true;
    QTest::newRow("past 64 bits") << QByteArray("99999999999999999999") << true;
}

void TestFieldTypes::weightsPastInt32AreErrors()
{
    QFETCH(QByteArray, weight);
    QFETCH(bool, error);
    // istio/api networking/v1alpha3/virtual_service.proto: HTTPRouteDestination.weight is int32.
    const LoadResult r = Loader::loadText(weighted(weight, "1"));
    if (!error) {
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(dump(r.diagnostics)));
        return;
    }
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.first();
    QCOMPARE(d.code, QString::fromLatin1(ResourceReader::CodeWrongType));
    QCOMPARE(d.line, 13);
    QCOMPARE(d.column, 15);
    QCOMPARE(d.path, QStringLiteral("spec.http[0].route[0].weight"));
    QVERIFY2(
        d.message.contains(QLatin1String("out of range")) && d.message.contains(QString::fromLatin1(weight)),
        qPrintable(d.message));
    QVERIFY2(!d.message.contains(QLatin1String("= -")), qPrintable(d.message)); // never wrapped
}

void TestFieldTypes::hugeWeightsNeitherOverflowNorTurnNegative()
{
    const LoadResult r = Loader::loadText(weighted("9223372036854775807", "9223372036854775807"));
    QCOMPARE(r.workspace.resources[0].virtualService()->http[0].route[0].weight.value,
        std::numeric_limits<qint64>::max());
    const Router router(RouteTable::compile(r.workspace));
    Request request;
    QString error;
    QVERIFY(request.setRequestLine(QStringLiteral("GET http://reviews/"), &error));
    const RouteResult routed = router.route(request);
    QCOMPARE(routed.destinations.size(), 2);
    double sum = 0;
    for (const RouteDestinationResult &d : routed.destinations) {
        QVERIFY2(d.share >= 0 && d.share <= 100, qPrintable(QString::number(d.share)));
        sum += d.share;
    }
    QVERIFY2(sum > 99.0 && sum <= 100.0 + 1e-9, qPrintable(QString::number(sum)));
}

void TestFieldTypes::editingAnotherWeightKeepsAnOutOfRangeOne()
{
    Document document;
    document.setLoadResult(Loader::loadText(weighted("4294967306", "1"), QStringLiteral("vs.yaml")));
    const int id = document.workspace().resources[0].id;
    // The views carry weights as int: the unedited one arrives narrowed to 10 (and 2^31 as -2^31).
    QString error;
    auto command = SetWeights::create(&document, id, 0, { int(qint64(4294967306)), 5 }, &error);
    QVERIFY2(command, qPrintable(error));
    document.undoStack()->push(command.release());
    const QByteArray text = document.fileText(0);
    QVERIFY2(text.contains("weight: 4294967306\n"), text.constData());
    QVERIFY2(text.contains("weight: 5\n"), text.constData());

    Document narrowedNegative;
    narrowedNegative.setLoadResult(Loader::loadText(weighted("2147483648", "1"), QStringLiteral("vs.yaml")));
    const int other = narrowedNegative.workspace().resources[0].id;
    auto second = SetWeights::create(&narrowedNegative, other, 0, { int(qint64(2147483648)), 7 }, &error);
    QVERIFY2(second, qPrintable(error));
    narrowedNegative.undoStack()->push(second.release());
    QVERIFY(narrowedNegative.fileText(0).contains("weight: 2147483648\n"));
    QVERIFY(narrowedNegative.fileText(0).contains("weight: 7\n"));
    // A weight the user really sets negative is still refused.
    QVERIFY(!SetWeights::create(&narrowedNegative, other, 0, { int(qint64(2147483648)), -1 }, &error));
}

QTEST_GUILESS_MAIN(TestFieldTypes)
#include "tst_fieldtypes.moc"
