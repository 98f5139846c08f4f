#pragma once

#include "loadprogress.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace meshroute {

// The status bar's loading indicator: which file is read and how far, as
// "Loading big.yaml: 7.3 of 14.6 MB" beside a bar. Hidden when nothing loads.
class LoadProgressBar : public QWidget
{
    Q_OBJECT

public:
    explicit LoadProgressBar(QWidget *parent = nullptr);

    void begin(const QStringList &inputs);
    void setProgress(const LoadProgress &progress);
    void end();

    QString text() const;
    int value() const;

private:
    QLabel *m_label;
    QProgressBar *m_bar;
};

} // namespace meshroute
