#pragma once

// The fuzz targets' entry functions. Each takes one input, drives a model unit
// with it and checks the unit's invariants; it returns an empty string when
// they all held and otherwise what broke. libFuzzer drivers (fuzzmain.cpp,
// built with -DMESHROUTE_FUZZ=ON) abort on a failure; tst_fuzzregressions
// replays the seed corpora and the saved findings through the same functions
// in the default suite, without clang.
#include <QByteArray>
#include <QString>

namespace meshroute::fuzz {

using Entry = QString (*)(const QByteArray &input);

// splitDocuments + parseDocument: spans tile the stream; every node lies
// inside its document and its parent, and its line/column match its offset.
QString yamlReader(const QByteArray &input);
// Loader::loadText + Checker: positions inside the file; check() equals
// combine(checkParts()).
QString loaderChecker(const QByteArray &input);
// Random YamlEdit commands on the input's documents: every edit re-parses,
// a set scalar reads back as set, undo gives the original bytes exactly and
// redo the edited ones.
QString byteEditor(const QByteArray &input);
// Request parser and matcher on a fixed workspace: shares add up to 100.
QString router(const QByteArray &input);

struct Target
{
    const char *name; // folder name under tests/data/fuzz-seeds and fuzz-regressions
    Entry entry;
};
inline constexpr Target kTargets[] = {
    { "yaml_reader", yamlReader },
    { "loader_checker", loaderChecker },
    { "byte_editor", byteEditor },
    { "router", router },
};

} // namespace meshroute::fuzz
