#pragma once

// QCustomPlot's header spells Qt's keywords (signals, slots, emit, foreach),
// which the project's QT_NO_KEYWORDS removes; map them to the Q_ macros for
// this one include only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
