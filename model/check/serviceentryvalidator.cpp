#include "serviceentryvalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "fieldvalidator.h"
#include "resource.h"

namespace meshroute {

// Istio's CRD (istio/api kubernetes/customresourcedefinitions.gen.yaml, ServiceEntry
// openAPIV3Schema) requires spec and spec.hosts, and number and name of every port;
// the webhook (pkg/config/validation/validation.go ValidateServiceEntry) adds "at least
// one host" and the port range.
void ServiceEntryValidator::validate(CheckContext &ctx, const Resource &r)
{
    const ServiceEntry *se = r.serviceEntry();
    if (!se)
        return;
    if (!se->specPos.isValid()) {
        ctx.error(r, {}, Code::MissingRequiredField,
            QStringLiteral("ServiceEntry needs a spec with hosts, e.g. spec: {hosts: [api.example.com]}"),
            QStringLiteral("spec"));
        return;
    }
    if (se->hosts.isEmpty())
        ctx.error(r, se->specPos, Code::MissingRequiredField,
            QStringLiteral("ServiceEntry needs at least one host, e.g. hosts: [api.example.com]"),
            QStringLiteral("spec.hosts"));
    for (int i = 0; i < se->ports.size(); ++i) {
        const ServicePort &p = se->ports[i];
        const QString path = QStringLiteral("spec.ports[%1]").arg(i);
        if (!p.port.present)
            ctx.error(r, p.pos, Code::MissingRequiredField,
                QStringLiteral("a ServiceEntry port needs a number, e.g. number: 443"),
                path + QStringLiteral(".number"));
        FieldValidator::port(ctx, r, p.port, path + QStringLiteral(".number"));
        if (!p.name.present)
            ctx.error(r, p.pos, Code::MissingRequiredField,
                QStringLiteral("a ServiceEntry port needs a name, e.g. name: https"),
                path + QStringLiteral(".name"));
    }
}

Analyzer ServiceEntryValidator::definition()
{
    return Analyzer::ofEach(ResourceKind::ServiceEntry, QStringLiteral("ServiceEntryValidator"),
        { Code::InvalidPort, Code::MissingRequiredField }, &ServiceEntryValidator::validate);
}

} // namespace meshroute
