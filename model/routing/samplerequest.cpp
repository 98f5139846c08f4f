#include "samplerequest.h"

#include "gatewayapitranslator.h"
#include "request.h"
#include "safefilewriter.h"
#include "samplerequestgenerator.h"
#include "workspace.h"

#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QFileInfo>

namespace meshroute {

namespace {

QString scalar(const YAML::Node &n)
{
    return n && n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
}

SampleRequest fromGateway(
    const QString &name, const QString &method, const QString &url, const QString &gateway)
{
    SampleRequest s;
    s.name = name;
    s.method = method;
    s.url = url;
    s.gateway = gateway;
    return s;
}

SampleRequest fromSidecar(const QString &name, const QString &url, const QString &labels, const QString &ns,
    const QStringList &headers = {})
{
    SampleRequest s;
    s.name = name;
    s.url = url;
    s.sourceLabels = labels;
    s.sourceNamespace = ns;
    s.headers = headers;
    return s;
}

// Bookinfo as the lesson teaches it: the ingress gateway in front of the
// productpage, the productpage calling reviews inside the mesh.
bool isBookinfo(const Workspace &ws)
{
    const Resource *vs
        = ws.find(ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("bookinfo"));
    return vs && ws.find(ResourceKind::Gateway, QStringLiteral("default"), QStringLiteral("bookinfo-gateway"))
        && ws.find(ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("reviews"));
}

} // namespace

bool SampleRequest::toRequest(Request *out, QString *error) const
{
    *out = Request();
    if (!out->setRequestLine(requestLine(), error))
        return false;
    for (const QString &h : headers)
        if (!h.trimmed().isEmpty() && !out->addHeaderLine(h, error))
            return false;
    if (!gateway.isEmpty()) {
        if (!gateway.contains(QLatin1Char('/'))) {
            if (error)
                *error = QStringLiteral("gateway wants NAMESPACE/NAME, got \"%1\"").arg(gateway);
            return false;
        }
        out->setGateway(gateway);
    } else {
        Labels labels;
        if (!Request::parseLabels(sourceLabels, &labels, error))
            return false;
        out->setSourceLabels(labels);
    }
    out->setSourceNamespace(sourceNamespace);
    if (port < 0 || port > 65535) {
        if (error)
            *error = QStringLiteral("port wants 1..65535, got %1").arg(port);
        return false;
    }
    out->setPort(port);
    return true;
}

QString SampleRequest::senderText() const
{
    if (!gateway.isEmpty())
        return QStringLiteral("gateway ") + gateway;
    QString s = QStringLiteral("sidecar ")
        + (sourceNamespace.isEmpty() ? QStringLiteral("default") : sourceNamespace);
    if (!sourceLabels.isEmpty())
        s += QStringLiteral(" {") + sourceLabels + QLatin1Char('}');
    return s;
}

bool SampleRequest::setSenderText(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    auto fail = [&] {
        if (error)
            *error
                = QStringLiteral("sender must be \"gateway NS/NAME\" or \"sidecar NS {k=v,...}\", got \"%1\"")
                      .arg(t);
        return false;
    };
    if (t.startsWith(QLatin1String("gateway "))) {
        const QString gw = t.mid(8).trimmed();
        if (!gw.contains(QLatin1Char('/')))
            return fail();
        gateway = gw;
        sourceLabels.clear();
        sourceNamespace.clear();
        return true;
    }
    if (t == QLatin1String("mesh") || t == QLatin1String("sidecar")
        || t.startsWith(QLatin1String("sidecar "))) {
        QString rest = t.mid(7).trimmed();
        QString labels;
        const qsizetype open = rest.indexOf(QLatin1Char('{'));
        if (open >= 0) {
            if (!rest.endsWith(QLatin1Char('}')))
                return fail();
            labels = rest.mid(open + 1, rest.size() - open - 2).trimmed();
            rest = rest.left(open).trimmed();
        }
        Labels parsed;
        if (!Request::parseLabels(labels, &parsed, error))
            return false;
        gateway.clear();
        sourceNamespace = rest;
        sourceLabels = labels;
        return true;
    }
    if (t.count(QLatin1Char('/')) == 1 && !t.contains(QLatin1Char(' '))) {
        gateway = t;
        sourceLabels.clear();
        sourceNamespace.clear();
        return true;
    }
    return fail();
}

QString SampleRequest::sideFilePath(const QStringList &workspaceFiles)
{
    if (workspaceFiles.isEmpty() || workspaceFiles.first() == QLatin1String("-")
        || workspaceFiles.first().isEmpty())
        return {};
    return workspaceFiles.first() + QStringLiteral(".meshroute-requests.yaml");
}

QByteArray SampleRequest::toYaml(const QList<SampleRequest> &samples)
{
    YAML::Emitter e;
    e << YAML::BeginMap << YAML::Key << "requests" << YAML::Value << YAML::BeginSeq;
    for (const SampleRequest &s : samples) {
        e << YAML::BeginMap;
        e << YAML::Key << "name" << YAML::Value << s.name.toStdString();
        e << YAML::Key << "request" << YAML::Value << s.requestLine().toStdString();
        if (!s.headers.isEmpty()) {
            e << YAML::Key << "headers" << YAML::Value << YAML::BeginSeq;
            for (const QString &h : s.headers)
                e << h.toStdString();
            e << YAML::EndSeq;
        }
        if (!s.gateway.isEmpty())
            e << YAML::Key << "gateway" << YAML::Value << s.gateway.toStdString();
        if (!s.sourceLabels.isEmpty())
            e << YAML::Key << "sourceLabels" << YAML::Value << s.sourceLabels.toStdString();
        if (!s.sourceNamespace.isEmpty())
            e << YAML::Key << "sourceNamespace" << YAML::Value << s.sourceNamespace.toStdString();
        if (s.port > 0)
            e << YAML::Key << "port" << YAML::Value << s.port;
        e << YAML::EndMap;
    }
    e << YAML::EndSeq << YAML::EndMap;
    QByteArray out(
        "# meshroute sample requests for the Preview (not a Kubernetes manifest).\n"
        "# request: \"METHOD URL\"; gateway: NS/NAME, or sourceLabels + sourceNamespace for a sidecar.\n");
    out += QByteArray(e.c_str());
    out += '\n';
    return out;
}

bool SampleRequest::fromYaml(const QByteArray &text, QList<SampleRequest> *samples, QString *error)
{
    samples->clear();
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        if (!root || root.IsNull())
            return true;
        const YAML::Node list = root["requests"];
        if (!root.IsMap() || !list || !list.IsSequence()) {
            *error = QStringLiteral("a sample request file has a top-level list `requests:`");
            return false;
        }
        for (const YAML::Node &item : list) {
            if (!item.IsMap()) {
                *error
                    = QStringLiteral("line %1: a sample request must be a mapping").arg(item.Mark().line + 1);
                return false;
            }
            SampleRequest s;
            s.name = scalar(item["name"]);
            QString line = scalar(item["request"]).trimmed();
            const qsizetype space = line.indexOf(QLatin1Char(' '));
            if (space > 0) {
                s.method = line.left(space);
                s.url = line.mid(space + 1).trimmed();
            } else {
                s.url = line;
            }
            if (const YAML::Node h = item["headers"]) {
                if (h.IsSequence())
                    for (const YAML::Node &x : h)
                        s.headers << scalar(x);
                else if (h.IsMap())
                    for (const auto &kv : h)
                        s.headers << scalar(kv.first) + QStringLiteral(": ") + scalar(kv.second);
            }
            s.gateway = scalar(item["gateway"]);
            if (const YAML::Node l = item["sourceLabels"]; l && l.IsMap()) {
                QStringList pairs;
                for (const auto &kv : l)
                    pairs << scalar(kv.first) + QLatin1Char('=') + scalar(kv.second);
                s.sourceLabels = pairs.join(QLatin1Char(','));
            } else {
                s.sourceLabels = scalar(l);
            }
            s.sourceNamespace = scalar(item["sourceNamespace"]);
            if (item["port"])
                s.port = item["port"].as<int>();
            samples->append(s);
        }
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("line %1: %2").arg(e.mark.line + 1).arg(QString::fromStdString(e.msg));
        return false;
    }
    return true;
}

bool SampleRequest::load(const QString &path, QList<SampleRequest> *samples, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    if (!fromYaml(f.readAll(), samples, error)) {
        *error = path + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}

bool SampleRequest::save(const QString &path, const QList<SampleRequest> &samples, QString *error)
{
    return SafeFileWriter::writeFile(path, toYaml(samples), error);
}

QList<SampleRequest> SampleRequest::bookinfoDefaults()
{
    const QString gw = QStringLiteral("default/bookinfo-gateway");
    const QString product = QStringLiteral("app=productpage,version=v1");
    const QString ns = QStringLiteral("default");
    return {
        fromGateway(QStringLiteral("product page"), QStringLiteral("GET"),
            QStringLiteral("http://bookinfo.app/productpage"), gw),
        fromGateway(QStringLiteral("static file"), QStringLiteral("GET"),
            QStringLiteral("http://bookinfo.app/static/bootstrap/css/bootstrap.min.css"), gw),
        fromGateway(
            QStringLiteral("login"), QStringLiteral("POST"), QStringLiteral("http://bookinfo.app/login"), gw),
        fromGateway(QStringLiteral("logout"), QStringLiteral("GET"),
            QStringLiteral("http://bookinfo.app/logout"), gw),
        fromGateway(QStringLiteral("products API"), QStringLiteral("GET"),
            QStringLiteral("http://bookinfo.app/api/v1/products/0/reviews"), gw),
        fromGateway(QStringLiteral("unknown page"), QStringLiteral("GET"),
            QStringLiteral("http://bookinfo.app/admin"), gw),
        fromSidecar(QStringLiteral("reviews from productpage"),
            QStringLiteral("http://reviews:9080/reviews/0"), product, ns),
        fromSidecar(QStringLiteral("reviews for jason"), QStringLiteral("http://reviews:9080/reviews/0"),
            product, ns, { QStringLiteral("end-user: jason") }),
    };
}

QList<SampleRequest> SampleRequest::defaults(const Workspace &workspace)
{
    if (isBookinfo(workspace))
        return bookinfoDefaults();
    if (!GatewayApiTranslator::hasGatewayApi(workspace))
        return SampleRequestGenerator(workspace).generate();
    // Gateway API routes are sampled through what istiod generates from them; a
    // request names the Gateway API Gateway as kubectl shows it, which reaches
    // every listener's generated Gateway (one proxy).
    Workspace withGenerated = workspace;
    withGenerated.resources += GatewayApiTranslator(workspace).translate().resources;
    QList<SampleRequest> out = SampleRequestGenerator(withGenerated).generate();
    for (SampleRequest &r : out) {
        const qsizetype generated = r.gateway.indexOf(QLatin1String("~istio-autogenerated-k8s-gateway~"));
        if (generated > 0)
            r.gateway.truncate(generated);
    }
    return out;
}

} // namespace meshroute
