#pragma once

#include "yamledit.h"
#include "yamlnode.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace meshroute {

class Document;
struct Resource;
struct HttpRoute;

// The working state of one edit command while it computes its new text: the
// resource's document text, its tree and layout, and structural edits on
// paths relative to the resource. Each edit is applied and the text parsed
// again at once, so later edits see the earlier ones and never overlap them.
class ResourceEdit
{
public:
    // Starts from the current text of the resource's document.
    bool begin(Document *document, int resourceId, QString *error);

    const Resource &resource() const { return *m_resource; }
    int resourceId() const { return m_resourceId; }
    const YamlNode &root() const { return m_root; }
    const QByteArray &before() const { return m_before; }
    const QByteArray &text() const { return m_text; }
    const YamlEdit::Layout &layout() const { return m_layout; }

    // The VirtualService's HTTP rule `routeIndex` as the model has it, or nullptr and an error.
    const HttpRoute *rule(int routeIndex, QString *error) const;
    // spec.http[routeIndex] + rest
    static YamlPath rulePath(int routeIndex, const YamlPath &rest = {});

    // Paths are relative to the resource (the document, or its `items[i]` in a List).
    YamlPath absolute(const YamlPath &relative) const;
    const YamlNode *find(const YamlPath &relative) const;

    bool set(const YamlPath &path, const YamlNode &value, QString *error);
    // Sets a string scalar, keeping the quote style of the old one.
    bool setString(const YamlPath &path, const QString &value, QString *error);
    bool remove(const YamlPath &path, QString *error);
    // Removes it when present; nothing to do is not an error.
    bool removeIfPresent(const YamlPath &path, QString *error);
    bool insertItem(const YamlPath &sequencePath, int index, const YamlNode &item, QString *error);
    // Appends to the sequence at `sequencePath`, creating it when missing.
    bool appendItem(const YamlPath &sequencePath, const YamlNode &item, QString *error);
    bool removeItem(const YamlPath &sequencePath, int index, QString *error);
    bool moveItem(const YamlPath &sequencePath, int from, int to, QString *error);
    bool duplicateItem(const YamlPath &sequencePath, int index, QString *error);
    // Removes the resource: its whole document, "---" line included, or its item of a `kind: List`.
    bool removeResource(QString *error);
    // Replaces the whole text of the document (deleting a resource, templates).
    void replaceAll(const QByteArray &text)
    {
        m_text = text;
        m_root = YamlNode();
    }

    // The command for the edit, a ReplaceDocumentText subclass T.
    template <typename T> std::unique_ptr<T> finish(const QString &description) const
    {
        return std::make_unique<T>(
            m_document, m_fileIndex, m_documentIndex, m_before, finalText(), description);
    }

private:
    // The edits write LF. A document whose lines end in a lone CR (old Mac
    // files, which YAML 1.2 reads) is edited as LF text of the same length, so
    // every offset holds, and gets its CRs back here.
    QByteArray finalText() const;
    bool m_crLines = false;

    // The change, once AnchorGuard lets it through.
    bool apply(const TextChange &change, QString *error);
    // The change, re-parsed; refused when it would not parse.
    bool write(const TextChange &change, QString *error);

    Document *m_document = nullptr;
    const Resource *m_resource = nullptr;
    int m_resourceId = -1;
    int m_fileIndex = -1;
    int m_documentIndex = -1;
    YamlPath m_base;
    QByteArray m_before;
    QByteArray m_text;
    YamlNode m_root;
    YamlEdit::Layout m_layout;
};

} // namespace meshroute
