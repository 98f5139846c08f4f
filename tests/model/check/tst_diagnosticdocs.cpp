// Every diagnostic code, the loader's and the checker's, links to the Istio
// documentation: IST codes to istioctl's analysis page of the code, our own
// codes to the reference page of the resource whose field is at fault.

#include "diagnosticcodes.h"
#include "diagnosticdocs.h"
#include "resourcereader.h"

#include <QUrl>
#include <QtTest>

using namespace meshroute;

class TestDiagnosticDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void istCodesLinkToTheirAnalysisPage()
    {
        QCOMPARE(DiagnosticDocs::url(QStringLiteral("IST0101")),
            QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/ist0101/"));
        QCOMPARE(DiagnosticDocs::url(QStringLiteral("IST0173")),
            QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/ist0173/"));
    }

    void ownCodesLinkToTheReferenceOfTheirResource()
    {
        QCOMPARE(DiagnosticDocs::url(QLatin1String(Code::InvalidWeight)),
            QStringLiteral("https://istio.io/latest/docs/reference/config/networking/virtual-service/"
                           "#HTTPRouteDestination"));
        QCOMPARE(DiagnosticDocs::url(QLatin1String(Code::DuplicateSubset)),
            QStringLiteral(
                "https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset"));
        QCOMPARE(DiagnosticDocs::url(QLatin1String(Code::InvalidGatewayTls)),
            QStringLiteral(
                "https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings"));
        QCOMPARE(DiagnosticDocs::url(QLatin1String(ResourceReader::CodeWrongType)),
            QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/ist0106/"));
    }

    void everyCodeHasAValidLink()
    {
        const QList<DiagnosticCodeInfo> all = ResourceReader::codes() + DiagnosticCodes::all();
        for (const DiagnosticCodeInfo &c : all) {
            const QUrl url(DiagnosticDocs::url(c.code));
            // Istio's reference, or for the Gateway API's own fields the Gateway API's (Istio has none).
            const bool istio = url.host() == QLatin1String("istio.io")
                && url.path().startsWith(QLatin1String("/latest/docs/reference/config/"));
            const bool gatewayApi = url.host() == QLatin1String("gateway-api.sigs.k8s.io")
                && url.path() == QLatin1String("/reference/spec/") && !url.fragment().isEmpty();
            QVERIFY2(url.isValid() && url.scheme() == QLatin1String("https") && (istio || gatewayApi),
                qPrintable(c.code));
        }
    }

    void unknownCodeHasNoLink()
    {
        QVERIFY(DiagnosticDocs::url(QStringLiteral("IST9999")).isEmpty());
        QVERIFY(DiagnosticDocs::url(QStringLiteral("MR9999")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticDocs)
#include "tst_diagnosticdocs.moc"
