// The independent CRD schema validator (tests/model/resources/crdschemavalidator.h)
// on small hand-written schemas: each rule of the API server's structural-schema
// validation (k8s.io/apiextensions-apiserver pkg/apiserver/validation) that it
// enforces refuses exactly the value that breaks it, and lets the rest pass.
#include "crdschemavalidator.h"

#include <QtTest>

using meshroute::test::CrdSchemaValidator;

namespace {

// A CRD of kind Thing (example.com/v1) whose spec has the schema `specSchema`, indented for
// the place it goes (8 spaces: under `spec:` of openAPIV3Schema's properties).
QByteArray crd(const QByteArray &specSchema)
{
    QByteArray indented;
    for (const QByteArray &line : specSchema.split('\n'))
        if (!line.isEmpty())
            indented += "              " + line + "\n";
    return "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
           "metadata: {name: things.example.com}\nspec:\n  group: example.com\n"
           "  names: {kind: Thing, plural: things}\n  scope: Namespaced\n  versions:\n"
           "  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema:\n"
           "        type: object\n        properties:\n          spec:\n"
        + indented;
}

YAML::Node thing(const QByteArray &spec)
{
    return YAML::Load(
        ("apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec: " + spec).toStdString());
}

} // namespace

class TestCrdSchemaValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachRule_data();
    void eachRule();
    void otherKindsAndVersionsAreNotChecked();
    void aStreamNamesTheDocument();
};

void TestCrdSchemaValidator::eachRule_data()
{
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QStringList>("errors");
    const QByteArray port = "type: object\nproperties:\n  port: {type: integer, format: int32, minimum: 1, "
                            "maximum: 65535}\n";
    QTest::newRow("integer in range") << port << QByteArray("{port: 80}") << QStringList {};
    QTest::newRow("quoted number is a string")
        << port << QByteArray("{port: \"80\"}") << QStringList { "spec.port: expected integer, got string" };
    QTest::newRow("below minimum") << port << QByteArray("{port: 0}")
                                   << QStringList { "spec.port: 0 is below the minimum 1" };
    QTest::newRow("above maximum") << port << QByteArray("{port: 65536}")
                                   << QStringList { "spec.port: 65536 is above the maximum 65535" };
    QTest::newRow("past int32") << port << QByteArray("{port: 2147483648}")
                                << QStringList { "spec.port: 2147483648 is out of range for int32",
                                       "spec.port: 2147483648 is above the maximum 65535" };
    const QByteArray exclusive = "type: object\nproperties:\n  share: {type: number, minimum: 0, "
                                 "exclusiveMinimum: true}\n";
    QTest::newRow("exclusive minimum")
        << exclusive << QByteArray("{share: 0}") << QStringList { "spec.share: 0 is below the minimum 0" };
    QTest::newRow("yes is a boolean in YAML 1.1")
        << QByteArray("type: object\nproperties:\n  name: {type: string}\n") << QByteArray("{name: yes}")
        << QStringList { "spec.name: expected string, got boolean" };
    const QByteArray required = "type: object\nrequired: [name]\nproperties:\n  name: {type: string}\n";
    QTest::newRow("required missing")
        << required << QByteArray("{other: 1}") << QStringList { "spec: name is required" };
    QTest::newRow("required present, unknown pruned")
        << required << QByteArray("{name: a, other: 1}") << QStringList {};
    const QByteArray mode
        = "type: object\nproperties:\n  mode: {type: string, enum: [Terminate, Passthrough]}\n";
    QTest::newRow("enum member") << mode << QByteArray("{mode: Passthrough}") << QStringList {};
    QTest::newRow("enum outsider") << mode << QByteArray("{mode: terminate}")
                                   << QStringList {
                                          "spec.mode: \"terminate\" is not one of the allowed values"
                                      };
    const QByteArray path
        = "type: object\nproperties:\n  path: {type: string, pattern: '^/[a-z]*$', minLength: 1, "
          "maxLength: 4}\n";
    QTest::newRow("pattern") << path << QByteArray("{path: abc}")
                             << QStringList { "spec.path: \"abc\" does not match ^/[a-z]*$" };
    QTest::newRow("maxLength") << path << QByteArray("{path: /abcd}")
                               << QStringList { "spec.path: longer than 4 characters" };
    // Lengths count code points as Go's utf8.RuneCountInString does: "/ééé" is 4, not 7 bytes.
    QTest::newRow("maxLength counts runes")
        << QByteArray("type: object\nproperties:\n  path: {type: string, maxLength: 4}\n")
        << QByteArray("{path: \"/\u00e9\u00e9\u00e9\"}") << QStringList {};
    QTest::newRow("minLength") << path << QByteArray("{path: \"\"}")
                               << QStringList { "spec.path: shorter than 1 characters",
                                      "spec.path: \"\" does not match ^/[a-z]*$" };
    const QByteArray refs
        = "type: object\nproperties:\n  refs:\n    type: array\n    minItems: 1\n    maxItems: 2\n"
          "    items: {type: string}\n";
    QTest::newRow("maxItems") << refs << QByteArray("{refs: [a, b, c]}")
                              << QStringList { "spec.refs: more than 2 items" };
    QTest::newRow("minItems") << refs << QByteArray("{refs: []}")
                              << QStringList { "spec.refs: fewer than 1 items" };
    QTest::newRow("item type") << refs << QByteArray("{refs: [a, 2]}")
                               << QStringList { "spec.refs[1]: expected string, got integer" };
    const QByteArray labels = "type: object\nproperties:\n  labels:\n    type: object\n    maxProperties: 2\n"
                              "    additionalProperties: {type: string, maxLength: 3}\n";
    QTest::newRow("additionalProperties values") << labels << QByteArray("{labels: {a: abcd}}")
                                                 << QStringList { "spec.labels.a: longer than 3 characters" };
    QTest::newRow("maxProperties") << labels << QByteArray("{labels: {a: x1, b: x2, c: x3}}")
                                   << QStringList { "spec.labels: more than 2 entries" };
    const QByteArray intOrString
        = "type: object\nproperties:\n  target: {x-kubernetes-int-or-string: true}\n";
    QTest::newRow("int-or-string int") << intOrString << QByteArray("{target: 8080}") << QStringList {};
    QTest::newRow("int-or-string map") << intOrString << QByteArray("{target: {a: 1}}")
                                       << QStringList { "spec.target: expected int-or-string, got object" };
    const QByteArray set
        = "type: object\nproperties:\n  hosts:\n    type: array\n    x-kubernetes-list-type: set\n"
          "    items: {type: string}\n";
    QTest::newRow("list-type set duplicate")
        << set << QByteArray("{hosts: [a, b, a]}")
        << QStringList { "spec.hosts[2]: duplicate item of a list of type set" };
    const QByteArray map = "type: object\nproperties:\n  listeners:\n    type: array\n"
                           "    x-kubernetes-list-type: map\n    x-kubernetes-list-map-keys: [name]\n"
                           "    items:\n      type: object\n      properties:\n        name: {type: string}\n"
                           "        port: {type: integer}\n";
    QTest::newRow("list-type map unique keys")
        << map << QByteArray("{listeners: [{name: a, port: 1}, {name: b, port: 1}]}") << QStringList {};
    QTest::newRow("list-type map duplicate key")
        << map << QByteArray("{listeners: [{name: a, port: 1}, {name: a, port: 2}]}")
        << QStringList { "spec.listeners[1]: duplicate item of a list of type map" };
    const QByteArray oneOf = "type: object\nproperties:\n  a: {type: string}\n  b: {type: string}\n"
                             "oneOf:\n- required: [a]\n- required: [b]\n";
    QTest::newRow("oneOf exactly one") << oneOf << QByteArray("{a: x}") << QStringList {};
    QTest::newRow("oneOf both") << oneOf << QByteArray("{a: x, b: z}")
                                << QStringList {
                                       "spec: matches 2 of the exclusive forms (oneOf), must be exactly 1"
                                   };
    QTest::newRow("null field is pruned, not refused")
        << port << QByteArray("{port: null}") << QStringList {};
}

void TestCrdSchemaValidator::eachRule()
{
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, spec);
    QFETCH(QStringList, errors);
    CrdSchemaValidator validator;
    QString error;
    QVERIFY2(validator.addCrdText(crd(schema), &error), qPrintable(error));
    QCOMPARE(validator.schemaCount(), 1);
    const YAML::Node object = thing(spec);
    QVERIFY(validator.knows(object));
    // Joined, so that a failure prints both lists.
    QCOMPARE(validator.validate(object).join(QLatin1Char('\n')), errors.join(QLatin1Char('\n')));
}

void TestCrdSchemaValidator::otherKindsAndVersionsAreNotChecked()
{
    CrdSchemaValidator validator;
    QVERIFY(validator.addCrdText(crd("type: object\nrequired: [name]\n")));
    QVERIFY(!validator.validate(thing("{}")).isEmpty());
    const YAML::Node v2 = YAML::Load("apiVersion: example.com/v2\nkind: Thing\nspec: {}\n");
    const YAML::Node other = YAML::Load("apiVersion: example.com/v1\nkind: Other\nspec: {}\n");
    QVERIFY(!validator.knows(v2));
    QVERIFY(!validator.knows(other));
    QVERIFY(validator.validate(v2).isEmpty());
}

void TestCrdSchemaValidator::aStreamNamesTheDocument()
{
    CrdSchemaValidator validator;
    QVERIFY(validator.addCrdText(crd("type: object\nproperties:\n  port: {type: integer}\n")));
    int checked = 0;
    const QStringList errors = validator.validateStream(
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n"
        "apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: bad}\nspec: {port: x}\n",
        &checked);
    QCOMPARE(checked, 1);
    QCOMPARE(errors, QStringList { "document 2: Thing bad: spec.port: expected integer, got string" });
    QVERIFY(validator.validateStream("a: [", &checked).value(0).startsWith(QLatin1String("not YAML: ")));
}

QTEST_GUILESS_MAIN(TestCrdSchemaValidator)
#include "tst_crdschemavalidator.moc"
