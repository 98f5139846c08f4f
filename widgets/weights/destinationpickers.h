#pragma once

#include "setdestinationfield.h"

#include <QPair>
#include <QWidget>

class QComboBox;

namespace meshroute {

struct Destination;
struct Workspace;

// Where one destination of a rule points: its host (any Service or
// ServiceEntry host, or typed), its subset (those the DestinationRules of that
// host define) and its port (the Service's). A value the workspace does not
// define is still shown, marked, never dropped. Reports the field the user
// changed; the panel turns it into a command.
class DestinationPickers : public QWidget
{
    Q_OBJECT

public:
    explicit DestinationPickers(QWidget *parent = nullptr);

    // Shows `destination` of a VirtualService in `vsNamespace`, with the choices `workspace` offers.
    void setDestination(
        const Workspace &workspace, const QString &vsNamespace, const Destination &destination);

    QComboBox *hostBox() const { return m_host; }
    QComboBox *subsetBox() const { return m_subset; }
    QComboBox *portBox() const { return m_port; }

    // The registry name of a destination host, as (namespace, service): short
    // names resolve in the VirtualService's namespace, as Istio does.
    static QPair<QString, QString> serviceOf(const QString &host, const QString &vsNamespace);

Q_SIGNALS:
    // The user chose another value for one field ("" for no subset, "0" for any port).
    void fieldEdited(meshroute::SetDestinationField::Field field, const QString &value);

private:
    void fillSubsets(const Workspace &workspace, const QString &vsNamespace, const QString &subset);
    void fillPorts(const Workspace &workspace, const QString &vsNamespace, int port);
    void commitHost();
    void commitChoice(QComboBox *box, SetDestinationField::Field field, const QString &current);

    QComboBox *m_host;
    QComboBox *m_subset;
    QComboBox *m_port;
    QString m_currentHost;
    QString m_currentSubset;
    QString m_currentPort;
};

} // namespace meshroute
