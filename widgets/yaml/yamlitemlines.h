#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace meshroute {

class Document;
struct SelectionTarget;

// Where the model's items are written in their files, and which item a file
// line belongs to: an item's block is the lines indented deeper than its
// first, inside its YAML document. The YAML view marks and selects by it.
class YamlItemLines
{
public:
    explicit YamlItemLines(const Document &document);

    // The lines of one YAML document of a file, and the file line of its first one.
    QList<QByteArray> documentLines(int fileIndex, int documentIndex, int *firstLine) const;
    // The YAML document of a file holding `line`, or -1.
    int documentAt(int fileIndex, int line) const;
    // The file lines (first, last) of the item starting at line:column, by indentation.
    static QPair<int, int> blockRange(int line, int column, const QList<QByteArray> &lines, int firstLine);
    // The file lines (first, last) of the selected item; (0, 0) when none.
    QPair<int, int> rangeFor(const SelectionTarget &target) const;
    // The selection the given file line stands for.
    SelectionTarget targetAt(int fileIndex, int line) const;

private:
    const Document &m_document;
};

} // namespace meshroute
