#include "conditionfeedback.h"

#include <QLabel>
#include <QLineEdit>

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

void showResult(QLabel *label, bool good, const QString &text)
{
    label->setText(text);
    label->setStyleSheet(good ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #d0312d;"));
}

} // namespace meshroute::ConditionFeedback
