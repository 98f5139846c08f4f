#include "preview/previewpanel.h"

#include "preview/requestoutcome.h"
#include "preview/samplerequestmodel.h"
#include "routetable.h"
#include "routingtestwriter.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>

// PreviewPanel's routing tests: the test files run against every edit, the
// badge and list of their results, and saving the sample requests as a test.
namespace meshroute {

void PreviewPanel::setTestFiles(const QStringList &paths)
{
    m_testFiles = paths;
    m_testFiles.removeDuplicates();
    runTests();
}

void PreviewPanel::runTests()
{
    m_testList->clear();
    m_report = RoutingTestReport();
    if (m_testFiles.isEmpty()) {
        m_badge->hide();
        m_testList->addItem(
            tr("No routing tests. \"Save as routing test…\" makes one from the requests above; "
               "\"Run tests…\" adds existing files."));
        return;
    }
    QList<RoutingTestCase> cases;
    QStringList errors;
    for (const QString &path : std::as_const(m_testFiles)) {
        // Test files are read again only when they change on disk; the run is against every edit.
        const QFileInfo fi(path);
        CachedTests &cache = m_testCache[path];
        if (cache.modified != fi.lastModified() || cache.size != fi.size()) {
            cache = CachedTests();
            cache.modified = fi.lastModified();
            cache.size = fi.size();
            if (!RoutingTest::readFile(path, &cache.cases, &cache.error))
                cache.cases.clear();
        }
        if (!cache.error.isEmpty())
            errors << cache.error;
        cases += cache.cases;
    }
    m_report = RoutingTest::run(m_router, cases);
    const bool green = m_report.failed == 0 && errors.isEmpty();
    m_badge->setText(green ? tr("✔ %1 tests pass").arg(m_report.passed)
                           : tr("✘ %1 of %2 tests fail")
                                 .arg(m_report.failed + errors.size())
                                 .arg(cases.size() + errors.size()));
    m_badge->setStyleSheet(green
            ? QStringLiteral("background:#1b7f3b; color:white; border-radius:3px; font-weight:bold")
            : QStringLiteral("background:#c02828; color:white; border-radius:3px; font-weight:bold"));
    m_badge->setProperty("passing", green);
    QStringList tip;
    for (const QString &e : errors)
        tip << e;
    for (int i = 0; i < m_report.results.size(); ++i)
        if (!m_report.results[i].passed)
            tip << m_report.cases[i].description + QStringLiteral(": ")
                    + m_report.results[i].failures.join(QStringLiteral("; "));
    m_badge->setToolTip(tip.isEmpty() ? m_testFiles.join(QLatin1Char('\n')) : tip.join(QLatin1Char('\n')));
    m_badge->show();

    for (const QString &e : errors)
        new QListWidgetItem(QStringLiteral("✘ ") + e, m_testList);
    for (int i = 0; i < m_report.results.size(); ++i) {
        const RoutingTestCaseResult &res = m_report.results[i];
        auto *item = new QListWidgetItem((res.passed ? QStringLiteral("✔ ") : QStringLiteral("✘ "))
                + m_report.cases[i].description
                + (res.passed ? QString()
                              : QStringLiteral("\n   ") + res.failures.join(QStringLiteral("\n   "))),
            m_testList);
        item->setForeground(res.passed ? RequestOutcome::colour(RequestOutcome::Kind::Routed)
                                       : RequestOutcome::colour(RequestOutcome::Kind::NoRoute));
    }
    new QListWidgetItem(tr("Coverage: %1 of %2 rules reached")
                            .arg(m_report.rules.size() - m_report.uncovered.size())
                            .arg(m_report.rules.size()),
        m_testList);
    for (int i : std::as_const(m_report.uncovered)) {
        const RouteTable::RuleRef &rule = m_report.rules[i];
        auto *item = new QListWidgetItem(
            tr("not reached by any test: %1 rule %2").arg(rule.virtualService, rule.ruleName), m_testList);
        item->setForeground(RequestOutcome::colour(RequestOutcome::Kind::Unavailable));
        item->setData(Qt::UserRole, rule.virtualServiceId);
        item->setData(Qt::UserRole + 1, rule.ruleIndex);
    }
}

bool PreviewPanel::saveRoutingTest(const QString &path, QString *error)
{
    if (!RoutingTestWriter::writeFile(path, m_model->samples(), m_router, error))
        return false;
    m_testCache.remove(path);
    QStringList files = m_testFiles;
    files << path;
    setTestFiles(files);
    return true;
}

void PreviewPanel::onSaveRoutingTest()
{
    QString suggested = sideFilePath();
    suggested = suggested.isEmpty()
        ? QStringLiteral("routing-test.yaml")
        : suggested.replace(QStringLiteral(".meshroute-requests.yaml"), QStringLiteral(".routing-test.yaml"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save as routing test"), suggested, tr("YAML (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QString error;
    m_status->setText(saveRoutingTest(path, &error)
            ? tr("Saved %1: run it with meshroute test %1 -- MANIFESTS").arg(path)
            : error);
}

void PreviewPanel::onRunTests()
{
    const QStringList paths
        = QFileDialog::getOpenFileNames(this, tr("Routing test files"), QString(), tr("YAML (*.yaml *.yml)"));
    if (paths.isEmpty())
        return;
    setTestFiles(m_testFiles + paths);
    m_sideTabs->setCurrentWidget(m_testList);
}

} // namespace meshroute
