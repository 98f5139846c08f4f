#pragma once

// An independent check of exported YAML: reads CustomResourceDefinitions'
// openAPIV3Schema with yaml-cpp (not meshroute's reader) and validates
// objects against them as the API server's structural-schema validation
// does: types (nullable, int-or-string), required, enum, int32/int64 ranges,
// minimum/maximum, lengths, patterns (RE2, as Go's regexp), min/maxItems,
// min/maxProperties, additionalProperties maps, oneOf/anyOf/allOf/not and
// x-kubernetes-preserve-unknown-fields. Unknown fields are pruned by the API
// server, not refused, so they are not errors; CEL rules are not evaluated.
// The same rules as scripts/validate-export, which runs with the Istio CRDs.
#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <limits>
#include <memory>

namespace meshroute::test {

class CrdSchemaValidator
{
public:
    // Reads every CustomResourceDefinition of a YAML file; false with a message on a YAML error.
    bool addCrdFile(const QString &path, QString *error = nullptr)
    {
        try {
            for (const YAML::Node &doc : YAML::LoadAllFromFile(path.toStdString())) {
                if (!doc.IsMap() || !doc["kind"]
                    || doc["kind"].as<std::string>() != "CustomResourceDefinition")
                    continue;
                const YAML::Node spec = doc["spec"];
                const QString group = QString::fromStdString(spec["group"].as<std::string>());
                const QString kind = QString::fromStdString(spec["names"]["kind"].as<std::string>());
                for (const YAML::Node &version : spec["versions"]) {
                    const YAML::Node schema
                        = version["schema"] ? version["schema"]["openAPIV3Schema"] : YAML::Node();
                    if (schema)
                        m_schemas.insert(key(group + QLatin1Char('/')
                                                 + QString::fromStdString(version["name"].as<std::string>()),
                                             kind),
                            YAML::Clone(schema));
                }
            }
        } catch (const YAML::Exception &e) {
            if (error)
                *error = path + QStringLiteral(": ") + QString::fromStdString(e.what());
            return false;
        }
        return true;
    }
    bool addCrdFolder(const QString &dir, QString *error = nullptr)
    {
        for (const QString &name : QDir(dir).entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name))
            if (!addCrdFile(dir + QLatin1Char('/') + name, error))
                return false;
        return true;
    }
    int schemaCount() const { return int(m_schemas.size()); }

    // Whether a CRD defines this apiVersion and kind.
    bool knows(const YAML::Node &object) const { return schemaFor(object) != nullptr; }

    // The schema errors of one object ("spec.http[0]: destination is required"); empty when valid
    // or when no CRD defines its kind.
    QStringList validate(const YAML::Node &object) const
    {
        QStringList errors;
        if (const YAML::Node *schema = schemaFor(object))
            check(object, *schema, QString(), errors);
        return errors;
    }

    // Every object of a YAML stream: "document N: Kind name: error" lines, or the parse error.
    QStringList validateStream(const QByteArray &yaml, int *checked = nullptr) const
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

private:
    enum class Type { Null, Bool, Int, Float, String, Map, Seq };

    static QString key(const QString &apiVersion, const QString &kind)
    {
        return apiVersion + QLatin1Char(' ') + kind;
    }
    static QString scalar(const YAML::Node &n)
    {
        return n && n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
    }

    const YAML::Node *schemaFor(const YAML::Node &object) const
    {
        if (!object.IsMap() || !object["apiVersion"] || !object["kind"])
            return nullptr;
        const auto it = m_schemas.constFind(key(scalar(object["apiVersion"]), scalar(object["kind"])));
        return it == m_schemas.cend() ? nullptr : &*it;
    }

    // How Kubernetes' YAML reader (go-yaml v2, YAML 1.1 resolution) types a plain scalar.
    static Type typeOf(const YAML::Node &n)
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
    static QString typeName(Type t)
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
    static bool flag(const YAML::Node &schema, const char *name)
    {
        return schema[name] && schema[name].IsScalar() && schema[name].Scalar() == "true";
    }
    static bool typeOk(Type t, const YAML::Node &schema)
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
    static double number(const YAML::Node &n)
    {
        return QString::fromStdString(n.Scalar()).remove(QLatin1Char('_')).toDouble();
    }

    bool quiet(const YAML::Node &value, const YAML::Node &schema) const
    {
        QStringList errors;
        check(value, schema, QString(), errors);
        return errors.isEmpty();
    }

    void check(
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
                    .arg(at,
                        QString::fromStdString(schema["type"] ? schema["type"].Scalar() : "int-or-string"),
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
        if (t == Type::Int || t == Type::Float) {
            const double v = number(value);
            if (t == Type::Int && schema["format"]) {
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
        if (t == Type::String) {
            const QString s = scalar(value);
            if (schema["maxLength"] && s.size() > schema["maxLength"].as<int>())
                errors.append(
                    QStringLiteral("%1: longer than %2 characters").arg(at, scalar(schema["maxLength"])));
            if (schema["minLength"] && s.size() < schema["minLength"].as<int>())
                errors.append(
                    QStringLiteral("%1: shorter than %2 characters").arg(at, scalar(schema["minLength"])));
            if (schema["pattern"]) {
                const RE2 &re = pattern(schema["pattern"].Scalar());
                if (re.ok() && !RE2::PartialMatch(value.Scalar(), re))
                    errors.append(
                        QStringLiteral("%1: \"%2\" does not match %3").arg(at, s, scalar(schema["pattern"])));
            }
        }
        if (t == Type::Seq) {
            const int n = int(value.size());
            if (schema["maxItems"] && n > schema["maxItems"].as<int>())
                errors.append(QStringLiteral("%1: more than %2 items").arg(at, scalar(schema["maxItems"])));
            if (schema["minItems"] && n < schema["minItems"].as<int>())
                errors.append(QStringLiteral("%1: fewer than %2 items").arg(at, scalar(schema["minItems"])));
            for (int i = 0; i < n; ++i)
                check(value[i], schema["items"], QStringLiteral("%1[%2]").arg(path).arg(i), errors);
        }
        if (t == Type::Map) {
            const int n = int(value.size());
            if (schema["maxProperties"] && n > schema["maxProperties"].as<int>())
                errors.append(
                    QStringLiteral("%1: more than %2 entries").arg(at, scalar(schema["maxProperties"])));
            if (schema["minProperties"] && n < schema["minProperties"].as<int>())
                errors.append(
                    QStringLiteral("%1: fewer than %2 entries").arg(at, scalar(schema["minProperties"])));
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
                errors.append(
                    QStringLiteral("%1: matches %2 of the exclusive forms (oneOf), must be exactly 1")
                        .arg(at)
                        .arg(matching));
        }
        if (schema["not"] && quiet(value, schema["not"]))
            errors.append(at + QStringLiteral(": matches a forbidden form (not)"));
    }

    const RE2 &pattern(const std::string &text) const
    {
        auto &slot = m_patterns[QString::fromStdString(text)];
        if (!slot)
            slot = std::make_shared<RE2>(text, RE2::Quiet);
        return *slot;
    }

    QHash<QString, YAML::Node> m_schemas; // "group/version Kind" -> openAPIV3Schema
    mutable QHash<QString, std::shared_ptr<RE2>> m_patterns;
};

} // namespace meshroute::test
