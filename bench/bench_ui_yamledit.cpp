// Typing in the YAML view and applying it: the time one keystroke takes
// (key press and release delivered, then the repaint it causes), and the
// time Ctrl+Enter takes to put the text in the file (ReplaceFileText: the
// file is reparsed and every view follows). Bookinfo, a generated file just
// under the whole-file limit (shown whole), and big.yaml (14 MB, shown one
// document at a time). Prints p50/p99 in ms.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_yamledit [keystrokes]
#include "bigmesh.h"
#include "document.h"
#include "loader.h"
#include "selection.h"
#include "undostack.h"
#include "yaml/yamlview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QTextBlock>
#include <algorithm>
#include <cstdio>

using namespace meshroute;

namespace {

struct Stats
{
    double p50 = 0, p99 = 0, max = 0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Stats s;
    s.p50 = ms[ms.size() / 2];
    s.p99 = ms[std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.99))];
    s.max = ms.last();
    return s;
}

void key(QWidget *w, int k, Qt::KeyboardModifiers modifiers = {}, const QString &text = {})
{
    QKeyEvent press(QEvent::KeyPress, k, modifiers, text);
    QApplication::sendEvent(w, &press);
    QKeyEvent release(QEvent::KeyRelease, k, modifiers, text);
    QApplication::sendEvent(w, &release);
}

void run(
    const char *name, LoadResult load, const QString &vsName, const QString &ns, int keystrokes, int applies)
{
    Document doc;
    doc.setLoadResult(std::move(load));
    Selection selection;
    YamlView view(&doc, &selection);
    view.resize(700, 900);
    view.show();
    const Resource *vs = doc.workspace().find(ResourceKind::VirtualService, ns, vsName);
    if (!vs) {
        std::fprintf(stderr, "no VirtualService %s\n", qPrintable(vsName));
        return;
    }
    SelectionTarget target;
    target.resourceId = vs->id;
    selection.select(target);
    QApplication::processEvents();
    const int line = view.highlightFirst() + 1;

    QList<double> typing, apply, undo;
    QElapsedTimer t;
    for (int a = 0; a < applies; ++a) {
        view.goToLine(view.fileIndex(), line, 1);
        key(&view, Qt::Key_End);
        key(&view, Qt::Key_Return);
        for (const QChar c : QStringLiteral("# typed "))
            key(&view, 0, {}, QString(c));
        for (int i = 0; i < keystrokes / applies; ++i) {
            const QString c(QChar(u'a' + i % 26));
            t.restart();
            key(&view, Qt::Key_A + i % 26, {}, c);
            QApplication::processEvents(); // the repaint the keystroke asked for
            typing.append(double(t.nsecsElapsed()) / 1e6);
        }
        t.restart();
        key(&view, Qt::Key_Return, Qt::ControlModifier);
        QApplication::processEvents();
        apply.append(double(t.nsecsElapsed()) / 1e6);
        if (doc.undoStack()->index() != 1 || view.hasPendingEdit()) {
            std::fprintf(stderr, "%s: the edit was not applied\n", name);
            return;
        }
        t.restart();
        doc.undoStack()->undo();
        QApplication::processEvents();
        undo.append(double(t.nsecsElapsed()) / 1e6);
    }
    const Stats k = stats(typing), p = stats(apply), u = stats(undo);
    std::printf("%s: %.2f MB, %lld resources, %d lines in the view\n", name,
        doc.files().first().text.size() / 1048576.0, qlonglong(doc.workspace().resources.size()),
        view.document()->blockCount());
    std::printf("  keystroke (+ repaint)     p50 %8.3f ms  p99 %8.3f ms  max %8.3f  (n=%lld)\n", k.p50, k.p99,
        k.max, qlonglong(typing.size()));
    std::printf("  apply (Ctrl+Enter)        p50 %8.2f ms  p99 %8.2f ms  max %8.2f  (n=%lld)\n", p.p50, p.p99,
        p.max, qlonglong(apply.size()));
    std::printf("  undo of the apply         p50 %8.2f ms  p99 %8.2f ms  max %8.2f\n", u.p50, u.p99, u.max);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int keystrokes = argc > 1 ? std::max(100, atoi(argv[1])) : 1000;
    run("bookinfo", Loader::loadPaths({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") }),
        QStringLiteral("reviews"), QStringLiteral("default"), keystrokes, 20);

    // The largest file the view shows whole.
    int count = 400;
    QByteArray whole = bench::bigMeshYaml(count, 5, false);
    while (whole.size() > YamlView::maxWholeFileBytes)
        whole = bench::bigMeshYaml(--count, 5, false);
    run("whole file", Loader::loadText(whole, QStringLiteral("whole.yaml")),
        QStringLiteral("vs-%1").arg(count / 2), QStringLiteral("ns%1").arg((count / 2) % 50), keystrokes, 10);

    run("big.yaml (one document shown)", Loader::loadText(bench::bigMeshYaml(), QStringLiteral("big.yaml")),
        QStringLiteral("vs-2500"), QStringLiteral("ns0"), keystrokes, 5);
    return 0;
}
