// Export: kubectl-ready YAML, cluster noise gone, everything else kept.
#include "exporter.h"
#include "loader.h"

#include <QTemporaryDir>
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

// A cluster dump of Gateway API objects beside an Istio Gateway of the same name.
const QByteArray gatewayApiDump = "apiVersion: v1\n"
                                  "kind: List\n"
                                  "items:\n"
                                  "- apiVersion: gateway.networking.k8s.io/v1\n"
                                  "  kind: Gateway\n"
                                  "  metadata:\n"
                                  "    creationTimestamp: \"2026-01-01T00:00:00Z\"\n"
                                  "    generation: 2\n"
                                  "    managedFields:\n"
                                  "    - manager: kubectl\n"
                                  "    name: shop\n"
                                  "    namespace: edge\n"
                                  "    resourceVersion: \"99\"\n"
                                  "    uid: 0000-1111\n"
                                  "  spec:\n"
                                  "    gatewayClassName: istio\n"
                                  "    listeners:\n"
                                  "    - name: http # plain HTTP\n"
                                  "      port: 80\n"
                                  "      protocol: HTTP\n"
                                  "  status:\n"
                                  "    conditions: []\n"
                                  "- apiVersion: gateway.networking.k8s.io/v1beta1\n"
                                  "  kind: HTTPRoute\n"
                                  "  metadata:\n"
                                  "    name: shop\n"
                                  "    namespace: edge\n"
                                  "  spec:\n"
                                  "    parentRefs:\n"
                                  "    - name: shop\n"
                                  "    rules:\n"
                                  "    - backendRefs:\n"
                                  "      - name: web\n"
                                  "        port: 80\n"
                                  "  status:\n"
                                  "    parents: []\n"
                                  "- apiVersion: networking.istio.io/v1beta1\n"
                                  "  kind: Gateway\n"
                                  "  metadata:\n"
                                  "    name: shop\n"
                                  "    namespace: edge\n"
                                  "  spec:\n"
                                  "    selector: {istio: ingressgateway}\n";

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unpacksListAndRemovesNoise();
    void convertsApiVersion_data();
    void convertsApiVersion();
    void filtersKinds();
    void dropsTheByteOrderMark();
    void keepsCommentsAndOrderOfPlainFiles();
    void writesFlowStyleObjectsAsBlockYaml();
    void listItemsSharingAnAnchorStandAlone();
    void anAnchorInRemovedNoiseIsExpanded();
    void gatewayApiObjectsExportKubectlReady();
    void gatewayApiKindFilters_data();
    void gatewayApiKindFilters();
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
    options.kinds = QStringList { QStringLiteral("svc") };
    const LoadResult again = Loader::loadText(exportOf(kubectlDump, options));
    QCOMPARE(again.workspace.resources.size(), 1);
    QCOMPARE(again.workspace.resources[0].kindName.value, QStringLiteral("Service"));
}

// A file saved with a byte order mark exported after another file: the mark would stand after
// "---" in the middle of the stream, as text of its own. It is no content: it is left out.
void TestExporter::dropsTheByteOrderMark()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&dir](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(text), text.size());
    };
    write(QStringLiteral("a.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
    write(QStringLiteral("b.yaml"),
        "\xEF\xBB\xBF"
        "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n");
    const LoadResult load = Loader::loadPaths(
        { dir.filePath(QStringLiteral("a.yaml")), dir.filePath(QStringLiteral("b.yaml")) });
    QCOMPARE(load.workspace.resources.size(), 2);
    const QByteArray out = Exporter::exportYaml(load.files, load.workspace, {});
    QCOMPARE(out,
        QByteArray("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\n"
                   "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n"));
}

void TestExporter::keepsCommentsAndOrderOfPlainFiles()
{
    const QByteArray yaml
        = "# header\n---\n# about a\nkind: Service\napiVersion: v1\nmetadata: {name: a}\n"
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
    QCOMPARE(QString::fromUtf8(out),
        QStringLiteral("apiVersion: networking.istio.io/v1\n"
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

void TestExporter::listItemsSharingAnAnchorStandAlone()
{
    const QString path = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/export/list-alias.yaml");
    const LoadResult load = Loader::loadPaths({ path });
    QCOMPARE(load.workspace.resources.size(), 2);
    const QByteArray out = Exporter::exportYaml(load.files, load.workspace, {});
    // Each exported document must parse on its own: the DestinationRule's *team has no anchor there.
    const LoadResult again = Loader::loadText(out, QStringLiteral("export.yaml"));
    for (const Diagnostic &d : again.diagnostics)
        QVERIFY2(d.severity != Diagnostic::Severity::Error, qPrintable(d.toText()));
    QCOMPARE(again.files.first().spans.size(), std::size_t(2));
    for (const YamlDocumentSpan &span : again.files.first().spans) {
        const QByteArray text = out.mid(span.offset, span.length);
        QVERIFY2(YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size()))).ok,
            text.constData());
    }
    QVERIFY2(!out.contains("*team"), out.constData());
    QCOMPARE(again.workspace.resources.size(), 2);
    const Resource &dr = again.workspace.resources[1];
    QCOMPARE(dr.kindName.value, QStringLiteral("DestinationRule"));
    QCOMPARE(labelValue(dr.metadata.labels, QStringLiteral("team")), QStringLiteral("bookinfo"));
    QCOMPARE(labelValue(dr.metadata.labels, QStringLiteral("tier")), QStringLiteral("2"));
    QVERIFY(out.contains("tier: \"2\"")); // still a string, as the label value must be
    // An anchor and its alias inside one item stay as written; so do comments.
    QVERIFY(out.contains("connectionPool: &pool\n"));
    QVERIFY(out.contains("connectionPool: *pool\n"));
    QVERIFY(out.contains("# quoted: stays a string"));
}

void TestExporter::anAnchorInRemovedNoiseIsExpanded()
{
    const QByteArray text = "apiVersion: v1\n"
                            "kind: Service\n"
                            "metadata:\n"
                            "  name: web\n"
                            "  uid: &id 6f0c-1\n"
                            "  labels:\n"
                            "    origin: *id # from the cluster\n"
                            "spec:\n"
                            "  ports:\n"
                            "  - port: 80\n";
    const QByteArray out = exportOf(text);
    QVERIFY2(!out.contains("uid:"), out.constData());
    QVERIFY2(out.contains("    origin: 6f0c-1 # from the cluster\n"), out.constData());
    const LoadResult again = Loader::loadText(out);
    QVERIFY(again.diagnostics.isEmpty());
    QCOMPARE(labelValue(again.workspace.resources.first().metadata.labels, QStringLiteral("origin")),
        QStringLiteral("6f0c-1"));
}

void TestExporter::gatewayApiObjectsExportKubectlReady()
{
    // --api-version converts Istio's networking objects only: the Gateway API objects keep the
    // version they are written in (v1beta1 is still served by the v1.6 CRDs).
    ExportOptions options;
    options.apiVersion = QStringLiteral("v1");
    const QByteArray out = exportOf(gatewayApiDump, options);
    const QByteArray expected = "apiVersion: gateway.networking.k8s.io/v1\n"
                                "kind: Gateway\n"
                                "metadata:\n"
                                "  name: shop\n"
                                "  namespace: edge\n"
                                "spec:\n"
                                "  gatewayClassName: istio\n"
                                "  listeners:\n"
                                "  - name: http # plain HTTP\n"
                                "    port: 80\n"
                                "    protocol: HTTP\n"
                                "---\n"
                                "apiVersion: gateway.networking.k8s.io/v1beta1\n"
                                "kind: HTTPRoute\n"
                                "metadata:\n"
                                "  name: shop\n"
                                "  namespace: edge\n"
                                "spec:\n"
                                "  parentRefs:\n"
                                "  - name: shop\n"
                                "  rules:\n"
                                "  - backendRefs:\n"
                                "    - name: web\n"
                                "      port: 80\n"
                                "---\n"
                                "apiVersion: networking.istio.io/v1\n"
                                "kind: Gateway\n"
                                "metadata:\n"
                                "  name: shop\n"
                                "  namespace: edge\n"
                                "spec:\n"
                                "  selector: {istio: ingressgateway}\n";
    QCOMPARE(QString::fromUtf8(out), QString::fromUtf8(expected));
    const LoadResult again = Loader::loadText(out);
    QVERIFY(again.diagnostics.isEmpty());
    QCOMPARE(again.workspace.resources.size(), 3);
    QCOMPARE(again.workspace.resources[0].kind, ResourceKind::KubernetesGateway);
    QCOMPARE(again.workspace.resources[1].kind, ResourceKind::HTTPRoute);
}

void TestExporter::gatewayApiKindFilters_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QList<ResourceKind>>("kept");
    // kubectl's names: gw is networking.istio.io's Gateway, gtw the Gateway API's; "gateway" is both.
    QTest::newRow("gw") << "gw" << QList<ResourceKind> { ResourceKind::Gateway };
    QTest::newRow("gtw") << "gtw" << QList<ResourceKind> { ResourceKind::KubernetesGateway };
    QTest::newRow("gateway") << "Gateway"
                             << QList<ResourceKind> { ResourceKind::KubernetesGateway,
                                    ResourceKind::Gateway };
    QTest::newRow("httproutes") << "httproutes" << QList<ResourceKind> { ResourceKind::HTTPRoute };
    QTest::newRow("grpcroute") << "grpcroute" << QList<ResourceKind> {};
}

void TestExporter::gatewayApiKindFilters()
{
    QFETCH(QString, kind);
    QFETCH(QList<ResourceKind>, kept);
    ExportOptions options;
    options.kinds = QStringList { kind };
    const LoadResult again = Loader::loadText(exportOf(gatewayApiDump, options));
    QList<ResourceKind> kinds;
    for (const Resource &r : again.workspace.resources)
        kinds.append(r.kind);
    QCOMPARE(kinds, kept);
}

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
