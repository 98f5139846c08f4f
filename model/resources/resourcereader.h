#pragma once

#include "diagnostic.h"
#include "diagnosticcodeinfo.h"
#include "resource.h"
#include "yamlnode.h"

#include <QList>
#include <QString>

#include <utility>

namespace meshroute {

class FieldPath;

// Turns the YAML tree of one document into typed resources (several for a
// `kind: List`), reporting wrong types, unknown fields and duplicate keys
// as diagnostics on the exact value while the rest of the document loads.
class ResourceReader
{
public:
    // `file` and `baseLine` only label diagnostics; positions in the
    // resources stay relative to the document.
    ResourceReader(const QString &file, int baseLine);

    QList<Resource> read(const YamlNode &root);
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    // The loader's own diagnostic codes (documented in the README's table).
    static constexpr const char *CodeYamlSyntax = "MR0001";
    static constexpr const char *CodeWrongType = "MR0002";
    static constexpr const char *CodeUnknownField = "MR0003";
    static constexpr const char *CodeInvalidUtf8 = "MR0004";
    static constexpr const char *CodeFileTooLarge = "MR0005";
    static constexpr const char *CodeUnreadable = "MR0006";
    static constexpr const char *CodeDuplicateKey = "MR0007";
    static constexpr const char *CodeNotAnObject = "MR0008";

    // The loader's codes, for `meshroute check --list-codes` and the README.
    static const QList<DiagnosticCodeInfo> &codes();

    // Reports against a node of this document (used by the field readers).
    void report(Diagnostic::Severity severity, const char *code, const YamlNode &at, const QString &path,
        const QString &message);
    SourcePos pos(const YamlNode &node) const;
    // The line of a node in its file.
    int lineOf(const YamlNode &node) const;
    // The value being read under its key (MapReader::field), so that a mapping or list value is
    // reported at its key. Only the innermost one counts: each field() keeps the outer one on its
    // own stack frame and puts it back when it returns.
    struct KeyedValue
    {
        const YamlNode *key = nullptr;
        const YamlNode *value = nullptr;
    };
    KeyedValue enterValue(const YamlNode &key, const YamlNode &value)
    {
        return std::exchange(m_current, KeyedValue { &key, &value });
    }
    void leaveValue(KeyedValue outer) { m_current = outer; }

private:
    Resource readObject(const YamlNode &object, const QString &path, int listItem);
    void readIstioSpec(Resource &r, const YamlNode &object, const FieldPath &path);
    void readGatewayApiSpec(Resource &r, const YamlNode &object, const FieldPath &path);
    void readOtherSpec(Resource &r, const YamlNode &object, const FieldPath &path);

    QString m_file;
    int m_baseLine;
    Diagnostics m_diagnostics;
    // Names the resource in every diagnostic; set once its metadata is read.
    QString m_currentResource;
    KeyedValue m_current;
    const YamlNode *keyOf(const YamlNode &value) const;
};

} // namespace meshroute
