#include "fieldreader.h"

#include "mapreader.h"
#include "plainscalar.h"

#include <cmath>
#include <limits>

namespace meshroute {

using Severity = Diagnostic::Severity;

Field<QString> FieldReader::string(const YamlNode &n, const FieldPath &path)
{
    Field<QString> f = scalarText(n, path, "a string");
    // The value is kept, so the views show what the file says, but the object is refused.
    if (f.present)
        reportNonString(n, path);
    return f;
}

Field<QString> FieldReader::intOrString(const YamlNode &n, const FieldPath &path)
{
    return scalarText(n, path, "a port number or name");
}

// The text of a scalar, whatever YAML would make of it; `what` names the expected type.
Field<QString> FieldReader::scalarText(const YamlNode &n, const FieldPath &path, const char *what)
{
    Field<QString> f;
    if (isNullScalar(n))
        return f;
    f.pos = m_reader.pos(n);
    if (n.kind != YamlNode::Kind::Scalar) {
        m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 must be %2, got %3")
                .arg(path.toString(), QLatin1String(what), describeNode(n)));
        return f;
    }
    f.value = m_reader.text(n.value);
    f.present = true;
    return f;
}

// A string field or map value written as a plain 8080, true or 1.5: the API
// server refuses the object ("must be of type string"), as YAML made it a number.
void FieldReader::reportNonString(const YamlNode &n, const FieldPath &path)
{
    if (n.style != YamlNode::Style::Plain || !n.tag.empty())
        return;
    const PlainScalar::Type type = PlainScalar::typeOf(n.value);
    if (type == PlainScalar::Type::String || type == PlainScalar::Type::Null)
        return;
    m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
        QStringLiteral("%1 must be a string, got %2 %3: the API server does not turn numbers or booleans "
                       "into strings; quote it: \"%3\"")
            .arg(path.toString(), QLatin1String(PlainScalar::describe(type)), toQString(n.value)));
}

Field<qint64> FieldReader::integer(const YamlNode &n, const FieldPath &path)
{
    Field<qint64> f;
    if (isNullScalar(n))
        return f;
    f.pos = m_reader.pos(n);
    bool ok = false;
    qint64 v = 0;
    if (n.kind == YamlNode::Kind::Scalar && !n.isQuoted()) {
        const QString text = toQString(n.value);
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
        m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 = %2 is out of range: no integer field of the API takes more than 64 bits")
                .arg(path.toString(), toQString(n.value)));
        return f;
    }
    if (!ok) {
        m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 must be an integer, got %2").arg(path.toString(), describeNode(n))
                + (n.isQuoted() ? QStringLiteral(": remove the quotes") : QString()));
        return f;
    }
    f.value = v;
    f.present = true;
    return f;
}

Field<qint64> FieldReader::int32(const YamlNode &n, const FieldPath &path)
{
    Field<qint64> f = integer(n, path);
    if (f.present
        && (f.value < std::numeric_limits<qint32>::min() || f.value > std::numeric_limits<qint32>::max()))
        m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 = %2 is out of range: the API server takes an int32 here (-2147483648 to "
                           "2147483647)")
                .arg(path.toString())
                .arg(f.value));
    return f;
}

Field<double> FieldReader::number(const YamlNode &n, const FieldPath &path)
{
    Field<double> f;
    if (isNullScalar(n))
        return f;
    f.pos = m_reader.pos(n);
    bool ok = false;
    double v = 0;
    if (n.kind == YamlNode::Kind::Scalar && !n.isQuoted())
        v = toQString(n.value).toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 must be a number, got %2").arg(path.toString(), describeNode(n)));
        return f;
    }
    f.value = v;
    f.present = true;
    return f;
}

Field<bool> FieldReader::boolean(const YamlNode &n, const FieldPath &path)
{
    Field<bool> f;
    if (isNullScalar(n))
        return f;
    f.pos = m_reader.pos(n);
    static const char *const truths[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };
    static const char *const falses[] = { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };
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
    m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
        QStringLiteral("%1 must be true or false, got %2").arg(path.toString(), describeNode(n)));
    return f;
}

QList<Field<QString>> FieldReader::strings(const YamlNode &n, const FieldPath &path)
{
    QList<Field<QString>> out;
    list(n, path, [&](const YamlNode &item, const FieldPath &p) {
        Field<QString> f = string(item, p);
        if (f.present)
            out.append(f);
    });
    return out;
}

Labels FieldReader::labels(const YamlNode &n, const FieldPath &path)
{
    Labels out;
    if (isNullScalar(n))
        return out;
    if (!n.isMapping()) {
        m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 must be a mapping of strings, got %2").arg(path.toString(), describeNode(n)));
        return out;
    }
    for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
        const YamlNode &k = n.children[i];
        const YamlNode &v = n.children[i + 1];
        const QString key = m_reader.text(k.value);
        const Field<QString> value = string(v, FieldPath(&path, &key));
        if (!value.present && !isNullScalar(v))
            continue; // reported; a null value is an empty one
        // A key written twice (MR0007): the last one counts, as in the cluster.
        out.removeIf([&](const Label &l) { return l.key == key; });
        out.append(Label { key, value.value, m_reader.pos(k) });
    }
    return out;
}

QList<Entry<QString>> FieldReader::stringEntries(const YamlNode &n, const FieldPath &path)
{
    QList<Entry<QString>> out;
    for (const Label &l : labels(n, path))
        out.append(Entry<QString> { l.key, l.pos, l.value });
    return out;
}

Destination FieldReader::destination(const YamlNode &n, const FieldPath &path)
{
    Destination d;
    d.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("Destination"), path);
    r.field("host", [&](const YamlNode &v, const FieldPath &p) { d.host = string(v, p); });
    r.field("subset", [&](const YamlNode &v, const FieldPath &p) { d.subset = string(v, p); });
    r.field("port", [&](const YamlNode &v, const FieldPath &p) {
        MapReader pr(m_reader, v, QStringLiteral("PortSelector"), p);
        pr.field("number", [&](const YamlNode &nv, const FieldPath &np) { d.port.number = integer(nv, np); });
    });
    return d;
}

ObjectMeta FieldReader::metadata(const YamlNode &n, const FieldPath &path, bool strict)
{
    ObjectMeta m;
    m.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("metadata"), path, strict);
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { m.name = string(v, p); });
    r.field("namespace", [&](const YamlNode &v, const FieldPath &p) { m.namespace_ = string(v, p); });
    r.field("labels", [&](const YamlNode &v, const FieldPath &p) { m.labels = labels(v, p); });
    r.field("annotations", [&](const YamlNode &v, const FieldPath &p) { m.annotations = labels(v, p); });
    r.field("creationTimestamp",
        [&](const YamlNode &v, const FieldPath &p) { m.creationTimestamp = string(v, p); });
    r.known({ "generateName", "uid", "resourceVersion", "generation", "selfLink", "managedFields",
        "ownerReferences", "finalizers", "deletionTimestamp", "deletionGracePeriodSeconds" });
    return m;
}

void FieldReader::reportNotAList(const YamlNode &n, const FieldPath &path)
{
    m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
        QStringLiteral("%1 must be a list, got %2").arg(path.toString(), describeNode(n)));
}

} // namespace meshroute
