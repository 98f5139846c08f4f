#include "yamlnodetext.h"

namespace meshroute {

QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

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
            return QStringLiteral("the string \"%1\"").arg(toQString(n.value).left(40));
        return QStringLiteral("\"%1\"").arg(toQString(n.value).left(40));
    }
    return {};
}

bool isNullScalar(const YamlNode &n)
{
    if (n.kind == YamlNode::Kind::Null)
        return true;
    if (n.kind != YamlNode::Kind::Scalar || n.style != YamlNode::Style::Plain)
        return false;
    return n.value == "~" || n.value == "null" || n.value == "Null" || n.value == "NULL";
}

} // namespace meshroute
