#pragma once

#include "field.h"

#include <QString>

namespace meshroute {

// The short texts the graph's nodes and edges are labelled with, shared by
// the model (match summaries) and the builder (node details).
namespace GraphText {

// "ns/name".
QString qualifiedName(const QString &ns, const QString &name);
// "app=reviews, version=v1".
QString labels(const Labels &labels);
// "99%", or "33.3%" when the share is not a whole percent.
QString share(double share);

} // namespace GraphText

} // namespace meshroute
