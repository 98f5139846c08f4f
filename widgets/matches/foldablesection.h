#pragma once

#include <QWidget>

class QToolButton;
class QVBoxLayout;

namespace meshroute {

// A titled section whose content folds away, for the rule editor's less used
// parts (rewrite, retries, fault...). Folding is view state.
class FoldableSection : public QWidget
{
    Q_OBJECT

public:
    explicit FoldableSection(const QString &title, QWidget *parent = nullptr);

    QVBoxLayout *contentLayout() const { return m_layout; }
    QWidget *content() const { return m_content; }
    bool isExpanded() const;
    void setExpanded(bool expanded);
    // A short summary shown next to the title while folded ("5s", "3 attempts").
    void setSummary(const QString &summary);

private:
    void updateTitle();

    QString m_title;
    QString m_summary;
    QToolButton *m_toggle;
    QWidget *m_content;
    QVBoxLayout *m_layout;
};

} // namespace meshroute
