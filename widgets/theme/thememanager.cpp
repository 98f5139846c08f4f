#include "thememanager.h"

#include "themepalette.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace meshroute {

namespace {

const char settingsKey[] = "appearance/theme";
const char systemStyleProperty[] = "meshroute.systemStyle";

QString themeName(ThemeManager::Theme theme)
{
    switch (theme) {
    case ThemeManager::Theme::Light:
        return QStringLiteral("light");
    case ThemeManager::Theme::Dark:
        return QStringLiteral("dark");
    case ThemeManager::Theme::System:
        break;
    }
    return QStringLiteral("system");
}

// The platform's own style, as it was before any theme replaced it: kept on the application
// (not in a static) so that every ThemeManager, in any window, restores the same one.
QString systemStyle()
{
    QVariant name = qApp->property(systemStyleProperty);
    if (!name.isValid()) {
        name = QApplication::style()->name();
        qApp->setProperty(systemStyleProperty, name);
    }
    return name.toString();
}

} // namespace

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent)
{ }

ThemeManager::Theme ThemeManager::savedTheme()
{
    const QString name = QSettings().value(QLatin1String(settingsKey)).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void ThemeManager::applySaved()
{
    // Nothing to undo at startup: the platform's look stays untouched.
    if (savedTheme() != Theme::System)
        apply(savedTheme());
}

void ThemeManager::apply(Theme theme)
{
    const QString platformStyle = systemStyle();
    if (theme == Theme::System) {
        if (QApplication::style()->name() != platformStyle)
            QApplication::setStyle(platformStyle);
        // An empty palette resolves to the platform's, and keeps following it when the
        // desktop's colour scheme changes (Qt 6.4 has no QStyleHints::colorScheme).
        QApplication::setPalette(QPalette());
        return;
    }
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? ThemePalette::dark() : ThemePalette::light());
}

void ThemeManager::setTheme(Theme theme)
{
    QSettings().setValue(QLatin1String(settingsKey), themeName(theme));
    apply(theme);
    updateChecked();
    Q_EMIT themeChanged(theme);
}

QMenu *ThemeManager::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Theme"), parent);
    menu->setObjectName(QStringLiteral("themeMenu"));
    m_actions = new QActionGroup(menu);
    m_actions->setExclusive(true);
    const auto add = [this, menu](const QString &text, Theme theme, const char *name) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setData(int(theme));
        a->setObjectName(QLatin1String(name));
        m_actions->addAction(a);
        connect(a, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    };
    add(tr("&System"), Theme::System, "themeSystemAction");
    add(tr("&Light"), Theme::Light, "themeLightAction");
    add(tr("&Dark"), Theme::Dark, "themeDarkAction");
    connect(menu, &QMenu::aboutToShow, this, &ThemeManager::updateChecked);
    updateChecked();
    return menu;
}

void ThemeManager::updateChecked()
{
    if (!m_actions)
        return;
    const Theme current = savedTheme();
    for (QAction *a : m_actions->actions())
        a->setChecked(a->data().toInt() == int(current));
}

} // namespace meshroute
