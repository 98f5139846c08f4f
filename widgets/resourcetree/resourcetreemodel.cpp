#include "resourcetreemodel.h"

#include "document.h"
#include "resourceicons.h"

#include <QFileInfo>
#include <QMap>

namespace meshroute {

namespace {

QString kindGroupName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Gateway:
        return QStringLiteral("Gateways");
    case ResourceKind::VirtualService:
        return QStringLiteral("VirtualServices");
    case ResourceKind::DestinationRule:
        return QStringLiteral("DestinationRules");
    case ResourceKind::Service:
        return QStringLiteral("Services");
    case ResourceKind::ServiceEntry:
        return QStringLiteral("ServiceEntries");
    case ResourceKind::Workload:
        return QStringLiteral("Workloads");
    // Gateway API kinds are named with their group where Istio has a kind of the same name.
    case ResourceKind::KubernetesGateway:
        return QStringLiteral("Gateways (Gateway API)");
    case ResourceKind::GatewayClass:
        return QStringLiteral("GatewayClasses");
    case ResourceKind::HTTPRoute:
        return QStringLiteral("HTTPRoutes");
    case ResourceKind::GRPCRoute:
        return QStringLiteral("GRPCRoutes");
    case ResourceKind::TCPRoute:
        return QStringLiteral("TCPRoutes");
    case ResourceKind::TLSRoute:
        return QStringLiteral("TLSRoutes");
    case ResourceKind::ReferenceGrant:
        return QStringLiteral("ReferenceGrants");
    case ResourceKind::Other:
        return QStringLiteral("Other objects");
    }
    return {};
}

// Traffic first: the order a reader follows a request in; the Gateway API's own path
// (class, Gateway, routes, the grants they need) after Istio's.
constexpr ResourceKind kindOrder[] = { ResourceKind::Gateway, ResourceKind::VirtualService,
    ResourceKind::DestinationRule, ResourceKind::GatewayClass, ResourceKind::KubernetesGateway,
    ResourceKind::HTTPRoute, ResourceKind::GRPCRoute, ResourceKind::TLSRoute, ResourceKind::TCPRoute,
    ResourceKind::ReferenceGrant, ResourceKind::Service, ResourceKind::ServiceEntry, ResourceKind::Workload,
    ResourceKind::Other };

} // namespace

ResourceTreeModel::ResourceTreeModel(Document *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    ResourceIcons::ensureLoaded();
    m_nodes = buildNodes(&m_roots);
    rememberLastDocumentLines();
    for (int i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].resourceId >= 0)
            m_nodeOfResource.insert(m_nodes[i].resourceId, i);
    connect(document, &Document::changed, this, &ResourceTreeModel::onDocumentChanged);
}

ResourceTreeModel::Node ResourceTreeModel::leafFor(const Resource &r, ResourceKind kind) const
{
    const Workspace &ws = m_document->workspace();
    Node leaf;
    leaf.kind = kind;
    leaf.resourceId = r.id;
    leaf.text = r.name().isEmpty() ? tr("(unnamed)") : r.name();
    if (kind == ResourceKind::Workload || kind == ResourceKind::Other)
        leaf.text += QStringLiteral("  (%1)").arg(r.kindName.value);
    const QString file = ws.fileOf(r);
    // The line of its name, where a reader looks for it.
    const int line = r.metadata.name.pos.isValid() ? r.absoluteLine(r.metadata.name.pos) : r.baseLine;
    leaf.location = QStringLiteral("%1:%2").arg(QFileInfo(file).fileName()).arg(line);
    leaf.toolTip = QStringLiteral("%1\n%2:%3").arg(r.displayName(), file).arg(r.absoluteLine(r.metadata.pos));
    return leaf;
}

bool ResourceTreeModel::updateLeavesInPlace(const ChangeEvent &event)
{
    // An edit that moves no line (a weight dragged from 90 to 85) and renames
    // nothing changes at most its own leaves: rebuilding the tree of a 25,000-
    // resource workspace on every slider step would cost a frame or more.
    if (event.type != ChangeEvent::Type::ResourcesChanged || event.fileIndex < 0
        || event.fileIndex >= m_document->files().size())
        return false;
    const SourceFile &file = m_document->files()[event.fileIndex];
    // Line shifts carry on to the last document, so its first line tells whether any happened.
    const int lastLine = file.spans.empty() ? 0 : file.spans.back().line;
    if (lastLine != m_lastDocumentLine.value(event.fileIndex, -1))
        return false;
    int found = 0;
    QList<QPair<int, Node>> updates;
    for (const Resource &r : m_document->workspace().resources) {
        if (!event.resourceIds.contains(r.id))
            continue;
        ++found;
        const int node = m_nodeOfResource.value(r.id, -1);
        if (node < 0)
            return false;
        const Node &old = m_nodes[node];
        Node fresh = leafFor(r, old.kind);
        if (r.kind != old.kind || fresh.text != old.text || m_nodes[old.parent].text != r.namespaceName())
            return false;
        fresh.parent = old.parent;
        fresh.row = old.row;
        updates.append({ node, fresh });
    }
    if (found != event.resourceIds.size())
        return false; // one was added or removed
    for (const auto &[node, fresh] : std::as_const(updates)) {
        if (fresh.location == m_nodes[node].location && fresh.toolTip == m_nodes[node].toolTip)
            continue;
        m_nodes[node] = fresh;
        Q_EMIT dataChanged(createIndex(fresh.row, 0, quintptr(node)),
            createIndex(fresh.row, ColumnCount - 1, quintptr(node)));
    }
    return true;
}

void ResourceTreeModel::rememberLastDocumentLines()
{
    m_lastDocumentLine.clear();
    for (const SourceFile &f : m_document->files())
        m_lastDocumentLine.append(f.spans.empty() ? 0 : f.spans.back().line);
}

QList<ResourceTreeModel::Node> ResourceTreeModel::buildNodes(QList<int> *roots) const
{
    QList<Node> nodes;
    roots->clear();
    const Workspace &ws = m_document->workspace();
    // kind -> namespace -> (name, resource)
    QMap<int, QMap<QString, QList<const Resource *>>> grouped;
    for (const Resource &r : ws.resources)
        grouped[int(r.kind)][r.namespaceName()].append(&r);
    for (ResourceKind kind : kindOrder) {
        auto kit = grouped.constFind(int(kind));
        if (kit == grouped.constEnd())
            continue;
        int count = 0;
        for (const auto &list : *kit)
            count += int(list.size());
        Node k;
        k.text = QStringLiteral("%1 (%2)").arg(kindGroupName(kind)).arg(count);
        k.kind = kind;
        k.row = int(roots->size());
        const int kindNode = int(nodes.size());
        nodes.append(k);
        roots->append(kindNode);
        for (auto nit = kit->constBegin(); nit != kit->constEnd(); ++nit) {
            Node n;
            n.parent = kindNode;
            n.text = nit.key();
            n.toolTip = tr("Namespace %1").arg(nit.key());
            n.kind = kind;
            n.row = int(nodes[kindNode].children.size());
            const int nsNode = int(nodes.size());
            nodes.append(n);
            nodes[kindNode].children.append(nsNode);
            QList<const Resource *> list = *nit;
            std::stable_sort(list.begin(), list.end(),
                [](const Resource *a, const Resource *b) { return a->name() < b->name(); });
            for (const Resource *r : std::as_const(list)) {
                Node leaf = leafFor(*r, kind);
                leaf.parent = nsNode;
                leaf.row = int(nodes[nsNode].children.size());
                nodes[nsNode].children.append(int(nodes.size()));
                nodes.append(leaf);
            }
        }
    }
    return nodes;
}

void ResourceTreeModel::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return;
    if (updateLeavesInPlace(event))
        return;
    rememberLastDocumentLines();
    QList<int> roots;
    QList<Node> nodes = buildNodes(&roots);
    bool same = event.type != ChangeEvent::Type::Reset && roots == m_roots && nodes.size() == m_nodes.size();
    for (qsizetype i = 0; same && i < nodes.size(); ++i)
        same = nodes[i].sameAs(m_nodes[i]);
    if (same) {
        // Only lines or locations moved: refresh the data, keep the view's state.
        // Only lines or locations moved (an edit shifts the documents after
        // it): refresh the data, keep the view's expansion and selection.
        m_nodes = std::move(nodes);
        for (int i = 0; i < m_nodes.size(); ++i) {
            const Node &n = m_nodes[i];
            if (n.parent < 0 || n.children.isEmpty())
                continue;
            const QModelIndex parentIndex = createIndex(n.row, 0, quintptr(i));
            Q_EMIT dataChanged(
                index(0, 0, parentIndex), index(int(n.children.size()) - 1, ColumnCount - 1, parentIndex));
        }
        return;
    }
    beginResetModel();
    m_nodes = std::move(nodes);
    m_roots = std::move(roots);
    m_nodeOfResource.clear();
    for (int i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].resourceId >= 0)
            m_nodeOfResource.insert(m_nodes[i].resourceId, i);
    endResetModel();
}

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const QList<int> &children = parent.isValid() ? m_nodes[int(parent.internalId())].children : m_roots;
    if (row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children[row]));
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes[int(child.internalId())].parent;
    if (p < 0)
        return {};
    return createIndex(m_nodes[p].row, 0, quintptr(p));
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes[int(parent.internalId())].children.size());
}

int ResourceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &n = m_nodes[int(index.internalId())];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? n.text : n.location;
    case Qt::DecorationRole:
        if (index.column() == NameColumn && (n.parent < 0 || n.resourceId >= 0))
            return ResourceIcons::forKind(n.kind);
        return {};
    case Qt::ToolTipRole:
        return n.toolTip.isEmpty() ? QVariant() : QVariant(n.toolTip);
    case ResourceIdRole:
        return n.resourceId;
    default:
        return {};
    }
}

QVariant ResourceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Resource") : tr("Location");
}

QModelIndex ResourceTreeModel::indexForResource(int resourceId) const
{
    const int node = m_nodeOfResource.value(resourceId, -1);
    if (node < 0)
        return {};
    return createIndex(m_nodes[node].row, 0, quintptr(node));
}

int ResourceTreeModel::resourceId(const QModelIndex &index) const
{
    return index.isValid() ? m_nodes[int(index.internalId())].resourceId : -1;
}

} // namespace meshroute
