#include "renamewithreferences.h"

#include "document.h"
#include "renameresource.h"
#include "replacedocumenttext.h"
#include "resourceedit.h"
#include "undostack.h"

namespace meshroute {

namespace {

// The text that replaces gateway reference `ref` (written in a VirtualService
// of namespace `vsNs`) when Gateway `gwNs/oldName` becomes `newName`, or an
// empty string when `ref` names another gateway (reference 6.10).
QString renamedGatewayRef(const QString &ref, const QString &vsNs, const QString &gwNs,
    const QString &oldName, const QString &newName)
{
    if (ref == QLatin1String("mesh"))
        return {};
    const QString canonical = gwNs + QLatin1Char('/') + newName;
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString ns = ref.left(slash);
        const QString resolvedNs = ns.isEmpty() || ns == QLatin1String(".") ? vsNs : ns;
        if (resolvedNs != gwNs || ref.mid(slash + 1) != oldName)
            return {};
        return ns + QLatin1Char('/') + newName;
    }
    if (ref.contains(QLatin1Char('.'))) {
        // Legacy `name.ns[.svc.cluster.local]`: only the first label is the name.
        const QStringList parts = ref.split(QLatin1Char('.'));
        if (parts.value(0) != oldName || parts.value(1) != gwNs)
            return {};
        return newName.contains(QLatin1Char('.')) ? canonical : newName + ref.mid(oldName.size());
    }
    if (vsNs != gwNs || ref != oldName)
        return {};
    // A dotted new name written bare would read as the legacy form with another namespace.
    return newName.contains(QLatin1Char('.')) ? canonical : newName;
}

struct Scan
{
    const ResourceEdit &edit;
    QList<RenameWithReferences::Reference> *out;

    void gatewayList(const YamlPath &path, const QString &vsNs, const QString &gwNs, const QString &oldName,
        const QString &newName)
    {
        const YamlNode *list = edit.find(path);
        if (!list || !list->isSequence())
            return;
        for (int i = 0; i < int(list->children.size()); ++i) {
            const YamlNode &item = list->children[std::size_t(i)];
            if (!item.isScalar())
                continue;
            const QString ref = QString::fromStdString(item.value);
            const QString renamed = renamedGatewayRef(ref.trimmed(), vsNs, gwNs, oldName, newName);
            if (!renamed.isEmpty() && renamed != ref)
                out->append({ edit.resourceId(), path + YamlPath { i }, ref, renamed });
        }
    }
    // `match[].gateways` of each rule of spec.<section> (http, tls, tcp).
    void matchGateways(const QByteArray &section, const QString &vsNs, const QString &gwNs,
        const QString &oldName, const QString &newName)
    {
        const YamlPath rulesPath { QByteArray("spec"), section };
        const YamlNode *rules = edit.find(rulesPath);
        if (!rules || !rules->isSequence())
            return;
        for (int r = 0; r < int(rules->children.size()); ++r) {
            const YamlNode *matches = rules->children[std::size_t(r)].find("match");
            if (!matches || !matches->isSequence())
                continue;
            for (int m = 0; m < int(matches->children.size()); ++m)
                gatewayList(rulesPath + YamlPath { r, QByteArray("match"), m, QByteArray("gateways") }, vsNs,
                    gwNs, oldName, newName);
        }
    }
    // `spec.parentRefs` of a Gateway API route: the items that name Gateway gwNs/oldName (group
    // gateway.networking.k8s.io and kind Gateway unless written, the route's namespace unless written).
    void parentRefs(
        const QString &routeNs, const QString &gwNs, const QString &oldName, const QString &newName)
    {
        const YamlPath path { QByteArray("spec"), QByteArray("parentRefs") };
        const YamlNode *list = edit.find(path);
        if (!list || !list->isSequence())
            return;
        for (int i = 0; i < int(list->children.size()); ++i) {
            const YamlNode &item = list->children[std::size_t(i)];
            if (!item.isMapping())
                continue;
            auto written = [&item](const char *key, const QString &byDefault) {
                const YamlNode *n = item.find(key);
                return n && n->isScalar() ? QString::fromStdString(n->value) : byDefault;
            };
            if (written("group", QStringLiteral("gateway.networking.k8s.io"))
                    != QLatin1String("gateway.networking.k8s.io")
                || written("kind", QStringLiteral("Gateway")) != QLatin1String("Gateway")
                || written("name", QString()) != oldName || written("namespace", routeNs) != gwNs)
                continue;
            out->append({ edit.resourceId(), path + YamlPath { i, QByteArray("name") }, oldName, newName });
        }
    }
    void delegates(
        const QString &vsNs, const QString &targetNs, const QString &oldName, const QString &newName)
    {
        const YamlPath rulesPath { QByteArray("spec"), QByteArray("http") };
        const YamlNode *rules = edit.find(rulesPath);
        if (!rules || !rules->isSequence())
            return;
        for (int r = 0; r < int(rules->children.size()); ++r) {
            const YamlNode *delegate = rules->children[std::size_t(r)].find("delegate");
            const YamlNode *name = delegate ? delegate->find("name") : nullptr;
            if (!name || !name->isScalar() || QString::fromStdString(name->value) != oldName)
                continue;
            const YamlNode *ns = delegate->find("namespace");
            const QString nsText = ns && ns->isScalar() ? QString::fromStdString(ns->value) : QString();
            if ((nsText.isEmpty() ? vsNs : nsText) != targetNs)
                continue;
            out->append({ edit.resourceId(),
                rulesPath + YamlPath { r, QByteArray("delegate"), QByteArray("name") }, oldName, newName });
        }
    }
};

// Whether the model says `vs` may refer to `name` at all, so that only those documents are parsed.
bool mayRefer(const VirtualService &vs, ResourceKind kind, const QString &name)
{
    auto any = [&](const QList<Field<QString>> &list) {
        for (const Field<QString> &g : list)
            if (g.value.contains(name))
                return true;
        return false;
    };
    if (kind == ResourceKind::VirtualService) {
        for (const HttpRoute &rule : vs.http)
            if (rule.delegate->present && rule.delegate->name.value == name)
                return true;
        return false;
    }
    if (any(vs.gateways))
        return true;
    for (const HttpRoute &rule : vs.http)
        for (const HttpMatchRequest &m : rule.match)
            if (any(m.gateways))
                return true;
    for (const TlsRoute &rule : vs.tls)
        for (const TlsMatchAttributes &m : rule.match)
            if (any(m.gateways))
                return true;
    for (const TcpRoute &rule : vs.tcp)
        for (const L4MatchAttributes &m : rule.match)
            if (any(m.gateways))
                return true;
    return false;
}

// Whether a parentRef of `route` is named `name`, so that only those documents are parsed.
bool namesParent(const GatewayApiRoute &route, const QString &name)
{
    for (const ParentReference &p : route.parentRefs)
        if (p.name.value == name)
            return true;
    return false;
}

} // namespace

bool RenameWithReferences::references(const Document *document, int resourceId, const QString &name,
    QList<Reference> *references, QString *error)
{
    references->clear();
    const Resource *target = document->resource(resourceId);
    if (!target
        || (target->kind != ResourceKind::Gateway && target->kind != ResourceKind::VirtualService
            && target->kind != ResourceKind::KubernetesGateway))
        return true;
    const QString oldName = target->name();
    const QString targetNs = target->namespaceName();
    const ResourceKind kind = target->kind;
    if (oldName == name || oldName.isEmpty())
        return true;
    QList<int> candidates;
    if (kind == ResourceKind::KubernetesGateway) {
        for (const Resource &r : document->workspace().resources)
            if (isGatewayApiRoute(r.kind) && r.gatewayApiRoute()
                && namesParent(*r.gatewayApiRoute(), oldName))
                candidates.append(r.id);
    } else {
        for (const Resource *r : document->workspace().ofKind(ResourceKind::VirtualService))
            if (mayRefer(*r->virtualService(), kind, oldName))
                candidates.append(r->id);
    }
    for (int id : candidates) {
        ResourceEdit edit;
        // ResourceEdit only reads the document here; it needs a non-const pointer to make commands.
        if (!edit.begin(const_cast<Document *>(document), id, error))
            return false;
        const QString vsNs = edit.resource().namespaceName(); // of the referring resource
        Scan scan { edit, references };
        if (kind == ResourceKind::KubernetesGateway) {
            scan.parentRefs(vsNs, targetNs, oldName, name);
        } else if (kind == ResourceKind::Gateway) {
            scan.gatewayList({ QByteArray("spec"), QByteArray("gateways") }, vsNs, targetNs, oldName, name);
            for (const char *section : { "http", "tls", "tcp" })
                scan.matchGateways(QByteArray(section), vsNs, targetNs, oldName, name);
        } else {
            scan.delegates(vsNs, targetNs, oldName, name);
        }
    }
    return true;
}

int RenameWithReferences::push(Document *document, int resourceId, const QString &name, QString *error)
{
    auto rename = RenameResource::create(document, resourceId, name, error);
    if (!rename)
        return -1;
    QList<Reference> refs;
    if (!references(document, resourceId, name, &refs, error))
        return -1;
    if (refs.isEmpty()) {
        document->undoStack()->push(rename.release());
        return 0;
    }
    // One command per referencing resource; all are made once before anything is
    // pushed, so a refusal leaves the history untouched.
    QList<int> ids;
    for (const Reference &r : refs)
        if (!ids.contains(r.resourceId))
            ids.append(r.resourceId);
    auto makeCommand = [&](int id) -> std::unique_ptr<ReplaceDocumentText> {
        ResourceEdit edit;
        if (!edit.begin(document, id, error))
            return nullptr;
        for (const Reference &r : refs)
            if (r.resourceId == id && !edit.setString(r.path, r.newText, error))
                return nullptr;
        return edit.finish<ReplaceDocumentText>(
            QStringLiteral("Update references in %1").arg(edit.resource().displayName()));
    };
    for (int id : ids)
        if (!makeCommand(id))
            return -1;
    const QString text = rename->text();
    document->undoStack()->beginMacro(
        QStringLiteral("%1 (%2 reference%3)").arg(text).arg(refs.size()).arg(refs.size() == 1 ? "" : "s"));
    document->undoStack()->push(rename.release());
    // Made again now: a reference may share a document (a `kind: List`) with the rename.
    for (int id : ids)
        if (auto command = makeCommand(id))
            document->undoStack()->push(command.release());
    document->undoStack()->endMacro();
    return int(refs.size());
}

} // namespace meshroute
