#include "subseteditor.h"

#include "document.h"
#include "resource.h"
#include "setsubsets.h"

#include <QTableWidget>

namespace meshroute {

namespace {

QString labelsText(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts.append(l.key + QLatin1Char('=') + l.value);
    return parts.join(QStringLiteral(", "));
}

bool parseLabels(const QString &text, QList<QPair<QString, QString>> *out)
{
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.contains(QLatin1Char('=')))
            return false;
        out->append(
            { part.section(QLatin1Char('='), 0, 0).trimmed(), part.section(QLatin1Char('='), 1).trimmed() });
    }
    return true;
}

} // namespace

SubsetEditor::SubsetEditor(Document *document, QWidget *parent)
    : ResourceTableEditor(document, { tr("Subset"), tr("Labels"), tr("Selects") },
        { tr("subsets[].name: what VirtualService destinations refer to (DNS-1123 label)"),
            tr("subsets[].labels: key=value pairs the subset's pods carry, e.g. version=v2"),
            tr("The workloads whose pods these labels select, with the Service's selector") },
        1, tr("Add subset"), tr("Remove subset"), parent)
{ }

bool SubsetEditor::fill(const Resource *r)
{
    const DestinationRule *dr = r ? r->destinationRule() : nullptr;
    if (dr) {
        const Workspace &ws = document()->workspace();
        const QString service = dr->host.value.section(QLatin1Char('.'), 0, 0);
        const QString ns = dr->host.value.contains(QLatin1Char('.'))
            ? dr->host.value.section(QLatin1Char('.'), 1, 1)
            : r->namespaceName();
        const Resource *svc = ws.find(ResourceKind::Service, ns, service);
        for (int i = 0; i < dr->subsets.size(); ++i) {
            const Subset &s = dr->subsets[i];
            table()->insertRow(i);
            auto *name = new QTableWidgetItem(s.name.value);
            name->setData(Qt::UserRole, i); // which subset of the model the row is
            table()->setItem(i, 0, name);
            table()->setItem(i, 1, new QTableWidgetItem(labelsText(s.labels)));
            QStringList workloads;
            int pods = 0;
            Labels selector = svc ? svc->service()->selector : Labels();
            selector += s.labels;
            for (const Resource *w : ws.ofKind(ResourceKind::Workload))
                if (w->namespaceName() == ns && labelsContain(w->workload()->podLabels, selector)) {
                    workloads.append(w->name());
                    pods += w->workload()->replicaCount();
                }
            auto *selects = new QTableWidgetItem(workloads.isEmpty()
                    ? tr("no pods (503)")
                    : tr("%1 · %n pod(s)", nullptr, pods).arg(workloads.join(QStringLiteral(", "))));
            selects->setFlags(selects->flags() & ~Qt::ItemIsEditable);
            table()->setItem(i, 2, selects);
        }
    }
    return dr != nullptr;
}

void SubsetEditor::commit()
{
    QList<SubsetSpec> specs;
    for (int row = 0; row < table()->rowCount(); ++row) {
        SubsetSpec s;
        const QTableWidgetItem *name = table()->item(row, 0);
        s.originalIndex = name && name->data(Qt::UserRole).isValid() ? name->data(Qt::UserRole).toInt() : -1;
        s.name = name ? name->text().trimmed() : QString();
        const QTableWidgetItem *labels = table()->item(row, 1);
        if (labels && !parseLabels(labels->text(), &s.labels)) {
            showError(tr("Labels are key=value pairs separated by commas"));
            return;
        }
        specs.append(s);
    }
    QString error;
    auto command = SetSubsets::create(document(), resourceId(), specs, &error);
    push(std::move(command), error);
}

void SubsetEditor::addRow()
{
    const Resource *r = document()->resource(resourceId());
    if (!r || !r->destinationRule())
        return;
    int n = int(r->destinationRule()->subsets.size()) + 1;
    while (r->destinationRule()->findSubset(QStringLiteral("v%1").arg(n)))
        ++n;
    appendRow({ QStringLiteral("v%1").arg(n), QStringLiteral("version=v%1").arg(n) });
}

} // namespace meshroute
