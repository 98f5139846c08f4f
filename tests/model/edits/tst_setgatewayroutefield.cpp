// SetGatewayRouteField: one field of an HTTPRoute or GRPCRoute set, added or
// removed. Only that field's bytes change (comments and the rest kept), a new
// list item is appended in the file's style, undo gives back the exact bytes,
// and what the CRD leaves to its defaults is never written by the edit.
#include "document.h"
#include "loader.h"
#include "setgatewayroutefield.h"
#include "undostack.h"
#include "yamledit.h"

#include <QtTest>

using namespace meshroute;

namespace {

const QByteArray route = "apiVersion: gateway.networking.k8s.io/v1\n"
                         "kind: HTTPRoute\n"
                         "metadata:\n"
                         "  name: shop\n"
                         "spec:\n"
                         "  parentRefs:\n"
                         "  - name: edge  # the Gateway\n"
                         "  hostnames:\n"
                         "  - shop.example.com\n"
                         "  rules:\n"
                         "  - matches:\n"
                         "    - path:\n"
                         "        value: /cart   # PathPrefix by default\n"
                         "    backendRefs:\n"
                         "    - name: cart\n"
                         "      port: 8080\n";

int routeId(const Document &d)
{
    for (const Resource &r : d.workspace().resources)
        if (r.gatewayApiRoute())
            return r.id;
    return -1;
}

// Pushes the edit; false (and the error in the test log) when it was refused.
bool push(Document &d, const YamlPath &path, const std::optional<YamlNode> &value, QString *error = nullptr)
{
    QString e;
    auto command = SetGatewayRouteField::create(&d, routeId(d), path, value, QString(), &e);
    if (error)
        *error = e;
    if (!command)
        return false;
    d.undoStack()->push(command.release());
    return true;
}

YamlNode header(const QString &name, const QString &value)
{
    YamlNode h = YamlEdit::mapping();
    YamlEdit::setEntry(h, "name", YamlEdit::plainScalar(name));
    YamlEdit::setEntry(h, "value", YamlEdit::plainScalar(value));
    return h;
}

} // namespace

class TestSetGatewayRouteField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesOnlyTheValueBytes();
    void addsATypeOnlyWhenChosen();
    void appendsAHeaderMatch();
    void removesAHostname();
    void undoIsByteIdentical();
    void refusesOtherKinds();
};

void TestSetGatewayRouteField::replacesOnlyTheValueBytes()
{
    Document d;
    d.setLoadResult(Loader::loadText(route));
    QVERIFY(push(d,
        SetGatewayRouteField::rulePath(
            0, { QByteArray("matches"), 0, QByteArray("path"), QByteArray("value") }),
        YamlEdit::plainScalar("/basket")));
    QByteArray expected = route;
    expected.replace("value: /cart   #", "value: /basket   #");
    QCOMPARE(d.files()[0].text, expected);
    const RouteMatch &m = d.workspace().byId(routeId(d))->gatewayApiRoute()->rules[0].matches[0];
    QCOMPARE(m.path.value.value, QStringLiteral("/basket"));
    QVERIFY(!m.path.type.present); // the default stays the CRD's, not written
}

void TestSetGatewayRouteField::addsATypeOnlyWhenChosen()
{
    Document d;
    d.setLoadResult(Loader::loadText(route));
    QVERIFY(push(d,
        SetGatewayRouteField::rulePath(
            0, { QByteArray("matches"), 0, QByteArray("path"), QByteArray("type") }),
        YamlEdit::plainScalar("Exact")));
    QByteArray expected = route;
    expected.replace("        value: /cart   # PathPrefix by default\n",
        "        value: /cart   # PathPrefix by default\n        type: Exact\n");
    QCOMPARE(d.files()[0].text, expected);
    QCOMPARE(d.workspace().byId(routeId(d))->gatewayApiRoute()->rules[0].matches[0].path.type.value,
        QStringLiteral("Exact"));
}

void TestSetGatewayRouteField::appendsAHeaderMatch()
{
    Document d;
    d.setLoadResult(Loader::loadText(route));
    QVERIFY(push(d, SetGatewayRouteField::rulePath(0, { QByteArray("matches"), 0, QByteArray("headers"), 0 }),
        header("x-canary", "yes")));
    const RouteMatch &m = d.workspace().byId(routeId(d))->gatewayApiRoute()->rules[0].matches[0];
    QCOMPARE(m.headers.size(), 1);
    QCOMPARE(m.headers[0].name.value, QStringLiteral("x-canary"));
    QCOMPARE(m.headers[0].value.value, QStringLiteral("yes"));
    QVERIFY(!m.headers[0].type.present);
    // The rest of the file is untouched.
    QVERIFY(d.files()[0].text.startsWith(route.left(route.indexOf("    backendRefs:"))));
    QVERIFY(d.files()[0].text.endsWith("    backendRefs:\n    - name: cart\n      port: 8080\n"));
}

void TestSetGatewayRouteField::removesAHostname()
{
    Document d;
    d.setLoadResult(Loader::loadText(route));
    QVERIFY(push(d, { QByteArray("hostnames"), 0 }, std::nullopt));
    QVERIFY(d.workspace().byId(routeId(d))->gatewayApiRoute()->hostnames.isEmpty());
    QVERIFY(!d.files()[0].text.contains("shop.example.com"));
    QVERIFY(d.files()[0].text.contains("- name: edge  # the Gateway\n"));
}

void TestSetGatewayRouteField::undoIsByteIdentical()
{
    Document d;
    d.setLoadResult(Loader::loadText(route));
    QVERIFY(push(d, { QByteArray("hostnames"), 1 }, YamlEdit::plainScalar("www.example.com")));
    QCOMPARE(d.workspace().byId(routeId(d))->gatewayApiRoute()->hostnames.size(), 2);
    QVERIFY(
        push(d, { QByteArray("parentRefs"), 0, QByteArray("sectionName") }, YamlEdit::plainScalar("http")));
    QCOMPARE(d.undoStack()->count(), 2);
    d.undoStack()->undo();
    d.undoStack()->undo();
    QCOMPARE(d.files()[0].text, route);
    QVERIFY(!d.isModified());
}

void TestSetGatewayRouteField::refusesOtherKinds()
{
    Document d;
    d.setLoadResult(Loader::loadText("apiVersion: v1\nkind: Service\nmetadata:\n  name: cart\nspec:\n"
                                     "  ports:\n  - port: 8080\n"));
    QString error;
    auto command = SetGatewayRouteField::create(&d, d.workspace().resources[0].id,
        { QByteArray("hostnames"), 0 }, YamlEdit::plainScalar("x"), {}, &error);
    QVERIFY(!command);
    QVERIFY2(error.contains("not an HTTPRoute"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSetGatewayRouteField)
#include "tst_setgatewayroutefield.moc"
