#include "setdestinationfield.h"

#include "commandtest.h"

using namespace meshroute;
using namespace meshroute::test;

// Each field of a destination changes alone: the bytes around it (comments,
// weights, other keys) stay as written and undo gives them back.
class TestSetDestinationField : public QObject
{
    Q_OBJECT

private:
    Document m_doc;
    QByteArray m_text;
    int m_vs = -1;

    std::unique_ptr<SetDestinationField> make(
        int rule, int destination, SetDestinationField::Field field, const QString &value, QString *error)
    {
        return SetDestinationField::create(
            &m_doc, m_vs, RouteKind::Http, rule, destination, field, value, error);
    }

private Q_SLOTS:
    void init()
    {
        m_text = readFile(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/routes.yaml"));
        QVERIFY(!m_text.isEmpty());
        load(m_doc, m_text, QStringLiteral("routes.yaml"));
        m_vs = idOf(m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(m_vs >= 0);
    }

    void subsetChangesOnlyItsValue()
    {
        QString error;
        auto cmd = make(1, 0, SetDestinationField::Field::Subset, QStringLiteral("v3"), &error);
        QVERIFY2(cmd, qPrintable(error));
        QByteArray expected = m_text;
        expected.replace("        subset: v1\n      weight: 90 # stable\n",
            "        subset: v3\n      weight: 90 # stable\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        QCOMPARE(vsOf(m_doc, m_vs)->http[1].route[0].destination.subset.value, QStringLiteral("v3"));
    }
    void emptySubsetRemovesTheKey()
    {
        QString error;
        auto cmd = make(0, 0, SetDestinationField::Field::Subset, QString(), &error);
        QByteArray expected = m_text;
        expected.replace("        host: reviews\n        subset: v2\n", "        host: reviews\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
    }
    void hostKeepsTheSubset()
    {
        QString error;
        auto cmd = make(0, 0, SetDestinationField::Field::Host, QStringLiteral("ratings"), &error);
        QByteArray expected = m_text;
        expected.replace(
            "        host: reviews\n        subset: v2\n", "        host: ratings\n        subset: v2\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
    }
    void portIsAddedAndRemoved()
    {
        QString error;
        auto cmd = make(1, 1, SetDestinationField::Field::Port, QStringLiteral("9080"), &error);
        QByteArray expected = m_text;
        expected.replace(
            "        subset: v3\n", "        subset: v3\n        port:\n          number: 9080\n");
        QVERIFY(pushAndRoundTrip(m_doc, std::move(cmd), expected));
        m_doc.undoStack()->redo();
        auto remove = make(1, 1, SetDestinationField::Field::Port, QStringLiteral("0"), &error);
        QVERIFY2(remove, qPrintable(error));
        m_doc.undoStack()->push(remove.release());
        QCOMPARE(fileText(m_doc), m_text);
    }
    void refusesWhatDoesNotFit()
    {
        QString error;
        QVERIFY(!make(0, 5, SetDestinationField::Field::Subset, QStringLiteral("v1"), &error));
        QVERIFY(error.contains(QStringLiteral("no destination 5")));
        QVERIFY(!make(0, 0, SetDestinationField::Field::Host, QStringLiteral("  "), &error));
        QVERIFY(!make(0, 0, SetDestinationField::Field::Port, QStringLiteral("70000"), &error));
        QCOMPARE(fileText(m_doc), m_text);
    }
};

QTEST_GUILESS_MAIN(TestSetDestinationField)
#include "tst_setdestinationfield.moc"
