// Document's save is the one `weights --in-place` and the window use: it
// refuses to replace a file that changed on disk after it was read (the race
// of issue 11), unless the user chose to overwrite, and a failed save leaves
// the document modified with the reason.
#include "commandtest.h"
#include "filetest.h"
#include "setweights.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;
using namespace meshroute::test;

namespace {

void edit(Document &doc)
{
    QString error;
    auto command = SetWeights::create(
        &doc, idOf(doc, ResourceKind::VirtualService, QStringLiteral("reviews")), 0, { 50, 50 }, &error);
    QVERIFY2(command, qPrintable(error));
    doc.undoStack()->push(command.release());
}

// The fixture copied to `path`, opened from there and edited (weights 50/50);
// returns the fixture's text, which is what the disk holds until a save.
QByteArray openAndEdit(Document &doc, const QString &path)
{
    const QByteArray text = readFile(dataPath(QStringLiteral("save/reviews-90-10.yaml")));
    writeBytes(path, text);
    doc.open({ path });
    edit(doc);
    return text;
}

} // namespace

class TestDocumentSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changedOnDiskIsNotOverwritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vs.yaml"));
        Document doc;
        const QByteArray text = openAndEdit(doc, path);
        QByteArray theirs = text;
        theirs.replace("weight: 90", "weight: 80").replace("weight: 10", "weight: 20");
        writeBytes(path, theirs); // another program, between our read and our write
        QString error;
        QVERIFY(!doc.saveFile(0, &error));
        QCOMPARE(error,
            QStringLiteral("cannot write %1: it changed on disk since it was read; not replaced").arg(path));
        QCOMPARE(readFile(path), theirs);
        QVERIFY(doc.isModified());
        // The user's explicit choice overwrites.
        QVERIFY2(doc.saveFile(0, &error, Document::Overwrite::EvenIfChanged), qPrintable(error));
        QVERIFY(readFile(path).contains("weight: 50"));
        QVERIFY(!doc.isModified());
        // After a save, what we wrote is what we compare with: the next save goes through.
        doc.undoStack()->undo();
        QVERIFY2(doc.saveFile(0, &error), qPrintable(error));
        QCOMPARE(readFile(path), text);
    }

    void failedSaveKeepsTheDocumentModified()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vs.yaml"));
        Document doc;
        const QByteArray text = openAndEdit(doc, path);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
        QString error;
        QVERIFY(!doc.saveAll(&error));
        QCOMPARE(error,
            QStringLiteral("cannot write %1: it is read-only (mode 0444); make it writable to save over it")
                .arg(path));
        QVERIFY(doc.isModified());
        QVERIFY(!doc.undoStack()->isClean());
        QCOMPARE(readFile(path), text);
    }
};

QTEST_GUILESS_MAIN(TestDocumentSave)
#include "tst_documentsave.moc"
