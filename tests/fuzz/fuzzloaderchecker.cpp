// Fuzz entry for the loader and the checker: whatever the text, every finding
// points into the file, and the checker's two halves add up to check().
#include "fuzztargets.h"

#include "checker.h"
#include "loader.h"
#include "yamlscan.h"

namespace meshroute::fuzz {

namespace {

QString checkPositions(const Diagnostics &diagnostics, const QString &fileName, int lineCount)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.file.isEmpty() && d.line == 0)
            continue; // a finding about the workspace as a whole
        if (d.file != fileName || d.line < 1 || d.line > lineCount || d.column < 0)
            return QStringLiteral("finding outside the file (%1 lines): %2").arg(lineCount).arg(d.toText());
        if (d.message.isEmpty() || d.code.isEmpty())
            return QStringLiteral("finding without a code or message: ") + d.toText();
    }
    return {};
}

QString keyOf(const Diagnostic &d)
{
    return d.toText() + QLatin1Char('|') + d.resource + QLatin1Char('|') + d.path;
}

} // namespace

QString loaderChecker(const QByteArray &input)
{
    const QString fileName = QStringLiteral("fuzz.yaml");
    LoadOptions options;
    options.threads = 1;
    options.limits.maxAliasNodes = 20000; // keeps alias expansion fast enough for fuzzing
    const LoadResult loaded = Loader::loadText(input, fileName, options);
    // A file of n line breaks has n + 1 lines (the last one may be empty); a lone CR is a
    // line break too (YAML 1.2 §5.4), as the loader counts it.
    const int lineCount
        = YamlScan::lineBreakCount(std::string_view(input.constData(), std::size_t(input.size()))) + 1;
    if (loaded.files.size() != 1 || loaded.files.first().text != input)
        return QStringLiteral("the loaded file does not hold the input's bytes");
    QString failure = checkPositions(loaded.diagnostics, fileName, lineCount);
    if (!failure.isEmpty())
        return QStringLiteral("loader: ") + failure;

    const Diagnostics all = Checker::check(loaded.workspace);
    failure = checkPositions(all, fileName, lineCount);
    if (!failure.isEmpty())
        return QStringLiteral("checker: ") + failure;

    const Diagnostics combined = Checker::combine(loaded.workspace, Checker::checkParts(loaded.workspace));
    if (combined.size() != all.size())
        return QStringLiteral("check() has %1 findings, combine(checkParts()) %2")
            .arg(all.size())
            .arg(combined.size());
    for (qsizetype i = 0; i < all.size(); ++i)
        if (keyOf(all[i]) != keyOf(combined[i]))
            return QStringLiteral("finding %1 differs: check() says %2, combine(checkParts()) %3")
                .arg(i)
                .arg(all[i].toText(), combined[i].toText());
    return {};
}

} // namespace meshroute::fuzz
