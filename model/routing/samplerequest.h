#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

class Request;
struct Workspace;

// One row of the Preview's sample requests: what is sent and who sends it.
//
// A sample is preview data, not part of the user's manifests: the set lives
// in a side file next to the workspace's first file, so opening, routing and
// exporting the manifests never see it.
struct SampleRequest
{
    QString name;
    QString method = QStringLiteral("GET");
    QString url; // "http://bookinfo.app/productpage" or "/productpage" (with a Host header)
    QStringList headers; // "Name: value", in order
    QString gateway; // "namespace/name" of the sending Gateway; empty: a sidecar
    QString sourceLabels; // "app=productpage,version=v1" of the sending workload (sidecar only)
    QString sourceNamespace;
    int port = 0; // listener port; 0: from the URL

    bool operator==(const SampleRequest &o) const = default;

    // The request the router takes; false with a message when a field does not parse.
    bool toRequest(Request *out, QString *error = nullptr) const;
    // "GET http://bookinfo.app/productpage"
    QString requestLine() const { return method + QLatin1Char(' ') + url; }
    // "gateway default/bookinfo-gateway", "sidecar default {app=productpage}"
    QString senderText() const;
    // Parses senderText()'s forms back ("gateway NS/NAME", "sidecar NS {labels}", "NS/NAME", "mesh").
    bool setSenderText(const QString &text, QString *error = nullptr);

    // Where the set for a workspace is kept: "<first file>.meshroute-requests.yaml".
    // Empty for a workspace read from standard input or with no file.
    static QString sideFilePath(const QStringList &workspaceFiles);
    // The set as YAML (a comment header, then `requests:`), and back.
    static QByteArray toYaml(const QList<SampleRequest> &samples);
    static bool fromYaml(const QByteArray &text, QList<SampleRequest> *samples, QString *error);
    static bool load(const QString &path, QList<SampleRequest> *samples, QString *error);
    static bool save(const QString &path, const QList<SampleRequest> &samples, QString *error);

    // A starting set for a workspace: the Bookinfo lesson's requests when it
    // is Bookinfo, else what SampleRequestGenerator makes: requests that can
    // route in this workspace, from its gateways and from the mesh.
    static QList<SampleRequest> defaults(const Workspace &workspace);
    static QList<SampleRequest> bookinfoDefaults();
};

} // namespace meshroute
