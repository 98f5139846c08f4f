#include "routeactionvalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "resource.h"

namespace meshroute {

namespace {

class RuleActions
{
public:
    RuleActions(CheckContext &ctx, const Resource &r, const HttpRoute &rule, const QString &path)
        : m_ctx(ctx)
        , m_r(r)
        , m_rule(rule)
        , m_path(path)
    { }

    void validate(int index, bool inDelegate)
    {
        const bool hasRoute = !m_rule.route.isEmpty();
        const bool redirect = m_rule.redirect->present, direct = m_rule.directResponse->present,
                   delegate = m_rule.delegate->present;
        if (delegate)
            delegateConflicts(index, inDelegate);
        if (redirect)
            redirectConflicts();
        else if (direct)
            directResponseConflicts();
        if (!hasRoute && !redirect && !direct && !delegate)
            m_ctx.error(m_r, m_rule.pos, Code::RouteActionConflict,
                QStringLiteral("HTTP route, redirect or direct_response is required; add a route with a "
                               "destination"),
                m_path);
        if (m_rule.hasMirror && !m_rule.mirrors.isEmpty())
            m_ctx.error(m_r, m_rule.mirrors.first().pos, Code::InvalidMirror,
                QStringLiteral("HTTP route cannot contain both mirror and mirrors; move the mirror into "
                               "mirrors"),
                m_path + QStringLiteral(".mirrors"));
    }

private:
    void delegateConflicts(int index, bool inDelegate)
    {
        const SourcePos &at = m_rule.delegate->pos;
        if (inDelegate)
            m_ctx.error(m_r, at, Code::DelegateConstraint,
                QStringLiteral("delegate HTTP route cannot contain delegate: delegation is one level only"),
                m_path + QStringLiteral(".delegate"));
        if (!m_rule.route.isEmpty())
            conflict(at,
                QStringLiteral("root HTTP route %1 must not specify route together with delegate; keep one")
                    .arg(m_rule.displayName(index)),
                QStringLiteral("delegate"));
        if (m_rule.redirect->present)
            conflict(at,
                QStringLiteral("root HTTP route must not specify redirect together with delegate; keep one"),
                QStringLiteral("delegate"));
        if (!m_rule.delegate->name.present || m_rule.delegate->name.value.isEmpty())
            m_ctx.error(m_r, at, Code::MissingRequiredField,
                QStringLiteral("delegate needs the name of the delegate VirtualService"),
                m_path + QStringLiteral(".delegate.name"));
    }

    void redirectConflicts()
    {
        const SourcePos &at = m_rule.redirect->pos;
        const QString field = QStringLiteral("redirect");
        if (!m_rule.route.isEmpty())
            conflict(
                at, QStringLiteral("HTTP route cannot contain both route and redirect; remove one"), field);
        if (m_rule.fault->present)
            conflict(
                at, QStringLiteral("HTTP route cannot contain both fault and redirect; remove one"), field);
        if (m_rule.rewrite->present)
            conflict(at,
                QStringLiteral("HTTP route rule cannot contain both rewrite and redirect; remove one"),
                field);
        if (m_rule.directResponse->present)
            conflict(at,
                QStringLiteral("HTTP route cannot contain both redirect and directResponse; remove one"),
                field);
    }

    void directResponseConflicts()
    {
        const SourcePos &at = m_rule.directResponse->pos;
        const QString field = QStringLiteral("directResponse");
        if (!m_rule.route.isEmpty())
            conflict(at,
                QStringLiteral("HTTP route cannot contain both route and directResponse; remove one"), field);
        if (m_rule.fault->present)
            conflict(at,
                QStringLiteral("HTTP route cannot contain both fault and directResponse; remove one"), field);
        if (m_rule.rewrite->present)
            conflict(at,
                QStringLiteral("HTTP route rule cannot contain both rewrite and directResponse; remove one"),
                field);
    }

    void conflict(const SourcePos &at, const QString &what, const QString &field)
    {
        m_ctx.error(m_r, at, Code::RouteActionConflict, what, m_path + QLatin1Char('.') + field);
    }

    CheckContext &m_ctx;
    const Resource &m_r;
    const HttpRoute &m_rule;
    const QString &m_path;
};

} // namespace

void RouteActionValidator::validate(CheckContext &ctx, const Resource &r, const HttpRoute &rule, int index,
    const QString &path, bool inDelegate)
{
    RuleActions(ctx, r, rule, path).validate(index, inDelegate);
}

} // namespace meshroute
