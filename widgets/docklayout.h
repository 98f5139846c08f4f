#pragma once

#include <QSize>

namespace meshroute {

// The window's default arrangement for a screen: how big the window is and
// how the room is shared between the graph and the docks. Small screens
// (under 900 px of height) stack the YAML behind the Inspector as a tab, so
// the Inspector has the whole right column; larger ones show both. The
// Inspector and the YAML always take the full height of the right side (the
// bottom docks sit under the Resources and the graph only).
struct DockLayout
{
    QSize window;
    int resourcesWidth = 0;
    int inspectorWidth = 0;
    bool yamlBehindInspector = false;
    int inspectorHeight = 0; // when the YAML is below it
    int yamlHeight = 0;
    int problemsHeight = 0; // the bottom docks while Problems is raised
    // Share of the window's height the Preview takes when raised (at least its minimum).
    double previewShare = 0.45;

    // The layout for a screen whose available geometry has this size.
    static DockLayout forScreen(const QSize &available);
};

} // namespace meshroute
