// Times a weight-slider drag in the WeightPanel: from the slider's value
// change to the model updated (the SetWeights command pushed, the document
// reparsed, the panel refreshed), on Bookinfo and on a generated file of
// 5,000 VirtualServices. Prints p50 and p99 per step.

#include "weights/weightpanel.h"

#include "document.h"
#include "loader.h"
#include "selection.h"
#include "undostack.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSlider>
#include <algorithm>
#include <cstdio>

using namespace meshroute;

namespace {

QByteArray generated(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        out += QStringLiteral(
            "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
            "  name: svc-%1\n  namespace: team-%2\nspec:\n  hosts:\n  - svc-%1\n  http:\n"
            "  - match:\n    - uri:\n        prefix: /api/%1\n    route:\n    - destination:\n"
            "        host: svc-%1\n        subset: v1\n      weight: 90\n    - destination:\n"
            "        host: svc-%1\n        subset: v2\n      weight: 10\n    timeout: 5s\n")
                   .arg(i)
                   .arg(i % 50)
                   .toUtf8();
    }
    return out;
}

void run(const char *label, Document &doc, int resourceId)
{
    Selection selection;
    WeightPanel panel(&doc, &selection);
    panel.resize(600, 400);
    panel.show();
    SelectionTarget t;
    t.resourceId = resourceId;
    t.routeIndex = 0;
    selection.select(t);
    QApplication::processEvents();
    QSlider *slider = panel.slider(0);
    if (!slider) {
        std::printf("%s: no slider\n", label);
        return;
    }
    QList<double> ms;
    QElapsedTimer timer;
    for (int round = 0; round < 5; ++round) {
        slider->setSliderDown(true); // the drag begins (sliderPressed)
        for (int v = 90; v >= 10; --v) {
            timer.start();
            slider->setValue(v);
            ms.append(timer.nsecsElapsed() / 1e6);
        }
        for (int v = 10; v <= 90; ++v) {
            timer.start();
            slider->setValue(v);
            ms.append(timer.nsecsElapsed() / 1e6);
        }
        slider->setSliderDown(false);
        QApplication::processEvents();
    }
    std::sort(ms.begin(), ms.end());
    const auto at
        = [&](double q) { return ms[std::min<qsizetype>(ms.size() - 1, qsizetype(q * ms.size()))]; };
    std::printf("%-34s steps %4lld  p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  undo steps %d\n", label,
        static_cast<long long>(ms.size()), at(0.5), at(0.99), ms.back(), doc.undoStack()->count());
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    {
        Document doc;
        doc.open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        int id = -1;
        for (const Resource &r : doc.workspace().resources)
            if (r.kind == ResourceKind::VirtualService && r.name() == QLatin1String("reviews"))
                id = r.id;
        run("bookinfo.yaml (reviews)", doc, id);
    }
    {
        const int count = 5000;
        QElapsedTimer load;
        load.start();
        Document doc;
        doc.setLoadResult(Loader::loadText(generated(count), QStringLiteral("big.yaml")));
        std::printf("generated %d VirtualServices, loaded in %lld ms\n", count,
            static_cast<long long>(load.elapsed()));
        int id = -1;
        for (const Resource &r : doc.workspace().resources)
            if (r.kind == ResourceKind::VirtualService && r.name() == QLatin1String("svc-2500"))
                id = r.id;
        run("generated 5,000 VS (svc-2500)", doc, id);
    }
    return 0;
}
