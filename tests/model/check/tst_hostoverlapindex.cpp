// HostOverlapIndex finds the first earlier host that overlaps a new one
// (HostName::overlaps) by hash and suffix: it must name the same host as
// comparing with every earlier host in order, for exact hosts, *.suffix and
// prefix-less wildcards, "*" and mixed case.

#include "hostname.h"
#include "hostoverlapindex.h"
#include "prefixindex.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace meshroute;

class TestHostOverlapIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAnswerAsComparingEveryPair();
    void prefixIndexFindsEveryKeyThatStartsAProbe();
};

void TestHostOverlapIndex::sameAnswerAsComparingEveryPair()
{
    static const char *labels[] = { "a", "b", "api", "A", "shop", "x" };
    static const char *tails[] = { ".example.com", ".EXAMPLE.com", ".svc.cluster.local", ".com", "" };
    QRandomGenerator rng(42);
    int overlapsSeen = 0;
    for (int round = 0; round < 300; ++round) {
        QStringList hosts;
        const int n = 2 + int(rng.bounded(14));
        for (int i = 0; i < n; ++i) {
            QString h;
            switch (rng.bounded(6)) {
            case 0:
                h = QStringLiteral("*");
                break;
            case 1:
                h = QStringLiteral("*.");
                break;
            case 2:
                h = QStringLiteral("*"); // a prefix-less wildcard: *example.com
                break;
            default:
                break;
            }
            const int parts = 1 + int(rng.bounded(2));
            for (int p = 0; p < parts; ++p)
                h += (p ? QStringLiteral(".") : QString()) + QLatin1String(labels[rng.bounded(6)]);
            if (h == QLatin1String("*.") || h.endsWith(QLatin1Char('.')))
                h.chop(1);
            h += QLatin1String(tails[rng.bounded(5)]);
            if (rng.bounded(10) == 0)
                h = QStringLiteral("*");
            hosts << h;
        }
        HostOverlapIndex index;
        for (int i = 0; i < hosts.size(); ++i) {
            int expected = -1;
            for (int j = 0; j < i && expected < 0; ++j)
                if (HostName::overlaps(hosts[j].toLower(), hosts[i].toLower()))
                    expected = j;
            QCOMPARE(index.firstOverlap(hosts[i]), expected);
            overlapsSeen += expected >= 0 ? 1 : 0;
            index.add(hosts[i]);
        }
    }
    QVERIFY(overlapsSeen > 300); // the random lists do overlap, often
}

void TestHostOverlapIndex::prefixIndexFindsEveryKeyThatStartsAProbe()
{
    PrefixIndex index;
    index.add(QStringLiteral("/a"), 0);
    index.add(QStringLiteral(""), 1);
    index.add(QStringLiteral("/a/b"), 2);
    index.add(QStringLiteral("/a"), 3);
    index.add(QStringLiteral("/b"), 4);
    std::vector<const PrefixIndex::IdList *> lists;
    index.collectPrefixes(QStringLiteral("/a/bc"), &lists);
    QList<int> ids;
    AscendingIds merged(lists);
    for (int id = merged.next(); id >= 0; id = merged.next())
        ids << id;
    QCOMPARE(ids, (QList<int> { 0, 1, 2, 3 }));
    lists.clear();
    index.collectExact(QStringLiteral("/b"), &lists);
    index.collectExact(QStringLiteral("/c"), &lists);
    QCOMPARE(lists.size(), std::size_t(1));
    QCOMPARE(*lists.front(), (std::vector<int> { 4 }));
}

QTEST_GUILESS_MAIN(TestHostOverlapIndex)
#include "tst_hostoverlapindex.moc"
