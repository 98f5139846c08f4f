#pragma once

#include "routefieldedit.h"
#include "yamledit.h"

#include <QList>
#include <QStringList>
#include <QWidget>
#include <optional>

class QVBoxLayout;

namespace meshroute {

class Document;

// What the Gateway API rule editor's forms share (filters, parents and
// hostnames): scalar fields bound to paths under the spec, edits pushed as
// SetGatewayRouteField commands, and a rebuild only when the shape of what is
// shown changed (so a field being typed in survives an edit elsewhere).
class GatewayRouteForm : public QWidget
{
    Q_OBJECT

public:
    explicit GatewayRouteForm(Document *document, QWidget *parent = nullptr);

    // The edit of a field by its path under the spec ("rules.0.filters.1.requestRedirect.hostname").
    RouteFieldEdit *field(const QString &pathKey) const;

Q_SIGNALS:
    void editFailed(const QString &message);

protected:
    // Shows `resourceId`: rebuilds (later, as the widget reporting an edit may be rebuilt) when
    // signature() changed, else refreshes the fields' values.
    void show(int resourceId);
    int resourceId() const { return m_resourceId; }
    Document *document() const { return m_document; }
    virtual QStringList signature() const = 0;
    // Creates the widgets for the current shape, adding fields with addField().
    virtual void build() = 0;
    RouteFieldEdit *addField(QVBoxLayout *box, const QString &label, const YamlPath &path, bool numeric,
        const RouteFieldEdit::Validator &validator, bool required = false);
    void push(const YamlPath &path, const std::optional<YamlNode> &value, const QString &description);
    // The host of the widgets build() makes, emptied on each rebuild.
    QWidget *content() const { return m_content; }
    QVBoxLayout *contentLayout() const { return m_contentLayout; }

private:
    void rebuild();
    void refreshValues();

    Document *m_document;
    int m_resourceId = -1;
    QStringList m_signature;
    QWidget *m_content;
    QVBoxLayout *m_contentLayout;
    QList<RouteFieldEdit *> m_fields;
};

} // namespace meshroute
