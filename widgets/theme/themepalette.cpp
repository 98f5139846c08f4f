#include "themepalette.h"

#include <QColor>
#include <cmath>

namespace meshroute {

namespace {

// The colours of one theme: the active/inactive set and what differs when disabled.
struct Colours
{
    const char *window, *windowText, *base, *alternateBase, *toolTipBase, *toolTipText, *placeholder, *text,
        *button, *buttonText, *brightText, *light, *midlight, *mid, *dark, *shadow, *highlight,
        *highlightedText, *link, *linkVisited;
    const char *disabledText, *disabledBase, *disabledHighlight, *disabledHighlightedText;
};

QPalette build(const Colours &c)
{
    QPalette p;
    const auto set = [&p](QPalette::ColorRole role, const char *colour) {
        p.setColor(QPalette::All, role, QColor(QLatin1String(colour)));
    };
    set(QPalette::Window, c.window);
    set(QPalette::WindowText, c.windowText);
    set(QPalette::Base, c.base);
    set(QPalette::AlternateBase, c.alternateBase);
    set(QPalette::ToolTipBase, c.toolTipBase);
    set(QPalette::ToolTipText, c.toolTipText);
    set(QPalette::PlaceholderText, c.placeholder);
    set(QPalette::Text, c.text);
    set(QPalette::Button, c.button);
    set(QPalette::ButtonText, c.buttonText);
    set(QPalette::BrightText, c.brightText);
    set(QPalette::Light, c.light);
    set(QPalette::Midlight, c.midlight);
    set(QPalette::Mid, c.mid);
    set(QPalette::Dark, c.dark);
    set(QPalette::Shadow, c.shadow);
    set(QPalette::Highlight, c.highlight);
    set(QPalette::HighlightedText, c.highlightedText);
    set(QPalette::Link, c.link);
    set(QPalette::LinkVisited, c.linkVisited);
    const QColor disabled(QLatin1String(c.disabledText));
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
             QPalette::PlaceholderText, QPalette::ToolTipText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, QColor(QLatin1String(c.disabledBase)));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(QLatin1String(c.disabledHighlight)));
    p.setColor(
        QPalette::Disabled, QPalette::HighlightedText, QColor(QLatin1String(c.disabledHighlightedText)));
    return p;
}

double luminance(const QColor &colour)
{
    const auto channel
        = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

} // namespace

// Both themes keep body text above WCAG AA (4.5:1) on Base and Window, and links above 4.5:1 on Base.
QPalette ThemePalette::light()
{
    return build({ "#eff0f1", "#232629", "#ffffff", "#f5f6f7", "#fafafa", "#232629", "#70767c", "#232629",
        "#fcfcfc", "#232629", "#ffffff", "#ffffff", "#e3e5e7", "#b8bcc0", "#8c9196", "#474a4c", "#2f7fc1",
        "#ffffff", "#1a5fa0", "#7a3e9d", "#9a9ea3", "#f3f4f5", "#c6d4e1", "#ffffff" });
}

QPalette ThemePalette::dark()
{
    return build({ "#2a2e32", "#eff0f1", "#1b1e20", "#232629", "#31363b", "#eff0f1", "#8d939a", "#eff0f1",
        "#31363b", "#eff0f1", "#ffffff", "#474d54", "#3a4046", "#202326", "#141618", "#0a0b0c", "#2f7fc1",
        "#ffffff", "#6cb6ff", "#c39bff", "#6e7378", "#1e2124", "#33414c", "#a8acb0" });
}

bool ThemePalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

double ThemePalette::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace meshroute
