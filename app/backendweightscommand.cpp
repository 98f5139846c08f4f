// `meshroute weights FILE --http-route|--grpc-route [NS/]NAME [--rule N] BACKEND=WEIGHT...`:
// the weights of one Gateway API route rule's backendRefs, for pipelines that step a canary.
#include "clioutput.h"
#include "commands.h"
#include "document.h"
#include "setbackendweights.h"
#include "undostack.h"
#include "weightargument.h"

#include <QCommandLineParser>

namespace meshroute::cli {

namespace {

struct BackendWeightsOptions
{
    QString file;
    ResourceKind kind = ResourceKind::HTTPRoute;
    QString route; // as given: [NS/]NAME
    bool hasRule = false;
    QString rule; // index or name
    QString output;
    bool inPlace = false;
    LoadOptions load;
    QList<QPair<QString, qint64>> wanted; // BACKEND=WEIGHT, in order
};

// Every mistake in what the user named (the route, its rule, a backend, a weight) is a usage
// error: exit 2, the file untouched.
int usageError(const QString &message)
{
    err() << "meshroute weights: " << message << "; file untouched\nsee: meshroute help weights\n";
    return 2;
}

QString kindName(ResourceKind kind)
{
    return kind == ResourceKind::GRPCRoute ? QStringLiteral("GRPCRoute") : QStringLiteral("HTTPRoute");
}

int readWeights(const QStringList &arguments, QList<QPair<QString, qint64>> *wanted)
{
    for (const QString &arg : arguments) {
        const std::optional<WeightArgument> w = WeightArgument::parse(arg);
        if (!w)
            return usageError(QStringLiteral("\"%1\" is not BACKEND=WEIGHT (e.g. reviews-v2=10)").arg(arg));
        if (w->weight < 0 || w->weight > SetBackendWeights::MaxWeight)
            return usageError(QStringLiteral("weight of %1 is %2: a backendRef weight is 0 to %3")
                                  .arg(w->key)
                                  .arg(w->weight)
                                  .arg(SetBackendWeights::MaxWeight));
        wanted->append({ w->key, w->weight });
    }
    return 0;
}

int readOptions(const QStringList &args, BackendWeightsOptions *o)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("http-route"), QStringLiteral("[NS/]NAME"), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("grpc-route"), QStringLiteral("[NS/]NAME"), QStringLiteral("name") });
    parser.addOption(
        { QStringLiteral("rule"), QStringLiteral("rule index or name"), QStringLiteral("rule") });
    parser.addOption({ QStringList { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("output file"), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("in-place"), QStringLiteral("rewrite FILE") });
    addMaxFileSizeOption(parser);
    if (!parseArguments(parser, QStringLiteral("weights"), args)
        || !readMaxFileSize(parser, QStringLiteral("weights"), &o->load))
        return 2;
    const QStringList positional = parser.positionalArguments();
    o->inPlace = parser.isSet(QStringLiteral("in-place"));
    o->output = parser.value(QStringLiteral("o"));
    if (positional.size() < 2)
        return usageError(QStringLiteral("give FILE and at least one BACKEND=WEIGHT"));
    if (parser.isSet(QStringLiteral("http-route")) == parser.isSet(QStringLiteral("grpc-route")))
        return usageError(QStringLiteral("give exactly one of --http-route and --grpc-route"));
    if (o->inPlace == !o->output.isEmpty())
        return usageError(QStringLiteral("give exactly one of -o OUT and --in-place"));
    o->file = positional.first();
    o->kind = parser.isSet(QStringLiteral("grpc-route")) ? ResourceKind::GRPCRoute : ResourceKind::HTTPRoute;
    o->route = parser.value(
        o->kind == ResourceKind::GRPCRoute ? QStringLiteral("grpc-route") : QStringLiteral("http-route"));
    o->hasRule = parser.isSet(QStringLiteral("rule"));
    o->rule = parser.value(QStringLiteral("rule"));
    return readWeights(positional.mid(1), &o->wanted);
}

// The one route the options name; nullptr after the message when there is none or several.
const Resource *findRoute(const Document &document, const BackendWeightsOptions &o)
{
    const QString name = o.route.contains(QLatin1Char('/')) ? o.route.section(QLatin1Char('/'), 1) : o.route;
    const QString ns
        = o.route.contains(QLatin1Char('/')) ? o.route.section(QLatin1Char('/'), 0, 0) : QString();
    QList<const Resource *> candidates;
    for (const Resource &r : document.workspace().resources)
        if (r.kind == o.kind && r.gatewayApiRoute() && r.name() == name
            && (ns.isEmpty() || r.namespaceName() == ns))
            candidates.append(&r);
    if (candidates.isEmpty())
        usageError(QStringLiteral("%1 has no %2 \"%3\"").arg(o.file, kindName(o.kind), o.route));
    else if (candidates.size() > 1)
        usageError(QStringLiteral("several %1s named \"%2\" in different namespaces: name one as NS/NAME")
                       .arg(kindName(o.kind), name));
    return candidates.size() == 1 ? candidates.first() : nullptr;
}

// Which backendRefs of a rule a BACKEND argument names: by name, or by name:port.
QList<int> backendsNamed(const RouteRule &rule, const QString &key)
{
    QList<int> out;
    for (int i = 0; i < rule.backendRefs.size(); ++i) {
        const ObjectReference &ref = rule.backendRefs[i].ref;
        const QString withPort = ref.name.value + QLatin1Char(':') + QString::number(ref.port.value);
        if (ref.name.value == key || (ref.port.present && withPort == key))
            out.append(i);
    }
    return out;
}

QString backendList(const RouteRule &rule)
{
    QStringList known;
    for (const BackendRef &b : rule.backendRefs)
        known.append(b.ref.port.present
                ? b.ref.name.value + QLatin1Char(':') + QString::number(b.ref.port.value)
                : b.ref.name.value);
    return known.join(QStringLiteral(", "));
}

// The rule --rule names, or else the only rule with a backendRef for every key; -1 after the message.
int chosenRule(const Resource &resource, const BackendWeightsOptions &o)
{
    const QList<RouteRule> &rules = resource.gatewayApiRoute()->rules;
    if (o.hasRule) {
        bool isIndex = false;
        const int index = o.rule.toInt(&isIndex);
        for (int i = 0; i < rules.size(); ++i)
            if ((isIndex && i == index) || (!isIndex && rules[i].name.value == o.rule))
                return i;
        usageError(QStringLiteral("%1 has no rule %2 (it has %3 rules)")
                       .arg(resource.displayName(), o.rule)
                       .arg(rules.size()));
        return -1;
    }
    QList<int> fitting;
    for (int i = 0; i < rules.size(); ++i)
        if (std::all_of(o.wanted.begin(), o.wanted.end(),
                [&](const auto &w) { return !backendsNamed(rules[i], w.first).isEmpty(); }))
            fitting.append(i);
    if (fitting.isEmpty() && rules.size() == 1)
        return 0; // name the unknown backend rather than the rule search
    if (fitting.size() != 1) {
        usageError(
            QStringLiteral("%1 rule of %2 has backendRefs for all of the backends; name it with --rule")
                .arg(fitting.isEmpty() ? QStringLiteral("no") : QStringLiteral("more than one"),
                    resource.displayName()));
        return -1;
    }
    return fitting.first();
}

// The rule's weights with the wanted ones set; false after the message when a backend names no
// backendRef, or several.
bool newWeights(const Resource &resource, int ruleIndex, const BackendWeightsOptions &o, QList<int> *weights)
{
    const RouteRule &rule = resource.gatewayApiRoute()->rules[ruleIndex];
    for (const BackendRef &b : rule.backendRefs)
        weights->append(int(b.weight.valueOr(1))); // the CRD default
    for (const auto &[key, weight] : o.wanted) {
        const QList<int> matches = backendsNamed(rule, key);
        if (matches.isEmpty()) {
            usageError(QStringLiteral("rule %1 of %2 has no backendRef \"%3\" (it has: %4)")
                           .arg(ruleIndex)
                           .arg(resource.displayName(), key, backendList(rule)));
            return false;
        }
        if (matches.size() > 1) {
            usageError(QStringLiteral("\"%1\" names %2 backendRefs of rule %3: write NAME:PORT (it has: %4)")
                           .arg(key)
                           .arg(matches.size())
                           .arg(ruleIndex)
                           .arg(backendList(rule)));
            return false;
        }
        (*weights)[matches.first()] = int(weight);
    }
    return true;
}

} // namespace

int runBackendWeights(const QStringList &args)
{
    BackendWeightsOptions options;
    if (const int code = readOptions(args, &options))
        return code;
    Document document;
    document.open({ options.file }, options.load);
    if (document.inputError() || document.files().isEmpty()) {
        for (const Diagnostic &d : document.loadDiagnostics())
            err() << d.toText() << '\n';
        return 2;
    }
    const Resource *resource = findRoute(document, options);
    const int ruleIndex = resource ? chosenRule(*resource, options) : -1;
    QList<int> weights;
    if (ruleIndex < 0 || !newWeights(*resource, ruleIndex, options, &weights))
        return 2;
    QString error;
    std::unique_ptr<SetBackendWeights> command
        = SetBackendWeights::create(&document, resource->id, ruleIndex, weights, &error);
    if (!command) {
        err() << "meshroute weights: " << error << "; file untouched\n";
        return 1;
    }
    document.undoStack()->push(command.release());
    const bool saved = options.inPlace ? document.saveFile(0, &error)
                                       : writeOutput(options.output, document.files().first().text, &error);
    if (!saved) {
        err() << "meshroute: " << error << '\n';
        return 1;
    }
    return 0;
}

} // namespace meshroute::cli
