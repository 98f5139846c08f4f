#pragma once

#include <QString>

class QGridLayout;
class QLabel;
class QLineEdit;
class QToolButton;
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
// The ✕ that removes the row, and the row's message and test box below its fields:
// `columns` is how many columns the first line of `grid` took (label .. remove button).
QToolButton *makeRemoveButton(QWidget *parent);
void addBelow(QGridLayout *grid, int columns, QLabel *error, QLineEdit *test, QLabel *result);
// A test box ("test a value"), with its clear button and the tool tip that says what it does.
QLineEdit *makeTestBox(QWidget *parent, const QString &placeholder);
// The test box's answer, green when the rule would take the value, red when not.
void showResult(QLabel *label, bool good, const QString &text);

} // namespace ConditionFeedback
} // namespace meshroute
