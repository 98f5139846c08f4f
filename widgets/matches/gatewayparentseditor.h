#pragma once

#include "gatewayrouteform.h"

class QLineEdit;
class QPushButton;

namespace meshroute {

// Where an HTTPRoute or GRPCRoute attaches and for which names: its parentRefs
// (a Gateway by name, namespace, listener sectionName and port; a Service for
// a mesh route) and its hostnames, each field edited in place, added and
// removed as single commands. Route-wide: the same for every rule.
class GatewayParentsEditor : public GatewayRouteForm
{
    Q_OBJECT

public:
    explicit GatewayParentsEditor(Document *document, QWidget *parent = nullptr);

    void setRoute(int resourceId);

    QLineEdit *newParentEdit() const { return m_newParent; }
    QPushButton *addParentButton() const { return m_addParent; }
    QLineEdit *newHostnameEdit() const { return m_newHostname; }
    QPushButton *addHostnameButton() const { return m_addHostname; }

protected:
    QStringList signature() const override;
    void build() override;

private:
    void addRemoveButton(QVBoxLayout *box, const YamlPath &path, const QString &what);
    void addParent();
    void addHostname();

    QLineEdit *m_newParent;
    QPushButton *m_addParent;
    QLineEdit *m_newHostname;
    QPushButton *m_addHostname;
};

} // namespace meshroute
