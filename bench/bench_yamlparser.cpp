// Throughput of YamlParser's fast path against yaml-cpp's event parser, both
// single-threaded on the same documents.
// Usage: bench_yamlparser [file.yaml] [repetitions]
// Without a file it generates 5,000 VirtualServices (about 14 MB) in memory,
// like /tmp/exp/gen.py.
#include "yamlcppparser.h"
#include "yamlfastparser.h"
#include "yamlparser.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

using namespace meshroute;

namespace {

std::string generate()
{
    std::string out;
    out.reserve(15 << 20);
    for (int i = 0; i < 5000; ++i) {
        const std::string svc = "svc" + std::to_string(i);
        const std::string host = svc + ".ns" + std::to_string(i % 50) + ".svc.cluster.local";
        if (i)
            out += "---\n";
        out += "apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: vs-"
            + std::to_string(i) + "\n  namespace: ns" + std::to_string(i % 50) + "\n  labels:\n    app: "
            + svc + "\nspec:\n  hosts:\n  - " + host + "\n  gateways:\n  - mesh\n  http:\n";
        for (int r = 0; r < 5; ++r) {
            const std::string rs = std::to_string(r);
            out += "  - name: rule-" + rs + "\n    match:\n    - uri:\n        prefix: /api/v" + rs + "/"
                + svc + "\n      headers:\n        x-user:\n          exact: user" + rs
                + "\n    - uri:\n        regex: \"/items/[0-9]+/" + rs + "\"\n    route:\n";
            for (int v = 1; v <= 2; ++v)
                out += "    - destination:\n        host: " + host + "\n        subset: v" + std::to_string(v)
                    + "\n        port:\n          number: 9080\n      weight: " + (v == 1 ? "90" : "10")
                    + "\n";
            out += "    timeout: 5s\n    retries:\n      attempts: 3\n      perTryTimeout: 2s\n";
        }
    }
    return out;
}

// Counts events, like the measurement that motivated the fast path.
struct CountingHandler : YAML::EventHandler
{
    long events = 0;
    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { ++events; }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { ++events; }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override
    {
        ++events;
    }
    void OnSequenceStart(
        const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        ++events;
    }
    void OnSequenceEnd() override { }
    void OnMapStart(
        const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        ++events;
    }
    void OnMapEnd() override { }
};

long countNodes(const YamlNode &node)
{
    long count = 1;
    for (const YamlNode &child : node.children)
        count += countNodes(child);
    return count;
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU time of this (single-threaded) process: less disturbed than wall time
// when colleagues' builds share the cores.
double cpuSeconds()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}

} // namespace

int main(int argc, char **argv)
{
    std::string text;
    if (argc > 1) {
        std::ifstream file(argv[1], std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "cannot read %s\n", argv[1]);
            return 1;
        }
        std::ostringstream buffer;
        buffer << file.rdbuf();
        text = buffer.str();
    } else {
        text = generate();
    }
    const int repetitions = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const double megabytes = double(text.size()) / 1e6;

    auto t0 = std::chrono::steady_clock::now();
    const auto spans = YamlParser::splitDocuments(text);
    const double splitTime = seconds(t0);
    std::printf("input: %.2f MB, %zu documents; split: %.1f ms (%.0f MB/s)\n", megabytes, spans.size(),
        splitTime * 1e3, megabytes / splitTime);

    // Best of N runs, wall and CPU time: the machine is shared, the minimum is
    // the least disturbed run.
    struct Timing
    {
        double wall = 1e9;
        double cpu = 1e9;
    };
    auto measure = [&](int runs, auto &&body) {
        Timing best;
        for (int run = 0; run < runs; ++run) {
            const auto wall0 = std::chrono::steady_clock::now();
            const double cpu0 = cpuSeconds();
            body();
            best.cpu = std::min(best.cpu, cpuSeconds() - cpu0);
            best.wall = std::min(best.wall, seconds(wall0));
        }
        return best;
    };
    auto report = [&](const char *what, Timing timing, const std::string &extra) {
        std::printf("%-28s wall %7.1f ms %6.1f MB/s | cpu %7.1f ms %6.1f MB/s  %s\n", what, timing.wall * 1e3,
            megabytes / timing.wall, timing.cpu * 1e3, megabytes / timing.cpu, extra.c_str());
    };

    long nodes = 0;
    int unsupported = 0;
    int errors = 0;
    const Timing fast = measure(repetitions, [&] {
        nodes = 0;
        unsupported = errors = 0;
        for (const YamlDocumentSpan &span : spans) {
            const auto result
                = YamlFastParser::parse(std::string_view(text).substr(span.offset, span.length));
            if (result.status == YamlFastParser::Status::Ok)
                nodes += countNodes(result.root);
            else if (result.status == YamlFastParser::Status::Unsupported)
                ++unsupported;
            else
                ++errors;
        }
    });
    report("fast path", fast,
        std::to_string(nodes) + " nodes, " + std::to_string(unsupported) + " unsupported, "
            + std::to_string(errors) + " errors; best of " + std::to_string(repetitions));

    report("YamlParser::parseDocument",
        measure(repetitions,
            [&] {
                for (const YamlDocumentSpan &span : spans)
                    (void)YamlParser::parseDocument(std::string_view(text).substr(span.offset, span.length));
            }),
        "");

    long events = 0;
    const Timing cpp = measure(1, [&] {
        for (const YamlDocumentSpan &span : spans) {
            std::istringstream in(text.substr(span.offset, span.length));
            YAML::Parser parser(in);
            CountingHandler handler;
            while (parser.HandleNextDocument(handler)) { }
            events += handler.events;
        }
    });
    report("yaml-cpp events only", cpp, std::to_string(events) + " events");
    report("yaml-cpp fallback tree",
        measure(1,
            [&] {
                for (const YamlDocumentSpan &span : spans)
                    (void)YamlCppParser::parse(std::string_view(text).substr(span.offset, span.length));
            }),
        "");
    std::printf("fast path vs yaml-cpp events: %.1fx faster (cpu)\n", cpp.cpu / fast.cpu);
    return 0;
}
