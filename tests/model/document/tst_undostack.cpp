// The model's undo stack keeps QUndoStack's contract: push runs the command,
// same-id commands merge, macros are one step, the clean state follows saves.
#include "undostack.h"

#include <QtTest>

using namespace meshroute;

namespace {

// Appends a letter to a log on redo, removes it on undo.
class Append : public UndoCommand
{
public:
    Append(QString *log, QChar c, int mergeId = -1)
        : UndoCommand(QStringLiteral("append %1").arg(c))
        , m_log(log)
        , m_text(c)
        , m_id(mergeId)
    {
    }
    void redo() override { m_log->append(m_text); }
    void undo() override { m_log->chop(m_text.size()); }
    int id() const override { return m_id; }
    bool mergeWith(const UndoCommand *other) override
    {
        m_text += static_cast<const Append *>(other)->m_text;
        setText(QStringLiteral("append %1").arg(m_text));
        return true;
    }

private:
    QString *m_log;
    QString m_text;
    int m_id;
};

} // namespace

class TestUndoStack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushRunsAndUndoReverts();
    void redoHistoryIsDroppedOnPush();
    void sameIdMerges();
    void noMergeAcrossTheCleanState();
    void macroIsOneStep();
    void cleanStateFollowsUndo();
    void obsoleteCommandIsNotKept();
};

void TestUndoStack::pushRunsAndUndoReverts()
{
    QString log;
    UndoStack stack;
    QSignalSpy canUndo(&stack, &UndoStack::canUndoChanged);
    stack.push(new Append(&log, QLatin1Char('a')));
    stack.push(new Append(&log, QLatin1Char('b')));
    QCOMPARE(log, QStringLiteral("ab"));
    QCOMPARE(stack.count(), 2);
    QCOMPARE(stack.undoText(), QStringLiteral("append b"));
    QVERIFY(canUndo.count() >= 1);
    stack.undo();
    QCOMPARE(log, QStringLiteral("a"));
    QCOMPARE(stack.redoText(), QStringLiteral("append b"));
    stack.redo();
    QCOMPARE(log, QStringLiteral("ab"));
    stack.undo();
    stack.undo();
    QVERIFY(!stack.canUndo());
    stack.undo(); // nothing left: no effect
    QCOMPARE(log, QString());
}

void TestUndoStack::redoHistoryIsDroppedOnPush()
{
    QString log;
    UndoStack stack;
    stack.push(new Append(&log, QLatin1Char('a')));
    stack.push(new Append(&log, QLatin1Char('b')));
    stack.undo();
    stack.push(new Append(&log, QLatin1Char('c')));
    QCOMPARE(log, QStringLiteral("ac"));
    QCOMPARE(stack.count(), 2);
    QVERIFY(!stack.canRedo());
}

void TestUndoStack::sameIdMerges()
{
    QString log;
    UndoStack stack;
    stack.push(new Append(&log, QLatin1Char('x'), 7));
    stack.push(new Append(&log, QLatin1Char('y'), 7));
    stack.push(new Append(&log, QLatin1Char('z'), 8));
    QCOMPARE(stack.count(), 2);
    QCOMPARE(stack.text(0), QStringLiteral("append xy"));
    stack.undo();
    stack.undo();
    QCOMPARE(log, QString());
}

void TestUndoStack::noMergeAcrossTheCleanState()
{
    QString log;
    UndoStack stack;
    stack.push(new Append(&log, QLatin1Char('x'), 7));
    stack.setClean();
    stack.push(new Append(&log, QLatin1Char('y'), 7));
    QCOMPARE(stack.count(), 2);
    stack.undo();
    QVERIFY(stack.isClean());
    QCOMPARE(log, QStringLiteral("x"));
}

void TestUndoStack::macroIsOneStep()
{
    QString log;
    UndoStack stack;
    stack.beginMacro(QStringLiteral("both"));
    stack.push(new Append(&log, QLatin1Char('a')));
    stack.push(new Append(&log, QLatin1Char('b')));
    QVERIFY(!stack.canUndo()); // not while a macro is open
    stack.endMacro();
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), QStringLiteral("both"));
    stack.undo();
    QCOMPARE(log, QString());
    stack.redo();
    QCOMPARE(log, QStringLiteral("ab"));
}

void TestUndoStack::cleanStateFollowsUndo()
{
    QString log;
    UndoStack stack;
    QSignalSpy clean(&stack, &UndoStack::cleanChanged);
    QVERIFY(stack.isClean());
    stack.push(new Append(&log, QLatin1Char('a')));
    QCOMPARE(clean.count(), 1);
    QCOMPARE(clean.last().first().toBool(), false);
    stack.undo();
    QCOMPARE(clean.last().first().toBool(), true);
    stack.redo();
    stack.setClean();
    QCOMPARE(clean.last().first().toBool(), true);
    stack.undo();
    QVERIFY(!stack.isClean());
    // A new edit after undoing past the saved state makes the saved state unreachable.
    stack.push(new Append(&log, QLatin1Char('c')));
    QCOMPARE(stack.cleanIndex(), -1);
    QVERIFY(!stack.isClean());
}

void TestUndoStack::obsoleteCommandIsNotKept()
{
    QString log;
    UndoStack stack;
    auto *noop = new Append(&log, QLatin1Char('n'));
    noop->setObsolete(true);
    stack.push(noop);
    QCOMPARE(stack.count(), 0);
}

QTEST_GUILESS_MAIN(TestUndoStack)
#include "tst_undostack.moc"
