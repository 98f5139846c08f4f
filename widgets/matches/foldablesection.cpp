#include "foldablesection.h"

#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

FoldableSection::FoldableSection(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    m_toggle = new QToolButton(this);
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);
    m_toggle->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    outer->addWidget(m_toggle);
    m_content = new QWidget(this);
    m_layout = new QVBoxLayout(m_content);
    m_layout->setContentsMargins(16, 0, 0, 4);
    outer->addWidget(m_content);
    connect(m_toggle, &QToolButton::toggled, this, &FoldableSection::setExpanded);
    setExpanded(false);
}

bool FoldableSection::isExpanded() const
{
    return m_toggle->isChecked();
}

void FoldableSection::setExpanded(bool expanded)
{
    if (m_toggle->isChecked() != expanded)
        m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_content->setVisible(expanded);
    updateTitle();
}

void FoldableSection::setSummary(const QString &summary)
{
    m_summary = summary;
    updateTitle();
}

void FoldableSection::updateTitle()
{
    m_toggle->setText(
        m_summary.isEmpty() || isExpanded() ? m_title : m_title + QStringLiteral(" — ") + m_summary);
}

} // namespace meshroute
