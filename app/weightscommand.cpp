#include "clioutput.h"
#include "commands.h"
#include "document.h"
#include "setweights.h"
#include "undostack.h"

#include <QCommandLineParser>
#include <limits>

namespace meshroute::cli {

namespace {

// The key a user names a destination by: its subset, or its host when it has none.
QString destinationKey(const HttpRouteDestination &d)
{
    return d.destination.subset.present ? d.destination.subset.value : d.destination.host.value;
}

} // namespace

int runWeights(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("virtual-service"), QStringLiteral("[NS/]NAME"), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("route"), QStringLiteral("rule index or name"), QStringLiteral("route") });
    parser.addOption({ QStringList{ QStringLiteral("o"), QStringLiteral("output") }, QStringLiteral("output file"),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("in-place"), QStringLiteral("rewrite FILE") });
    addMaxFileSizeOption(parser);
    if (!parseArguments(parser, QStringLiteral("weights"), args))
        return 2;
    LoadOptions loadOptions;
    if (!readMaxFileSize(parser, QStringLiteral("weights"), &loadOptions))
        return 2;
    const QStringList positional = parser.positionalArguments();
    const bool inPlace = parser.isSet(QStringLiteral("in-place"));
    const QString output = parser.value(QStringLiteral("o"));
    auto usageError = [](const QString &message) {
        err() << "meshroute weights: " << message << "\nsee: meshroute help weights\n";
        return 2;
    };
    if (positional.size() < 2)
        return usageError(QStringLiteral("give FILE and at least one KEY=WEIGHT"));
    if (!parser.isSet(QStringLiteral("virtual-service")))
        return usageError(QStringLiteral("--virtual-service is required"));
    if (inPlace == !output.isEmpty())
        return usageError(QStringLiteral("give exactly one of -o OUT and --in-place"));

    QList<QPair<QString, int>> wanted;
    for (const QString &arg : positional.mid(1)) {
        const qsizetype eq = arg.lastIndexOf(QLatin1Char('='));
        bool ok = false;
        const qint64 weight = eq > 0 ? arg.mid(eq + 1).toLongLong(&ok) : 0;
        if (eq <= 0 || !ok)
            return usageError(QStringLiteral("\"%1\" is not KEY=WEIGHT (e.g. v1=75)").arg(arg));
        if (weight < 0 || weight > std::numeric_limits<qint32>::max()) {
            err() << "meshroute weights: weight of " << arg.left(eq) << " is " << weight
                  << (weight < 0 ? ": weights are 0 or more"
                                 : ": the API server takes at most 2147483647 (int32)")
                  << "; file untouched\n";
            return 1;
        }
        wanted.append({ arg.left(eq), int(weight) });
    }

    const QString file = positional.first();
    Document document;
    document.open({ file }, loadOptions);
    if (document.inputError() || document.files().isEmpty()) {
        for (const Diagnostic &d : document.loadDiagnostics())
            err() << d.toText() << '\n';
        return 2;
    }
    QString vsName = parser.value(QStringLiteral("virtual-service"));
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
        err() << "meshroute weights: " << file << " has no VirtualService \"" << parser.value(QStringLiteral("virtual-service"))
              << "\"; file untouched\n";
        return 1;
    }
    if (candidates.size() > 1) {
        err() << "meshroute weights: several VirtualServices named \"" << vsName
              << "\" in different namespaces: name one as NS/NAME; file untouched\n";
        return 1;
    }
    const Resource &resource = *candidates.first();
    const VirtualService &vs = *resource.virtualService();

    int routeIndex = -1;
    if (parser.isSet(QStringLiteral("route"))) {
        const QString route = parser.value(QStringLiteral("route"));
        bool isIndex = false;
        const int index = route.toInt(&isIndex);
        for (int i = 0; i < vs.http.size(); ++i)
            if ((isIndex && i == index) || (!isIndex && vs.http[i].name.value == route))
                routeIndex = i;
        if (routeIndex < 0) {
            err() << "meshroute weights: " << resource.displayName() << " has no HTTP rule " << route << " (it has "
                  << vs.http.size() << " rules"
                  << "); file untouched\n";
            return 1;
        }
    } else {
        QList<int> fitting;
        for (int i = 0; i < vs.http.size(); ++i) {
            bool all = true;
            for (const auto &[key, weight] : std::as_const(wanted)) {
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
                  << resource.displayName() << " has destinations for all of the keys; name it with --route; file untouched\n";
            return 1;
        }
        routeIndex = fitting.first();
    }

    const HttpRoute &rule = vs.http[routeIndex];
    QList<int> weights;
    for (const HttpRouteDestination &d : rule.route)
        weights.append(int(d.weight.valueOr(rule.route.size() == 1 ? 100 : 0)));
    for (const auto &[key, weight] : std::as_const(wanted)) {
        QList<int> matches;
        for (int i = 0; i < rule.route.size(); ++i)
            if (destinationKey(rule.route[i]) == key)
                matches.append(i);
        if (matches.isEmpty()) {
            QStringList known;
            for (const HttpRouteDestination &d : rule.route)
                known.append(destinationKey(d));
            err() << "meshroute weights: rule " << rule.displayName(routeIndex) << " of " << resource.displayName()
                  << " has no destination \"" << key << "\" (it has: " << known.join(QStringLiteral(", "))
                  << "); file untouched\n";
            return 1;
        }
        if (matches.size() > 1) {
            err() << "meshroute weights: \"" << key << "\" names " << matches.size() << " destinations of rule "
                  << rule.displayName(routeIndex) << "; file untouched\n";
            return 1;
        }
        weights[matches.first()] = weight;
    }
    if (weights.size() > 1 && std::all_of(weights.begin(), weights.end(), [](int w) { return w == 0; })) {
        err() << "meshroute weights: all weights would be 0, which Istio rejects; file untouched\n";
        return 1;
    }

    QString error;
    std::unique_ptr<SetWeights> command = SetWeights::create(&document, resource.id, routeIndex, weights, &error);
    if (!command) {
        err() << "meshroute weights: " << error << "; file untouched\n";
        return 1;
    }
    document.undoStack()->push(command.release());
    const bool saved = inPlace ? document.saveFile(0, &error) : writeOutput(output, document.files().first().text, &error);
    if (!saved) {
        // Nothing was changed on disk; say so in the one form every write failure takes.
        err() << "meshroute: " << error << '\n';
        return 1;
    }
    return 0;
}

} // namespace meshroute::cli
