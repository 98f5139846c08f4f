// DocumentMerge: recovered edits and a change on disk meet document by document.
#include "documentmerge.h"

#include <QtTest>

using namespace meshroute;

class TestDocumentMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data()
    {
        QTest::addColumn<QByteArray>("base");
        QTest::addColumn<QByteArray>("mine");
        QTest::addColumn<QByteArray>("theirs");
        QTest::addColumn<int>("result");
        QTest::addColumn<QByteArray>("merged");
        const QByteArray a = "a: 1\n", b = "---\nb: 1\n";
        QTest::newRow("different documents")
            << a + b << "a: 2\n" + b << a + "---\nb: 2\n"
            << int(DocumentMerge::Result::Merged) << QByteArray("a: 2\n---\nb: 2\n");
        QTest::newRow("same change") << a + b << "a: 2\n" + b << "a: 2\n" + b
                                     << int(DocumentMerge::Result::Merged) << QByteArray("a: 2\n---\nb: 1\n");
        QTest::newRow("only theirs") << a + b << a + b << a + "---\nb: 3\n"
                                     << int(DocumentMerge::Result::Merged) << QByteArray("a: 1\n---\nb: 3\n");
        QTest::newRow("same document both ways")
            << a + b << "a: 2\n" + b << "a: 3\n" + b << int(DocumentMerge::Result::Conflict) << QByteArray();
        QTest::newRow("a document added on disk") << a + b << "a: 2\n" + b << a + b + "---\nc: 1\n"
                                                  << int(DocumentMerge::Result::NotAligned) << QByteArray();
    }
    void merge()
    {
        QFETCH(QByteArray, base);
        QFETCH(QByteArray, mine);
        QFETCH(QByteArray, theirs);
        QFETCH(int, result);
        QFETCH(QByteArray, merged);
        QByteArray out = "untouched";
        QCOMPARE(int(DocumentMerge::merge(base, mine, theirs, &out)), result);
        QCOMPARE(out, result == int(DocumentMerge::Result::Merged) ? merged : QByteArray("untouched"));
    }
};

QTEST_GUILESS_MAIN(TestDocumentMerge)
#include "tst_documentmerge.moc"
