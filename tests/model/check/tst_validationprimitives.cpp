// The single-value checks the webhook applies: names, hosts, ports,
// durations, labels, regexes (RE2's own errors), header values, protocols.

#include "portprotocol.h"
#include "validationprimitives.h"

#include <QtTest>

using namespace meshroute;
using VP = ValidationPrimitives;

class TestValidationPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dns1123Label_data();
    void dns1123Label();
    void wildcardDomain_data();
    void wildcardDomain();
    void ipAndCidr_data();
    void ipAndCidr();
    void ports_data();
    void ports();
    void durationParsing_data();
    void durationParsing();
    void durationRules_data();
    void durationRules();
    void labels_data();
    void labels();
    void regexUsesRe2Errors_data();
    void regexUsesRe2Errors();
    void headerValues_data();
    void headerValues();
    void portNameProtocols_data();
    void portNameProtocols();
    void retryOnPolicies_data();
    void retryOnPolicies();
};

void TestValidationPrimitives::dns1123Label_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("label");
    QTest::addColumn<bool>("subdomain");
    QTest::newRow("simple") << "reviews" << true << true;
    QTest::newRow("dash inside") << "reviews-v2" << true << true;
    QTest::newRow("dotted is a subdomain only") << "reviews.v2" << false << true;
    QTest::newRow("upper case") << "Reviews" << false << false;
    QTest::newRow("underscore") << "reviews_v2" << false << false;
    QTest::newRow("leading dash") << "-reviews" << false << false;
    QTest::newRow("trailing dash") << "reviews-" << false << false;
    QTest::newRow("empty") << "" << false << false;
    QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << false << false;
    QTest::newRow("63 characters") << QString(63, QLatin1Char('a')) << true << true;
}

void TestValidationPrimitives::dns1123Label()
{
    QFETCH(QString, name);
    QFETCH(bool, label);
    QFETCH(bool, subdomain);
    QCOMPARE(VP::isDns1123Label(name), label);
    QCOMPARE(VP::isDns1123Subdomain(name), subdomain);
}

void TestValidationPrimitives::wildcardDomain_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("valid");
    QTest::newRow("short name") << "reviews" << true;
    QTest::newRow("fqdn") << "reviews.default.svc.cluster.local" << true;
    QTest::newRow("rooted fqdn") << "example.com." << true;
    QTest::newRow("star") << "*" << true;
    QTest::newRow("wildcard suffix") << "*.example.com" << true;
    QTest::newRow("star-prefixed label") << "*foo.example.com" << true;
    QTest::newRow("upper case accepted as Istio does") << "API.Example.com" << true;
    QTest::newRow("underscore") << "bad_host.example.com" << false;
    QTest::newRow("wildcard in the middle") << "api.*.example.com" << false;
    QTest::newRow("numeric top-level label") << "api.example.123" << false;
    QTest::newRow("empty label") << "api..example.com" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("too long") << QString(300, QLatin1Char('a')) << false;
}

void TestValidationPrimitives::wildcardDomain()
{
    QFETCH(QString, host);
    QFETCH(bool, valid);
    const QString why = VP::checkWildcardDomain(host);
    QVERIFY2(why.isEmpty() == valid, qPrintable(why));
}

void TestValidationPrimitives::ipAndCidr_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ip");
    QTest::addColumn<bool>("cidr");
    QTest::newRow("ipv4") << "10.0.0.1" << true << true;
    QTest::newRow("ipv6") << "2001:db8::1" << true << true;
    QTest::newRow("v4 subnet") << "10.0.0.0/8" << false << true;
    QTest::newRow("v4 prefix too long") << "10.0.0.0/33" << false << false;
    QTest::newRow("v6 subnet") << "2001:db8::/64" << false << true;
    QTest::newRow("octet out of range") << "10.0.0.300" << false << false;
    QTest::newRow("host name") << "example.com" << false << false;
}

void TestValidationPrimitives::ipAndCidr()
{
    QFETCH(QString, text);
    QFETCH(bool, ip);
    QFETCH(bool, cidr);
    QCOMPARE(VP::isIpAddress(text), ip);
    QCOMPARE(VP::isIpOrCidr(text), cidr);
}

void TestValidationPrimitives::ports_data()
{
    QTest::addColumn<qint64>("port");
    QTest::addColumn<bool>("valid");
    QTest::newRow("zero") << qint64(0) << false;
    QTest::newRow("one") << qint64(1) << true;
    QTest::newRow("http") << qint64(80) << true;
    QTest::newRow("max") << qint64(65535) << true;
    QTest::newRow("past max") << qint64(65536) << false;
    QTest::newRow("negative") << qint64(-1) << false;
}

void TestValidationPrimitives::ports()
{
    QFETCH(qint64, port);
    QFETCH(bool, valid);
    QCOMPARE(VP::checkPort(port).isEmpty(), valid);
}

void TestValidationPrimitives::durationParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("parses");
    QTest::addColumn<qint64>("nanoseconds");
    QTest::newRow("seconds") << "5s" << true << qint64(5000000000);
    QTest::newRow("fraction") << "1.5s" << true << qint64(1500000000);
    QTest::newRow("kubectl style") << "15.000s" << true << qint64(15000000000);
    QTest::newRow("compound") << "1h30m" << true << qint64(5400000000000);
    QTest::newRow("micro") << "250us" << true << qint64(250000);
    QTest::newRow("micro sign") << QString::fromUtf8("3\u00b5s") << true << qint64(3000);
    QTest::newRow("bare zero") << "0" << true << qint64(0);
    QTest::newRow("negative") << "-1s" << true << qint64(-1000000000);
    QTest::newRow("days are not Go") << "2d" << false << qint64(0);
    QTest::newRow("missing unit") << "10" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("dot only") << ".s" << false << qint64(0);
}

void TestValidationPrimitives::durationParsing()
{
    QFETCH(QString, text);
    QFETCH(bool, parses);
    QFETCH(qint64, nanoseconds);
    qint64 ns = -42;
    QString error;
    QCOMPARE(VP::parseDuration(text, &ns, &error), parses);
    if (parses)
        QCOMPARE(ns, nanoseconds);
    else
        QVERIFY(!error.isEmpty());
}

void TestValidationPrimitives::durationRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("complaint"); // a word of the message, or empty when valid
    QTest::newRow("one millisecond") << "1ms"
                                     << "";
    QTest::newRow("whole seconds") << "1.000s"
                                   << "";
    QTest::newRow("below 1ms") << "500us"
                               << "at least 1ms";
    QTest::newRow("zero") << "0s"
                          << "at least 1ms";
    QTest::newRow("sub-millisecond precision") << "1.5ms"
                                               << "ms precision";
    QTest::newRow("unknown unit") << "3w"
                                  << "unknown unit";
}

void TestValidationPrimitives::durationRules()
{
    QFETCH(QString, text);
    QFETCH(QString, complaint);
    const QString why = VP::checkDuration(text);
    if (complaint.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(complaint), qPrintable(why));
}

void TestValidationPrimitives::labels_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "version"
                           << "v1" << true;
    QTest::newRow("prefixed key") << "app.kubernetes.io/name"
                                  << "reviews" << true;
    QTest::newRow("empty value") << "version"
                                 << "" << true;
    QTest::newRow("bad prefix") << "Bad_Prefix/name"
                                << "x" << false;
    QTest::newRow("space in key") << "my key"
                                  << "x" << false;
    QTest::newRow("value with dash at ends") << "version"
                                             << "-v1-" << false;
    QTest::newRow("value too long") << "version" << QString(64, QLatin1Char('a')) << false;
}

void TestValidationPrimitives::labels()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(VP::checkLabelKey(key).isEmpty() && VP::checkLabelValue(value).isEmpty(), valid);
}

void TestValidationPrimitives::regexUsesRe2Errors_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("error"); // RE2's text, or empty when valid
    QTest::newRow("simple") << "/api/v[0-9]+/.*"
                            << "";
    QTest::newRow("case-insensitive flag") << "(?i)/Api/.*"
                                           << "";
    QTest::newRow("look-ahead") << "/api(?=/v1)"
                                << "invalid perl operator: (?=";
    QTest::newRow("negative look-ahead") << "/api(?!/v1)"
                                         << "invalid perl operator: (?!";
    QTest::newRow("look-behind") << "(?<=a)b"
                                 << "invalid perl operator: (?<";
    QTest::newRow("back-reference") << "(a)\\1"
                                    << "invalid escape sequence: \\1";
    QTest::newRow("unbalanced") << "/api/(v1"
                                << "missing ): /api/(v1";
    QTest::newRow("dangling star") << "*"
                                   << "no argument for repetition operator: *";
    QTest::newRow("1024 characters") << QString(1024, QLatin1Char('a')) << "";
    QTest::newRow("1025 characters") << QString(1025, QLatin1Char('a')) << "max length allowed is 1024";
}

void TestValidationPrimitives::regexUsesRe2Errors()
{
    QFETCH(QString, pattern);
    QFETCH(QString, error);
    const QString why = VP::checkRegex(pattern);
    if (error.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(error), qPrintable(why));
    QCOMPARE(VP::checkRegex(pattern), why); // the cached answer is the same
}

void TestValidationPrimitives::headerValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "application/json" << true;
    QTest::newRow("envoy variable") << "%DOWNSTREAM_REMOTE_ADDRESS%" << true;
    QTest::newRow("variable with arguments") << "%REQ(x-request-id)%" << true;
    QTest::newRow("variable with arguments and length") << "%REQ(user-agent):10%" << true;
    QTest::newRow("escaped percent") << "100%%" << true;
    QTest::newRow("lone percent") << "50%" << false;
    QTest::newRow("lower-case variable") << "%foo%" << false;
    QTest::newRow("newline") << "a\nb" << false;
    QTest::newRow("tab is fine") << "a\tb" << true;
}

void TestValidationPrimitives::headerValues()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(VP::checkHeaderValue(value).isEmpty(), valid);
}

void TestValidationPrimitives::portNameProtocols_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("protocol");
    QTest::newRow("http") << "http"
                          << "HTTP";
    QTest::newRow("http with suffix") << "http-web"
                                      << "HTTP";
    QTest::newRow("grpc-web before grpc") << "grpc-web"
                                          << "GRPC-WEB";
    QTest::newRow("grpc with suffix") << "grpc-api"
                                      << "GRPC";
    QTest::newRow("case-insensitive") << "HTTP2-x"
                                      << "HTTP2";
    QTest::newRow("tcp") << "tcp-db"
                         << "TCP";
    QTest::newRow("no protocol") << "web"
                                 << "";
    QTest::newRow("prefix without dash") << "httpx"
                                         << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestValidationPrimitives::portNameProtocols()
{
    QFETCH(QString, name);
    QFETCH(QString, protocol);
    QCOMPARE(PortProtocol::ofPortName(name), protocol);
}

void TestValidationPrimitives::retryOnPolicies_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<bool>("valid");
    QTest::newRow("5xx") << "5xx" << true;
    QTest::newRow("gateway-error") << "gateway-error" << true;
    QTest::newRow("grpc condition") << "resource-exhausted" << true;
    QTest::newRow("status code") << "503" << true;
    QTest::newRow("unknown") << "teapot" << false;
    QTest::newRow("status out of range") << "999" << false;
}

void TestValidationPrimitives::retryOnPolicies()
{
    QFETCH(QString, policy);
    QFETCH(bool, valid);
    QCOMPARE(VP::isRetryOnPolicy(policy), valid);
}

QTEST_GUILESS_MAIN(TestValidationPrimitives)
#include "tst_validationprimitives.moc"
