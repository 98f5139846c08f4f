#pragma once

#include "canaryplan.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace meshroute {

class Document;

// Edits a canary plan for one rule: which destination receives the canary,
// the steps in percent, the weights of each step; selecting a step previews
// it on the plots; exports the steps' YAML. The plan is recomputed from the
// document after every edit and never changes it.
class CanaryPlanEditor : public QWidget
{
    Q_OBJECT

public:
    explicit CanaryPlanEditor(Document *document, QWidget *parent = nullptr);

    // The rule to plan; -1 clears.
    void setRule(int resourceId, int routeIndex);
    int resourceId() const { return m_resourceId; }
    // Recomputes the steps from the document (after an edit). While the editor is hidden and no
    // step is previewed this only marks the plan stale: a drag should not pay for a plan nobody sees.
    void recompute();

    // The steps, computed now if they were stale.
    const QList<CanaryPlan::Step> &steps();
    int previewedStep() const; // -1: none (the plots show the live configuration)
    void clearPreview();

    bool exportFiles(const QString &directory, QStringList *written, QString *error);
    bool exportMultiDocument(const QString &path, QString *error);

    // For tests and the shell.
    QComboBox *targetBox() const { return m_target; }
    QLineEdit *stepsEdit() const { return m_stepsEdit; }
    QListWidget *stepList() const { return m_list; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *diffButton() const { return m_diff; }

Q_SIGNALS:
    // The step to preview on the plots, or -1 for the live configuration.
    void previewChanged(int step);
    // "Diff against the current step": show what applying this step to the current
    // configuration would change (steps()[step].workspace against the document's).
    void diffRequested(int step);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void compute();
    void fillTargets();
    void onExportFiles();
    void onExportMultiDocument();
    QString baseName() const;

    Document *m_document;
    int m_resourceId = -1;
    int m_routeIndex = -1;
    QList<CanaryPlan::Step> m_steps;
    bool m_stale = true;
    QLabel *m_title;
    QComboBox *m_target;
    QLineEdit *m_stepsEdit;
    QListWidget *m_list;
    QLabel *m_message;
    QPushButton *m_exportFiles;
    QPushButton *m_exportMulti;
    QPushButton *m_diff;
};

} // namespace meshroute
