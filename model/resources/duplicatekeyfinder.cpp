#include "duplicatekeyfinder.h"

#include "yamlnodetext.h"

#include <algorithm>

namespace meshroute {

void DuplicateKeyFinder::walk(const YamlNode &node, const YamlNode *skip)
{
    if (&node == skip)
        return;
    if (node.isSequence()) {
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            m_steps.push_back({ nullptr, int(i) });
            walk(node.children[i], skip);
            m_steps.pop_back();
        }
        return;
    }
    if (!node.isMapping())
        return;
    checkMapping(node);
    for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
        m_steps.push_back({ &node.children[i].value, -1 });
        walk(node.children[i + 1], skip);
        m_steps.pop_back();
    }
}

void DuplicateKeyFinder::checkMapping(const YamlNode &map)
{
    const std::size_t pairs = map.pairCount();
    if (pairs < 2)
        return;
    auto keyAt = [&](std::size_t pair) -> const YamlNode & { return map.children[2 * pair]; };
    auto same = [&](std::size_t a, std::size_t b) {
        return keyAt(a).kind == YamlNode::Kind::Scalar && keyAt(b).kind == YamlNode::Kind::Scalar
            && keyAt(a).value == keyAt(b).value;
    };
    if (pairs <= 16) {
        for (std::size_t i = 1; i < pairs; ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (same(j, i)) {
                    report(keyAt(j), keyAt(i));
                    break;
                }
        return;
    }
    std::vector<std::size_t> order(pairs);
    for (std::size_t i = 0; i < pairs; ++i)
        order[i] = i;
    // Stable by position, so each repetition is reported at its later occurrence.
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return keyAt(a).value < keyAt(b).value; });
    for (std::size_t i = 1; i < pairs; ++i)
        if (same(order[i - 1], order[i]))
            report(keyAt(order[i - 1]), keyAt(order[i]));
}

void DuplicateKeyFinder::report(const YamlNode &first, const YamlNode &again)
{
    const QString key = toQString(again.value);
    m_reader.report(Diagnostic::Severity::Error, ResourceReader::CodeDuplicateKey, again, pathTo(key),
        QStringLiteral("duplicate key \"%1\" (also on line %2): the API server would keep only the last "
                       "one; remove one of them")
            .arg(key)
            .arg(m_reader.lineOf(first)));
}

QString DuplicateKeyFinder::pathTo(const QString &key) const
{
    QString path = m_prefix;
    for (const Step &step : m_steps) {
        if (step.key) {
            if (!path.isEmpty())
                path += QLatin1Char('.');
            path += toQString(*step.key);
        } else {
            path += QStringLiteral("[%1]").arg(step.index);
        }
    }
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace meshroute
