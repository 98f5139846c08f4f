#pragma once

// An independent check of exported YAML (test-side code, not the product):
// reads CustomResourceDefinitions' openAPIV3Schema with yaml-cpp (not
// meshroute's reader) and validates objects against them as the API server's
// structural-schema validation does: types (nullable, int-or-string),
// required, enum, int32/int64 ranges, minimum/maximum, lengths, patterns,
// min/maxItems, min/maxProperties, additionalProperties maps,
// oneOf/anyOf/allOf/not, x-kubernetes-preserve-unknown-fields and the unique
// items of x-kubernetes-list-type set and map. Unknown fields are pruned by the
// API server, not refused, so they are not errors; CEL rules
// (x-kubernetes-validations) are not evaluated. The same rules as
// scripts/validate-export, which runs with the Istio CRDs.
#include <QHash>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <memory>

namespace re2 {
class RE2;
}

namespace meshroute::test {

class CrdSchemaValidator
{
public:
    // Reads every CustomResourceDefinition of a YAML file; false with a message on a YAML error.
    bool addCrdFile(const QString &path, QString *error = nullptr);
    // The same from text (tests with small hand-written schemas).
    bool addCrdText(const QByteArray &yaml, QString *error = nullptr);
    bool addCrdFolder(const QString &dir, QString *error = nullptr);
    int schemaCount() const { return int(m_schemas.size()); }

    // Whether a CRD defines this apiVersion and kind.
    bool knows(const YAML::Node &object) const { return schemaFor(object) != nullptr; }

    // The schema errors of one object ("spec.http[0]: destination is required"); empty when valid
    // or when no CRD defines its kind.
    QStringList validate(const YAML::Node &object) const;

    // Every object of a YAML stream: "document N: Kind name: error" lines, or the parse error.
    QStringList validateStream(const QByteArray &yaml, int *checked = nullptr) const;

private:
    void addCrds(const std::vector<YAML::Node> &documents);
    const YAML::Node *schemaFor(const YAML::Node &object) const;
    bool quiet(const YAML::Node &value, const YAML::Node &schema) const;
    void check(
        const YAML::Node &value, const YAML::Node &schema, const QString &path, QStringList &errors) const;
    void checkNumber(const YAML::Node &value, const YAML::Node &schema, const QString &at, bool isInt,
        QStringList &errors) const;
    void checkString(
        const YAML::Node &value, const YAML::Node &schema, const QString &at, QStringList &errors) const;
    void checkList(
        const YAML::Node &value, const YAML::Node &schema, const QString &path, QStringList &errors) const;
    void checkMap(
        const YAML::Node &value, const YAML::Node &schema, const QString &path, QStringList &errors) const;
    void checkCombinations(
        const YAML::Node &value, const YAML::Node &schema, const QString &path, QStringList &errors) const;
    const re2::RE2 &pattern(const std::string &text) const;

    QHash<QString, YAML::Node> m_schemas; // "group/version Kind" -> openAPIV3Schema
    mutable QHash<QString, std::shared_ptr<re2::RE2>> m_patterns;
};

} // namespace meshroute::test
