#include "diffrequestfile.h"

#include "routingtest.h"

#include <QFile>

namespace meshroute {

namespace {

void unfold(const RoutingTestCase &tc, QList<SampleRequest> *out)
{
    const QStringList authorities = tc.authorities.isEmpty() ? QStringList { QString() } : tc.authorities;
    const QStringList methods = tc.methods.isEmpty() ? QStringList { QStringLiteral("GET") } : tc.methods;
    const QStringList uris = tc.uris.isEmpty() ? QStringList { QStringLiteral("/") } : tc.uris;
    QStringList labels;
    for (const Label &l : tc.sourceLabels)
        labels << l.key + QLatin1Char('=') + l.value;
    for (const QString &authority : authorities)
        for (const QString &method : methods)
            for (QString uri : uris) {
                if (!tc.query.isEmpty())
                    uri += (uri.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + tc.query;
                SampleRequest s;
                s.name = QStringLiteral("%1:%2 %3").arg(tc.file).arg(tc.line).arg(tc.description);
                s.method = method;
                s.url = authority.isEmpty() ? uri
                                            : (tc.scheme.isEmpty() ? QStringLiteral("http") : tc.scheme)
                        + QStringLiteral("://") + authority + uri;
                for (const auto &[name, value] : tc.headers)
                    s.headers << name + QStringLiteral(": ") + value;
                s.gateway = tc.gateway;
                s.sourceLabels = labels.join(QLatin1Char(','));
                s.sourceNamespace = tc.sourceNamespace;
                s.port = tc.port;
                out->append(s);
            }
}

} // namespace

bool DiffRequestFile::load(const QString &path, QList<SampleRequest> *requests, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray text = file.readAll();
    if (!RoutingTest::isTestFile(text)) {
        if (SampleRequest::fromYaml(text, requests, error))
            return true;
        *error = path + QStringLiteral(": ") + *error;
        return false;
    }
    QList<RoutingTestCase> cases;
    if (!RoutingTest::parse(text, path, &cases, error))
        return false;
    for (const RoutingTestCase &tc : cases)
        unfold(tc, requests);
    return true;
}

} // namespace meshroute
