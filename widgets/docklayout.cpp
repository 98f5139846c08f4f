#include "docklayout.h"

#include <algorithm>

namespace meshroute {

namespace {

// Below this height the Inspector and the YAML cannot both be readable one above the other.
constexpr int smallScreenHeight = 900;

int share(int total, double fraction, int low, int high)
{
    return std::clamp(int(total * fraction), low, high);
}

} // namespace

DockLayout DockLayout::forScreen(const QSize &available)
{
    DockLayout l;
    const bool small = available.height() < smallScreenHeight;
    // A small screen is used whole; on a larger one the window leaves a margin around it.
    l.window = small
        ? available
        : QSize(std::min(1800, available.width() * 94 / 100), std::min(1100, available.height() * 94 / 100));
    const int w = l.window.width();
    const int h = l.window.height();
    l.resourcesWidth = share(w, 0.2, 240, 320);
    // The Inspector's dock never gets narrower than its editors need (its minimum size), so
    // this is what it gets beyond that on a wide screen.
    l.inspectorWidth = share(w, 0.33, 440, 600);
    l.yamlBehindInspector = small;
    l.inspectorHeight = h * 62 / 100;
    l.yamlHeight = h - l.inspectorHeight;
    l.problemsHeight = share(h, 0.2, 140, 220);
    l.previewShare = small ? 0.6 : 0.55;
    return l;
}

} // namespace meshroute
