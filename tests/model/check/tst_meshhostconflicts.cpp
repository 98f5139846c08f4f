// IST0109, VirtualServices bound to the mesh that claim one host: every
// member of a group is reported, as istioctl does (istio/istio
// pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go,
// Analyze: one message per VirtualService of a host, each naming the group),
// and the findings stay linear in the group's size.

#include "checker.h"
#include "diagnosticcodes.h"
#include "loader.h"

#include <QtTest>

using namespace meshroute;

namespace {

QByteArray virtualService(
    const QByteArray &name, const QByteArray &ns, const QByteArray &host, const QByteArray &exportTo = {})
{
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: " + name
        + "\n  namespace: " + ns + "\nspec:\n  hosts:\n  - " + host + "\n"
        + (exportTo.isEmpty() ? QByteArray() : "  exportTo: [" + exportTo + "]\n")
        + "  http:\n  - route:\n    - destination:\n        host: " + host + "\n---\n";
}

Diagnostics conflicts(const QByteArray &yaml)
{
    const LoadResult load = Loader::loadText(yaml);
    Diagnostics out;
    for (const Diagnostic &d : Checker::check(load.workspace))
        if (d.code == QLatin1String(Code::ConflictingMeshGatewayHosts))
            out << d;
    return out;
}

} // namespace

class TestMeshHostConflicts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallGroupNamesEveryoneInEachFinding();
    void largeGroupIsListedOnceAtItsFirstMember();
    void exportToSplitsGroups();
};

void TestMeshHostConflicts::smallGroupNamesEveryoneInEachFinding()
{
    QByteArray yaml;
    for (const char *name : { "one", "two", "three" })
        yaml += virtualService(name, "shop", "cart.shop.svc.cluster.local");
    const Diagnostics found = conflicts(yaml);
    QCOMPARE(found.size(), 3);
    for (const Diagnostic &d : found) {
        for (const char *name : { "shop/one", "shop/two", "shop/three" })
            QVERIFY2(d.message.contains(QLatin1String(name)), qPrintable(d.message));
        // Each finding names its own VirtualService first.
        QVERIFY2(d.message.startsWith(QStringLiteral("The VirtualServices ") + d.resource.section(' ', 1)),
            qPrintable(d.message));
    }
}

void TestMeshHostConflicts::largeGroupIsListedOnceAtItsFirstMember()
{
    const int count = 40;
    QByteArray yaml;
    for (int i = 0; i < count; ++i)
        yaml += virtualService("vs-" + QByteArray::number(i), "shop", "cart");
    yaml += virtualService("alone", "shop", "other"); // another host: no finding
    const Diagnostics found = conflicts(yaml);
    QCOMPARE(found.size(), count); // every member is reported, as istioctl does
    const Diagnostic &lead = found.first();
    QCOMPARE(lead.resource, QStringLiteral("VirtualService shop/vs-0"));
    for (int i = 0; i < count; ++i)
        QVERIFY2(lead.message.contains(QStringLiteral("shop/vs-%1,").arg(i))
                || lead.message.contains(QStringLiteral("shop/vs-%1 ").arg(i)),
            qPrintable(QStringLiteral("vs-%1 missing from: %2").arg(i).arg(lead.message)));
    QVERIFY(!lead.message.contains(QStringLiteral("alone")));
    for (int i = 1; i < count; ++i) {
        const Diagnostic &d = found[i];
        const QString self = d.resource.section(' ', 1);
        QVERIFY2(d.message.contains(self
                     + QStringLiteral(", shop/vs-0 and %1 more (all listed at shop/vs-0)").arg(count - 2)),
            qPrintable(d.message));
        QVERIFY2(d.message.size() < 400, qPrintable(d.message)); // bounded: output linear in the group
    }
}

void TestMeshHostConflicts::exportToSplitsGroups()
{
    // a and c are both visible in namespace x; b only in y: b conflicts with nobody.
    QByteArray yaml = virtualService("a", "shop", "cart.shop.svc.cluster.local", "x")
        + virtualService("b", "shop", "cart.shop.svc.cluster.local", "y")
        + virtualService("c", "shop", "cart.shop.svc.cluster.local", "x, z");
    const Diagnostics found = conflicts(yaml);
    QStringList resources;
    for (const Diagnostic &d : found) {
        resources << d.resource;
        QVERIFY2(!d.message.contains(QStringLiteral("shop/b")), qPrintable(d.message));
    }
    QCOMPARE(resources,
        (QStringList { QStringLiteral("VirtualService shop/a"), QStringLiteral("VirtualService shop/c") }));
}

QTEST_GUILESS_MAIN(TestMeshHostConflicts)
#include "tst_meshhostconflicts.moc"
