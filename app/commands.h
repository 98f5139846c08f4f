#pragma once

#include <QStringList>

namespace meshroute::cli {

// Headless commands. Each takes the arguments after its name and returns the
// process exit code: 0 ok, 1 findings/failures, 2 usage error or unreadable input.
// They print to stdout/stderr and need no display.
int runCheck(const QStringList &args);
int runExport(const QStringList &args);
int runWeights(const QStringList &args);
// `weights` for an HTTPRoute or GRPCRoute rule (--http-route, --grpc-route).
int runBackendWeights(const QStringList &args);
int runRoute(const QStringList &args);
int runSimulate(const QStringList &args);
int runTest(const QStringList &args);
// VirtualServices to Gateway API, with the proof that both route alike (1: answers differ).
int runConvert(const QStringList &args);
// What a change does to requests, splits, findings and structure (1: traffic changes).
int runDiff(const QStringList &args);

// One line per command for `meshroute --help`, and the full usage for `meshroute help COMMAND`.
QString usage(const QString &command);

} // namespace meshroute::cli
