#pragma once

// Shared by the command tests: load YAML into a Document, push a command,
// check the bytes, undo and check the bytes again.

#include "corpus.h"
#include "document.h"
#include "loader.h"
#include "routekind.h"
#include "undostack.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <functional>
#include <memory>

namespace meshroute::test {

inline void load(Document &doc, const QByteArray &text, const QString &name = QStringLiteral("test.yaml"))
{
    doc.setLoadResult(Loader::loadText(text, name));
}

inline int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    for (const Resource &r : doc.workspace().resources)
        if (r.kind == kind && r.name() == name)
            return r.id;
    return -1;
}

inline const VirtualService *vsOf(const Document &doc, int id)
{
    const Resource *r = doc.resource(id);
    return r ? r->virtualService() : nullptr;
}

inline QByteArray fileText(const Document &doc, int file = 0)
{
    return doc.files().value(file).text;
}

// Pushes `command` and checks the file then holds `expected`; undoes it and
// checks the original bytes are back; redoes it. Returns false on a failed check.
template <typename C>
bool pushAndRoundTrip(Document &doc, std::unique_ptr<C> command, const QByteArray &expected, int file = 0)
{
    const QByteArray before = fileText(doc, file);
    if (!command) {
        qWarning("no command");
        return false;
    }
    const int count = doc.undoStack()->count();
    doc.undoStack()->push(command.release());
    [&] { QCOMPARE(fileText(doc, file), expected); }();
    if (QTest::currentTestFailed())
        return false;
    [&] { QCOMPARE(doc.undoStack()->count(), count + 1); }();
    doc.undoStack()->undo();
    [&] { QCOMPARE(fileText(doc, file), before); }();
    doc.undoStack()->redo();
    [&] { QCOMPARE(fileText(doc, file), expected); }();
    return !QTest::currentTestFailed();
}

// Runs `makeCommand` on every VirtualService rule of `kind` (HTTP unless
// told) of the sweep files (tests/data and the corpus) where it returns a command; checks the text still
// loads without new load errors, the resource count is unchanged, `check` holds on the new model, and undo
// gives back the exact bytes. Returns how many edits ran.
inline int sweepCorpus(
    const std::function<std::unique_ptr<UndoCommand>(Document &, const Resource &, int routeIndex)>
        &makeCommand,
    const std::function<bool(const Document &, int resourceId, int routeIndex)> &check,
    RouteKind kind = RouteKind::Http)
{
    int runs = 0;
    for (const QString &path : sweepYamlFiles()) {
        Document doc;
        load(doc, readFile(path), path);
        const qsizetype errorsBefore = doc.loadDiagnostics().size();
        const qsizetype resourcesBefore = doc.workspace().resources.size();
        QList<QPair<int, int>> targets;
        for (const Resource &r : doc.workspace().resources)
            if (const VirtualService *vs = r.virtualService())
                for (int i = 0; i < RouteKinds::count(*vs, kind); ++i)
                    targets.append({ r.id, i });
        for (const auto &[id, route] : targets) {
            const QByteArray before = fileText(doc);
            std::unique_ptr<UndoCommand> command = makeCommand(doc, *doc.resource(id), route);
            if (!command)
                continue;
            doc.undoStack()->push(command.release());
            ++runs;
            // Files that already had load diagnostics (invalid fixtures) may gain copies of them.
            const bool newDiagnostics = errorsBefore == 0 && !doc.loadDiagnostics().isEmpty();
            if (doc.workspace().resources.size() != resourcesBefore || newDiagnostics
                || !check(doc, id, route)) {
                qWarning("%s: resource %d rule %d: the edit broke the file:\n%s", qPrintable(path), id, route,
                    fileText(doc).constData());
                return -1;
            }
            doc.undoStack()->undo();
            if (fileText(doc) != before) {
                qWarning(
                    "%s: resource %d rule %d: undo did not restore the bytes", qPrintable(path), id, route);
                return -1;
            }
        }
    }
    return runs;
}

} // namespace meshroute::test
