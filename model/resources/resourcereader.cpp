#include "resourcereader.h"

#include "destinationrulereader.h"
#include "duplicatekeyfinder.h"
#include "fieldpath.h"
#include "fieldreader.h"
#include "gatewayapiroutereader.h"
#include "gatewayclassreader.h"
#include "gatewayreader.h"
#include "kubernetesgatewayreader.h"
#include "mapreader.h"
#include "referencegrantreader.h"
#include "serviceentryreader.h"
#include "servicereader.h"
#include "stringpool.h"
#include "virtualservicereader.h"
#include "workloadpolicyreader.h"
#include "workloadreader.h"
#include "yamlnodetext.h"

#include <QString>

#include <algorithm>
#include <iterator>

namespace meshroute {

namespace {

using Severity = Diagnostic::Severity;

// The value of a key, the last one when the key is written twice: the one the API server keeps.
const YamlNode *findLast(const YamlNode &map, std::string_view key)
{
    const YamlNode *found = nullptr;
    for (std::size_t i = 0; map.isMapping() && i + 1 < map.children.size(); i += 2)
        if (map.children[i].kind == YamlNode::Kind::Scalar && map.children[i].value == key)
            found = &map.children[i + 1];
    return found;
}

// The Gateway API kinds (gateway.networking.k8s.io) in the versions its CRDs have served; a
// version the API never had is not that kind, and is kept whole as any unknown object.
ResourceKind gatewayApiKindOf(const QString &version, const QString &kind)
{
    static const char *const versions[] = { "v1", "v1beta1", "v1alpha2", "v1alpha3" };
    if (std::none_of(std::begin(versions), std::end(versions),
            [&](const char *v) { return version == QLatin1String(v); }))
        return ResourceKind::Other;
    static const struct
    {
        const char *name;
        ResourceKind kind;
    } kinds[] = { { "Gateway", ResourceKind::KubernetesGateway },
        { "GatewayClass", ResourceKind::GatewayClass }, { "HTTPRoute", ResourceKind::HTTPRoute },
        { "GRPCRoute", ResourceKind::GRPCRoute }, { "TCPRoute", ResourceKind::TCPRoute },
        { "TLSRoute", ResourceKind::TLSRoute }, { "ReferenceGrant", ResourceKind::ReferenceGrant } };
    for (const auto &k : kinds)
        if (kind == QLatin1String(k.name))
            return k.kind;
    return ResourceKind::Other;
}

bool isGatewayApiKind(ResourceKind k)
{
    return isGatewayApiRoute(k) || k == ResourceKind::KubernetesGateway || k == ResourceKind::GatewayClass
        || k == ResourceKind::ReferenceGrant;
}

ResourceKind kindOf(const QString &apiVersion, const QString &kind)
{
    const QString group = apiVersion.section(QLatin1Char('/'), 0, 0);
    if (group == QLatin1String("gateway.networking.k8s.io"))
        return gatewayApiKindOf(apiVersion.section(QLatin1Char('/'), 1), kind);
    const bool istio = group == QLatin1String("networking.istio.io");
    if (istio && kind == QLatin1String("VirtualService"))
        return ResourceKind::VirtualService;
    if (istio && kind == QLatin1String("DestinationRule"))
        return ResourceKind::DestinationRule;
    if (istio && kind == QLatin1String("Gateway"))
        return ResourceKind::Gateway;
    if (istio && kind == QLatin1String("ServiceEntry"))
        return ResourceKind::ServiceEntry;
    if (apiVersion == QLatin1String("v1") && kind == QLatin1String("Service"))
        return ResourceKind::Service;
    if (kind == QLatin1String("Pod") && apiVersion == QLatin1String("v1"))
        return ResourceKind::Workload;
    static const char *const workloadKinds[] = { "Deployment", "StatefulSet", "ReplicaSet", "DaemonSet" };
    if (group == QLatin1String("apps") || group == QLatin1String("extensions"))
        for (const char *k : workloadKinds)
            if (kind == QLatin1String(k))
                return ResourceKind::Workload;
    if (group == QLatin1String("argoproj.io") && kind == QLatin1String("Rollout"))
        return ResourceKind::Workload;
    return ResourceKind::Other;
}

} // namespace

const QList<DiagnosticCodeInfo> &ResourceReader::codes()
{
    using S = Diagnostic::Severity;
    // `true` last: the API server cannot accept such a document (kubectl's strict decoding refuses
    // duplicate fields), so export refuses it; see DiagnosticCodeInfo::rejectedByApiServer.
    static const QList<DiagnosticCodeInfo> table = {
        { QString::fromLatin1(CodeYamlSyntax), S::Error, QStringLiteral("YamlSyntaxError"),
            QStringLiteral(
                "The text is not valid YAML (or is hostile: alias bombs, nesting deeper than 256 levels)."),
            true },
        { QString::fromLatin1(CodeWrongType), S::Error, QStringLiteral("WrongType"),
            QStringLiteral(
                "A field has the wrong type (weight: \"most\"); the rest of the object still loads."),
            true },
        { QString::fromLatin1(CodeUnknownField), S::Warning, QStringLiteral("UnknownField"),
            QStringLiteral(
                "A field the API does not define; the API server would drop it. Kept in the file.") },
        { QString::fromLatin1(CodeInvalidUtf8), S::Error, QStringLiteral("InvalidUtf8"),
            QStringLiteral("The file is not UTF-8; its bytes are kept as read."), true },
        { QString::fromLatin1(CodeFileTooLarge), S::Error, QStringLiteral("FileTooLarge"),
            QStringLiteral("The file is larger than the loader's limit (64M unless --max-file-size says "
                           "otherwise) and was not read.") },
        { QString::fromLatin1(CodeUnreadable), S::Error, QStringLiteral("Unreadable"),
            QStringLiteral(
                "The file or folder could not be read; as a warning, a folder entry that was skipped (a "
                "FIFO, device, socket, or a dangling or looping link).") },
        { QString::fromLatin1(CodeDuplicateKey), S::Error, QStringLiteral("DuplicateKey"),
            QStringLiteral("A key appears twice in one mapping; the API server keeps only the last."), true },
        { QString::fromLatin1(CodeNotAnObject), S::Error, QStringLiteral("NotAnObject"),
            QStringLiteral(
                "A document is not a Kubernetes object (no apiVersion/kind); routing test files are info."),
            true },
    };
    return table;
}

ResourceReader::ResourceReader(const QString &file, int baseLine)
    : m_file(file)
    , m_baseLine(baseLine)
{ }

QString ResourceReader::text(const std::string &utf8) const
{
    return m_strings ? m_strings->intern(utf8) : toQString(utf8);
}

int ResourceReader::lineOf(const YamlNode &node) const
{
    return m_baseLine + node.start.line - 1;
}

const YamlNode *ResourceReader::keyOf(const YamlNode &value) const
{
    if ((!value.isMapping() && !value.isSequence()) || m_current.value != &value)
        return nullptr;
    return m_current.key;
}

SourcePos ResourceReader::pos(const YamlNode &node) const
{
    SourcePos p { node.start.line, node.start.column, node.start.offset, node.endOffset };
    if (const YamlNode *key = keyOf(node)) {
        p.keyLine = key->start.line;
        p.keyColumn = key->start.column;
    }
    return p;
}

void ResourceReader::report(Diagnostic::Severity severity, const char *code, const YamlNode &at,
    const QString &path, const QString &message)
{
    Diagnostic d;
    d.severity = severity;
    d.code = QString::fromLatin1(code);
    d.message = message;
    d.file = m_file;
    const YamlNode &where = keyOf(at) ? *keyOf(at) : at;
    d.line = m_baseLine + where.start.line - 1;
    d.column = where.start.column;
    d.resource = m_currentResource;
    d.path = path;
    m_diagnostics.append(d);
}

QList<Resource> ResourceReader::read(const YamlNode &root)
{
    QList<Resource> out;
    if (root.isNull() || isNullScalar(root))
        return out; // an empty document (comments only) is fine
    if (root.isMapping() && root.find("testCases") && !root.find("kind")) {
        report(Severity::Info, CodeNotAnObject, root, {},
            QStringLiteral(
                "a routing test file, not a manifest: run it with \"meshroute test FILE -- MANIFESTS\""));
        return out;
    }
    if (!root.isMapping()) {
        report(Severity::Error, CodeNotAnObject, root, {},
            QStringLiteral("a Kubernetes manifest must be a mapping with apiVersion and kind, got %1")
                .arg(describeNode(root)));
        return out;
    }
    const YamlNode *kind = root.find("kind");
    const YamlNode *items = root.find("items");
    // `kubectl get -o yaml` prints `kind: List` (or FooList) with the objects in items.
    if (kind && kind->isScalar() && QString::fromStdString(kind->value).endsWith(QLatin1String("List"))
        && items) {
        if (!items->isSequence()) {
            if (!isNullScalar(*items))
                report(Severity::Error, CodeWrongType, *items, QStringLiteral("items"),
                    QStringLiteral("items must be a list, got %1").arg(describeNode(*items)));
            return out;
        }
        DuplicateKeyFinder(*this, QString()).walk(root, items); // each item is checked as an object
        for (std::size_t i = 0; i < items->children.size(); ++i)
            out.append(readObject(items->children[i], QStringLiteral("items[%1]").arg(i), int(i)));
        out.removeIf([](const Resource &r) { return r.kindName.value.isEmpty(); });
        return out;
    }
    Resource r = readObject(root, {}, -1);
    if (!r.kindName.value.isEmpty())
        out.append(r);
    return out;
}

Resource ResourceReader::readObject(const YamlNode &object, const QString &prefix, int listItem)
{
    Resource r;
    r.listItem = listItem;
    r.pos = pos(object);
    FieldReader f(*this);
    const FieldPath path(nullptr, &prefix);
    auto sub = [&](const char *key) { return FieldPath(&path, key); };
    if (!object.isMapping()) {
        report(Severity::Error, CodeNotAnObject, object, path,
            QStringLiteral("a Kubernetes object must be a mapping, got %1").arg(describeNode(object)));
        return r;
    }
    if (const YamlNode *v = findLast(object, "apiVersion"))
        r.apiVersion = f.string(*v, sub("apiVersion"));
    if (const YamlNode *v = findLast(object, "kind"))
        r.kindName = f.string(*v, sub("kind"));
    if (!r.apiVersion.present || !r.kindName.present) {
        report(Severity::Error, CodeNotAnObject, object, path,
            QStringLiteral("not a Kubernetes object: %1 missing; add apiVersion and kind")
                .arg(!r.apiVersion.present && !r.kindName.present ? QStringLiteral("apiVersion and kind are")
                        : !r.apiVersion.present                   ? QStringLiteral("apiVersion is")
                                                                  : QStringLiteral("kind is")));
        return r;
    }
    r.kind = kindOf(r.apiVersion.value, r.kindName.value);
    const bool istio = r.kind == ResourceKind::VirtualService || r.kind == ResourceKind::DestinationRule
        || r.kind == ResourceKind::Gateway;
    const bool gatewayApi = isGatewayApiKind(r.kind);
    if (const YamlNode *v = findLast(object, "metadata"))
        r.metadata = f.metadata(*v, sub("metadata"), istio || gatewayApi);
    m_currentResource = r.displayName();
    DuplicateKeyFinder(*this, prefix).walk(object, nullptr);
    if (istio)
        readIstioSpec(r, object, path);
    else if (gatewayApi)
        readGatewayApiSpec(r, object, path);
    else
        readOtherSpec(r, object, path);
    return r;
}

// VirtualService, DestinationRule and Gateway are read strictly: an unknown field is reported anywhere.
void ResourceReader::readIstioSpec(Resource &r, const YamlNode &object, const FieldPath &path)
{
    MapReader top(*this, object, r.kindName.value, path);
    top.known({ "apiVersion", "kind", "metadata", "status" });
    top.field("spec", [&](const YamlNode &spec, const FieldPath &p) {
        if (r.kind == ResourceKind::VirtualService)
            r.spec = VirtualServiceReader(*this).read(spec, p);
        else if (r.kind == ResourceKind::DestinationRule)
            r.spec = DestinationRuleReader(*this).read(spec, p);
        else
            r.spec = GatewayReader(*this).read(spec, p);
    });
    if (std::holds_alternative<std::monostate>(r.spec)) {
        if (r.kind == ResourceKind::VirtualService)
            r.spec = VirtualService {};
        else if (r.kind == ResourceKind::DestinationRule)
            r.spec = DestinationRule {};
        else
            r.spec = Gateway {};
    }
}

// The Gateway API kinds are read strictly too: their CRDs' structural schemas prune an unknown
// field, so it is reported where it stands; a spec left out is an empty one.
void ResourceReader::readGatewayApiSpec(Resource &r, const YamlNode &object, const FieldPath &path)
{
    MapReader top(*this, object, r.kindName.value, path);
    top.known({ "apiVersion", "kind", "metadata", "status" });
    const bool read = top.field("spec", [&](const YamlNode &spec, const FieldPath &p) {
        if (r.kind == ResourceKind::KubernetesGateway)
            r.spec = KubernetesGatewayReader(*this).read(spec, p);
        else if (r.kind == ResourceKind::GatewayClass)
            r.spec = GatewayClassReader(*this).read(spec, p);
        else if (r.kind == ResourceKind::ReferenceGrant)
            r.spec = ReferenceGrantReader(*this).read(spec, p);
        else
            r.spec = GatewayApiRouteReader(*this, r.kind).read(spec, p);
    });
    if (read && !std::holds_alternative<std::monostate>(r.spec))
        return;
    if (r.kind == ResourceKind::KubernetesGateway)
        r.spec = KubernetesGateway {};
    else if (r.kind == ResourceKind::GatewayClass)
        r.spec = GatewayClass {};
    else if (r.kind == ResourceKind::ReferenceGrant)
        r.spec = ReferenceGrant {};
    else
        r.spec = GatewayApiRoute {};
}

// Services, ServiceEntries and workloads carry more than routing needs: only that is read, the rest passes.
void ResourceReader::readOtherSpec(Resource &r, const YamlNode &object, const FieldPath &path)
{
    auto sub = [&](const char *key) { return FieldPath(&path, key); };
    const YamlNode *spec = findLast(object, "spec");
    switch (r.kind) {
    case ResourceKind::Service:
        r.spec = spec ? ServiceReader(*this).read(*spec, sub("spec")) : KubernetesService {};
        break;
    case ResourceKind::ServiceEntry:
        r.spec = spec ? ServiceEntryReader(*this).read(*spec, sub("spec")) : ServiceEntry {};
        break;
    case ResourceKind::Workload:
        if (r.kindName.value == QLatin1String("Pod")) {
            Workload w;
            w.podLabels = r.metadata.labels;
            if (const YamlNode *md = findLast(object, "metadata"))
                if (const YamlNode *l = md->find("labels"))
                    w.podLabelsPos = pos(*l);
            r.spec = w;
        } else {
            Workload w = spec ? WorkloadReader(*this).read(*spec, sub("spec")) : Workload {};
            if (r.kindName.value == QLatin1String("DaemonSet"))
                w.replicas = Field<qint64> { 1, {}, false };
            r.spec = w;
        }
        break;
    default:
        if (spec && WorkloadPolicyReader::isWorkloadPolicy(r.apiVersion.value, r.kindName.value))
            r.spec = WorkloadPolicyReader(*this).read(*spec, sub("spec"));
        break;
    }
}

} // namespace meshroute
