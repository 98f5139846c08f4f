#include "mapreader.h"

#include "yamlnodetext.h"

#include <QStringList>

#include <algorithm>

namespace meshroute {

namespace {

using Severity = Diagnostic::Severity;

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[j] = std::min({ prev[j] + 1, cur[j - 1] + 1,
                prev[j - 1] + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1) });
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

MapReader::MapReader(ResourceReader &reader, const YamlNode &node, const QString &typeName,
    const FieldPath &path, bool reportUnknown)
    : m_reader(reader)
    , m_node(node)
    , m_type(typeName)
    , m_path(path)
    , m_reportUnknown(reportUnknown)
{
    m_ok = node.isMapping();
    if (!m_ok && !isNullScalar(node))
        m_reader.report(Severity::Error, ResourceReader::CodeWrongType, node, path,
            QStringLiteral("%1 must be a mapping, got %2").arg(typeName, describeNode(node)));
    if (m_ok)
        m_used.assign(node.pairCount() > 64 ? node.pairCount() : 0, false);
}

void MapReader::finish()
{
    if (m_finished || !m_ok)
        return;
    m_finished = true;
    if (!m_reportUnknown)
        return;
    for (std::size_t i = 0; i < m_node.pairCount(); ++i) {
        if (isUsed(i))
            continue;
        const YamlNode &keyNode = m_node.children[2 * i];
        const QString key = toQString(keyNode.value);
        QString suggestion;
        int best = 3;
        QStringList knownNames;
        for (std::size_t k = 0; k < m_knownCount; ++k)
            knownNames.append(QString::fromLatin1(m_known[k]));
        for (const QString &k : std::as_const(knownNames)) {
            const int d = editDistance(key, k);
            if (d < best) {
                best = d;
                suggestion = k;
            }
        }
        QString message
            = QStringLiteral("unknown field \"%1\" in %2: the API server drops it").arg(key, m_type);
        if (m_type == QLatin1String("Destination") && key == QLatin1String("weight"))
            message += QStringLiteral("; weight belongs one level up, beside \"destination:\"");
        else if (m_type == QLatin1String("HTTPMatchRequest")
            && (key == QLatin1String("exact") || key == QLatin1String("prefix")
                || key == QLatin1String("regex")))
            message += QStringLiteral("; a match type goes under a field, e.g. \"uri: {%1: ...}\"").arg(key);
        else if (!suggestion.isEmpty())
            message += QStringLiteral("; did you mean \"%1\"?").arg(suggestion);
        else
            message += QStringLiteral("; known fields: %1").arg(knownNames.join(QStringLiteral(", ")));
        m_reader.report(
            Severity::Warning, ResourceReader::CodeUnknownField, keyNode, FieldPath(&m_path, &key), message);
    }
}

} // namespace meshroute
