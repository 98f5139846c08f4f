#include "hostchoices.h"

#include "loader.h"

#include <QTest>

using namespace meshroute;

class TestHostChoices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortInOwnNamespaceQualifiedElsewhere()
    {
        const QByteArray text
            = "apiVersion: v1\nkind: Service\nmetadata: {name: reviews, namespace: shop}\n"
              "---\napiVersion: v1\nkind: Service\nmetadata: {name: ratings, namespace: data}\n"
              "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\n"
              "metadata: {name: ext, namespace: shop}\nspec:\n  hosts: [api.example.com, reviews]\n";
        const LoadResult load = Loader::loadText(text);
        QCOMPARE(hostChoices(load.workspace, QStringLiteral("shop")),
            QStringList({ "api.example.com", "ratings.data", "reviews" }));
        QCOMPARE(hostChoices(load.workspace, QStringLiteral("data")),
            QStringList({ "api.example.com", "ratings", "reviews", "reviews.shop" }));
    }
};

QTEST_GUILESS_MAIN(TestHostChoices)
#include "tst_hostchoices.moc"
