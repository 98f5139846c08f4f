#pragma once

#include "gatewayrouteform.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QPushButton;
class QVBoxLayout;

namespace meshroute {

class Document;
class RouteFieldEdit;
struct RouteFilter;

// The filters of one HTTPRoute rule (spec.rules[i].filters), each in its own
// box: RequestHeaderModifier / ResponseHeaderModifier (set, add, remove),
// RequestRedirect (scheme, hostname, port, status, path), URLRewrite
// (hostname, path) and RequestMirror (backend, percent). Add a filter of a
// type, remove one, edit a field: each is one command touching only its bytes.
class GatewayFilterEditor : public GatewayRouteForm
{
    Q_OBJECT

public:
    explicit GatewayFilterEditor(Document *document, QWidget *parent = nullptr);

    // Shows the rule's filters; rebuilds only when their shape changed, so a field being typed in stays.
    void setRule(int resourceId, int ruleIndex);

    QComboBox *typeCombo() const { return m_type; }
    QPushButton *addButton() const { return m_add; }
    // The path type picker of filter `index` (a redirect's or rewrite's path modifier).
    QComboBox *pathTypeCombo(int index) const;
    int filterCount() const { return m_count; }

protected:
    QStringList signature() const override;
    void build() override;

private:
    const QList<RouteFilter> *filters() const;
    YamlPath filterPath(int index, const YamlPath &rest = {}) const;
    void addFilterBox(int index, const RouteFilter &filter);
    void addHeaderModifier(QVBoxLayout *box, int index, const QByteArray &key);
    void addPathModifier(QVBoxLayout *box, int index, const QByteArray &key);
    void addFilter();

    int m_ruleIndex = -1;
    int m_count = 0;
    QList<QComboBox *> m_pathTypes;
    QComboBox *m_type;
    QPushButton *m_add;
};

} // namespace meshroute
