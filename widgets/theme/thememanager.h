#pragma once

#include <QObject>

class QActionGroup;
class QMenu;
class QWidget;

namespace meshroute {

// The application's look: System (the platform's style and palette, following
// the desktop when it switches between light and dark), Light or Dark (Fusion
// with a complete palette of ours). The choice is remembered in QSettings and
// applied to the whole application; views that pick colours read the palette
// and update on QEvent::PaletteChange.
class ThemeManager : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    explicit ThemeManager(QObject *parent = nullptr);

    // The remembered choice (System when none).
    static Theme savedTheme();
    // Applies the remembered choice (at startup, before the first window shows).
    static void applySaved();
    // Applies a theme to the application without remembering it.
    static void apply(Theme theme);

    Theme theme() const { return savedTheme(); }
    // Applies and remembers.
    void setTheme(Theme theme);

    // View > Theme: System, Light and Dark as an exclusive group, the current one checked
    // (re-read each time the menu opens, so several windows agree).
    QMenu *createMenu(QWidget *parent);
    QActionGroup *actions() const { return m_actions; }

Q_SIGNALS:
    void themeChanged(meshroute::ThemeManager::Theme theme);

private:
    void updateChecked();

    QActionGroup *m_actions = nullptr;
};

} // namespace meshroute
