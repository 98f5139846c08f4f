#include "rowlistframe.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace meshroute {

RowListFrame::RowListFrame(const QString &title, const QString &titleTip, const QString &addText,
    const QString &addTip, QWidget *parent)
    : QWidget(parent)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(title, this);
    label->setToolTip(titleTip);
    m_layout->addWidget(label);
    m_rowsHost = new QWidget(this);
    m_rowsLayout = new QVBoxLayout(m_rowsHost);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_rowsHost);
    m_add = new QPushButton(addText, this);
    m_add->setToolTip(addTip);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    addRow->addStretch();
    m_layout->addLayout(addRow);
    connect(m_add, &QPushButton::clicked, this, &RowListFrame::addRequested);
}

void RowListFrame::addRow(QWidget *row)
{
    m_rowsLayout->addWidget(row);
    row->show();
}

void RowListFrame::addAboveRows(QWidget *widget)
{
    m_layout->insertWidget(m_layout->indexOf(m_rowsHost), widget);
}

} // namespace meshroute
