#include "clioutput.h"
#include "commands.h"
#include "document.h"
#include "setweights.h"
#include "undostack.h"
#include "weightargument.h"

#include <QCommandLineParser>
#include <limits>

namespace meshroute::cli {

namespace {

// The key a user names a destination by: its subset, or its host when it has none.
QString destinationKey(const HttpRouteDestination &d)
{
    return d.destination.subset.present ? d.destination.subset.value : d.destination.host.value;
}

// The command line of `meshroute weights`, read and checked.
struct WeightsOptions
{
    QString file;
    QString virtualService; // as given: [NS/]NAME
    bool hasRoute = false;
    QString route; // rule index or name
    QString output;
    bool inPlace = false;
    LoadOptions load;
    QList<QPair<QString, int>> wanted; // KEY=WEIGHT, in order
};

int usageError(const QString &message)
{
    err() << "meshroute weights: " << message << "\nsee: meshroute help weights\n";
    return 2;
}

// Reads the KEY=WEIGHT arguments; 0, or the exit code after the message.
int readWeights(const QStringList &arguments, QList<QPair<QString, int>> *wanted)
{
    for (const QString &arg : arguments) {
        const std::optional<WeightArgument> w = WeightArgument::parse(arg);
        if (!w)
            return usageError(QStringLiteral("\"%1\" is not KEY=WEIGHT (e.g. v1=75)").arg(arg));
        if (w->weight < 0 || w->weight > std::numeric_limits<qint32>::max()) {
            err() << "meshroute weights: weight of " << w->key << " is " << w->weight
                  << (w->weight < 0 ? ": weights are 0 or more"
                                    : ": the API server takes at most 2147483647 (int32)")
                  << "; file untouched\n";
            return 1;
        }
        wanted->append({ w->key, int(w->weight) });
    }
    return 0;
}

// 0 when the options are usable, else the exit code after the message.
int readOptions(const QStringList &args, WeightsOptions *o)
{
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("virtual-service"), QStringLiteral("[NS/]NAME"), QStringLiteral("name") });
    parser.addOption(
        { QStringLiteral("route"), QStringLiteral("rule index or name"), QStringLiteral("route") });
    parser.addOption({ QStringList { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("output file"), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("in-place"), QStringLiteral("rewrite FILE") });
    addMaxFileSizeOption(parser);
    if (!parseArguments(parser, QStringLiteral("weights"), args))
        return 2;
    if (!readMaxFileSize(parser, QStringLiteral("weights"), &o->load))
        return 2;
    const QStringList positional = parser.positionalArguments();
    o->inPlace = parser.isSet(QStringLiteral("in-place"));
    o->output = parser.value(QStringLiteral("o"));
    if (positional.size() < 2)
        return usageError(QStringLiteral("give FILE and at least one KEY=WEIGHT"));
    if (!parser.isSet(QStringLiteral("virtual-service")))
        return usageError(QStringLiteral("--virtual-service is required"));
    if (o->inPlace == !o->output.isEmpty())
        return usageError(QStringLiteral("give exactly one of -o OUT and --in-place"));
    o->file = positional.first();
    o->virtualService = parser.value(QStringLiteral("virtual-service"));
    o->hasRoute = parser.isSet(QStringLiteral("route"));
    o->route = parser.value(QStringLiteral("route"));
    return readWeights(positional.mid(1), &o->wanted);
}

// The one VirtualService the options name; nullptr after the message when there is none or several.
const Resource *findVirtualService(const Document &document, const WeightsOptions &o)
{
    QString vsName = o.virtualService;
    QString vsNamespace;
    if (vsName.contains(QLatin1Char('/'))) {
        vsNamespace = vsName.section(QLatin1Char('/'), 0, 0);
        vsName = vsName.section(QLatin1Char('/'), 1);
    }
    QList<const Resource *> candidates;
    for (const Resource &r : document.workspace().resources)
        if (r.kind == ResourceKind::VirtualService && r.name() == vsName
            && (vsNamespace.isEmpty() || r.namespaceName() == vsNamespace))
            candidates.append(&r);
    if (candidates.isEmpty()) {
        err() << "meshroute weights: " << o.file << " has no VirtualService \"" << o.virtualService
              << "\"; file untouched\n";
        return nullptr;
    }
    if (candidates.size() > 1) {
        err() << "meshroute weights: several VirtualServices named \"" << vsName
              << "\" in different namespaces: name one as NS/NAME; file untouched\n";
        return nullptr;
    }
    return candidates.first();
}

// The HTTP rule --route names; -1 after the message when there is none.
int namedRule(const Resource &resource, const QString &route)
{
    const VirtualService &vs = *resource.virtualService();
    bool isIndex = false;
    const int index = route.toInt(&isIndex);
    int routeIndex = -1;
    for (int i = 0; i < vs.http.size(); ++i)
        if ((isIndex && i == index) || (!isIndex && vs.http[i].name.value == route))
            routeIndex = i;
    if (routeIndex < 0)
        err() << "meshroute weights: " << resource.displayName() << " has no HTTP rule " << route
              << " (it has " << vs.http.size() << " rules"
              << "); file untouched\n";
    return routeIndex;
}

// The only HTTP rule with destinations for all the keys; -1 after the message when none or several.
int ruleWithAllKeys(const Resource &resource, const QList<QPair<QString, int>> &wanted)
{
    const VirtualService &vs = *resource.virtualService();
    QList<int> fitting;
    for (int i = 0; i < vs.http.size(); ++i) {
        bool all = true;
        for (const auto &[key, weight] : wanted) {
            bool found = false;
            for (const HttpRouteDestination &d : vs.http[i].route)
                found = found || destinationKey(d) == key;
            all = all && found;
        }
        if (all)
            fitting.append(i);
    }
    // With a single rule, name the unknown key instead of the rule search.
    if (fitting.isEmpty() && vs.http.size() == 1)
        fitting.append(0);
    if (fitting.size() != 1) {
        err() << "meshroute weights: " << (fitting.isEmpty() ? "no" : "more than one") << " HTTP rule of "
              << resource.displayName()
              << " has destinations for all of the keys; name it with --route; file untouched\n";
        return -1;
    }
    return fitting.first();
}

// The rule's weights with the wanted ones set; false after the message when a key names no
// destination, or several, or every weight would be 0.
bool newWeights(const Resource &resource, int routeIndex, const WeightsOptions &o, QList<int> *weights)
{
    const HttpRoute &rule = resource.virtualService()->http[routeIndex];
    for (const HttpRouteDestination &d : rule.route)
        weights->append(int(d.weight.valueOr(rule.route.size() == 1 ? 100 : 0)));
    for (const auto &[key, weight] : o.wanted) {
        QList<int> matches;
        for (int i = 0; i < rule.route.size(); ++i)
            if (destinationKey(rule.route[i]) == key)
                matches.append(i);
        if (matches.isEmpty()) {
            QStringList known;
            for (const HttpRouteDestination &d : rule.route)
                known.append(destinationKey(d));
            err() << "meshroute weights: rule " << rule.displayName(routeIndex) << " of "
                  << resource.displayName() << " has no destination \"" << key
                  << "\" (it has: " << known.join(QStringLiteral(", ")) << "); file untouched\n";
            return false;
        }
        if (matches.size() > 1) {
            err() << "meshroute weights: \"" << key << "\" names " << matches.size()
                  << " destinations of rule " << rule.displayName(routeIndex) << "; file untouched\n";
            return false;
        }
        (*weights)[matches.first()] = weight;
    }
    if (weights->size() > 1 && std::all_of(weights->begin(), weights->end(), [](int w) { return w == 0; })) {
        err() << "meshroute weights: all weights would be 0, which Istio rejects; file untouched\n";
        return false;
    }
    return true;
}

// Pushes the edit and writes the file where the options say; the exit code.
int applyAndSave(
    Document &document, int resourceId, int routeIndex, const QList<int> &weights, const WeightsOptions &o)
{
    QString error;
    std::unique_ptr<SetWeights> command
        = SetWeights::create(&document, resourceId, routeIndex, weights, &error);
    if (!command) {
        err() << "meshroute weights: " << error << "; file untouched\n";
        return 1;
    }
    document.undoStack()->push(command.release());
    const bool saved = o.inPlace ? document.saveFile(0, &error)
                                 : writeOutput(o.output, document.files().first().text, &error);
    if (!saved) {
        // Nothing was changed on disk; say so in the one form every write failure takes.
        err() << "meshroute: " << error << '\n';
        return 1;
    }
    return 0;
}

} // namespace

int runWeights(const QStringList &args)
{
    for (const QString &a : args)
        if (a.startsWith(QLatin1String("--http-route")) || a.startsWith(QLatin1String("--grpc-route")))
            return runBackendWeights(args);
    WeightsOptions options;
    if (const int code = readOptions(args, &options))
        return code;
    Document document;
    document.open({ options.file }, options.load);
    if (document.inputError() || document.files().isEmpty()) {
        for (const Diagnostic &d : document.loadDiagnostics())
            err() << d.toText() << '\n';
        return 2;
    }
    const Resource *resource = findVirtualService(document, options);
    if (!resource)
        return 1;
    const int routeIndex
        = options.hasRoute ? namedRule(*resource, options.route) : ruleWithAllKeys(*resource, options.wanted);
    if (routeIndex < 0)
        return 1;
    QList<int> weights;
    if (!newWeights(*resource, routeIndex, options, &weights))
        return 1;
    return applyAndSave(document, resource->id, routeIndex, weights, options);
}

} // namespace meshroute::cli
