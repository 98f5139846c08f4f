#include "crdschemavalidator.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>

#include <re2/re2.h>

#include <limits>
#include <map>
#include <set>

namespace meshroute::test {

namespace {

enum class Type { Null, Bool, Int, Float, String, Map, Seq };

QString key(const QString &apiVersion, const QString &kind)
{
    return apiVersion + QLatin1Char(' ') + kind;
}

QString scalar(const YAML::Node &n)
{
    return n && n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
}

// How Kubernetes' YAML reader (go-yaml v2, YAML 1.1 resolution) types a plain scalar.
Type typeOf(const YAML::Node &n)
{
    if (!n || n.IsNull())
        return Type::Null;
    if (n.IsMap())
        return Type::Map;
    if (n.IsSequence())
        return Type::Seq;
    const std::string &tag = n.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return Type::String;
    static const QRegularExpression nullRe(QStringLiteral("^(~|null|Null|NULL|)$"));
    static const QRegularExpression boolRe(QStringLiteral(
        "^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"));
    static const QRegularExpression intRe(
        QStringLiteral("^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0[0-7_]+|0b[01_]+)$"));
    static const QRegularExpression floatRe(
        QStringLiteral("^([-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|"
                       "INF)|\\.(nan|NaN|NAN))$"));
    const QString v = QString::fromStdString(n.Scalar());
    if (tag == "tag:yaml.org,2002:int")
        return Type::Int;
    if (nullRe.match(v).hasMatch())
        return Type::Null;
    if (boolRe.match(v).hasMatch())
        return Type::Bool;
    if (intRe.match(v).hasMatch())
        return Type::Int;
    if (floatRe.match(v).hasMatch())
        return Type::Float;
    return Type::String;
}

QString typeName(Type t)
{
    switch (t) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("boolean");
    case Type::Int:
        return QStringLiteral("integer");
    case Type::Float:
        return QStringLiteral("number");
    case Type::String:
        return QStringLiteral("string");
    case Type::Map:
        return QStringLiteral("object");
    case Type::Seq:
        return QStringLiteral("array");
    }
    return {};
}

bool flag(const YAML::Node &schema, const char *name)
{
    return schema[name] && schema[name].IsScalar() && schema[name].Scalar() == "true";
}

bool typeOk(Type t, const YAML::Node &schema)
{
    if (flag(schema, "x-kubernetes-int-or-string"))
        return t == Type::Int || t == Type::String;
    if (!schema["type"])
        return true;
    const std::string want = schema["type"].Scalar();
    if (want == "object")
        return t == Type::Map;
    if (want == "array")
        return t == Type::Seq;
    if (want == "string")
        return t == Type::String;
    if (want == "boolean")
        return t == Type::Bool;
    if (want == "integer")
        return t == Type::Int;
    if (want == "number")
        return t == Type::Int || t == Type::Float;
    return true;
}

double number(const YAML::Node &n)
{
    return QString::fromStdString(n.Scalar()).remove(QLatin1Char('_')).toDouble();
}

// A value as text that is equal for equal values, for the uniqueness of list items.
std::string canonical(const YAML::Node &n)
{
    if (!n || n.IsNull())
        return "~";
    if (n.IsScalar())
        return "s" + n.Scalar();
    std::string out = n.IsMap() ? "{" : "[";
    if (n.IsMap()) {
        std::map<std::string, std::string> sorted;
        for (const auto &entry : n)
            sorted[entry.first.Scalar()] = canonical(entry.second);
        for (const auto &[k, v] : sorted)
            out += k + ":" + v + ",";
    } else {
        for (const YAML::Node &item : n)
            out += canonical(item) + ",";
    }
    return out + (n.IsMap() ? "}" : "]");
}

} // namespace

bool CrdSchemaValidator::addCrdFile(const QString &path, QString *error)
{
    try {
        addCrds(YAML::LoadAllFromFile(path.toStdString()));
    } catch (const YAML::Exception &e) {
        if (error)
            *error = path + QStringLiteral(": ") + QString::fromStdString(e.what());
        return false;
    }
    return true;
}

bool CrdSchemaValidator::addCrdText(const QByteArray &yaml, QString *error)
{
    try {
        addCrds(YAML::LoadAll(yaml.toStdString()));
    } catch (const YAML::Exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

void CrdSchemaValidator::addCrds(const std::vector<YAML::Node> &documents)
{
    for (const YAML::Node &doc : documents) {
        if (!doc.IsMap() || !doc["kind"] || doc["kind"].as<std::string>() != "CustomResourceDefinition")
            continue;
        const YAML::Node spec = doc["spec"];
        const QString group = QString::fromStdString(spec["group"].as<std::string>());
        const QString kind = QString::fromStdString(spec["names"]["kind"].as<std::string>());
        for (const YAML::Node &version : spec["versions"]) {
            const YAML::Node schema = version["schema"] ? version["schema"]["openAPIV3Schema"] : YAML::Node();
            if (schema)
                m_schemas.insert(
                    key(group + QLatin1Char('/') + QString::fromStdString(version["name"].as<std::string>()),
                        kind),
                    YAML::Clone(schema));
        }
    }
}

bool CrdSchemaValidator::addCrdFolder(const QString &dir, QString *error)
{
    for (const QString &name : QDir(dir).entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name))
        if (!addCrdFile(dir + QLatin1Char('/') + name, error))
            return false;
    return true;
}

QStringList CrdSchemaValidator::validate(const YAML::Node &object) const
{
    QStringList errors;
    if (const YAML::Node *schema = schemaFor(object))
        check(object, *schema, QString(), errors);
    return errors;
}

QStringList CrdSchemaValidator::validateStream(const QByteArray &yaml, int *checked) const
{
    QStringList out;
    try {
        int n = 0;
        for (const YAML::Node &doc : YAML::LoadAll(yaml.toStdString())) {
            ++n;
            if (!doc.IsMap() || !knows(doc))
                continue;
            if (checked)
                ++*checked;
            const QString what = QStringLiteral("document %1: %2 %3: ")
                                     .arg(n)
                                     .arg(scalar(doc["kind"]),
                                         doc["metadata"] ? scalar(doc["metadata"]["name"]) : QString());
            for (const QString &e : validate(doc))
                out.append(what + e);
        }
    } catch (const YAML::Exception &e) {
        out.append(QStringLiteral("not YAML: ") + QString::fromStdString(e.what()));
    }
    return out;
}

const YAML::Node *CrdSchemaValidator::schemaFor(const YAML::Node &object) const
{
    if (!object.IsMap() || !object["apiVersion"] || !object["kind"])
        return nullptr;
    const auto it = m_schemas.constFind(key(scalar(object["apiVersion"]), scalar(object["kind"])));
    return it == m_schemas.cend() ? nullptr : &*it;
}

bool CrdSchemaValidator::quiet(const YAML::Node &value, const YAML::Node &schema) const
{
    QStringList errors;
    check(value, schema, QString(), errors);
    return errors.isEmpty();
}

void CrdSchemaValidator::check(
    const YAML::Node &value, const YAML::Node &schema, const QString &path, QStringList &errors) const
{
    if (!schema || !schema.IsMap())
        return;
    const QString at = path.isEmpty() ? QStringLiteral("(object)") : path;
    const Type t = typeOf(value);
    if (t == Type::Null)
        return; // apiextensions.k8s.io/v1 prunes nulls of fields that are not nullable
    if (!typeOk(t, schema)) {
        errors.append(
            QStringLiteral("%1: expected %2, got %3")
                .arg(at, QString::fromStdString(schema["type"] ? schema["type"].Scalar() : "int-or-string"),
                    typeName(t)));
        return;
    }
    if (const YAML::Node values = schema["enum"]; values && values.IsSequence()) {
        bool found = false;
        for (const YAML::Node &v : values)
            found = found || (v.IsScalar() && value.IsScalar() && v.Scalar() == value.Scalar());
        if (!found)
            errors.append(
                QStringLiteral("%1: \"%2\" is not one of the allowed values").arg(at, scalar(value)));
    }
    if (t == Type::Int || t == Type::Float)
        checkNumber(value, schema, at, t == Type::Int, errors);
    if (t == Type::String)
        checkString(value, schema, at, errors);
    if (t == Type::Seq)
        checkList(value, schema, path, errors);
    if (t == Type::Map)
        checkMap(value, schema, path, errors);
    checkCombinations(value, schema, path, errors);
}

void CrdSchemaValidator::checkNumber(const YAML::Node &value, const YAML::Node &schema, const QString &at,
    bool isInt, QStringList &errors) const
{
    const double v = number(value);
    if (isInt && schema["format"]) {
        const std::string format = schema["format"].Scalar();
        double lo = 0, hi = -1;
        if (format == "int32")
            lo = std::numeric_limits<qint32>::min(), hi = std::numeric_limits<qint32>::max();
        else if (format == "uint32")
            lo = 0, hi = std::numeric_limits<quint32>::max();
        if (hi >= lo && (v < lo || v > hi))
            errors.append(QStringLiteral("%1: %2 is out of range for %3")
                              .arg(at, scalar(value), QString::fromStdString(format)));
    }
    if (schema["minimum"]
        && (flag(schema, "exclusiveMinimum") ? v <= number(schema["minimum"])
                                             : v < number(schema["minimum"])))
        errors.append(QStringLiteral("%1: %2 is below the minimum %3")
                          .arg(at, scalar(value), scalar(schema["minimum"])));
    if (schema["maximum"]
        && (flag(schema, "exclusiveMaximum") ? v >= number(schema["maximum"])
                                             : v > number(schema["maximum"])))
        errors.append(QStringLiteral("%1: %2 is above the maximum %3")
                          .arg(at, scalar(value), scalar(schema["maximum"])));
}

// Patterns are RE2, as the API server's (Go's regexp) are: QRegularExpression (PCRE2) reads some
// of them differently.
void CrdSchemaValidator::checkString(
    const YAML::Node &value, const YAML::Node &schema, const QString &at, QStringList &errors) const
{
    const QString s = scalar(value);
    // Go counts a string's length in runes (unicode code points), not UTF-16 units.
    const int length = int(s.toUcs4().size());
    if (schema["maxLength"] && length > schema["maxLength"].as<int>())
        errors.append(QStringLiteral("%1: longer than %2 characters").arg(at, scalar(schema["maxLength"])));
    if (schema["minLength"] && length < schema["minLength"].as<int>())
        errors.append(QStringLiteral("%1: shorter than %2 characters").arg(at, scalar(schema["minLength"])));
    if (schema["pattern"]) {
        const re2::RE2 &re = pattern(schema["pattern"].Scalar());
        if (re.ok() && !re2::RE2::PartialMatch(value.Scalar(), re))
            errors.append(
                QStringLiteral("%1: \"%2\" does not match %3").arg(at, s, scalar(schema["pattern"])));
    }
}

void CrdSchemaValidator::checkList(
    const YAML::Node &value, const YAML::Node &schema, const QString &path, QStringList &errors) const
{
    const QString at = path.isEmpty() ? QStringLiteral("(object)") : path;
    const int n = int(value.size());
    if (schema["maxItems"] && n > schema["maxItems"].as<int>())
        errors.append(QStringLiteral("%1: more than %2 items").arg(at, scalar(schema["maxItems"])));
    if (schema["minItems"] && n < schema["minItems"].as<int>())
        errors.append(QStringLiteral("%1: fewer than %2 items").arg(at, scalar(schema["minItems"])));
    for (int i = 0; i < n; ++i)
        check(value[i], schema["items"], QStringLiteral("%1[%2]").arg(path).arg(i), errors);
    // x-kubernetes-list-type: set items, and map items by their list-map-keys, are unique
    // (the API server answers "Duplicate value").
    const std::string listType
        = schema["x-kubernetes-list-type"] ? schema["x-kubernetes-list-type"].Scalar() : "";
    if (listType != "set" && listType != "map")
        return;
    std::set<std::string> seen;
    for (int i = 0; i < n; ++i) {
        std::string identity;
        if (listType == "set")
            identity = canonical(value[i]);
        else if (const YAML::Node keys = schema["x-kubernetes-list-map-keys"]; keys && keys.IsSequence())
            for (const YAML::Node &k : keys)
                identity += canonical(value[i][k.Scalar()]) + "|";
        if (!seen.insert(identity).second)
            errors.append(QStringLiteral("%1[%2]: duplicate item of a list of type %3")
                              .arg(path)
                              .arg(i)
                              .arg(QString::fromStdString(listType)));
    }
}

void CrdSchemaValidator::checkMap(
    const YAML::Node &value, const YAML::Node &schema, const QString &path, QStringList &errors) const
{
    const QString at = path.isEmpty() ? QStringLiteral("(object)") : path;
    const int n = int(value.size());
    if (schema["maxProperties"] && n > schema["maxProperties"].as<int>())
        errors.append(QStringLiteral("%1: more than %2 entries").arg(at, scalar(schema["maxProperties"])));
    if (schema["minProperties"] && n < schema["minProperties"].as<int>())
        errors.append(QStringLiteral("%1: fewer than %2 entries").arg(at, scalar(schema["minProperties"])));
    if (const YAML::Node required = schema["required"]; required && required.IsSequence())
        for (const YAML::Node &r : required)
            if (typeOf(value[r.Scalar()]) == Type::Null)
                errors.append(QStringLiteral("%1: %2 is required").arg(at, scalar(r)));
    const YAML::Node properties = schema["properties"];
    const YAML::Node extra = schema["additionalProperties"];
    for (const auto &entry : value) {
        const QString name = QString::fromStdString(entry.first.Scalar());
        const QString sub = path.isEmpty() ? name : path + QLatin1Char('.') + name;
        if (properties && properties[entry.first.Scalar()])
            check(entry.second, properties[entry.first.Scalar()], sub, errors);
        else if (extra && extra.IsMap())
            check(entry.second, extra, sub, errors);
        // else: preserved (x-kubernetes-preserve-unknown-fields) or pruned, never refused
    }
}

void CrdSchemaValidator::checkCombinations(
    const YAML::Node &value, const YAML::Node &schema, const QString &path, QStringList &errors) const
{
    const QString at = path.isEmpty() ? QStringLiteral("(object)") : path;
    if (const YAML::Node all = schema["allOf"]; all && all.IsSequence())
        for (const YAML::Node &s : all)
            check(value, s, path, errors);
    if (const YAML::Node any = schema["anyOf"]; any && any.IsSequence()) {
        bool ok = false;
        for (const YAML::Node &s : any)
            ok = ok || quiet(value, s);
        if (!ok)
            errors.append(at + QStringLiteral(": matches none of the allowed forms (anyOf)"));
    }
    if (const YAML::Node one = schema["oneOf"]; one && one.IsSequence()) {
        int matching = 0;
        for (const YAML::Node &s : one)
            matching += quiet(value, s) ? 1 : 0;
        if (matching != 1)
            errors.append(QStringLiteral("%1: matches %2 of the exclusive forms (oneOf), must be exactly 1")
                              .arg(at)
                              .arg(matching));
    }
    if (schema["not"] && quiet(value, schema["not"]))
        errors.append(at + QStringLiteral(": matches a forbidden form (not)"));
}

const re2::RE2 &CrdSchemaValidator::pattern(const std::string &text) const
{
    auto &slot = m_patterns[QString::fromStdString(text)];
    if (!slot)
        slot = std::make_shared<re2::RE2>(text, re2::RE2::Quiet);
    return *slot;
}

} // namespace meshroute::test
