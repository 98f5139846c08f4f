#pragma once

#include "virtualservice.h"

#include <QList>
#include <QString>
#include <utility>
#include <vector>

namespace meshroute {

// How istiod merges a delegate VirtualService's rules into the root rule that
// delegates to them (reference 6.13, pilot/pkg/model/virtualservice.go).

// Whether the delegate match `leaf` leaves the root match `root`; `why` says where.
bool matchConflict(const HttpMatchRequest &root, const HttpMatchRequest &leaf, QString *why);
// The delegate match with what it leaves unset taken from the root match.
HttpMatchRequest mergeMatch(const HttpMatchRequest &root, const HttpMatchRequest &leaf);
// The delegate rule with what it leaves unset taken from the root rule.
HttpRoute mergeRule(const HttpRoute &root, const HttpRoute &leaf);
// The matches of a delegate rule merged with its root rule's (istiod's
// mergeHTTPMatchRequests): the non-conflicting pairs, each with the index of
// its delegate match (-1: the root's match, the delegate having none). False,
// with the last conflict in `why`, when a delegate match fits no root match:
// istiod then drops the delegate rule. Both empty: true and nothing merged.
bool mergeDelegateMatches(const QList<HttpMatchRequest> &root, const QList<HttpMatchRequest> &leaf,
    std::vector<std::pair<HttpMatchRequest, int>> *merged, QString *why);

} // namespace meshroute
