#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QMainWindow>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meshroute {

namespace {

// "&Save" -> "Save", "Save && Quit" -> "Save & Quit".
QString plainText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

// The menu's actions with a shortcut, submenus included ("View > Theme > Dark").
void collect(QMenu *menu, const QString &prefix, QList<QPair<QString, QAction *>> *out)
{
    for (QAction *a : menu->actions()) {
        if (a->menu())
            collect(a->menu(), prefix + plainText(a->menu()->title()) + QStringLiteral(" > "), out);
        else if (!a->isSeparator() && !a->shortcuts().isEmpty())
            out->append({ prefix + plainText(a->text()), a });
    }
}

// The group of an action outside the menus: the dock it lives in, else the window.
QString groupOf(const QAction *action, const QMainWindow *window)
{
    for (QObject *o = action->parent(); o && o != window; o = o->parent())
        if (auto *dock = qobject_cast<QDockWidget *>(o))
            return plainText(dock->windowTitle());
    return QObject::tr("Window");
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QMainWindow *window, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Action"), tr("Shortcut") });
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    fill(window);
    resize(520, 560);
}

QString ShortcutsDialog::shortcutText(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &k : action->shortcuts())
        keys << k.toString(QKeySequence::PortableText);
    // A standard key and an explicit one can be the same on this platform (Redo is Ctrl+Y on X11).
    keys.removeDuplicates();
    return keys.join(QLatin1String(", "));
}

void ShortcutsDialog::fill(QMainWindow *window)
{
    QSet<const QAction *> listed;
    const auto addGroup
        = [this, &listed](const QString &title, const QList<QPair<QString, QAction *>> &rows) {
              if (rows.isEmpty())
                  return;
              auto *group = new QTreeWidgetItem(m_tree, { title });
              QFont bold = group->font(0);
              bold.setBold(true);
              group->setFont(0, bold);
              group->setFirstColumnSpanned(true);
              for (const auto &[text, action] : rows) {
                  new QTreeWidgetItem(group, { text, shortcutText(action) });
                  listed.insert(action);
              }
          };
    for (QAction *top : window->menuBar()->actions()) {
        if (!top->menu())
            continue;
        QList<QPair<QString, QAction *>> rows;
        collect(top->menu(), QString(), &rows);
        addGroup(plainText(top->menu()->title()), rows);
    }
    // Shortcuts of the views themselves (the tree's Delete, the YAML's Apply), by dock.
    QMap<QString, QList<QPair<QString, QAction *>>> others;
    for (QAction *a : window->findChildren<QAction *>())
        if (!listed.contains(a) && !a->shortcuts().isEmpty() && !a->text().isEmpty() && !a->menu())
            others[groupOf(a, window)].append({ plainText(a->text()), a });
    for (auto it = others.cbegin(); it != others.cend(); ++it)
        addGroup(it.key(), it.value());
    m_tree->expandAll();
}

} // namespace meshroute
