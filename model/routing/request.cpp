#include "request.h"

#include <algorithm>
#include <charconv>

namespace meshroute {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

// Splits "host:port" / "[v6]:port"; returns the port or 0.
int splitAuthority(std::string_view authority, std::string_view *host)
{
    std::string_view h = authority;
    int port = 0;
    if (!h.empty() && h.front() == '[') {
        const auto close = h.find(']');
        if (close != std::string_view::npos) {
            if (close + 1 < h.size() && h[close + 1] == ':') {
                const std::string_view p = h.substr(close + 2);
                std::from_chars(p.data(), p.data() + p.size(), port);
            }
            h = h.substr(0, close + 1);
        }
    } else {
        const auto colon = h.rfind(':');
        if (colon != std::string_view::npos && h.find(':') == colon) {
            const std::string_view p = h.substr(colon + 1);
            int value = 0;
            const auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), value);
            if (ec == std::errc() && ptr == p.data() + p.size())
                port = value;
            h = h.substr(0, colon);
        }
    }
    *host = h;
    return port;
}

// The text after the port colon of "host:port" / "[v6]:port"; empty when there is none.
std::string_view portText(std::string_view authority)
{
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close != std::string_view::npos && close + 1 < authority.size() && authority[close + 1] == ':')
            return authority.substr(close + 2);
        return {};
    }
    const auto colon = authority.rfind(':');
    if (colon == std::string_view::npos || authority.find(':') != colon)
        return {};
    return authority.substr(colon + 1);
}

} // namespace

void Request::setScheme(std::string_view scheme)
{
    m_scheme = lower(scheme);
}

void Request::setAuthority(std::string_view authority)
{
    m_authority = authority;
    updateHost();
}

void Request::updateHost()
{
    std::string_view h;
    m_authorityPort = splitAuthority(m_authority, &h);
    m_host = lower(h);
    // A fully qualified "name." and "name" are the same DNS name.
    if (!m_host.empty() && m_host.back() == '.')
        m_host.pop_back();
}

void Request::setPath(std::string_view pathAndQuery)
{
    m_path = pathAndQuery.empty() ? std::string("/") : std::string(pathAndQuery);
    // A fragment is never sent by a client.
    const auto hash = m_path.find('#');
    if (hash != std::string::npos)
        m_path.resize(hash);
    indexQuery();
}

void Request::indexQuery()
{
    m_query.clear();
    const auto q = m_path.find('?');
    m_queryStart = q == std::string::npos ? m_path.size() : q;
    if (q == std::string::npos)
        return;
    std::size_t pos = q + 1;
    while (pos <= m_path.size()) {
        std::size_t end = m_path.find('&', pos);
        if (end == std::string::npos)
            end = m_path.size();
        if (end > pos) {
            const std::size_t eq = m_path.find('=', pos);
            Span s;
            s.keyOffset = std::uint32_t(pos);
            if (eq != std::string::npos && eq < end) {
                s.keyLength = std::uint32_t(eq - pos);
                s.valueOffset = std::uint32_t(eq + 1);
                s.valueLength = std::uint32_t(end - eq - 1);
            } else {
                s.keyLength = std::uint32_t(end - pos);
                s.valueOffset = std::uint32_t(end);
                s.valueLength = 0;
            }
            m_query.push_back(s);
        }
        pos = end + 1;
    }
}

bool Request::setRequestLine(QStringView line, QString *error)
{
    const std::string text = line.toString().trimmed().toStdString();
    std::string_view rest = text;
    std::string_view target = rest;
    const auto space = rest.find_first_of(" \t");
    if (space != std::string_view::npos) {
        m_method = rest.substr(0, space);
        target = trim(rest.substr(space + 1));
        // "GET /path HTTP/1.1": drop the protocol version.
        const auto sp2 = target.find_first_of(" \t");
        if (sp2 != std::string_view::npos)
            target = target.substr(0, sp2);
    } else {
        m_method = "GET";
    }
    if (m_method.empty() || target.empty()) {
        if (error)
            *error = QStringLiteral("request must be \"METHOD URL\", got \"%1\"").arg(line);
        return false;
    }
    const auto schemeEnd = target.find("://");
    if (schemeEnd != std::string_view::npos) {
        setScheme(target.substr(0, schemeEnd));
        if (m_scheme != "http" && m_scheme != "https" && m_scheme != "grpc") {
            if (error)
                *error
                    = QStringLiteral("unsupported URL scheme \"%1\"").arg(QString::fromStdString(m_scheme));
            return false;
        }
        if (m_scheme == "grpc")
            m_scheme = "http";
        std::string_view afterScheme = target.substr(schemeEnd + 3);
        const auto slash = afterScheme.find_first_of("/?");
        std::string_view authority = afterScheme.substr(0, slash);
        // user:password@host is not part of the authority Envoy routes on.
        const auto at = authority.rfind('@');
        if (at != std::string_view::npos)
            authority = authority.substr(at + 1);
        if (authority.empty()) {
            if (error)
                *error = QStringLiteral("URL without a host: \"%1\"").arg(line);
            return false;
        }
        // A port that does not fit must not quietly become the scheme's default.
        if (const std::string_view port = portText(authority); !port.empty()) {
            long long value = 0;
            const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
            if (ec != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535) {
                if (error)
                    *error = QStringLiteral("URL port \"%1\" is not a port number (1..65535)")
                                 .arg(QString::fromUtf8(port.data(), qsizetype(port.size())));
                return false;
            }
        }
        setAuthority(authority);
        m_urlPort = m_authorityPort;
        m_absolute = true;
        std::string path
            = slash == std::string_view::npos ? std::string("/") : std::string(afterScheme.substr(slash));
        if (path.front() == '?')
            path.insert(path.begin(), '/');
        setPath(path);
    } else if (target.front() == '/') {
        m_absolute = false;
        m_urlPort = 0;
        setPath(target);
    } else {
        if (error)
            *error = QStringLiteral(
                "request target must be an absolute URL or a path starting with /, got \"%1\"")
                         .arg(QString::fromStdString(std::string(target)));
        return false;
    }
    return true;
}

bool Request::addHeaderLine(QStringView line, QString *error)
{
    const std::string text = line.toString().toStdString();
    // A pseudo header starts with ':', so look for the separator after it.
    const auto colon = text.find(':', text.size() > 0 && text[0] == ':' ? 1 : 0);
    if (colon == std::string::npos || colon == 0) {
        if (error)
            *error = QStringLiteral("header must be \"Name: value\", got \"%1\"").arg(line);
        return false;
    }
    const std::string_view name = trim(std::string_view(text).substr(0, colon));
    const std::string_view value = trim(std::string_view(text).substr(colon + 1));
    if (name.empty()) {
        if (error)
            *error = QStringLiteral("header without a name: \"%1\"").arg(line);
        return false;
    }
    addHeader(name, value);
    return true;
}

void Request::addHeader(std::string_view name, std::string_view value)
{
    const std::string n = lower(name);
    // HTTP/1 Host is HTTP/2 :authority; Envoy matches it only as :authority.
    if (n == "host" || n == ":authority") {
        setAuthority(value);
        return;
    }
    if (n == ":method") {
        m_method = value;
        return;
    }
    if (n == ":scheme") {
        setScheme(value);
        return;
    }
    if (n == ":path") {
        setPath(value);
        return;
    }
    for (Header &h : m_headers)
        if (h.name == n) {
            // Envoy's header matchers see repeated headers joined with commas.
            h.value.append(",").append(value);
            return;
        }
    m_headers.push_back({ n, std::string(value) });
}

void Request::removeHeader(std::string_view name)
{
    const std::string n = lower(name);
    m_headers.erase(
        std::remove_if(m_headers.begin(), m_headers.end(), [&](const Header &h) { return h.name == n; }),
        m_headers.end());
}

int Request::port() const
{
    if (m_explicitPort > 0)
        return m_explicitPort;
    if (m_urlPort > 0)
        return m_urlPort;
    if (!m_absolute && m_authorityPort > 0)
        return m_authorityPort;
    return m_scheme == "https" ? 443 : 80;
}

const std::string *Request::header(std::string_view lowerName) const
{
    if (!lowerName.empty() && lowerName.front() == ':') {
        if (lowerName == ":method")
            return &m_method;
        if (lowerName == ":scheme")
            return &m_scheme;
        if (lowerName == ":authority")
            return m_authority.empty() ? nullptr : &m_authority;
        if (lowerName == ":path")
            return &m_path;
        return nullptr;
    }
    for (const Header &h : m_headers)
        if (h.name == lowerName)
            return &h.value;
    return nullptr;
}

bool Request::queryParam(std::string_view name, std::string_view *value) const
{
    const std::string_view p = m_path;
    for (const Span &s : m_query)
        if (p.substr(s.keyOffset, s.keyLength) == name) {
            *value = p.substr(s.valueOffset, s.valueLength);
            return true;
        }
    return false;
}

QString Request::describe() const
{
    QString out = QString::fromStdString(m_method) + QLatin1Char(' ');
    if (!m_authority.empty()) {
        out += QString::fromStdString(m_scheme) + QStringLiteral("://") + QString::fromStdString(m_authority);
        if (m_authorityPort == 0 && (m_explicitPort > 0 || m_urlPort > 0))
            out += QLatin1Char(':') + QString::number(port());
    }
    out += QString::fromStdString(m_path);
    return out;
}

bool Request::parseLabels(QStringView text, Labels *out, QString *error)
{
    out->clear();
    const QString s = text.toString().trimmed();
    if (s.isEmpty())
        return true;
    for (const QString &pair : s.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            if (error)
                *error = QStringLiteral("labels must be key=value[,key=value...], got \"%1\"").arg(pair);
            return false;
        }
        Label l;
        l.key = pair.left(eq).trimmed();
        l.value = pair.mid(eq + 1).trimmed();
        out->append(l);
    }
    return true;
}

} // namespace meshroute
