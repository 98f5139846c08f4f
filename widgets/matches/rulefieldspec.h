#pragma once

#include "yamlnode.h"

#include <QList>
#include <QString>

namespace meshroute {

// One plain field of the rule editor: the HTTP route field it edits (a dotted
// YAML path), its label and tool tip, and how its text is checked and
// written to YAML. The tables list the fields in the order of the form.
struct RuleFieldSpec
{
    enum class Kind { Text, Duration, Number, Percent, Boolean, List, Map, Regex, RetryOn };

    const char *path = "";
    const char *label = "";
    Kind kind = Kind::Text;
    int min = 0, max = 0; // for Number
    const char *toolTip = "";

    struct Section
    {
        const char *title;
        QList<RuleFieldSpec> fields;
    };
    // The fields above the sections, then the foldable sections.
    static const QList<RuleFieldSpec> &general();
    static const QList<Section> &sections();

    // What is wrong with `text` for this field, or empty (an empty text is valid: it removes the field).
    QString validate(const QString &text) const;
    // `text` as the YAML node the field is set to.
    YamlNode value(const QString &text) const;
};

} // namespace meshroute
