#include "canarytemplate.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

class TestCanaryTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reviewsFromBookinfoDeployments()
    {
        // Bookinfo without its reviews VirtualService and DestinationRule.
        QByteArray text = readFile(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"));
        Document doc;
        load(doc, text);
        Workspace ws = doc.workspace();
        ws.resources.removeIf([](const Resource &r) {
            return r.name() == QLatin1String("reviews")
                && (r.kind == ResourceKind::VirtualService || r.kind == ResourceKind::DestinationRule);
        });
        CanaryTemplate::Result result;
        QString error;
        QVERIFY2(CanaryTemplate::build(ws, idOf(doc, ResourceKind::Service, "reviews"), &result, &error),
            qPrintable(error));
        QCOMPARE(result.labelKey, QStringLiteral("version"));
        QCOMPARE(result.versions, QStringList({ "v1", "v2", "v3" }));
        QCOMPARE(result.virtualService,
            QByteArray(
                "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n"
                "  namespace: default\nspec:\n  hosts:\n  - reviews\n  http:\n  - name: canary\n    route:\n"
                "    - destination:\n        host: reviews\n        subset: v1\n      weight: 100\n"
                "    - destination:\n        host: reviews\n        subset: v2\n      weight: 0\n"
                "    - destination:\n        host: reviews\n        subset: v3\n      weight: 0\n"));
        QVERIFY(
            result.destinationRule.contains("  subsets:\n  - name: v1\n    labels:\n      version: v1\n"));
        // The two documents load as the model expects, with no diagnostics.
        Document made;
        load(made, result.destinationRule + "---\n" + result.virtualService);
        QVERIFY(made.loadDiagnostics().isEmpty());
        const VirtualService *vs = vsOf(made, idOf(made, ResourceKind::VirtualService, "reviews"));
        QCOMPARE(vs->http[0].route.size(), 3);
        QCOMPARE(vs->http[0].route[0].weight.value, 100);
    }
    void otherLabelAndRefusals()
    {
        Document doc;
        load(doc,
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n"
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-prod\nspec:\n  template:\n"
            "    metadata:\n      labels:\n        app: web\n        stage: prod\n"
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-test\nspec:\n  template:\n"
            "    metadata:\n      labels:\n        app: web\n        stage: test\n");
        CanaryTemplate::Result result;
        QString error;
        QVERIFY2(
            CanaryTemplate::build(doc.workspace(), idOf(doc, ResourceKind::Service, "web"), &result, &error),
            qPrintable(error));
        QCOMPARE(result.labelKey, QStringLiteral("stage"));
        QCOMPARE(result.versions, QStringList({ "prod", "test" }));
        // Bookinfo as it is: reviews already has a VirtualService.
        load(doc, readFile(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml")));
        QVERIFY(!CanaryTemplate::build(
            doc.workspace(), idOf(doc, ResourceKind::Service, "reviews"), &result, &error));
        QVERIFY(error.contains("already exists"));
        QVERIFY(!CanaryTemplate::build(
            doc.workspace(), idOf(doc, ResourceKind::Service, "productpage"), &result, &error));
        QVERIFY(error.contains("two"));
    }
};

QTEST_GUILESS_MAIN(TestCanaryTemplate)
#include "tst_canarytemplate.moc"
