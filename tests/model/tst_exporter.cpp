// Export: kubectl-ready YAML, cluster noise gone, everything else kept.
#include "exporter.h"
#include "loader.h"

#include <QtTest>

using namespace meshroute;

namespace {

const QByteArray kubectlDump = "apiVersion: v1\n"
                               "items:\n"
                               "- apiVersion: networking.istio.io/v1alpha3\n"
                               "  kind: VirtualService\n"
                               "  metadata:\n"
                               "    annotations:\n"
                               "      kubectl.kubernetes.io/last-applied-configuration: |\n"
                               "        {\"apiVersion\":\"networking.istio.io/v1alpha3\"}\n"
                               "    creationTimestamp: \"2024-01-01T00:00:00Z\"\n"
                               "    generation: 3\n"
                               "    name: reviews\n"
                               "    namespace: default\n"
                               "    resourceVersion: \"4711\"\n"
                               "    uid: 6f0c3c1e-0000-4000-8000-000000000000\n"
                               "  spec:\n"
                               "    hosts:\n"
                               "    - reviews # the service\n"
                               "    http:\n"
                               "    - route:\n"
                               "      - destination:\n"
                               "          host: reviews\n"
                               "          subset: v1\n"
                               "  status:\n"
                               "    observedGeneration: 3\n"
                               "- apiVersion: v1\n"
                               "  kind: Service\n"
                               "  metadata:\n"
                               "    annotations:\n"
                               "      team: bookinfo\n"
                               "      kubectl.kubernetes.io/last-applied-configuration: '{}'\n"
                               "    name: reviews\n"
                               "    namespace: default\n"
                               "  spec:\n"
                               "    ports:\n"
                               "    - name: http\n"
                               "      port: 9080\n"
                               "kind: List\n"
                               "metadata:\n"
                               "  resourceVersion: \"\"\n";

QByteArray exportOf(const QByteArray &yaml, const ExportOptions &options = {})
{
    const LoadResult load = Loader::loadText(yaml);
    return Exporter::exportYaml(load.files, load.workspace, options);
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unpacksListAndRemovesNoise();
    void convertsApiVersion_data();
    void convertsApiVersion();
    void filtersKinds();
    void keepsCommentsAndOrderOfPlainFiles();
    void writesFlowStyleObjectsAsBlockYaml();
};

void TestExporter::unpacksListAndRemovesNoise()
{
    const QByteArray out = exportOf(kubectlDump);
    const QByteArray expected = "apiVersion: networking.istio.io/v1alpha3\n"
                                "kind: VirtualService\n"
                                "metadata:\n"
                                "  name: reviews\n"
                                "  namespace: default\n"
                                "spec:\n"
                                "  hosts:\n"
                                "  - reviews # the service\n"
                                "  http:\n"
                                "  - route:\n"
                                "    - destination:\n"
                                "        host: reviews\n"
                                "        subset: v1\n"
                                "---\n"
                                "apiVersion: v1\n"
                                "kind: Service\n"
                                "metadata:\n"
                                "  annotations:\n"
                                "    team: bookinfo\n"
                                "  name: reviews\n"
                                "  namespace: default\n"
                                "spec:\n"
                                "  ports:\n"
                                "  - name: http\n"
                                "    port: 9080\n";
    QCOMPARE(QString::fromUtf8(out), QString::fromUtf8(expected));
    const LoadResult again = Loader::loadText(out);
    QVERIFY(again.diagnostics.isEmpty());
    QCOMPARE(again.workspace.resources.size(), 2);
}

void TestExporter::convertsApiVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("v1") << "v1";
    QTest::newRow("v1beta1") << "v1beta1";
    QTest::newRow("v1alpha3") << "v1alpha3";
}

void TestExporter::convertsApiVersion()
{
    QFETCH(QString, version);
    ExportOptions options;
    options.apiVersion = version;
    const QByteArray out = exportOf(kubectlDump, options);
    const LoadResult again = Loader::loadText(out);
    QCOMPARE(again.workspace.resources[0].apiVersion.value, QStringLiteral("networking.istio.io/") + version);
    // Kubernetes objects keep theirs.
    QCOMPARE(again.workspace.resources[1].apiVersion.value, QStringLiteral("v1"));
}

void TestExporter::filtersKinds()
{
    ExportOptions options;
    options.kinds = QStringList{ QStringLiteral("svc") };
    const LoadResult again = Loader::loadText(exportOf(kubectlDump, options));
    QCOMPARE(again.workspace.resources.size(), 1);
    QCOMPARE(again.workspace.resources[0].kindName.value, QStringLiteral("Service"));
}

void TestExporter::keepsCommentsAndOrderOfPlainFiles()
{
    const QByteArray yaml = "# header\n---\n# about a\nkind: Service\napiVersion: v1\nmetadata: {name: a}\n"
                            "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\nstatus:\n  loadBalancer: {}\n";
    const QByteArray out = exportOf(yaml);
    QCOMPARE(QString::fromUtf8(out),
             QStringLiteral("# about a\nkind: Service\napiVersion: v1\nmetadata: {name: a}\n---\napiVersion: v1\n"
                            "kind: Service\nmetadata:\n  name: b\n"));
}

void TestExporter::writesFlowStyleObjectsAsBlockYaml()
{
    const QByteArray json = R"({"apiVersion": "networking.istio.io/v1beta1", "kind": "DestinationRule",
 "metadata": {"name": "r", "uid": "x", "resourceVersion": "9"},
 "spec": {"host": "r", "subsets": [{"name": "v1", "labels": {"version": "v1"}}]}, "status": {}})";
    ExportOptions options;
    options.apiVersion = QStringLiteral("v1");
    const QByteArray out = exportOf(json, options);
    QCOMPARE(QString::fromUtf8(out), QStringLiteral("apiVersion: networking.istio.io/v1\n"
                                                    "kind: DestinationRule\n"
                                                    "metadata:\n"
                                                    "  name: r\n"
                                                    "spec:\n"
                                                    "  host: r\n"
                                                    "  subsets:\n"
                                                    "  - name: v1\n"
                                                    "    labels:\n"
                                                    "      version: v1\n"));
}

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
