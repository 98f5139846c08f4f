#pragma once

#include "field.h"

#include <QList>
#include <QString>

namespace meshroute {

struct GatewayPort
{
    Field<qint64> number;
    Field<QString> protocol;
    Field<QString> name;
    Field<qint64> targetPort; // deprecated, rejected by the webhook
    SourcePos pos;
    bool present = false;
};

struct ServerTls
{
    Field<bool> httpsRedirect;
    Field<QString> mode; // PASSTHROUGH when tls is given without mode
    Field<QString> serverCertificate;
    Field<QString> privateKey;
    Field<QString> caCertificates;
    Field<QString> caCrl;
    Field<QString> credentialName;
    QList<Field<QString>> credentialNames;
    int tlsCertificateCount = 0;
    Field<QString> minProtocolVersion;
    Field<QString> maxProtocolVersion;
    QList<Field<QString>> cipherSuites;
    SourcePos pos;
    bool present = false;
};

struct Server
{
    GatewayPort port;
    Field<QString> bind;
    QList<Field<QString>> hosts;
    ServerTls tls;
    Field<QString> name;
    SourcePos pos;
};

struct Gateway
{
    Labels selector;
    bool hasSelector = false;
    SourcePos selectorPos;
    QList<Server> servers;
    SourcePos specPos;
};

} // namespace meshroute
