#include "routespectree.h"

#include "document.h"

namespace meshroute {

bool RouteSpecTree::load(const Document *document, int resourceId)
{
    const Resource *r = document->resource(resourceId);
    m_root = YamlNode();
    if (!r || !document->parseDocument(r->fileIndex, r->documentIndex, &m_root))
        return false;
    m_spec = document->resourcePath(*r);
    m_spec << QByteArray("spec");
    return true;
}

QString RouteSpecTree::scalar(const YamlPath &path) const
{
    YamlPath full = m_spec;
    full += path;
    const YamlNode *node = YamlEdit::find(m_root, full);
    return node && node->isScalar() ? QString::fromStdString(node->value) : QString();
}

} // namespace meshroute
