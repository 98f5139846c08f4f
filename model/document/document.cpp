#include "document.h"

#include "resourcereader.h"
#include "safefilewriter.h"
#include "undostack.h"

#include <QMultiHash>
#include <algorithm>

namespace meshroute {

Document::Document(QObject *parent)
    : QObject(parent)
    , m_undoStack(new UndoStack(this))
{ }

Document::~Document() = default;

void Document::open(const QStringList &inputs, const LoadOptions &options)
{
    m_options = options;
    setLoadResult(Loader::loadPaths(inputs, options));
}

void Document::setLoadResult(LoadResult result)
{
    m_load = std::move(result);
    m_savedText.clear();
    m_saved.clear();
    for (const SourceFile &f : std::as_const(m_load.files)) {
        m_savedText.append(f.text);
        m_saved.append(SavedState {});
        resetSavedState(int(m_saved.size()) - 1);
    }
    m_undoStack->clear();
    Q_EMIT changed(ChangeEvent { ChangeEvent::Type::Reset, {}, -1 });
}

const Resource *Document::resource(int id) const
{
    const QList<Resource> &all = m_load.workspace.resources;
    if (m_lastFound >= 0 && m_lastFound < all.size() && all[m_lastFound].id == id)
        return &all[m_lastFound];
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all[i].id == id) {
            m_lastFound = i;
            return &all[i];
        }
    return nullptr;
}

QByteArray Document::documentText(int fileIndex, int documentIndex) const
{
    if (fileIndex < 0 || fileIndex >= m_load.files.size())
        return {};
    const SourceFile &f = m_load.files[fileIndex];
    if (documentIndex < 0 || std::size_t(documentIndex) >= f.spans.size())
        return {};
    const YamlDocumentSpan &s = f.spans[std::size_t(documentIndex)];
    return f.text.mid(s.offset, s.length);
}

YamlPath Document::resourcePath(const Resource &resource) const
{
    YamlPath path;
    if (resource.listItem >= 0) {
        path.append(QByteArray("items"));
        path.append(resource.listItem);
    }
    return path;
}

bool Document::parseDocument(int fileIndex, int documentIndex, YamlNode *root, QString *error) const
{
    const QByteArray text = documentText(fileIndex, documentIndex);
    YamlParseResult parsed = YamlParser::parseDocument(
        std::string_view(text.constData(), std::size_t(text.size())), m_options.limits);
    if (!parsed.ok) {
        if (error)
            *error = QString::fromStdString(parsed.error.message);
        return false;
    }
    *root = std::move(parsed.root);
    return true;
}

namespace {

// How replacing one YAML document's text moved what follows it.
struct TextShift
{
    int firstLine = 0; // the document's first line
    int endLine = 0; // first line after the old document
    int lineDelta = 0;
    int byteDelta = 0;
};

TextShift replaceSpanText(SourceFile &file, int documentIndex, const QByteArray &text)
{
    YamlDocumentSpan &span = file.spans[std::size_t(documentIndex)];
    const int oldLines = int(std::count(
        file.text.constData() + span.offset, file.text.constData() + span.offset + span.length, '\n'));
    TextShift shift;
    shift.firstLine = span.line;
    shift.endLine = span.line + oldLines;
    shift.lineDelta = int(text.count('\n')) - oldLines;
    shift.byteDelta = int(text.size()) - span.length;

    file.text.replace(span.offset, span.length, text);
    span.length = int(text.size());
    for (std::size_t i = std::size_t(documentIndex) + 1; i < file.spans.size(); ++i) {
        file.spans[i].offset += shift.byteDelta;
        file.spans[i].line += shift.lineDelta;
    }
    return shift;
}

// The loader's diagnostics of the replaced document go; later ones move with their lines.
void dropReplacedDiagnostics(Diagnostics &diags, const QString &path, const TextShift &shift)
{
    diags.removeIf([&](const Diagnostic &d) {
        return d.file == path && d.line >= shift.firstLine && d.line < shift.endLine;
    });
    for (Diagnostic &d : diags)
        if (d.file == path && d.line >= shift.endLine)
            d.line += shift.lineDelta;
}

// The resources of one YAML document starting at line, and the loader's diagnostics of it.
QList<Resource> readDocument(
    const QByteArray &text, const QString &path, int line, const YamlLimits &limits, Diagnostics *diagnostics)
{
    YamlParseResult parsed
        = YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size())), limits);
    if (parsed.ok) {
        ResourceReader reader(path, line);
        QList<Resource> resources = reader.read(parsed.root);
        diagnostics->append(reader.diagnostics());
        return resources;
    }
    Diagnostic d;
    d.code = QString::fromLatin1(ResourceReader::CodeYamlSyntax);
    d.message = QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(parsed.error.message));
    d.file = path;
    d.line = line + std::max(parsed.error.mark.line, 1) - 1;
    d.column = std::max(parsed.error.mark.column, 1);
    diagnostics->append(d);
    return {};
}

// Puts fresh in place of the document's resources, keeping their ids in order; returns the ids of
// the resources that changed, came or went.
QList<int> swapResources(QList<Resource> &all, int fileIndex, int documentIndex, QList<Resource> fresh,
    const YamlDocumentSpan &span)
{
    qsizetype first = -1, last = -1;
    int maxId = -1;
    for (qsizetype i = 0; i < all.size(); ++i) {
        maxId = std::max(maxId, all[i].id);
        if (all[i].fileIndex == fileIndex && all[i].documentIndex == documentIndex) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    QList<int> oldIds;
    qsizetype insertAt = all.size();
    if (first >= 0) {
        for (qsizetype i = first; i <= last; ++i)
            oldIds.append(all[i].id);
        insertAt = first;
    } else {
        for (qsizetype i = 0; i < all.size(); ++i)
            if (all[i].fileIndex > fileIndex
                || (all[i].fileIndex == fileIndex && all[i].documentIndex > documentIndex)) {
                insertAt = i;
                break;
            }
    }
    QList<int> changedIds;
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        Resource &r = fresh[i];
        r.id = i < oldIds.size() ? oldIds[i] : ++maxId;
        r.fileIndex = fileIndex;
        r.documentIndex = documentIndex;
        r.baseLine = span.line;
        r.baseOffset = span.offset;
        changedIds.append(r.id);
    }
    for (qsizetype i = fresh.size(); i < oldIds.size(); ++i)
        changedIds.append(oldIds[i]);
    // In place where the counts meet (an edit within a document keeps them): removing and
    // inserting would move every resource after it twice, per keystroke or slider step.
    const qsizetype kept = std::min(fresh.size(), oldIds.size());
    for (qsizetype i = 0; i < kept; ++i)
        all[insertAt + i] = std::move(fresh[i]);
    if (oldIds.size() > kept)
        all.remove(insertAt + kept, oldIds.size() - kept);
    if (fresh.size() > kept) {
        all.insert(insertAt + kept, fresh.size() - kept, Resource {});
        for (qsizetype i = kept; i < fresh.size(); ++i)
            all[insertAt + i] = std::move(fresh[i]);
    }
    return changedIds;
}

} // namespace

void Document::replaceDocumentText(int fileIndex, int documentIndex, const QByteArray &text)
{
    SourceFile &file = m_load.files[fileIndex];
    const YamlDocumentSpan &span = file.spans[std::size_t(documentIndex)];
    const QString &path = file.path;
    const TextShift shift = replaceSpanText(file, documentIndex, text);

    Diagnostics &diags = m_load.diagnostics;
    dropReplacedDiagnostics(diags, path, shift);
    QList<Resource> fresh = readDocument(text, path, span.line, m_options.limits, &diags);
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });

    QList<Resource> &all = m_load.workspace.resources;
    const QList<int> changedIds = swapResources(all, fileIndex, documentIndex, std::move(fresh), span);
    if (shift.byteDelta != 0 || shift.lineDelta != 0)
        for (Resource &r : all)
            if (r.fileIndex == fileIndex && r.documentIndex > documentIndex) {
                r.baseLine += shift.lineDelta;
                r.baseOffset += shift.byteDelta;
            }

    updateSavedState(fileIndex, documentIndex);
    Q_EMIT changed(ChangeEvent { ChangeEvent::Type::ResourcesChanged, changedIds, fileIndex });
}

void Document::resetSavedState(int fileIndex)
{
    SavedState &saved = m_saved[fileIndex];
    saved.spans = m_load.files[fileIndex].spans;
    saved.documentDiffers = QList<bool>(qsizetype(saved.spans.size()), false);
    saved.documentsLineUp = true;
}

void Document::updateSavedState(int fileIndex, int documentIndex)
{
    SavedState &saved = m_saved[fileIndex];
    const SourceFile &file = m_load.files[fileIndex];
    if (documentIndex < 0) {
        // The whole file was replaced: compare document by document when they still line up,
        // and the bytes between documents (comments before the first, after the last) too.
        saved.documentsLineUp = file.spans.size() == saved.spans.size();
        if (!saved.documentsLineUp)
            return;
        auto gap = [](const QByteArray &text, const std::vector<YamlDocumentSpan> &spans, std::size_t i) {
            const qsizetype from = i == 0 ? 0 : spans[i - 1].offset + spans[i - 1].length;
            const qsizetype to = i < spans.size() ? spans[i].offset : text.size();
            return QByteArrayView(text).sliced(from, std::max<qsizetype>(0, to - from));
        };
        for (std::size_t i = 0; i <= file.spans.size(); ++i)
            if (gap(file.text, file.spans, i) != gap(m_savedText[fileIndex], saved.spans, i)) {
                saved.documentsLineUp = false;
                return;
            }
        for (std::size_t d = 0; d < file.spans.size(); ++d)
            updateSavedState(fileIndex, int(d));
        return;
    }
    if (!saved.documentsLineUp || std::size_t(documentIndex) >= saved.spans.size())
        return;
    const YamlDocumentSpan &now = file.spans[std::size_t(documentIndex)];
    const YamlDocumentSpan &then = saved.spans[std::size_t(documentIndex)];
    saved.documentDiffers[documentIndex] = QByteArrayView(file.text).sliced(now.offset, now.length)
        != QByteArrayView(m_savedText[fileIndex]).sliced(then.offset, then.length);
}

QByteArray Document::fileText(int fileIndex) const
{
    return fileIndex >= 0 && fileIndex < m_load.files.size() ? m_load.files[fileIndex].text : QByteArray();
}

void Document::replaceFileText(int fileIndex, const QByteArray &text)
{
    SourceFile &file = m_load.files[fileIndex];
    const QString path = file.path;
    LoadResult fresh = Loader::loadText(text, path, m_options);

    QList<Resource> &all = m_load.workspace.resources;
    // Old resources of the file by identity, so an edit that keeps an object keeps its id
    // (and the selection on it). The identity has both kinds: kinds we do not model are all
    // ResourceKind::Other, so the kind as written tells them apart, and an Istio Gateway and a
    // Gateway API Gateway are both written "Gateway", so the ResourceKind does; a Gateway and its
    // HTTPRoute often share a name. Objects of one identity keep their ids in file order.
    const auto identity = [](const Resource &r) {
        return QString::number(int(r.kind)) + u'/' + r.kindName.value + u'/' + r.namespaceName() + u'/'
            + r.name();
    };
    QHash<QString, QList<int>> oldIds;
    QList<int> changedIds;
    int maxId = -1;
    qsizetype insertAt = -1;
    for (qsizetype i = 0; i < all.size(); ++i) {
        maxId = std::max(maxId, all[i].id);
        if (all[i].fileIndex != fileIndex)
            continue;
        if (insertAt < 0)
            insertAt = i;
        oldIds[identity(all[i])].append(all[i].id);
        changedIds.append(all[i].id);
    }
    all.removeIf([fileIndex](const Resource &r) { return r.fileIndex == fileIndex; });
    if (insertAt < 0) {
        insertAt = all.size();
        for (qsizetype i = 0; i < all.size(); ++i)
            if (all[i].fileIndex > fileIndex) {
                insertAt = i;
                break;
            }
    }
    QList<Resource> &added = fresh.workspace.resources;
    for (Resource &r : added) {
        QList<int> &same = oldIds[identity(r)];
        if (!same.isEmpty()) {
            r.id = same.takeFirst();
        } else {
            r.id = ++maxId;
            changedIds.append(r.id);
        }
        r.fileIndex = fileIndex;
    }
    all.insert(insertAt, added.size(), Resource {});
    for (qsizetype i = 0; i < added.size(); ++i)
        all[insertAt + i] = std::move(added[i]);

    file.text = text;
    file.spans = std::move(fresh.files.first().spans);
    Diagnostics &diags = m_load.diagnostics;
    diags.removeIf([&](const Diagnostic &d) { return d.file == path; });
    diags.append(fresh.diagnostics);
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    updateSavedState(fileIndex, -1);
    Q_EMIT changed(ChangeEvent { ChangeEvent::Type::ResourcesChanged, changedIds, fileIndex });
}

bool Document::isModified() const
{
    for (int i = 0; i < m_load.files.size(); ++i)
        if (isFileModified(i))
            return true;
    return false;
}

bool Document::isFileModified(int fileIndex) const
{
    if (fileIndex < 0 || fileIndex >= m_load.files.size())
        return false;
    const SavedState &saved = m_saved[fileIndex];
    if (!saved.documentsLineUp)
        return m_load.files[fileIndex].text != m_savedText[fileIndex];
    return saved.documentDiffers.contains(true);
}

bool Document::saveFileAs(int fileIndex, const QString &path, QString *error, Overwrite overwrite)
{
    if (fileIndex < 0 || fileIndex >= m_load.files.size()) {
        *error = QStringLiteral("no such file");
        return false;
    }
    if (path == QLatin1String("-")) {
        *error = QStringLiteral("standard input cannot be saved in place: use Save As");
        return false;
    }
    const QByteArray &text = m_load.files[fileIndex].text;
    SafeFileWriter writer(path);
    // Saving over the file we read: refuse if another program changed it since.
    if (overwrite == Overwrite::OnlyIfUnchanged && path == m_load.files[fileIndex].path)
        writer.setExpectedContent(m_savedText[fileIndex]);
    if (!writer.write(text)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, writer.errorString());
        return false;
    }
    SourceFile &file = m_load.files[fileIndex];
    if (file.path != path) {
        const QString oldPath = file.path;
        file.path = path;
        m_load.workspace.files[fileIndex] = path;
        for (Diagnostic &d : m_load.diagnostics)
            if (d.file == oldPath)
                d.file = path;
    }
    m_savedText[fileIndex] = text;
    resetSavedState(fileIndex);
    if (!isModified())
        m_undoStack->setClean();
    Q_EMIT changed(ChangeEvent { ChangeEvent::Type::Saved, {}, fileIndex });
    return true;
}

bool Document::saveFile(int fileIndex, QString *error, Overwrite overwrite)
{
    if (fileIndex < 0 || fileIndex >= m_load.files.size()) {
        *error = QStringLiteral("no such file");
        return false;
    }
    return saveFileAs(fileIndex, m_load.files[fileIndex].path, error, overwrite);
}

bool Document::saveAll(QString *error)
{
    for (int i = 0; i < m_load.files.size(); ++i)
        if (isFileModified(i) && !saveFile(i, error))
            return false;
    m_undoStack->setClean();
    return true;
}

} // namespace meshroute
