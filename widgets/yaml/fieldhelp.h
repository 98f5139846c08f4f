#pragma once

#include <QString>

namespace meshroute {

// One line explaining an Istio or Kubernetes field, for tooltips on the keys
// of the YAML view (and any editor that wants them). Written from the Istio
// API reference in our own words.
class FieldHelp
{
public:
    // The explanation of `key` (e.g. "weight", "subset", "ignoreUriCase"), or empty.
    static QString toolTip(const QString &key);
};

} // namespace meshroute
