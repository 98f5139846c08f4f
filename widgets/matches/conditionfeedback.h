#pragma once

#include <QString>

class QLabel;
class QLineEdit;
class QWidget;

namespace meshroute {

// How a condition row (VirtualService or Gateway API) shows what is wrong and
// what its test box found, so both dialects look and read the same.
namespace ConditionFeedback {

// A red, wrapping label for the row's message, hidden while there is none.
QLabel *makeErrorLabel(QWidget *parent);
// Shows `error` (or hides the label) and marks the field it is about: the key when
// `keyBad`, else the value.
void showError(QLabel *label, QLineEdit *key, QLineEdit *value, const QString &error, bool keyBad);
// The test box's answer, green when the rule would take the value, red when not.
void showResult(QLabel *label, bool good, const QString &text);

} // namespace ConditionFeedback
} // namespace meshroute
