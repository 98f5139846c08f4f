#pragma once

#include "field.h"
#include "router.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace meshroute {

// One test case of a routing test file: getyourguide/istio-config-validator's
// format read unchanged, plus meshroute's additions.
//
//   testCases:
//   - description: ...
//     wantMatch: true          # each assertion must hold (true) or fail (false)
//     request:
//       authority: [a.com]     # list or one value; authority x method x uri are unfolded
//       method: [GET]
//       uri: [/users]          # the query is kept (Envoy sees it); ICV drops it
//       headers: {x-user: qa}
//       # meshroute additions:
//       gateway: istio-system/ingress   # sent by this gateway (default: a sidecar)
//       sourceLabels: {app: productpage}
//       sourceNamespace: default
//       query: "v=2"           # appended to every uri
//       port: 9080
//       scheme: https
//     route: [...]             # ICV: compared with the matched rule's route, as written
//     rewrite: {...}  redirect: {...}  fault: {...}  headers: {...}  delegate: {...}
//     # meshroute additions:
//     status: routed           # routed | redirect | direct-response | no-route
//     virtualService: ns/name
//     cluster: outbound|9080|v2|reviews.default.svc.cluster.local
//     share: 100               # the cluster's share in percent (with cluster)
struct RoutingTestCase
{
    QString file;
    int line = 0;
    QString description;
    bool wantMatch = false; // ICV's default for an absent wantMatch

    QStringList authorities;
    QStringList methods;
    QStringList uris;
    QList<QPair<QString, QString>> headers;
    QString gateway;
    Labels sourceLabels;
    QString sourceNamespace;
    QString query;
    int port = 0;
    QString scheme;

    // Expectations in API-shaped JSON (undefined when not asserted).
    QJsonValue route { QJsonValue::Undefined };
    QJsonValue rewrite { QJsonValue::Undefined };
    QJsonValue redirect { QJsonValue::Undefined };
    QJsonValue fault { QJsonValue::Undefined };
    QJsonValue headerOps { QJsonValue::Undefined };
    QJsonValue delegate { QJsonValue::Undefined };
    QString status;
    QString virtualService;
    QString cluster;
    double share = -1; // -1: not asserted
};

struct RoutingTestCaseResult
{
    int caseIndex = -1;
    bool passed = true;
    int inputs = 0; // unfolded requests
    QStringList failures; // "GET example.com/users: route: got [...], want [...]"
    QStringList notes; // where meshroute follows Envoy and ICV differs
    RouteResult firstResult; // of the first failing input (else the first input)
    QString firstRequest;
};

struct RoutingTestReport
{
    QList<RoutingTestCase> cases;
    QList<RoutingTestCaseResult> results; // parallel to cases
    int passed = 0;
    int failed = 0;
    QList<RouteTable::RuleRef> rules; // every rule
    QList<int> uncovered; // indexes in rules that no input reached
};

// Reads routing test files and runs them through the router.
class RoutingTest
{
public:
    // Whether YAML text is a test file (a document with top-level testCases).
    static bool isTestFile(const QByteArray &text);
    // Appends the cases of one file; false with a message on YAML errors or unknown fields.
    static bool parse(
        const QByteArray &text, const QString &fileName, QList<RoutingTestCase> *cases, QString *error);
    static bool readFile(const QString &path, QList<RoutingTestCase> *cases, QString *error);

    static RoutingTestReport run(const Router &router, const QList<RoutingTestCase> &cases);

    // JSON with zero values dropped and numeric strings as numbers, so that
    // YAML-typed expectations and model values compare like protobuf's DeepEqual.
    static QJsonValue canonical(const QJsonValue &v);
};

} // namespace meshroute
