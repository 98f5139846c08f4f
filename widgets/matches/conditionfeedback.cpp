#include "conditionfeedback.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace meshroute::ConditionFeedback {

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setStyleSheet(QStringLiteral("color: #d0312d;"));
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

void showError(QLabel *label, QLineEdit *key, QLineEdit *value, const QString &error, bool keyBad)
{
    label->setText(error);
    label->setVisible(!error.isEmpty());
    const QString bad = QStringLiteral("QLineEdit { border: 1px solid #d0312d; }");
    if (key)
        key->setStyleSheet(keyBad ? bad : QString());
    value->setStyleSheet(!error.isEmpty() && !keyBad ? bad : QString());
}

QToolButton *makeRemoveButton(QWidget *parent)
{
    auto *remove = new QToolButton(parent);
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(QCoreApplication::translate("ConditionRow", "Remove this condition"));
    remove->setAutoRaise(true);
    return remove;
}

QLineEdit *makeTestBox(QWidget *parent, const QString &placeholder)
{
    auto *test = new QLineEdit(parent);
    test->setPlaceholderText(placeholder);
    test->setToolTip(QCoreApplication::translate(
        "ConditionRow", "Type a value to see at once whether this condition matches it, as Envoy decides"));
    test->setClearButtonEnabled(true);
    return test;
}

void addBelow(QGridLayout *grid, int columns, QLabel *error, QLineEdit *test, QLabel *result)
{
    grid->addWidget(error, 1, 1, 1, columns - 1);
    if (!test)
        return;
    grid->addWidget(test, 2, 1, 1, columns - 3);
    grid->addWidget(result, 2, columns - 2, 1, 2);
}

void showResult(QLabel *label, bool good, const QString &text)
{
    label->setText(text);
    label->setStyleSheet(good ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #d0312d;"));
}

} // namespace meshroute::ConditionFeedback
