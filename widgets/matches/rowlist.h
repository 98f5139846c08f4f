#pragma once

#include <QList>
#include <QWidget>

namespace meshroute {

// The rows of a list editor, owned here. A Row is the editor's own struct with
// a `widget` in the editor's rows host and a `pending` flag for a row the model
// does not hold yet; the editors keep pending rows after the committed ones.
template <typename Row> class RowList
{
public:
    RowList() = default;
    RowList(const RowList &) = delete;
    RowList &operator=(const RowList &) = delete;
    ~RowList() { qDeleteAll(m_rows); }

    int size() const { return int(m_rows.size()); }
    Row *operator[](int index) const { return m_rows[index]; }
    int indexOf(Row *row) const { return int(m_rows.indexOf(row)); }
    auto begin() const { return m_rows.cbegin(); }
    auto end() const { return m_rows.cend(); }

    // nullptr past either end, so callers (and tests) may ask about any row.
    template <typename T> T *field(int row, T *Row::*member) const
    {
        return row >= 0 && row < m_rows.size() ? m_rows[row]->*member : nullptr;
    }

    int committedCount() const
    {
        int n = 0;
        for (const Row *row : m_rows)
            n += row->pending ? 0 : 1;
        return n;
    }

    void append(Row *row) { m_rows.append(row); }

    // The widgets go later: one of them may be emitting the signal that led here.
    void clear()
    {
        for (Row *row : std::as_const(m_rows))
            row->widget->deleteLater();
        qDeleteAll(m_rows);
        m_rows.clear();
    }

    void remove(Row *row)
    {
        if (!m_rows.removeOne(row))
            return;
        row->widget->deleteLater();
        delete row;
    }

private:
    QList<Row *> m_rows;
};

} // namespace meshroute
