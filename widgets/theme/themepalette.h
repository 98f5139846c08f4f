#pragma once

#include <QPalette>

class QColor;

namespace meshroute {

// The complete palettes of the Light and Dark themes (every role, active,
// inactive and disabled), and the measures the views use to pick readable
// colours from whatever palette is in force.
class ThemePalette
{
public:
    static QPalette light();
    static QPalette dark();
    // Whether text is light on dark in this palette (its Base, where documents are drawn, is dark).
    static bool isDark(const QPalette &palette);
    // WCAG 2 contrast ratio of two colours, 1 (none) to 21 (black on white).
    static double contrastRatio(const QColor &a, const QColor &b);
};

} // namespace meshroute
