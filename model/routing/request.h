#pragma once

#include "field.h"

#include <QString>
#include <QStringList>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute {

// One HTTP request as an Envoy proxy sees it, and who sends it.
//
// The request owns its text; the accessors return views into it so that
// matching never allocates. Header names are stored lower-cased (Envoy
// compares them case-insensitively), repeated headers are joined with ","
// as Envoy's header matchers see them, and the query is split once.
//
// The sender is either a sidecar in the mesh (a workload with labels and a
// namespace) or an ingress/egress gateway named `namespace/name`.
class Request
{
public:
    struct Header
    {
        std::string name; // lower-case
        std::string value;
    };

    Request() = default;

    // "GET http://reviews.default.svc.cluster.local:9080/reviews/0?x=1", "GET /productpage",
    // or a bare URL/path (GET). An absolute URL sets scheme, authority and port.
    bool setRequestLine(QStringView line, QString *error = nullptr);
    // "Name: value". Host and :authority set the authority; :method, :scheme, :path their fields.
    bool addHeaderLine(QStringView line, QString *error = nullptr);
    void addHeader(std::string_view name, std::string_view value);
    void removeHeader(std::string_view name);

    void setMethod(std::string_view method) { m_method = method; }
    void setScheme(std::string_view scheme);
    void setAuthority(std::string_view authority);
    void setPath(std::string_view pathAndQuery);
    // The port the request arrives on (listener port). 0: the URL's port, else
    // 80/443 by scheme; for a path-only request line, the Host header's port.
    void setPort(int port) { m_explicitPort = port; }

    // The sender. An empty gateway means a sidecar.
    void setGateway(const QString &namespaceSlashName) { m_gateway = namespaceSlashName; }
    void setSourceLabels(const Labels &labels) { m_sourceLabels = labels; }
    void setSourceNamespace(const QString &ns) { m_sourceNamespace = ns; }

    std::string_view method() const { return m_method; }
    std::string_view scheme() const { return m_scheme; }
    std::string_view authority() const { return m_authority; } // as sent, with its port if any
    std::string_view host() const { return m_host; } // lower-case, without port
    std::string_view path() const { return m_path; } // raw :path, with query
    std::string_view pathWithoutQuery() const { return std::string_view(m_path).substr(0, m_queryStart); }
    std::string_view query() const
    {
        return m_queryStart < m_path.size() ? std::string_view(m_path).substr(m_queryStart + 1)
                                            : std::string_view();
    }
    int port() const;
    int authorityPort() const { return m_authorityPort; } // 0 when the authority has none

    // Value of a header by lower-case name, or nullptr when absent. Pseudo
    // headers (:method, :scheme, :authority, :path) are answered too.
    const std::string *header(std::string_view lowerName) const;
    const std::vector<Header> &headers() const { return m_headers; }
    // The first value of a query parameter (raw, URL-encoded), or false.
    bool queryParam(std::string_view name, std::string_view *value) const;

    const QString &gateway() const { return m_gateway; }
    bool fromGateway() const { return !m_gateway.isEmpty(); }
    const Labels &sourceLabels() const { return m_sourceLabels; }
    const QString &sourceNamespace() const { return m_sourceNamespace; }

    // "GET http://host:port/path?query", for messages and reports.
    QString describe() const;

    // "a=1,b=2" -> labels; false with an error for a malformed pair.
    static bool parseLabels(QStringView text, Labels *out, QString *error = nullptr);

private:
    void indexQuery();
    void updateHost();

    std::string m_method = "GET";
    std::string m_scheme = "http";
    std::string m_authority;
    std::string m_host;
    std::string m_path = "/";
    std::size_t m_queryStart = 1; // index of '?' in m_path, or m_path.size()
    int m_authorityPort = 0;
    int m_urlPort = 0;
    int m_explicitPort = 0;
    bool m_absolute = false; // the request line named scheme://authority
    std::vector<Header> m_headers;
    struct Span
    {
        std::uint32_t keyOffset, keyLength, valueOffset, valueLength;
    };
    std::vector<Span> m_query;

    QString m_gateway;
    Labels m_sourceLabels;
    QString m_sourceNamespace;
};

} // namespace meshroute
