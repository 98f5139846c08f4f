#include "destinationrulereader.h"

#include "mapreader.h"

namespace meshroute {

DestinationRule DestinationRuleReader::read(const YamlNode &n, const FieldPath &path)
{
    DestinationRule dr;
    dr.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("DestinationRule spec"), path);
    r.field("host", [&](const YamlNode &v, const FieldPath &p) { dr.host = string(v, p); });
    r.field("trafficPolicy",
        [&](const YamlNode &v, const FieldPath &p) { dr.trafficPolicy = trafficPolicy(v, p); });
    r.field("subsets", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            Subset s;
            s.pos = m_reader.pos(item);
            MapReader sr(m_reader, item, QStringLiteral("Subset"), ip);
            sr.field("name", [&](const YamlNode &f, const FieldPath &fp) { s.name = string(f, fp); });
            sr.field("labels", [&](const YamlNode &f, const FieldPath &fp) {
                s.labels = labels(f, fp);
                s.labelsPos = m_reader.pos(f);
            });
            sr.field("trafficPolicy",
                [&](const YamlNode &f, const FieldPath &fp) { s.trafficPolicy = trafficPolicy(f, fp); });
            dr.subsets.append(s);
        });
    });
    r.field("exportTo", [&](const YamlNode &v, const FieldPath &p) { dr.exportTo = strings(v, p); });
    r.field("workloadSelector", [&](const YamlNode &v, const FieldPath &p) {
        dr.hasWorkloadSelector = true;
        dr.workloadSelectorPos = m_reader.pos(v);
        MapReader wr(m_reader, v, QStringLiteral("WorkloadSelector"), p);
        wr.field("matchLabels",
            [&](const YamlNode &f, const FieldPath &fp) { dr.workloadSelector = labels(f, fp); });
    });
    return dr;
}

TrafficPolicy DestinationRuleReader::trafficPolicy(const YamlNode &n, const FieldPath &path, bool portLevel)
{
    TrafficPolicy t;
    t.pos = m_reader.pos(n);
    t.present = true;
    MapReader r(
        m_reader, n, portLevel ? QStringLiteral("PortTrafficPolicy") : QStringLiteral("TrafficPolicy"), path);
    if (r.ok())
        t.fieldCount = int(n.pairCount());
    r.field("loadBalancer", [&](const YamlNode &v, const FieldPath &p) {
        MapReader lr(m_reader, v, QStringLiteral("LoadBalancerSettings"), p);
        lr.field(
            "simple", [&](const YamlNode &f, const FieldPath &fp) { t.loadBalancerSimple = string(f, fp); });
        lr.field("consistentHash", [&](const YamlNode &, const QString &) { t.consistentHash = true; });
        lr.known({ "localityLbSetting", "warmupDurationSecs", "warmup" });
    });
    r.field("tls", [&](const YamlNode &v, const FieldPath &p) {
        MapReader tr(m_reader, v, QStringLiteral("ClientTLSSettings"), p);
        tr.field("mode", [&](const YamlNode &f, const FieldPath &fp) { t.tlsMode = string(f, fp); });
        tr.field("caCertificates",
            [&](const YamlNode &f, const FieldPath &fp) { t.tlsCaCertificates = string(f, fp); });
        tr.field("credentialName",
            [&](const YamlNode &f, const FieldPath &fp) { t.tlsCredentialName = string(f, fp); });
        tr.field("clientCertificate",
            [&](const YamlNode &f, const FieldPath &fp) { t.tlsClientCertificate = string(f, fp); });
        tr.field(
            "privateKey", [&](const YamlNode &f, const FieldPath &fp) { t.tlsPrivateKey = string(f, fp); });
        tr.known({ "subjectAltNames", "sni", "insecureSkipVerify", "caCrl" });
    });
    r.field("tunnel", [&](const YamlNode &, const QString &) { t.hasTunnel = true; });
    r.field("proxyProtocol", [&](const YamlNode &, const QString &) { t.hasProxyProtocol = true; });
    r.known({ "connectionPool", "outlierDetection", "retryBudget" });
    if (portLevel)
        r.field("port", [&](const YamlNode &v, const FieldPath &p) {
            MapReader pr(m_reader, v, QStringLiteral("PortSelector"), p);
            pr.field("number", [&](const YamlNode &f, const FieldPath &fp) { t.port = integer(f, fp); });
        });
    else
        r.field("portLevelSettings", [&](const YamlNode &v, const FieldPath &p) {
            list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
                t.portLevelSettings.push_back(trafficPolicy(item, ip, true));
            });
        });
    return t;
}

} // namespace meshroute
