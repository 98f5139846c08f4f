#include "resourcereader.h"

#include "plainscalar.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace meshroute {

namespace {

using Severity = Diagnostic::Severity;

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Where a value sits in its object, for messages: "spec.http[0].route[1].weight".
// A chain of stack frames, rendered only when a diagnostic needs it, because
// building the string for every field read costs more than the reading.
class Path
{
public:
    Path() = default;
    Path(const Path *parent, const char *key)
        : m_parent(parent)
        , m_key(key)
    { }
    Path(const Path *parent, const QString *key)
        : m_parent(parent)
        , m_dynamicKey(key)
    { }
    Path(const Path *parent, int index)
        : m_parent(parent)
        , m_index(index)
    { }
    QString toString() const
    {
        QString parent = m_parent ? m_parent->toString() : QString();
        if (m_index >= 0)
            return parent + QStringLiteral("[%1]").arg(m_index);
        const QString key = m_key ? QString::fromLatin1(m_key) : m_dynamicKey ? *m_dynamicKey : QString();
        if (key.isEmpty())
            return parent;
        return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
    }
    operator QString() const { return toString(); }

private:
    const Path *m_parent = nullptr;
    const char *m_key = nullptr;
    const QString *m_dynamicKey = nullptr;
    int m_index = -1;
};

QString describeNode(const YamlNode &n)
{
    switch (n.kind) {
    case YamlNode::Kind::Null:
        return QStringLiteral("nothing");
    case YamlNode::Kind::Mapping:
        return QStringLiteral("a mapping");
    case YamlNode::Kind::Sequence:
        return QStringLiteral("a list");
    case YamlNode::Kind::Scalar:
        if (n.isQuoted())
            return QStringLiteral("the string \"%1\"").arg(qs(n.value).left(40));
        return QStringLiteral("\"%1\"").arg(qs(n.value).left(40));
    }
    return {};
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[j] = std::min({ prev[j] + 1, cur[j - 1] + 1,
                prev[j - 1] + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1) });
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// Plain scalars that YAML (1.1, as Kubernetes' decoder reads it) takes as null.
bool isNullScalar(const YamlNode &n)
{
    if (n.kind == YamlNode::Kind::Null)
        return true;
    if (n.kind != YamlNode::Kind::Scalar || n.style != YamlNode::Style::Plain)
        return false;
    return n.value == "~" || n.value == "null" || n.value == "Null" || n.value == "NULL";
}

// Reads the typed fields of one YAML mapping. Each `field()` call names a
// key the type knows; `finish()` reports the keys nobody asked for.
class MapReader
{
public:
    MapReader(ResourceReader &reader, const YamlNode &node, const QString &typeName, const Path &path,
        bool reportUnknown = true)
        : m_reader(reader)
        , m_node(node)
        , m_type(typeName)
        , m_path(path)
        , m_reportUnknown(reportUnknown)
    {
        m_ok = node.isMapping();
        if (!m_ok && !isNullScalar(node))
            m_reader.report(Severity::Error, ResourceReader::CodeWrongType, node, path,
                QStringLiteral("%1 must be a mapping, got %2").arg(typeName, describeNode(node)));
        if (m_ok)
            m_used.assign(node.pairCount() > 64 ? node.pairCount() : 0, false);
    }
    ~MapReader() { finish(); }

    bool ok() const { return m_ok; }

    // Calls f(value, path) if the key is present.
    template <typename F> bool field(const char *key, F &&f)
    {
        if (m_knownCount < m_known.size())
            m_known[m_knownCount++] = key;
        if (!m_ok)
            return false;
        const std::string_view k(key);
        // Of a key written twice the API server keeps the last (goyaml.v2 overwrites map
        // entries in order); ResourceReader::reportDuplicateKeys reports the repetition.
        std::size_t last = m_node.children.size();
        for (std::size_t i = 0; i + 1 < m_node.children.size(); i += 2) {
            const YamlNode &keyNode = m_node.children[i];
            if (keyNode.kind == YamlNode::Kind::Scalar && keyNode.value == k) {
                setUsed(i / 2);
                last = i;
            }
        }
        if (last == m_node.children.size())
            return false;
        const Path child(&m_path, key);
        m_reader.enterValue(m_node.children[last], m_node.children[last + 1]);
        f(m_node.children[last + 1], child);
        m_reader.leaveValue();
        return true;
    }

    // Keys that are known but not interpreted: accepted silently.
    void known(std::initializer_list<const char *> keys)
    {
        for (const char *k : keys)
            field(k, [](const YamlNode &, const QString &) {});
    }

    void finish()
    {
        if (m_finished || !m_ok)
            return;
        m_finished = true;
        if (!m_reportUnknown)
            return;
        for (std::size_t i = 0; i < m_node.pairCount(); ++i) {
            if (isUsed(i))
                continue;
            const YamlNode &keyNode = m_node.children[2 * i];
            const QString key = qs(keyNode.value);
            QString suggestion;
            int best = 3;
            QStringList knownNames;
            for (std::size_t k = 0; k < m_knownCount; ++k)
                knownNames.append(QString::fromLatin1(m_known[k]));
            for (const QString &k : std::as_const(knownNames)) {
                const int d = editDistance(key, k);
                if (d < best) {
                    best = d;
                    suggestion = k;
                }
            }
            QString message
                = QStringLiteral("unknown field \"%1\" in %2: the API server drops it").arg(key, m_type);
            if (m_type == QLatin1String("Destination") && key == QLatin1String("weight"))
                message += QStringLiteral("; weight belongs one level up, beside \"destination:\"");
            else if (m_type == QLatin1String("HTTPMatchRequest")
                && (key == QLatin1String("exact") || key == QLatin1String("prefix")
                    || key == QLatin1String("regex")))
                message
                    += QStringLiteral("; a match type goes under a field, e.g. \"uri: {%1: ...}\"").arg(key);
            else if (!suggestion.isEmpty())
                message += QStringLiteral("; did you mean \"%1\"?").arg(suggestion);
            else
                message += QStringLiteral("; known fields: %1").arg(knownNames.join(QStringLiteral(", ")));
            m_reader.report(
                Severity::Warning, ResourceReader::CodeUnknownField, keyNode, Path(&m_path, &key), message);
        }
    }

private:
    ResourceReader &m_reader;
    const YamlNode &m_node;
    QString m_type;
    const Path &m_path;
    bool m_reportUnknown;
    bool m_ok = false;
    bool m_finished = false;
    // Which keys were read: a bit mask for the usual small mapping, a vector past 64 keys.
    bool isUsed(std::size_t pair) const
    {
        return m_used.empty() ? (m_usedBits >> pair) & 1U : bool(m_used[pair]);
    }
    void setUsed(std::size_t pair)
    {
        if (m_used.empty())
            m_usedBits |= std::uint64_t(1) << pair;
        else
            m_used[pair] = true;
    }
    std::uint64_t m_usedBits = 0;
    std::vector<bool> m_used;
    // The keys this type knows, for "did you mean": reading never allocates for them.
    std::array<const char *, 48> m_known {};
    std::size_t m_knownCount = 0;
};

// Field readers. Each reports a wrong type on the value and leaves the field absent.
class Fields
{
public:
    explicit Fields(ResourceReader &r)
        : m_r(r)
    { }

    Field<QString> string(const YamlNode &n, const Path &path)
    {
        Field<QString> f = scalarText(n, path, "a string");
        // The value is kept, so the views show what the file says, but the object is refused.
        if (f.present)
            reportNonString(n, path);
        return f;
    }

    // An IntOrString field (a Service's targetPort): any scalar.
    Field<QString> intOrString(const YamlNode &n, const Path &path)
    {
        return scalarText(n, path, "a port number or name");
    }

    // The text of a scalar, whatever YAML would make of it; `what` names the expected type.
    Field<QString> scalarText(const YamlNode &n, const Path &path, const char *what)
    {
        Field<QString> f;
        if (isNullScalar(n))
            return f;
        f.pos = m_r.pos(n);
        if (n.kind != YamlNode::Kind::Scalar) {
            m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
                QStringLiteral("%1 must be %2, got %3").arg(path.toString(), QLatin1String(what), describeNode(n)));
            return f;
        }
        f.value = qs(n.value);
        f.present = true;
        return f;
    }

    // A string field or map value written as a plain 8080, true or 1.5: the API
    // server refuses the object ("must be of type string"), as YAML made it a number.
    void reportNonString(const YamlNode &n, const Path &path)
    {
        if (n.style != YamlNode::Style::Plain || !n.tag.empty())
            return;
        const PlainScalar::Type type = PlainScalar::typeOf(n.value);
        if (type == PlainScalar::Type::String || type == PlainScalar::Type::Null)
            return;
        m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 must be a string, got %2 %3: the API server does not turn numbers or booleans "
                           "into strings; quote it: \"%3\"")
                .arg(path.toString(), QLatin1String(PlainScalar::describe(type)), qs(n.value)));
    }

    Field<qint64> integer(const YamlNode &n, const Path &path)
    {
        Field<qint64> f;
        if (isNullScalar(n))
            return f;
        f.pos = m_r.pos(n);
        bool ok = false;
        qint64 v = 0;
        if (n.kind == YamlNode::Kind::Scalar && !n.isQuoted()) {
            const QString text = qs(n.value);
            v = text.toLongLong(&ok, 10);
            if (!ok && (text.startsWith(QLatin1String("0x")) || text.startsWith(QLatin1String("0X"))))
                v = text.mid(2).toLongLong(&ok, 16);
            if (!ok) { // 50.0 is a whole number in JSON terms
                bool isDouble = false;
                const double d = text.toDouble(&isDouble);
                if (isDouble && std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
                    v = qint64(d);
                    ok = true;
                }
            }
        }
        if (!ok && n.kind == YamlNode::Kind::Scalar && n.style == YamlNode::Style::Plain
            && PlainScalar::typeOf(n.value) == PlainScalar::Type::Integer) {
            m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
                QStringLiteral("%1 = %2 is out of range: no integer field of the API takes more than 64 bits")
                    .arg(path.toString(), qs(n.value)));
            return f;
        }
        if (!ok) {
            m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
                QStringLiteral("%1 must be an integer, got %2").arg(path.toString(), describeNode(n))
                    + (n.isQuoted() ? QStringLiteral(": remove the quotes") : QString()));
            return f;
        }
        f.value = v;
        f.present = true;
        return f;
    }

    // An int32 field of the API (istio/api networking/v1alpha3/virtual_service.proto:
    // HTTPRouteDestination.weight and RouteDestination.weight are int32). The value
    // is kept as written, 64 bits wide, so that nothing narrows or rewrites it.
    Field<qint64> int32(const YamlNode &n, const Path &path)
    {
        Field<qint64> f = integer(n, path);
        if (f.present
            && (f.value < std::numeric_limits<qint32>::min() || f.value > std::numeric_limits<qint32>::max()))
            m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
                QStringLiteral("%1 = %2 is out of range: the API server takes an int32 here (-2147483648 to "
                               "2147483647)")
                    .arg(path.toString())
                    .arg(f.value));
        return f;
    }

    Field<double> number(const YamlNode &n, const Path &path)
    {
        Field<double> f;
        if (isNullScalar(n))
            return f;
        f.pos = m_r.pos(n);
        bool ok = false;
        double v = 0;
        if (n.kind == YamlNode::Kind::Scalar && !n.isQuoted())
            v = qs(n.value).toDouble(&ok);
        if (!ok || !std::isfinite(v)) {
            m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
                QStringLiteral("%1 must be a number, got %2").arg(path.toString(), describeNode(n)));
            return f;
        }
        f.value = v;
        f.present = true;
        return f;
    }

    Field<bool> boolean(const YamlNode &n, const Path &path)
    {
        Field<bool> f;
        if (isNullScalar(n))
            return f;
        f.pos = m_r.pos(n);
        static const char *const truths[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };
        static const char *const falses[]
            = { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };
        if (n.kind == YamlNode::Kind::Scalar && !n.isQuoted()) {
            for (const char *t : truths)
                if (n.value == t) {
                    f.value = true;
                    f.present = true;
                    return f;
                }
            for (const char *t : falses)
                if (n.value == t) {
                    f.value = false;
                    f.present = true;
                    return f;
                }
        }
        m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 must be true or false, got %2").arg(path.toString(), describeNode(n)));
        return f;
    }

    // A list; `each(item, path)` per item. A null is an empty list.
    template <typename F> bool list(const YamlNode &n, const Path &path, F &&each)
    {
        if (isNullScalar(n))
            return true;
        if (!n.isSequence()) {
            m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
                QStringLiteral("%1 must be a list, got %2").arg(path.toString(), describeNode(n)));
            return false;
        }
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            const Path item(&path, int(i));
            each(n.children[i], item);
        }
        return true;
    }

    QList<Field<QString>> strings(const YamlNode &n, const Path &path)
    {
        QList<Field<QString>> out;
        list(n, path, [&](const YamlNode &item, const Path &p) {
            Field<QString> f = string(item, p);
            if (f.present)
                out.append(f);
        });
        return out;
    }

    // A map of strings to strings (labels, annotations, header values).
    Labels labels(const YamlNode &n, const Path &path)
    {
        Labels out;
        if (isNullScalar(n))
            return out;
        if (!n.isMapping()) {
            m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
                QStringLiteral("%1 must be a mapping of strings, got %2")
                    .arg(path.toString(), describeNode(n)));
            return out;
        }
        for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
            const YamlNode &k = n.children[i];
            const YamlNode &v = n.children[i + 1];
            const QString key = qs(k.value);
            const Path p(&path, &key);
            if (v.kind != YamlNode::Kind::Scalar && !isNullScalar(v)) {
                m_r.report(Severity::Error, ResourceReader::CodeWrongType, v, p,
                    QStringLiteral("%1 must be a string, got %2").arg(p.toString(), describeNode(v)));
                continue;
            }
            if (!isNullScalar(v))
                reportNonString(v, p);
            // A key written twice (MR0007): the last one counts, as in the cluster.
            out.removeIf([&](const Label &l) { return l.key == key; });
            out.append(Label { key, isNullScalar(v) ? QString() : qs(v.value), m_r.pos(k) });
        }
        return out;
    }

    QList<Entry<QString>> stringEntries(const YamlNode &n, const Path &path)
    {
        QList<Entry<QString>> out;
        for (const Label &l : labels(n, path))
            out.append(Entry<QString> { l.key, l.pos, l.value });
        return out;
    }

    StringMatch stringMatch(const YamlNode &n, const Path &path, const char *typeName = "StringMatch")
    {
        StringMatch m;
        m.pos = m_r.pos(n);
        MapReader r(m_r, n, QString::fromLatin1(typeName), path);
        auto take = [&](StringMatch::Type t) {
            return [&, t](const YamlNode &v, const Path &p) {
                Field<QString> f = string(v, p);
                ++m.typeCount;
                if (f.present && m.typeCount == 1) {
                    m.type = t;
                    m.value = f.value;
                    m.valuePos = f.pos;
                }
            };
        };
        r.field("exact", take(StringMatch::Type::Exact));
        r.field("prefix", take(StringMatch::Type::Prefix));
        r.field("regex", take(StringMatch::Type::Regex));
        return m;
    }

    StringMatchMap stringMatchMap(const YamlNode &n, const Path &path)
    {
        StringMatchMap out;
        if (isNullScalar(n))
            return out;
        if (!n.isMapping()) {
            m_r.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
                QStringLiteral("%1 must be a mapping of names to StringMatch, got %2")
                    .arg(path.toString(), describeNode(n)));
            return out;
        }
        for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
            const QString key = qs(n.children[i].value);
            Entry<StringMatch> e { key, m_r.pos(n.children[i]), {} };
            const Path p(&path, &key);
            e.value = stringMatch(n.children[i + 1], p);
            if (!e.value.pos.isValid())
                e.value.pos = e.keyPos;
            out.append(e);
        }
        return out;
    }

    Destination destination(const YamlNode &n, const Path &path)
    {
        Destination d;
        d.pos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("Destination"), path);
        r.field("host", [&](const YamlNode &v, const Path &p) { d.host = string(v, p); });
        r.field("subset", [&](const YamlNode &v, const Path &p) { d.subset = string(v, p); });
        r.field("port", [&](const YamlNode &v, const Path &p) {
            MapReader pr(m_r, v, QStringLiteral("PortSelector"), p);
            pr.field("number", [&](const YamlNode &nv, const Path &np) { d.port.number = integer(nv, np); });
        });
        return d;
    }

    HeaderOperations headerOperations(const YamlNode &n, const Path &path)
    {
        HeaderOperations h;
        h.pos = m_r.pos(n);
        h.present = true;
        MapReader r(m_r, n, QStringLiteral("HeaderOperations"), path);
        r.field("set", [&](const YamlNode &v, const Path &p) { h.set = stringEntries(v, p); });
        r.field("add", [&](const YamlNode &v, const Path &p) { h.add = stringEntries(v, p); });
        r.field("remove", [&](const YamlNode &v, const Path &p) { h.remove = strings(v, p); });
        return h;
    }

    Headers headers(const YamlNode &n, const Path &path)
    {
        Headers h;
        h.pos = m_r.pos(n);
        h.present = true;
        MapReader r(m_r, n, QStringLiteral("Headers"), path);
        r.field("request", [&](const YamlNode &v, const Path &p) { h.request = headerOperations(v, p); });
        r.field("response", [&](const YamlNode &v, const Path &p) { h.response = headerOperations(v, p); });
        return h;
    }

    Percent percent(const YamlNode &n, const Path &path)
    {
        Percent pc;
        pc.pos = m_r.pos(n);
        pc.present = true;
        MapReader r(m_r, n, QStringLiteral("Percent"), path);
        r.field("value", [&](const YamlNode &v, const Path &p) { pc.value = number(v, p); });
        return pc;
    }

    HttpMatchRequest matchRequest(const YamlNode &n, const Path &path)
    {
        HttpMatchRequest m;
        m.pos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("HTTPMatchRequest"), path);
        r.field("name", [&](const YamlNode &v, const Path &p) { m.name = string(v, p); });
        r.field("uri", [&](const YamlNode &v, const Path &p) {
            m.uri = stringMatch(v, p);
            m.hasUri = true;
        });
        r.field("scheme", [&](const YamlNode &v, const Path &p) {
            m.scheme.edit() = stringMatch(v, p);
            m.hasScheme = true;
        });
        r.field("method", [&](const YamlNode &v, const Path &p) {
            m.method.edit() = stringMatch(v, p);
            m.hasMethod = true;
        });
        r.field("authority", [&](const YamlNode &v, const Path &p) {
            m.authority.edit() = stringMatch(v, p);
            m.hasAuthority = true;
        });
        r.field("headers", [&](const YamlNode &v, const Path &p) { m.headers = stringMatchMap(v, p); });
        r.field("withoutHeaders",
            [&](const YamlNode &v, const Path &p) { m.withoutHeaders = stringMatchMap(v, p); });
        r.field(
            "queryParams", [&](const YamlNode &v, const Path &p) { m.queryParams = stringMatchMap(v, p); });
        r.field("port", [&](const YamlNode &v, const Path &p) { m.port = integer(v, p); });
        r.field("sourceLabels", [&](const YamlNode &v, const Path &p) { m.sourceLabels = labels(v, p); });
        r.field("gateways", [&](const YamlNode &v, const Path &p) { m.gateways = strings(v, p); });
        r.field("ignoreUriCase", [&](const YamlNode &v, const Path &p) { m.ignoreUriCase = boolean(v, p); });
        r.field(
            "sourceNamespace", [&](const YamlNode &v, const Path &p) { m.sourceNamespace = string(v, p); });
        r.field("statPrefix", [&](const YamlNode &v, const Path &p) { m.statPrefix = string(v, p); });
        return m;
    }

    HttpRoute httpRoute(const YamlNode &n, const Path &path)
    {
        HttpRoute h;
        h.pos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("HTTPRoute"), path);
        r.field("name", [&](const YamlNode &v, const Path &p) { h.name = string(v, p); });
        r.field("match", [&](const YamlNode &v, const Path &p) {
            h.hasMatch = true;
            h.match.reserve(qsizetype(v.children.size()));
            list(v, p, [&](const YamlNode &item, const Path &ip) { h.match.append(matchRequest(item, ip)); });
        });
        r.field("route", [&](const YamlNode &v, const Path &p) {
            h.hasRoute = true;
            h.route.reserve(qsizetype(v.children.size()));
            list(v, p, [&](const YamlNode &item, const Path &ip) {
                HttpRouteDestination d;
                d.pos = m_r.pos(item);
                MapReader dr(m_r, item, QStringLiteral("HTTPRouteDestination"), ip);
                dr.field("destination",
                    [&](const YamlNode &dv, const Path &dp) { d.destination = destination(dv, dp); });
                dr.field("weight", [&](const YamlNode &dv, const Path &dp) { d.weight = int32(dv, dp); });
                dr.field("headers",
                    [&](const YamlNode &dv, const Path &dp) { d.headers.edit() = headers(dv, dp); });
                h.route.append(d);
            });
        });
        r.field("redirect", [&](const YamlNode &v, const Path &p) {
            HttpRedirect &x = h.redirect.edit();
            x.pos = m_r.pos(v);
            x.present = true;
            MapReader rr(m_r, v, QStringLiteral("HTTPRedirect"), p);
            rr.field("uri", [&](const YamlNode &f, const Path &fp) { x.uri = string(f, fp); });
            rr.field("authority", [&](const YamlNode &f, const Path &fp) { x.authority = string(f, fp); });
            rr.field("port", [&](const YamlNode &f, const Path &fp) { x.port = integer(f, fp); });
            rr.field("derivePort", [&](const YamlNode &f, const Path &fp) { x.derivePort = string(f, fp); });
            rr.field("scheme", [&](const YamlNode &f, const Path &fp) { x.scheme = string(f, fp); });
            rr.field(
                "redirectCode", [&](const YamlNode &f, const Path &fp) { x.redirectCode = integer(f, fp); });
            rr.field(
                "prefixRewrite", [&](const YamlNode &f, const Path &fp) { x.prefixRewrite = string(f, fp); });
        });
        r.field("directResponse", [&](const YamlNode &v, const Path &p) {
            HttpDirectResponse &x = h.directResponse.edit();
            x.pos = m_r.pos(v);
            x.present = true;
            MapReader rr(m_r, v, QStringLiteral("HTTPDirectResponse"), p);
            rr.field("status", [&](const YamlNode &f, const Path &fp) { x.status = integer(f, fp); });
            rr.field("body", [&](const YamlNode &f, const Path &fp) {
                MapReader br(m_r, f, QStringLiteral("HTTPBody"), fp);
                br.field("string", [&](const YamlNode &b, const Path &bp) { x.bodyString = string(b, bp); });
                br.field("bytes", [&](const YamlNode &b, const Path &bp) { x.bodyBytes = string(b, bp); });
            });
        });
        r.field("delegate", [&](const YamlNode &v, const Path &p) {
            Delegate &x = h.delegate.edit();
            x.pos = m_r.pos(v);
            x.present = true;
            MapReader rr(m_r, v, QStringLiteral("Delegate"), p);
            rr.field("name", [&](const YamlNode &f, const Path &fp) { x.name = string(f, fp); });
            rr.field("namespace", [&](const YamlNode &f, const Path &fp) { x.namespace_ = string(f, fp); });
        });
        r.field("rewrite", [&](const YamlNode &v, const Path &p) {
            HttpRewrite &x = h.rewrite.edit();
            x.pos = m_r.pos(v);
            x.present = true;
            MapReader rr(m_r, v, QStringLiteral("HTTPRewrite"), p);
            rr.field("uri", [&](const YamlNode &f, const Path &fp) { x.uri = string(f, fp); });
            rr.field("authority", [&](const YamlNode &f, const Path &fp) { x.authority = string(f, fp); });
            rr.field("uriRegexRewrite", [&](const YamlNode &f, const Path &fp) {
                x.uriRegexRewrite.present = true;
                x.uriRegexRewrite.pos = m_r.pos(f);
                MapReader gr(m_r, f, QStringLiteral("RegexRewrite"), fp);
                gr.field("match",
                    [&](const YamlNode &g, const Path &gp) { x.uriRegexRewrite.match = string(g, gp); });
                gr.field("rewrite",
                    [&](const YamlNode &g, const Path &gp) { x.uriRegexRewrite.rewrite = string(g, gp); });
            });
        });
        r.field("timeout", [&](const YamlNode &v, const Path &p) { h.timeout = string(v, p); });
        r.field("retries", [&](const YamlNode &v, const Path &p) {
            HttpRetry &x = h.retries.edit();
            x.pos = m_r.pos(v);
            x.present = true;
            MapReader rr(m_r, v, QStringLiteral("HTTPRetry"), p);
            rr.field("attempts", [&](const YamlNode &f, const Path &fp) { x.attempts = integer(f, fp); });
            rr.field(
                "perTryTimeout", [&](const YamlNode &f, const Path &fp) { x.perTryTimeout = string(f, fp); });
            rr.field("retryOn", [&](const YamlNode &f, const Path &fp) { x.retryOn = string(f, fp); });
            rr.field("retryRemoteLocalities",
                [&](const YamlNode &f, const Path &fp) { x.retryRemoteLocalities = boolean(f, fp); });
            rr.field("retryIgnorePreviousHosts",
                [&](const YamlNode &f, const Path &fp) { x.retryIgnorePreviousHosts = boolean(f, fp); });
            rr.field("backoff", [&](const YamlNode &f, const Path &fp) { x.backoff = string(f, fp); });
        });
        r.field("fault", [&](const YamlNode &v, const Path &p) {
            HttpFaultInjection &x = h.fault.edit();
            x.pos = m_r.pos(v);
            x.present = true;
            MapReader rr(m_r, v, QStringLiteral("HTTPFaultInjection"), p);
            rr.field("delay", [&](const YamlNode &f, const Path &fp) {
                x.delay.present = true;
                x.delay.pos = m_r.pos(f);
                MapReader dr(m_r, f, QStringLiteral("Delay"), fp);
                dr.field("fixedDelay",
                    [&](const YamlNode &g, const Path &gp) { x.delay.fixedDelay = string(g, gp); });
                dr.field("exponentialDelay",
                    [&](const YamlNode &g, const Path &gp) { x.delay.exponentialDelay = string(g, gp); });
                dr.field("percentage",
                    [&](const YamlNode &g, const Path &gp) { x.delay.percentage = percent(g, gp); });
                dr.field(
                    "percent", [&](const YamlNode &g, const Path &gp) { x.delay.percent = integer(g, gp); });
            });
            rr.field("abort", [&](const YamlNode &f, const Path &fp) {
                x.abort.present = true;
                x.abort.pos = m_r.pos(f);
                MapReader ar(m_r, f, QStringLiteral("Abort"), fp);
                ar.field("httpStatus",
                    [&](const YamlNode &g, const Path &gp) { x.abort.httpStatus = integer(g, gp); });
                ar.field("grpcStatus",
                    [&](const YamlNode &g, const Path &gp) { x.abort.grpcStatus = string(g, gp); });
                ar.field("http2Error",
                    [&](const YamlNode &g, const Path &gp) { x.abort.http2Error = string(g, gp); });
                ar.field("percentage",
                    [&](const YamlNode &g, const Path &gp) { x.abort.percentage = percent(g, gp); });
            });
        });
        r.field("mirror", [&](const YamlNode &v, const Path &p) {
            h.mirror = destination(v, p);
            h.hasMirror = true;
        });
        r.field("mirrors", [&](const YamlNode &v, const Path &p) {
            list(v, p, [&](const YamlNode &item, const Path &ip) {
                HttpMirrorPolicy m;
                m.pos = m_r.pos(item);
                MapReader mr(m_r, item, QStringLiteral("HTTPMirrorPolicy"), ip);
                mr.field("destination",
                    [&](const YamlNode &f, const Path &fp) { m.destination = destination(f, fp); });
                mr.field(
                    "percentage", [&](const YamlNode &f, const Path &fp) { m.percentage = percent(f, fp); });
                h.mirrors.append(m);
            });
        });
        r.field("mirrorPercentage",
            [&](const YamlNode &v, const Path &p) { h.mirrorPercentage.edit() = percent(v, p); });
        r.field("mirrorPercent", [&](const YamlNode &v, const Path &p) { h.mirrorPercent = integer(v, p); });
        r.field("corsPolicy", [&](const YamlNode &v, const Path &p) {
            CorsPolicy &c = h.corsPolicy.edit();
            c.present = true;
            c.pos = m_r.pos(v);
            MapReader cr(m_r, v, QStringLiteral("CorsPolicy"), p);
            cr.field("allowOrigins", [&](const YamlNode &f, const Path &fp) {
                list(f, fp, [&](const YamlNode &item, const Path &ip) {
                    c.allowOrigins.append(stringMatch(item, ip));
                });
            });
            cr.field(
                "allowOrigin", [&](const YamlNode &f, const Path &fp) { c.allowOrigin = strings(f, fp); });
            cr.field(
                "allowMethods", [&](const YamlNode &f, const Path &fp) { c.allowMethods = strings(f, fp); });
            cr.field(
                "allowHeaders", [&](const YamlNode &f, const Path &fp) { c.allowHeaders = strings(f, fp); });
            cr.field("exposeHeaders",
                [&](const YamlNode &f, const Path &fp) { c.exposeHeaders = strings(f, fp); });
            cr.field("maxAge", [&](const YamlNode &f, const Path &fp) { c.maxAge = string(f, fp); });
            cr.field("allowCredentials",
                [&](const YamlNode &f, const Path &fp) { c.allowCredentials = boolean(f, fp); });
            cr.field("unmatchedPreflights",
                [&](const YamlNode &f, const Path &fp) { c.unmatchedPreflights = string(f, fp); });
        });
        r.field("headers", [&](const YamlNode &v, const Path &p) { h.headers.edit() = headers(v, p); });
        r.known({ "websocketUpgrade", "appendHeaders", "removeResponseHeaders", "appendResponseHeaders",
            "appendRequestHeaders", "removeRequestHeaders" });
        return h;
    }

    RouteDestination routeDestination(const YamlNode &n, const Path &path)
    {
        RouteDestination d;
        d.pos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("RouteDestination"), path);
        r.field("destination", [&](const YamlNode &v, const Path &p) { d.destination = destination(v, p); });
        r.field("weight", [&](const YamlNode &v, const Path &p) { d.weight = int32(v, p); });
        return d;
    }

    // The L4 conditions TLS and TCP matches share.
    template <typename Attributes> void l4Attributes(MapReader &mr, Attributes &m)
    {
        mr.field("destinationSubnets",
            [&](const YamlNode &g, const Path &gp) { m.destinationSubnets = strings(g, gp); });
        mr.field("port", [&](const YamlNode &g, const Path &gp) { m.port = integer(g, gp); });
        mr.field("sourceLabels", [&](const YamlNode &g, const Path &gp) { m.sourceLabels = labels(g, gp); });
        mr.field("gateways", [&](const YamlNode &g, const Path &gp) { m.gateways = strings(g, gp); });
        mr.field(
            "sourceNamespace", [&](const YamlNode &g, const Path &gp) { m.sourceNamespace = string(g, gp); });
    }

    VirtualService virtualService(const YamlNode &n, const Path &path)
    {
        VirtualService vs;
        vs.specPos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("VirtualService spec"), path);
        r.field("hosts", [&](const YamlNode &v, const Path &p) { vs.hosts = strings(v, p); });
        r.field("gateways", [&](const YamlNode &v, const Path &p) { vs.gateways = strings(v, p); });
        r.field("http", [&](const YamlNode &v, const Path &p) {
            vs.hasHttp = true;
            vs.http.reserve(qsizetype(v.children.size()));
            list(v, p, [&](const YamlNode &item, const Path &ip) { vs.http.append(httpRoute(item, ip)); });
        });
        r.field("tls", [&](const YamlNode &v, const Path &p) {
            vs.hasTls = true;
            list(v, p, [&](const YamlNode &item, const Path &ip) {
                TlsRoute t;
                t.pos = m_r.pos(item);
                MapReader tr(m_r, item, QStringLiteral("TLSRoute"), ip);
                tr.field("match", [&](const YamlNode &f, const Path &fp) {
                    list(f, fp, [&](const YamlNode &mi, const Path &mp) {
                        TlsMatchAttributes m;
                        m.pos = m_r.pos(mi);
                        MapReader mr(m_r, mi, QStringLiteral("TLSMatchAttributes"), mp);
                        mr.field("sniHosts",
                            [&](const YamlNode &g, const Path &gp) { m.sniHosts = strings(g, gp); });
                        l4Attributes(mr, m);
                        t.match.append(m);
                    });
                });
                tr.field("route", [&](const YamlNode &f, const Path &fp) {
                    list(f, fp, [&](const YamlNode &ri, const Path &rp) {
                        t.route.append(routeDestination(ri, rp));
                    });
                });
                vs.tls.append(t);
            });
        });
        r.field("tcp", [&](const YamlNode &v, const Path &p) {
            vs.hasTcp = true;
            list(v, p, [&](const YamlNode &item, const Path &ip) {
                TcpRoute t;
                t.pos = m_r.pos(item);
                MapReader tr(m_r, item, QStringLiteral("TCPRoute"), ip);
                tr.field("match", [&](const YamlNode &f, const Path &fp) {
                    list(f, fp, [&](const YamlNode &mi, const Path &mp) {
                        L4MatchAttributes m;
                        m.pos = m_r.pos(mi);
                        MapReader mr(m_r, mi, QStringLiteral("L4MatchAttributes"), mp);
                        l4Attributes(mr, m);
                        mr.known({ "sourceSubnet" });
                        t.match.append(m);
                    });
                });
                tr.field("route", [&](const YamlNode &f, const Path &fp) {
                    list(f, fp, [&](const YamlNode &ri, const Path &rp) {
                        t.route.append(routeDestination(ri, rp));
                    });
                });
                vs.tcp.append(t);
            });
        });
        r.field("exportTo", [&](const YamlNode &v, const Path &p) { vs.exportTo = strings(v, p); });
        return vs;
    }

    TrafficPolicy trafficPolicy(const YamlNode &n, const Path &path, bool portLevel = false)
    {
        TrafficPolicy t;
        t.pos = m_r.pos(n);
        t.present = true;
        MapReader r(
            m_r, n, portLevel ? QStringLiteral("PortTrafficPolicy") : QStringLiteral("TrafficPolicy"), path);
        if (r.ok())
            t.fieldCount = int(n.pairCount());
        r.field("loadBalancer", [&](const YamlNode &v, const Path &p) {
            MapReader lr(m_r, v, QStringLiteral("LoadBalancerSettings"), p);
            lr.field(
                "simple", [&](const YamlNode &f, const Path &fp) { t.loadBalancerSimple = string(f, fp); });
            lr.field("consistentHash", [&](const YamlNode &, const QString &) { t.consistentHash = true; });
            lr.known({ "localityLbSetting", "warmupDurationSecs", "warmup" });
        });
        r.field("tls", [&](const YamlNode &v, const Path &p) {
            MapReader tr(m_r, v, QStringLiteral("ClientTLSSettings"), p);
            tr.field("mode", [&](const YamlNode &f, const Path &fp) { t.tlsMode = string(f, fp); });
            tr.field("caCertificates",
                [&](const YamlNode &f, const Path &fp) { t.tlsCaCertificates = string(f, fp); });
            tr.field("credentialName",
                [&](const YamlNode &f, const Path &fp) { t.tlsCredentialName = string(f, fp); });
            tr.field("clientCertificate",
                [&](const YamlNode &f, const Path &fp) { t.tlsClientCertificate = string(f, fp); });
            tr.field(
                "privateKey", [&](const YamlNode &f, const Path &fp) { t.tlsPrivateKey = string(f, fp); });
            tr.known({ "subjectAltNames", "sni", "insecureSkipVerify", "caCrl" });
        });
        r.field("tunnel", [&](const YamlNode &, const QString &) { t.hasTunnel = true; });
        r.field("proxyProtocol", [&](const YamlNode &, const QString &) { t.hasProxyProtocol = true; });
        r.known({ "connectionPool", "outlierDetection", "retryBudget" });
        if (portLevel)
            r.field("port", [&](const YamlNode &v, const Path &p) {
                MapReader pr(m_r, v, QStringLiteral("PortSelector"), p);
                pr.field("number", [&](const YamlNode &f, const Path &fp) { t.port = integer(f, fp); });
            });
        else
            r.field("portLevelSettings", [&](const YamlNode &v, const Path &p) {
                list(v, p, [&](const YamlNode &item, const Path &ip) {
                    t.portLevelSettings.push_back(trafficPolicy(item, ip, true));
                });
            });
        return t;
    }

    DestinationRule destinationRule(const YamlNode &n, const Path &path)
    {
        DestinationRule dr;
        dr.specPos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("DestinationRule spec"), path);
        r.field("host", [&](const YamlNode &v, const Path &p) { dr.host = string(v, p); });
        r.field("trafficPolicy",
            [&](const YamlNode &v, const Path &p) { dr.trafficPolicy = trafficPolicy(v, p); });
        r.field("subsets", [&](const YamlNode &v, const Path &p) {
            list(v, p, [&](const YamlNode &item, const Path &ip) {
                Subset s;
                s.pos = m_r.pos(item);
                MapReader sr(m_r, item, QStringLiteral("Subset"), ip);
                sr.field("name", [&](const YamlNode &f, const Path &fp) { s.name = string(f, fp); });
                sr.field("labels", [&](const YamlNode &f, const Path &fp) {
                    s.labels = labels(f, fp);
                    s.labelsPos = m_r.pos(f);
                });
                sr.field("trafficPolicy",
                    [&](const YamlNode &f, const Path &fp) { s.trafficPolicy = trafficPolicy(f, fp); });
                dr.subsets.append(s);
            });
        });
        r.field("exportTo", [&](const YamlNode &v, const Path &p) { dr.exportTo = strings(v, p); });
        r.field("workloadSelector", [&](const YamlNode &v, const Path &p) {
            dr.hasWorkloadSelector = true;
            dr.workloadSelectorPos = m_r.pos(v);
            MapReader wr(m_r, v, QStringLiteral("WorkloadSelector"), p);
            wr.field("matchLabels",
                [&](const YamlNode &f, const Path &fp) { dr.workloadSelector = labels(f, fp); });
        });
        return dr;
    }

    Gateway gateway(const YamlNode &n, const Path &path)
    {
        Gateway g;
        g.specPos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("Gateway spec"), path);
        r.field("selector", [&](const YamlNode &v, const Path &p) {
            g.selector = labels(v, p);
            g.hasSelector = true;
            g.selectorPos = m_r.pos(v);
        });
        r.field("servers", [&](const YamlNode &v, const Path &p) {
            list(v, p, [&](const YamlNode &item, const Path &ip) {
                Server s;
                s.pos = m_r.pos(item);
                MapReader sr(m_r, item, QStringLiteral("Server"), ip);
                sr.field("port", [&](const YamlNode &f, const Path &fp) {
                    s.port.present = true;
                    s.port.pos = m_r.pos(f);
                    MapReader pr(m_r, f, QStringLiteral("Port"), fp);
                    pr.field(
                        "number", [&](const YamlNode &x, const Path &xp) { s.port.number = integer(x, xp); });
                    pr.field("protocol",
                        [&](const YamlNode &x, const Path &xp) { s.port.protocol = string(x, xp); });
                    pr.field("name", [&](const YamlNode &x, const Path &xp) { s.port.name = string(x, xp); });
                    pr.field("targetPort",
                        [&](const YamlNode &x, const Path &xp) { s.port.targetPort = integer(x, xp); });
                });
                sr.field("bind", [&](const YamlNode &f, const Path &fp) { s.bind = string(f, fp); });
                sr.field("hosts", [&](const YamlNode &f, const Path &fp) { s.hosts = strings(f, fp); });
                sr.field("name", [&](const YamlNode &f, const Path &fp) { s.name = string(f, fp); });
                sr.field("tls", [&](const YamlNode &f, const Path &fp) {
                    ServerTls &t = s.tls;
                    t.present = true;
                    t.pos = m_r.pos(f);
                    MapReader tr(m_r, f, QStringLiteral("ServerTLSSettings"), fp);
                    tr.field("httpsRedirect",
                        [&](const YamlNode &x, const Path &xp) { t.httpsRedirect = boolean(x, xp); });
                    tr.field("mode", [&](const YamlNode &x, const Path &xp) { t.mode = string(x, xp); });
                    tr.field("serverCertificate",
                        [&](const YamlNode &x, const Path &xp) { t.serverCertificate = string(x, xp); });
                    tr.field("privateKey",
                        [&](const YamlNode &x, const Path &xp) { t.privateKey = string(x, xp); });
                    tr.field("caCertificates",
                        [&](const YamlNode &x, const Path &xp) { t.caCertificates = string(x, xp); });
                    tr.field("caCrl", [&](const YamlNode &x, const Path &xp) { t.caCrl = string(x, xp); });
                    tr.field("credentialName",
                        [&](const YamlNode &x, const Path &xp) { t.credentialName = string(x, xp); });
                    tr.field("credentialNames",
                        [&](const YamlNode &x, const Path &xp) { t.credentialNames = strings(x, xp); });
                    tr.field("tlsCertificates", [&](const YamlNode &x, const Path &xp) {
                        t.tlsCertificateCount = x.isSequence() ? int(x.children.size()) : 0;
                    });
                    tr.field("minProtocolVersion",
                        [&](const YamlNode &x, const Path &xp) { t.minProtocolVersion = string(x, xp); });
                    tr.field("maxProtocolVersion",
                        [&](const YamlNode &x, const Path &xp) { t.maxProtocolVersion = string(x, xp); });
                    tr.field("cipherSuites",
                        [&](const YamlNode &x, const Path &xp) { t.cipherSuites = strings(x, xp); });
                    tr.known({ "caCertCredentialName", "subjectAltNames", "verifyCertificateSpki",
                        "verifyCertificateHash", "insecureSkipVerify" });
                });
                sr.known({ "defaultEndpoint" });
                g.servers.append(s);
            });
        });
        return g;
    }

    KubernetesService service(const YamlNode &n, const Path &path)
    {
        KubernetesService s;
        s.specPos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("ServiceSpec"), path, false);
        r.field("type", [&](const YamlNode &v, const Path &p) { s.type = string(v, p); });
        r.field("externalName", [&](const YamlNode &v, const Path &p) { s.externalName = string(v, p); });
        r.field("selector", [&](const YamlNode &v, const Path &p) {
            s.selector = labels(v, p);
            s.hasSelector = true;
        });
        r.field("ports", [&](const YamlNode &v, const Path &p) { s.ports = ports(v, p); });
        return s;
    }

    QList<ServicePort> ports(const YamlNode &v, const Path &p)
    {
        QList<ServicePort> out;
        list(v, p, [&](const YamlNode &item, const Path &ip) {
            ServicePort sp;
            sp.pos = m_r.pos(item);
            MapReader pr(m_r, item, QStringLiteral("ServicePort"), ip, false);
            pr.field("name", [&](const YamlNode &f, const Path &fp) { sp.name = string(f, fp); });
            pr.field("port", [&](const YamlNode &f, const Path &fp) { sp.port = integer(f, fp); });
            pr.field("number", [&](const YamlNode &f, const Path &fp) { sp.port = integer(f, fp); });
            pr.field(
                "targetPort", [&](const YamlNode &f, const Path &fp) { sp.targetPort = intOrString(f, fp); });
            pr.field("protocol", [&](const YamlNode &f, const Path &fp) { sp.protocol = string(f, fp); });
            pr.field(
                "appProtocol", [&](const YamlNode &f, const Path &fp) { sp.appProtocol = string(f, fp); });
            out.append(sp);
        });
        return out;
    }

    ServiceEntry serviceEntry(const YamlNode &n, const Path &path)
    {
        ServiceEntry s;
        s.specPos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("ServiceEntry spec"), path, false);
        r.field("hosts", [&](const YamlNode &v, const Path &p) { s.hosts = strings(v, p); });
        r.field("ports", [&](const YamlNode &v, const Path &p) { s.ports = ports(v, p); });
        r.field("location", [&](const YamlNode &v, const Path &p) { s.location = string(v, p); });
        r.field("resolution", [&](const YamlNode &v, const Path &p) { s.resolution = string(v, p); });
        r.field("exportTo", [&](const YamlNode &v, const Path &p) { s.exportTo = strings(v, p); });
        r.field("workloadSelector", [&](const YamlNode &v, const Path &p) {
            MapReader wr(m_r, v, QStringLiteral("WorkloadSelector"), p, false);
            wr.field(
                "labels", [&](const YamlNode &f, const Path &fp) { s.workloadSelector = labels(f, fp); });
        });
        return s;
    }

    // Deployment-like objects: spec.replicas, spec.selector.matchLabels, spec.template.metadata.labels.
    Workload workload(const YamlNode &spec, const Path &path)
    {
        Workload w;
        MapReader r(m_r, spec, QStringLiteral("spec"), path, false);
        r.field("replicas", [&](const YamlNode &v, const Path &p) { w.replicas = integer(v, p); });
        r.field("selector", [&](const YamlNode &v, const Path &p) {
            if (const YamlNode *ml = v.find("matchLabels"))
                w.selector = labels(*ml, Path(&p, "matchLabels"));
        });
        r.field("template", [&](const YamlNode &v, const Path &p) {
            if (const YamlNode *md = v.find("metadata")) {
                const Path metadataPath(&p, "metadata");
                if (const YamlNode *l = md->find("labels")) {
                    w.podLabels = labels(*l, Path(&metadataPath, "labels"));
                    w.podLabelsPos = m_r.pos(*l);
                }
                if (const YamlNode *a = md->find("annotations"))
                    w.podAnnotations = labels(*a, Path(&metadataPath, "annotations"));
            }
            // Whether the pods carry a sidecar already (istioctl's in_mesh.go hasIstioProxy).
            if (const YamlNode *ps = v.find("spec"))
                if (const YamlNode *cs = ps->find("containers"); cs && cs->isSequence())
                    for (const YamlNode &c : cs->children)
                        if (const YamlNode *name = c.isMapping() ? c.find("name") : nullptr;
                            name && name->value == "istio-proxy" && c.find("image"))
                            w.hasIstioProxy = true;
        });
        return w;
    }

    ObjectMeta metadata(const YamlNode &n, const Path &path, bool strict)
    {
        ObjectMeta m;
        m.pos = m_r.pos(n);
        MapReader r(m_r, n, QStringLiteral("metadata"), path, strict);
        r.field("name", [&](const YamlNode &v, const Path &p) { m.name = string(v, p); });
        r.field("namespace", [&](const YamlNode &v, const Path &p) { m.namespace_ = string(v, p); });
        r.field("labels", [&](const YamlNode &v, const Path &p) { m.labels = labels(v, p); });
        r.field("annotations", [&](const YamlNode &v, const Path &p) { m.annotations = labels(v, p); });
        r.field("creationTimestamp",
            [&](const YamlNode &v, const Path &p) { m.creationTimestamp = string(v, p); });
        r.known({ "generateName", "uid", "resourceVersion", "generation", "selfLink", "managedFields",
            "ownerReferences", "finalizers", "deletionTimestamp", "deletionGracePeriodSeconds" });
        return m;
    }

private:
    ResourceReader &m_r;
};

// Finds keys written twice in any mapping of a tree, whatever the kind: the
// API server keeps the last value without a word, so the first one silently
// stops counting. Mappings are small, so pairs are compared directly; a large
// one is sorted first.
class DuplicateKeyFinder
{
public:
    // `prefix`: where the tree sits in its document ("items[3]" in a List), for the paths reported.
    DuplicateKeyFinder(ResourceReader &reader, const QString &prefix)
        : m_reader(reader)
        , m_prefix(prefix)
    { }

    void walk(const YamlNode &node, const YamlNode *skip)
    {
        if (&node == skip)
            return;
        if (node.isSequence()) {
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                m_steps.push_back({ nullptr, int(i) });
                walk(node.children[i], skip);
                m_steps.pop_back();
            }
            return;
        }
        if (!node.isMapping())
            return;
        checkMapping(node);
        for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
            m_steps.push_back({ &node.children[i].value, -1 });
            walk(node.children[i + 1], skip);
            m_steps.pop_back();
        }
    }

private:
    struct Step
    {
        const std::string *key;
        int index;
    };

    void checkMapping(const YamlNode &map)
    {
        const std::size_t pairs = map.pairCount();
        if (pairs < 2)
            return;
        auto keyAt = [&](std::size_t pair) -> const YamlNode & { return map.children[2 * pair]; };
        auto same = [&](std::size_t a, std::size_t b) {
            return keyAt(a).kind == YamlNode::Kind::Scalar && keyAt(b).kind == YamlNode::Kind::Scalar
                && keyAt(a).value == keyAt(b).value;
        };
        if (pairs <= 16) {
            for (std::size_t i = 1; i < pairs; ++i)
                for (std::size_t j = 0; j < i; ++j)
                    if (same(j, i)) {
                        report(keyAt(j), keyAt(i));
                        break;
                    }
            return;
        }
        std::vector<std::size_t> order(pairs);
        for (std::size_t i = 0; i < pairs; ++i)
            order[i] = i;
        // Stable by position, so each repetition is reported at its later occurrence.
        std::stable_sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return keyAt(a).value < keyAt(b).value; });
        for (std::size_t i = 1; i < pairs; ++i)
            if (same(order[i - 1], order[i]))
                report(keyAt(order[i - 1]), keyAt(order[i]));
    }

    void report(const YamlNode &first, const YamlNode &again)
    {
        const QString key = qs(again.value);
        m_reader.report(Severity::Error, ResourceReader::CodeDuplicateKey, again, pathTo(key),
            QStringLiteral("duplicate key \"%1\" (also on line %2): the API server would keep only the last "
                           "one; remove one of them")
                .arg(key)
                .arg(m_reader.lineOf(first)));
    }

    QString pathTo(const QString &key) const
    {
        QString path = m_prefix;
        for (const Step &step : m_steps) {
            if (step.key) {
                if (!path.isEmpty())
                    path += QLatin1Char('.');
                path += qs(*step.key);
            } else {
                path += QStringLiteral("[%1]").arg(step.index);
            }
        }
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

    ResourceReader &m_reader;
    QString m_prefix;
    std::vector<Step> m_steps;
};

// The value of a key, the last one when the key is written twice: the one the API server keeps.
const YamlNode *findLast(const YamlNode &map, std::string_view key)
{
    const YamlNode *found = nullptr;
    for (std::size_t i = 0; map.isMapping() && i + 1 < map.children.size(); i += 2)
        if (map.children[i].kind == YamlNode::Kind::Scalar && map.children[i].value == key)
            found = &map.children[i + 1];
    return found;
}

ResourceKind kindOf(const QString &apiVersion, const QString &kind)
{
    const QString group = apiVersion.section(QLatin1Char('/'), 0, 0);
    const bool istio = group == QLatin1String("networking.istio.io");
    if (istio && kind == QLatin1String("VirtualService"))
        return ResourceKind::VirtualService;
    if (istio && kind == QLatin1String("DestinationRule"))
        return ResourceKind::DestinationRule;
    if (istio && kind == QLatin1String("Gateway"))
        return ResourceKind::Gateway;
    if (istio && kind == QLatin1String("ServiceEntry"))
        return ResourceKind::ServiceEntry;
    if (apiVersion == QLatin1String("v1") && kind == QLatin1String("Service"))
        return ResourceKind::Service;
    if (kind == QLatin1String("Pod") && apiVersion == QLatin1String("v1"))
        return ResourceKind::Workload;
    static const char *const workloadKinds[] = { "Deployment", "StatefulSet", "ReplicaSet", "DaemonSet" };
    if (group == QLatin1String("apps") || group == QLatin1String("extensions"))
        for (const char *k : workloadKinds)
            if (kind == QLatin1String(k))
                return ResourceKind::Workload;
    if (group == QLatin1String("argoproj.io") && kind == QLatin1String("Rollout"))
        return ResourceKind::Workload;
    return ResourceKind::Other;
}

} // namespace

const QList<DiagnosticCodeInfo> &ResourceReader::codes()
{
    using S = Diagnostic::Severity;
    // `true` last: the API server cannot accept such a document (kubectl's strict decoding refuses
    // duplicate fields), so export refuses it; see DiagnosticCodeInfo::rejectedByApiServer.
    static const QList<DiagnosticCodeInfo> table = {
        { QString::fromLatin1(CodeYamlSyntax), S::Error, QStringLiteral("YamlSyntaxError"),
            QStringLiteral(
                "The text is not valid YAML (or is hostile: alias bombs, nesting deeper than 256 levels)."),
            true },
        { QString::fromLatin1(CodeWrongType), S::Error, QStringLiteral("WrongType"),
            QStringLiteral(
                "A field has the wrong type (weight: \"most\"); the rest of the object still loads."),
            true },
        { QString::fromLatin1(CodeUnknownField), S::Warning, QStringLiteral("UnknownField"),
            QStringLiteral(
                "A field the API does not define; the API server would drop it. Kept in the file.") },
        { QString::fromLatin1(CodeInvalidUtf8), S::Error, QStringLiteral("InvalidUtf8"),
            QStringLiteral("The file is not UTF-8; its bytes are kept as read."), true },
        { QString::fromLatin1(CodeFileTooLarge), S::Error, QStringLiteral("FileTooLarge"),
            QStringLiteral("The file is larger than the loader's limit (64M unless --max-file-size says "
                           "otherwise) and was not read.") },
        { QString::fromLatin1(CodeUnreadable), S::Error, QStringLiteral("Unreadable"),
            QStringLiteral(
                "The file or folder could not be read; as a warning, a folder entry that was skipped (a "
                "FIFO, device, socket, or a dangling or looping link).") },
        { QString::fromLatin1(CodeDuplicateKey), S::Error, QStringLiteral("DuplicateKey"),
            QStringLiteral("A key appears twice in one mapping; the API server keeps only the last."), true },
        { QString::fromLatin1(CodeNotAnObject), S::Error, QStringLiteral("NotAnObject"),
            QStringLiteral(
                "A document is not a Kubernetes object (no apiVersion/kind); routing test files are info."),
            true },
    };
    return table;
}

ResourceReader::ResourceReader(const QString &file, int baseLine)
    : m_file(file)
    , m_baseLine(baseLine)
{ }

int ResourceReader::lineOf(const YamlNode &node) const
{
    return m_baseLine + node.start.line - 1;
}

const YamlNode *ResourceReader::keyOf(const YamlNode &value) const
{
    if ((!value.isMapping() && !value.isSequence()) || m_keys.empty() || m_keys.back().second != &value)
        return nullptr;
    return m_keys.back().first;
}

SourcePos ResourceReader::pos(const YamlNode &node) const
{
    SourcePos p { node.start.line, node.start.column, node.start.offset, node.endOffset };
    if (const YamlNode *key = keyOf(node)) {
        p.keyLine = key->start.line;
        p.keyColumn = key->start.column;
    }
    return p;
}

void ResourceReader::report(Diagnostic::Severity severity, const char *code, const YamlNode &at,
    const QString &path, const QString &message)
{
    Diagnostic d;
    d.severity = severity;
    d.code = QString::fromLatin1(code);
    d.message = message;
    d.file = m_file;
    const YamlNode &where = keyOf(at) ? *keyOf(at) : at;
    d.line = m_baseLine + where.start.line - 1;
    d.column = where.start.column;
    d.resource = m_currentResource;
    d.path = path;
    m_diagnostics.append(d);
}

QList<Resource> ResourceReader::read(const YamlNode &root)
{
    QList<Resource> out;
    if (root.isNull() || isNullScalar(root))
        return out; // an empty document (comments only) is fine
    if (root.isMapping() && root.find("testCases") && !root.find("kind")) {
        report(Severity::Info, CodeNotAnObject, root, {},
            QStringLiteral(
                "a routing test file, not a manifest: run it with \"meshroute test FILE -- MANIFESTS\""));
        return out;
    }
    if (!root.isMapping()) {
        report(Severity::Error, CodeNotAnObject, root, {},
            QStringLiteral("a Kubernetes manifest must be a mapping with apiVersion and kind, got %1")
                .arg(describeNode(root)));
        return out;
    }
    const YamlNode *kind = root.find("kind");
    const YamlNode *items = root.find("items");
    // `kubectl get -o yaml` prints `kind: List` (or FooList) with the objects in items.
    if (kind && kind->isScalar() && QString::fromStdString(kind->value).endsWith(QLatin1String("List"))
        && items) {
        if (!items->isSequence()) {
            if (!isNullScalar(*items))
                report(Severity::Error, CodeWrongType, *items, QStringLiteral("items"),
                    QStringLiteral("items must be a list, got %1").arg(describeNode(*items)));
            return out;
        }
        DuplicateKeyFinder(*this, QString()).walk(root, items); // each item is checked as an object
        for (std::size_t i = 0; i < items->children.size(); ++i)
            out.append(readObject(items->children[i], QStringLiteral("items[%1]").arg(i), int(i)));
        out.removeIf([](const Resource &r) { return r.kindName.value.isEmpty(); });
        return out;
    }
    Resource r = readObject(root, {}, -1);
    if (!r.kindName.value.isEmpty())
        out.append(r);
    return out;
}

Resource ResourceReader::readObject(const YamlNode &object, const QString &prefix, int listItem)
{
    Resource r;
    r.listItem = listItem;
    r.pos = pos(object);
    Fields f(*this);
    const Path path(nullptr, &prefix);
    auto sub = [&](const char *key) { return Path(&path, key); };
    if (!object.isMapping()) {
        report(Severity::Error, CodeNotAnObject, object, path,
            QStringLiteral("a Kubernetes object must be a mapping, got %1").arg(describeNode(object)));
        return r;
    }
    if (const YamlNode *v = findLast(object, "apiVersion"))
        r.apiVersion = f.string(*v, sub("apiVersion"));
    if (const YamlNode *v = findLast(object, "kind"))
        r.kindName = f.string(*v, sub("kind"));
    if (!r.apiVersion.present || !r.kindName.present) {
        report(Severity::Error, CodeNotAnObject, object, path,
            QStringLiteral("not a Kubernetes object: %1 missing; add apiVersion and kind")
                .arg(!r.apiVersion.present && !r.kindName.present ? QStringLiteral("apiVersion and kind are")
                        : !r.apiVersion.present                   ? QStringLiteral("apiVersion is")
                                                                  : QStringLiteral("kind is")));
        return r;
    }
    r.kind = kindOf(r.apiVersion.value, r.kindName.value);
    const bool istio = r.kind == ResourceKind::VirtualService || r.kind == ResourceKind::DestinationRule
        || r.kind == ResourceKind::Gateway;
    if (const YamlNode *v = findLast(object, "metadata"))
        r.metadata = f.metadata(*v, sub("metadata"), istio);
    m_currentResource = r.displayName();
    DuplicateKeyFinder(*this, prefix).walk(object, nullptr);
    if (istio) {
        MapReader top(*this, object, r.kindName.value, path);
        top.known({ "apiVersion", "kind", "metadata", "status" });
        top.field("spec", [&](const YamlNode &spec, const Path &p) {
            if (r.kind == ResourceKind::VirtualService)
                r.spec = f.virtualService(spec, p);
            else if (r.kind == ResourceKind::DestinationRule)
                r.spec = f.destinationRule(spec, p);
            else
                r.spec = f.gateway(spec, p);
        });
        if (std::holds_alternative<std::monostate>(r.spec)) {
            if (r.kind == ResourceKind::VirtualService)
                r.spec = VirtualService {};
            else if (r.kind == ResourceKind::DestinationRule)
                r.spec = DestinationRule {};
            else
                r.spec = Gateway {};
        }
        return r;
    }
    const YamlNode *spec = findLast(object, "spec");
    switch (r.kind) {
    case ResourceKind::Service:
        r.spec = spec ? f.service(*spec, sub("spec")) : KubernetesService {};
        break;
    case ResourceKind::ServiceEntry:
        r.spec = spec ? f.serviceEntry(*spec, sub("spec")) : ServiceEntry {};
        break;
    case ResourceKind::Workload:
        if (r.kindName.value == QLatin1String("Pod")) {
            Workload w;
            w.podLabels = r.metadata.labels;
            if (const YamlNode *md = findLast(object, "metadata"))
                if (const YamlNode *l = md->find("labels"))
                    w.podLabelsPos = pos(*l);
            r.spec = w;
        } else {
            Workload w = spec ? f.workload(*spec, sub("spec")) : Workload {};
            if (r.kindName.value == QLatin1String("DaemonSet"))
                w.replicas = Field<qint64> { 1, {}, false };
            r.spec = w;
        }
        break;
    default:
        break;
    }
    return r;
}

} // namespace meshroute
