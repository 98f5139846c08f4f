#pragma once

// Runs the meshroute executable as a CI script would: no display, optional
// standard input, and a crash reported as exit code -1.
#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace meshroute::test {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Closes standard input of a started meshroute and collects its outcome.
inline Run finishRun(QProcess &p)
{
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline Run runMeshroute(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // headless commands need none
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MESHROUTE_BINARY), args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    return finishRun(p);
}

} // namespace meshroute::test
