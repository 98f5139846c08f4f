#include "setsubsets.h"

#include "resource.h"
#include "resourceedit.h"

#include <QRegularExpression>
#include <QSet>

namespace meshroute {

namespace {

YamlNode labelsNode(const QList<QPair<QString, QString>> &labels)
{
    YamlNode m = YamlEdit::mapping();
    for (const auto &[k, v] : labels)
        YamlEdit::setEntry(m, k.toUtf8(), YamlEdit::stringScalar(v));
    return m;
}

bool sameLabels(const Labels &have, const QList<QPair<QString, QString>> &want)
{
    if (have.size() != want.size())
        return false;
    for (int i = 0; i < have.size(); ++i)
        if (have[i].key != want[i].first || have[i].value != want[i].second)
            return false;
    return true;
}

// What the API server would reject in the subsets; *kept collects the rows that stay.
bool checkSubsets(
    const QList<SubsetSpec> &subsets, const DestinationRule &dr, QSet<int> *kept, QString *error)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    QSet<QString> names;
    for (const SubsetSpec &s : subsets) {
        if (s.name.size() > 63 || !label.match(s.name).hasMatch()) {
            *error = QStringLiteral(
                "subset name \"%1\" is invalid: a DNS-1123 label (lower-case letters, digits, '-')")
                         .arg(s.name);
            return false;
        }
        if (names.contains(s.name)) {
            *error = QStringLiteral("duplicate subset names: %1").arg(s.name);
            return false;
        }
        names.insert(s.name);
        for (const auto &l : s.labels)
            if (l.first.isEmpty()) {
                *error = QStringLiteral("subset %1 has a label without a key").arg(s.name);
                return false;
            }
        if (s.originalIndex >= dr.subsets.size()
            || (s.originalIndex >= 0 && kept->contains(s.originalIndex))) {
            *error = QStringLiteral("subset row %1 refers to no subset").arg(s.originalIndex);
            return false;
        }
        if (s.originalIndex >= 0)
            kept->insert(s.originalIndex);
    }
    return true;
}

// Rewrites the name and labels of a kept subset, at `at`, where they changed.
bool editSubset(
    ResourceEdit &edit, const YamlPath &at, const Subset &old, const SubsetSpec &s, QString *error)
{
    if (old.name.value != s.name && !edit.setString(YamlPath(at) << QByteArray("name"), s.name, error))
        return false;
    if (sameLabels(old.labels, s.labels))
        return true;
    return s.labels.isEmpty() ? edit.removeIfPresent(YamlPath(at) << QByteArray("labels"), error)
                              : edit.set(YamlPath(at) << QByteArray("labels"), labelsNode(s.labels), error);
}

} // namespace

std::unique_ptr<SetSubsets> SetSubsets::create(
    Document *document, int resourceId, const QList<SubsetSpec> &subsets, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const DestinationRule *dr = edit.resource().destinationRule();
    if (!dr) {
        *error = QStringLiteral("%1 is not a DestinationRule").arg(edit.resource().displayName());
        return nullptr;
    }
    QSet<int> kept;
    if (!checkSubsets(subsets, *dr, &kept, error))
        return nullptr;
    const YamlPath list { QByteArray("spec"), QByteArray("subsets") };
    // Changes to the subsets that stay, then removals from the end, then the new ones.
    for (const SubsetSpec &s : subsets)
        if (s.originalIndex >= 0
            && !editSubset(edit, YamlPath(list) << s.originalIndex, dr->subsets[s.originalIndex], s, error))
            return nullptr;
    const bool allGo = kept.isEmpty() && !dr->subsets.isEmpty();
    bool addedAny = false;
    for (const SubsetSpec &s : subsets)
        addedAny = addedAny || s.originalIndex < 0;
    if (allGo && !addedAny) {
        if (!edit.remove(list, error))
            return nullptr;
    } else {
        for (int i = int(dr->subsets.size()) - 1; i >= 0; --i) {
            if (kept.contains(i))
                continue;
            const YamlNode *seq = edit.find(list);
            if (seq && seq->children.size() == 1) {
                // The last one goes after the new ones arrive, so the list never empties.
                continue;
            }
            if (!edit.removeItem(list, i, error))
                return nullptr;
        }
        for (const SubsetSpec &s : subsets) {
            if (s.originalIndex >= 0)
                continue;
            YamlNode item = YamlEdit::mapping();
            YamlEdit::setEntry(item, "name", YamlEdit::stringScalar(s.name));
            if (!s.labels.isEmpty())
                YamlEdit::setEntry(item, "labels", labelsNode(s.labels));
            if (!edit.appendItem(list, item, error))
                return nullptr;
        }
        if (allGo && !edit.removeItem(list, 0, error))
            return nullptr;
    }
    return edit.finish<SetSubsets>(QStringLiteral("Edit subsets of %1").arg(edit.resource().name()));
}

} // namespace meshroute
