#include "commands.h"

namespace meshroute::cli {

// The text of each command's help: a flat table (scripts/sizes does not measure it).
QString usage(const QString &command)
{
    if (command.isEmpty())
        return QStringLiteral(
            "meshroute: see, edit, check and preview Istio traffic policy.\n"
            "\n"
            "Usage:\n"
            "  meshroute [FILE|FOLDER...]        open the editor window\n"
            "  meshroute COMMAND [OPTIONS] ...   run a command without a window\n"
            "\n"
            "Commands:\n"
            "  check      validate manifests as Istio would, with file:line:column\n"
            "  export     write kubectl-ready YAML without cluster noise\n"
            "  weights    set the weights of a rule's destinations, keeping the file's formatting\n"
            "  route      show where one request goes, and why\n"
            "  simulate   route N requests and report the split per destination\n"
            "  test       run routing test files against manifests\n"
            "  convert    migrate VirtualServices to Gateway API, and prove both route alike\n"
            "  diff       what a change does to requests, splits, findings and structure\n"
            "  help       show the usage of a command\n"
            "\n"
            "Options:\n"
            "  --help, -h   this text\n"
            "  --version    the version\n"
            "\n"
            "Inputs are files, folders (searched for *.yaml and *.yml) or - for standard input.\n"
            "Standard input, FIFOs and devices are read to their end; a folder walk reads regular\n"
            "files only and skips FIFOs, devices and dangling links with a warning.\n"
            "Every command that reads manifests takes --max-file-size SIZE (default 64M; 512K, 1G\n"
            "or a number of bytes): a larger input is refused unread (MR0005).\n"
            "Exit codes: 0 ok, 1 errors found or tests failed (route, simulate: no route),\n"
            "2 usage error or unreadable input; route, simulate and test also exit 2 when an input\n"
            "has YAML or type errors, since the cluster would not hold those objects as written.\n");
    if (command == QLatin1String("check"))
        return QStringLiteral(
            "Usage: meshroute check [--format text|json] [--severity error|warning|info] [--ignore CODE]...\n"
            "                       [--list-codes] INPUT...\n"
            "\n"
            "Reads the manifests and prints every finding: YAML and type errors, what the Istio API\n"
            "server and its webhook would reject, and cross-resource problems (missing hosts, subsets\n"
            "and gateways, subsets that select no pods, rules that can never match).\n"
            "\n"
            "  --format text   file:line:col: severity: [CODE] message   (default)\n"
            "  --format json   {\"diagnostics\": [{file, line, column, severity, code, message, resource, "
            "path}]}\n"
            "  --severity S    print findings of severity S and worse (default: info)\n"
            "  --ignore CODE   drop findings with this code (repeatable; also per resource with the\n"
            "                  annotation meshroute.io/ignore: CODE,CODE)\n"
            "  --list-codes    print the table of codes and exit (with --format json: as JSON)\n"
            "  --max-file-size SIZE   refuse inputs larger than SIZE (default 64M; 512K, 1G, bytes)\n"
            "\n"
            "Exit 0 without errors, 1 with errors, 2 for usage errors or unreadable input.\n");
    if (command == QLatin1String("diff"))
        return QStringLiteral(
            "Usage: meshroute diff OLD NEW [--requests FILE]... [--gateway NS/NAME]\n"
            "                      [--format text|json|markdown] [--fail-on SECTION[,SECTION]]\n"
            "\n"
            "OLD and NEW are each a file, a folder or --git REV[:PATH] (read with git ls-tree and\n"
            "git show, nothing written; PATH is relative to the current directory and defaults to the\n"
            "other side's path, else \".\"): meshroute diff --git HEAD~1 k8s/, meshroute diff --git\n"
            "main:k8s/ --git HEAD:k8s/. Routes, through both sides and both API families, the\n"
            "requests of --requests (a sample request file or a routing test file) and requests made\n"
            "from both sides' rules (each match, its near misses, each host's default), and lists:\n"
            "  traffic    every request whose answer changes (rule, destinations and shares, status,\n"
            "             redirect, rewrite, headers), before and after\n"
            "  splits     each weighted split that changed (v1 99 -> 75, v2 1 -> 25)\n"
            "  findings   checker findings that are new or gone (by code, resource and path)\n"
            "  structure  resources and rules added, removed, changed or reordered (by identity)\n"
            "\n"
            "  --gateway NS/NAME   only requests sent by this gateway\n"
            "  --format markdown   a summary line, then tables, long lists folded: a PR comment\n"
            "  --fail-on SECTIONS  which sections make the exit 1 (default traffic)\n"
            "\n"
            "Exit 0 when traffic is unchanged, 1 when it changes, 2 for usage errors, unreadable\n"
            "input or a side with YAML or type errors.\n");
    if (command == QLatin1String("convert"))
        return QStringLiteral(
            "Usage: meshroute convert --to gateway-api INPUT... [-o OUT] [--format text|json]\n"
            "                         [--accept-differences] [--no-proof]\n"
            "\n"
            "Converts the VirtualServices of the inputs, the Istio Gateways they bind and the\n"
            "DestinationRule subsets they route to into Gateway API objects: a Gateway of class istio\n"
            "per Istio Gateway, a Service svc-SUBSET per subset, HTTPRoutes for the http rules. What\n"
            "Gateway API cannot say is a warning at the VirtualService's file:line:column.\n"
            "Then routes requests made from every rule (each match, a path one segment off, the prefix\n"
            "without its segment boundary, a header value changed, each host's default) through the\n"
            "original and the converted workspace, and lists every request whose answer differs.\n"
            "\n"
            "  -o OUT                the converted YAML (default: standard output; the report then\n"
            "                        goes to standard error)\n"
            "  --format text|json    the report's form (default text)\n"
            "  --accept-differences  exit 0 even when answers differ\n"
            "  --no-proof            convert only\n"
            "\n"
            "Exit 0 when both route alike, 1 when an answer differs, 2 for usage errors, unreadable\n"
            "input or inputs with errors.\n");
    if (command == QLatin1String("export"))
        return QStringLiteral(
            "Usage: meshroute export INPUT... [-o OUT] [--api-version v1|v1beta1|v1alpha3] [--kind KIND]... "
            "[--force]\n"
            "\n"
            "Writes the objects of the inputs as one multi-document YAML stream for kubectl apply:\n"
            "kind: List dumps are unpacked, cluster noise (status, managedFields, resourceVersion, uid,\n"
            "creationTimestamp, generation, selfLink, the last-applied annotation) is removed and\n"
            "everything else, comments included, is kept as written.\n"
            "\n"
            "  -o OUT             write to OUT (atomically) instead of standard output\n"
            "  --api-version V    write Istio networking objects as networking.istio.io/V (Gateway API\n"
            "                     objects keep the version they are written in)\n"
            "  --kind KIND        only objects of this kind (repeatable; vs, dr, gw, se, svc accepted; for\n"
            "                     the Gateway API gtw, gc, refgrant, httproute, grpcroute, tcproute, tlsroute)\n"
            "  --max-file-size SIZE   refuse inputs larger than SIZE (default 64M)\n"
            "  --force            write even objects the API server will reject (listed on stderr)\n"
            "\n"
            "Refuses (exit 1, nothing written, OUT untouched) when an exported object has an error the\n"
            "API server rejects (schema, type, Istio's webhook rules, YAML syntax), listed as\n"
            "file:line:col: error: [CODE] message. Warnings and analysis findings never block.\n");
    if (command == QLatin1String("weights"))
        return QStringLiteral(
            "Usage: meshroute weights FILE --virtual-service [NS/]NAME [--route INDEX|NAME] KEY=WEIGHT...\n"
            "                         (-o OUT | --in-place)\n"
            "\n"
            "Sets the weights of one HTTP rule's destinations, for pipelines that step a canary.\n"
            "KEY is a destination's subset, or its host when it has no subset. Every other byte of the\n"
            "file stays as it was. Without --route the VirtualService must have one rule with\n"
            "several destinations.\n"
            "\n"
            "WEIGHT is 0 to 2147483647 (Istio's int32).  --max-file-size SIZE as for check.\n"
            "\n"
            "Example: meshroute weights bookinfo.yaml --virtual-service reviews v1=75 v2=25 --in-place\n"
            "\n"
            "       meshroute weights FILE (--http-route | --grpc-route) [NS/]NAME [--rule INDEX|NAME]\n"
            "                         BACKEND=WEIGHT... (-o OUT | --in-place)\n"
            "\n"
            "Sets the weights of one Gateway API rule's backendRefs. BACKEND is a backendRef's name, or\n"
            "NAME:PORT when the rule has several of that name. A backendRef without weight (1 by default)\n"
            "gets a weight: line in the file's style. Without --rule the route must have one rule with\n"
            "all the backends. WEIGHT is 0 to 1000000 (the CRD's range). An unknown route, rule or\n"
            "backend, or a weight out of range, exits 2 with the file untouched.\n"
            "\n"
            "Example: meshroute weights shop.yaml --http-route web/cart cart-v1=90 cart-v2=10 --in-place\n");
    if (command == QLatin1String("route"))
        return QStringLiteral(
            "Usage: meshroute route [--json] --request \"METHOD URL\" [-H \"Name: value\"]... [--gateway "
            "NS/NAME]\n"
            "                       [--source-labels k=v,...] [--source-namespace NS] [--port N] INPUT...\n"
            "\n"
            "Routes one request as Istio and Envoy would and prints the rule, the destinations with\n"
            "their shares and Envoy cluster names, and for every earlier rule why it did not match.\n"
            "Without --gateway the request comes from a sidecar in the mesh.\n"
            "  --max-file-size SIZE   refuse inputs larger than SIZE (default 64M)\n"
            "Exit 0 routed, 1 no route, 2 usage error, unreadable input, or input with YAML or type\n"
            "errors (run meshroute check to see them all).\n");
    if (command == QLatin1String("simulate"))
        return QStringLiteral(
            "Usage: meshroute simulate [--json] --request \"METHOD URL\" [-H ...] -n N [--seed S] INPUT...\n"
            "\n"
            "Routes N requests, picking weighted destinations as Envoy does, and prints the count and\n"
            "share per cluster next to what plain Kubernetes would do by pod count.\n"
            "--max-file-size and the exit codes are those of route.\n");
    if (command == QLatin1String("test"))
        return QStringLiteral(
            "Usage: meshroute test [--json] [--coverage] TESTFILE... -- INPUT...\n"
            "       meshroute test [--json] [--coverage] -t TESTFILE... INPUT...\n"
            "       meshroute test [--json] [--coverage] FOLDER...   (files with testCases are the tests)\n"
            "\n"
            "Runs routing test files (istio-config-validator's testCases format, plus gateway, source\n"
            "labels, query, expected cluster and share) against the manifests after --.\n"
            "With --coverage, lists the rules that no case reaches. Exit 1 on any failure, 2 as for route.\n"
            "  --max-file-size SIZE   refuse inputs larger than SIZE (default 64M)\n");
    return {};
}

} // namespace meshroute::cli
