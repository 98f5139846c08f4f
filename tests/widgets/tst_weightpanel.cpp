#include "weights/weightpanel.h"

#include "weights/destinationpickers.h"

#include "corpus.h"
#include "document.h"
#include "selection.h"
#include "undostack.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <numeric>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    for (const Resource &r : doc.workspace().resources)
        if (r.kind == kind && r.name() == name)
            return r.id;
    return -1;
}

QList<int> modelWeights(const Document &doc, int id, int route)
{
    QList<int> out;
    for (const HttpRouteDestination &d : doc.resource(id)->virtualService()->http[route].route)
        out.append(int(d.weight.value));
    return out;
}

// The weights of an HTTPRoute rule's backendRefs as the router reads them (absent: the CRD default 1).
QList<int> backendWeights(const Document &doc, int id, int rule)
{
    QList<int> out;
    for (const BackendRef &b : doc.resource(id)->gatewayApiRoute()->rules[rule].backendRefs)
        out.append(int(b.weight.valueOr(1)));
    return out;
}

QList<int> l4Weights(const Document &doc, int id, RouteKind kind, int route)
{
    QList<int> out;
    for (const RouteKinds::WeightedDestination &d :
        RouteKinds::destinations(*doc.resource(id)->virtualService(), kind, route))
        out.append(int(d.weight->value));
    return out;
}

QRect handleRect(QSlider *slider)
{
    QStyleOptionSlider opt;
    opt.initFrom(slider);
    opt.orientation = slider->orientation();
    opt.minimum = slider->minimum();
    opt.maximum = slider->maximum();
    opt.sliderPosition = slider->sliderPosition();
    opt.sliderValue = slider->value();
    opt.singleStep = slider->singleStep();
    opt.pageStep = slider->pageStep();
    opt.upsideDown = slider->invertedAppearance();
    opt.subControls = QStyle::SC_All;
    return slider->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, slider);
}

// Drags the handle of `slider` by `dx` pixels in several mouse moves, as a user would.
void drag(QSlider *slider, int dx)
{
    const QPoint start = handleRect(slider).center();
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, start);
    const int steps = 8;
    for (int i = 1; i <= steps; ++i)
        QTest::mouseMove(slider, start + QPoint(dx * i / steps, 0));
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, start + QPoint(dx, 0));
}

} // namespace

class TestWeightPanel : public QObject
{
    Q_OBJECT

private:
    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    WeightPanel *m_panel = nullptr;
    int m_vs = -1;

    void show(const QString &path, const QString &vsName, int route)
    {
        m_doc->open({ path });
        QVERIFY(!m_doc->workspace().resources.isEmpty());
        m_vs = idOf(*m_doc, ResourceKind::VirtualService, vsName);
        QVERIFY(m_vs >= 0);
        SelectionTarget t;
        t.resourceId = m_vs;
        t.routeIndex = route;
        m_selection->select(t);
        m_panel->resize(640, 420);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }

    // Opens an HTTPRoute fixture and selects its rule `rule`, as the rule list and the graph do.
    void showRoute(const QString &path, const QString &routeName, int rule)
    {
        m_doc->open({ path });
        m_vs = idOf(*m_doc, ResourceKind::HTTPRoute, routeName);
        QVERIFY(m_vs >= 0);
        SelectionTarget t;
        t.resourceId = m_vs;
        t.routeIndex = rule;
        m_selection->select(t);
        m_panel->resize(640, 420);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }

    // Opens the TLS/TCP fixture and selects rule `route` of `kind`, as the rule list does.
    void showL4(RouteKind kind, int route)
    {
        m_doc->open({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/l4routes.yaml") });
        m_vs = idOf(*m_doc, ResourceKind::VirtualService, "shop");
        QVERIFY(m_vs >= 0);
        SelectionTarget t;
        t.resourceId = m_vs;
        t.routeKind = kind;
        t.l4RouteIndex = route;
        m_selection->select(t);
        m_panel->resize(640, 420);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_selection = new Selection;
        m_panel = new WeightPanel(m_doc, m_selection);
    }
    void cleanup()
    {
        delete m_panel;
        delete m_selection;
        delete m_doc;
    }

    void dragIsOneUndoStepAndSavesBytes()
    {
        const QString bookinfo = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
        const QByteArray original = readFile(bookinfo);
        show(bookinfo, "reviews", 0);
        QCOMPARE(m_panel->rowCount(), 2);
        QCOMPARE(m_panel->displayedWeights(), QList<int>({ 99, 1 }));

        QSlider *v1 = m_panel->slider(0);
        drag(v1, -v1->width() / 3);
        const int value = v1->value();
        QVERIFY2(value < 90 && value > 20, qPrintable(QString::number(value)));
        const QList<int> expected { value, 100 - value };
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), expected);
        QCOMPARE(m_panel->displayedWeights(), expected);
        QCOMPARE(m_doc->undoStack()->count(), 1);

        // The saved bytes: only the two numbers changed, comments kept.
        QTemporaryDir dir;
        const QString out = dir.filePath("bookinfo.yaml");
        QString error;
        QVERIFY2(m_doc->saveFileAs(0, out, &error), qPrintable(error));
        QByteArray want = original;
        want.replace(
            "      weight: 99  # stable", QStringLiteral("      weight: %1  # stable").arg(value).toUtf8());
        want.replace("      weight: 1   # canary",
            QStringLiteral("      weight: %1   # canary").arg(100 - value).toUtf8());
        QCOMPARE(readFile(out), want);

        // A second drag is a second step; undo takes back one drag at a time.
        drag(m_panel->slider(1), m_panel->slider(1)->width() / 5);
        QTRY_COMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        QCOMPARE(modelWeights(*m_doc, m_vs, 0), expected);
        QTRY_COMPARE(m_panel->displayedWeights(), expected);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
        QCOMPARE(m_panel->displayedWeights(), QList<int>({ 99, 1 }));
    }

    void keyboard()
    {
        show(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"), "reviews", 0);
        QSlider *v2 = m_panel->slider(1);
        v2->setFocus();
        QTest::keyClick(v2, Qt::Key_Right);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 98, 2 }));
        QTest::keyClick(v2, Qt::Key_PageUp);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 88, 12 }));
        QTest::keyClick(v2, Qt::Key_Left);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 89, 11 }));
        QTest::keyClick(v2, Qt::Key_PageDown);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 99, 1 }));
        // Typed into the number box.
        QSpinBox *box = m_panel->spinBox(1);
        box->selectAll();
        QTest::keyClicks(box, "25");
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 75, 25 }));
    }

    void proportionalWithLock()
    {
        show(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/threeway.yaml"), "reviews", 0);
        QCOMPARE(m_panel->rowCount(), 3);
        QVERIFY(m_panel->lockButton(2)->isVisible());
        // v2 and v3 keep their 3:2 proportion when v1 moves.
        m_panel->slider(0)->setFocus();
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(m_panel->slider(0), Qt::Key_PageDown);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 20, 48, 32 }));
        // Locked v3 stays put; v2 takes what v1 gives.
        QTest::mouseClick(m_panel->lockButton(2), Qt::LeftButton);
        QVERIFY(m_panel->lockButton(2)->isChecked());
        QVERIFY(!m_panel->slider(2)->isEnabled());
        drag(m_panel->slider(0), m_panel->slider(0)->width() / 4);
        QTRY_VERIFY(modelWeights(*m_doc, m_vs, 0)[0] > 20);
        const QList<int> w = modelWeights(*m_doc, m_vs, 0);
        QCOMPARE(w[2], 32);
        QCOMPARE(std::accumulate(w.begin(), w.end(), 0), 100);
        // Even split of the unlocked two, around the lock.
        QTest::mouseClick(m_panel->evenSplitButton(), Qt::LeftButton);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 34, 34, 32 }));
    }

    void relativeWeightsShownAsShares()
    {
        const QString path = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/threeway.yaml");
        show(path, "reviews", 1);
        QCOMPARE(m_panel->displayedWeights(), QList<int>({ 25, 75 }));
        QCOMPARE(modelWeights(*m_doc, m_vs, 1), QList<int>({ 1, 3 }));
        QVERIFY(!m_doc->isModified());
        m_panel->slider(0)->setFocus();
        QTest::keyClick(m_panel->slider(0), Qt::Key_Right);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 1), QList<int>({ 26, 74 }));
    }

    void addAndRemoveDestination()
    {
        show(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"), "reviews", 0);
        const QByteArray original = m_doc->files()[0].text;
        QComboBox *host = m_panel->hostPicker(); // the Add destination row's, below the destinations
        QVERIFY(host);
        QVERIFY(host->findText("reviews") >= 0); // fed from the workspace's Services
        host->setCurrentText("reviews");
        QComboBox *subset = m_panel->subsetPicker();
        QVERIFY(subset->findText("v3") >= 0); // fed from the DestinationRule
        subset->setCurrentText("v3");
        QPushButton *add = nullptr;
        for (QPushButton *b : m_panel->findChildren<QPushButton *>())
            if (b->text().contains("Add"))
                add = b;
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_COMPARE(m_panel->rowCount(), 3);
        QCOMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 99, 1, 0 }));
        QCOMPARE(m_doc->resource(m_vs)->virtualService()->http[0].route[2].destination.subset.value,
            QStringLiteral("v3"));
        // Remove v1: its 99% goes to the others in proportion.
        QToolButton *remove = nullptr;
        for (QToolButton *b : m_panel->findChildren<QToolButton *>())
            if (b->text() == QStringLiteral("✕") && !remove)
                remove = b;
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE(m_panel->rowCount(), 2);
        QCOMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 100, 0 }));
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
        QTRY_COMPARE(m_panel->rowCount(), 2);
    }

    // The same sliders on a TCP rule: a drag is one undo step and only the weights' bytes change.
    void tcpDragIsOneUndoStep()
    {
        showL4(RouteKind::Tcp, 0);
        const QByteArray original = m_doc->files()[0].text;
        QCOMPARE(m_panel->routeKind(), RouteKind::Tcp);
        QCOMPARE(m_panel->titleLabel()->text(), QStringLiteral("shop · TCP rule #0"));
        QCOMPARE(m_panel->rowCount(), 2);
        QCOMPARE(m_panel->displayedWeights(), QList<int>({ 90, 10 }));
        // The second destination's pickers show where it points.
        QCOMPARE(m_panel->pickers(1)->hostBox()->currentText(), QStringLiteral("mongo"));
        QCOMPARE(m_panel->pickers(1)->subsetBox()->currentData().toString(), QStringLiteral("v2"));
        QCOMPARE(m_panel->pickers(1)->portBox()->currentData().toInt(), 27017);

        QSlider *v1 = m_panel->slider(0);
        drag(v1, -v1->width() / 3);
        const int value = v1->value();
        QVERIFY2(value < 80 && value > 20, qPrintable(QString::number(value)));
        QTRY_COMPARE(l4Weights(*m_doc, m_vs, RouteKind::Tcp, 0), QList<int>({ value, 100 - value }));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QByteArray want = original;
        want.replace("      weight: 90\n", QStringLiteral("      weight: %1\n").arg(value).toUtf8());
        want.replace("      weight: 10\n", QStringLiteral("      weight: %1\n").arg(100 - value).toUtf8());
        QCOMPARE(m_doc->files()[0].text, want);
        // The TLS and HTTP rules of the same VirtualService did not move.
        QCOMPARE(l4Weights(*m_doc, m_vs, RouteKind::Tls, 0), QList<int>({ 80, 20 }));
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
        QTRY_COMPARE(m_panel->displayedWeights(), QList<int>({ 90, 10 }));
    }

    void tlsAddAndRemoveDestination()
    {
        showL4(RouteKind::Tls, 0);
        const QByteArray original = m_doc->files()[0].text;
        QCOMPARE(m_panel->titleLabel()->text(), QStringLiteral("shop · TLS rule #0"));
        QVERIFY(m_panel->hostPicker()->findText("mongo") >= 0);
        m_panel->hostPicker()->setFocus();
        m_panel->hostPicker()->lineEdit()->selectAll();
        QTest::keyClicks(m_panel->hostPicker()->lineEdit(), "shop");
        QTRY_VERIFY(m_panel->subsetPicker()->findText("v2") >= 0); // the shop DestinationRule's subsets
        m_panel->subsetPicker()->setCurrentText("v2");
        QTest::mouseClick(m_panel->addButton(), Qt::LeftButton);
        QTRY_COMPARE(m_panel->rowCount(), 3);
        QCOMPARE(l4Weights(*m_doc, m_vs, RouteKind::Tls, 0), QList<int>({ 80, 20, 0 }));
        QByteArray want = original;
        want.replace("      weight: 20\n  tcp:\n",
            "      weight: 20\n    - destination:\n        host: shop\n        subset: v2\n      weight: 0\n "
            " tcp:\n");
        QCOMPARE(m_doc->files()[0].text, want);
        // Removing the 80% destination gives its share to the others in proportion.
        QTest::mouseClick(m_panel->removeButton(0), Qt::LeftButton);
        QTRY_COMPARE(m_panel->rowCount(), 2);
        QCOMPARE(l4Weights(*m_doc, m_vs, RouteKind::Tls, 0), QList<int>({ 100, 0 }));
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
    }

    // A VirtualService with only TCP rules, selected as a whole, shows its first TCP rule's split.
    void tcpOnlyVirtualServiceShowsItsFirstTcpRule_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("data") << test::dataPath(QStringLiteral("yaml/tcp-only.yaml"));
        if (!test::corpusDir().isEmpty())
            QTest::newRow("corpus tcp-echo sample")
                << test::corpusPath(QStringLiteral("istio-istio/samples/tcp-echo/tcp-echo-20-v2.yaml"));
    }
    void tcpOnlyVirtualServiceShowsItsFirstTcpRule()
    {
        QFETCH(QString, path);
        show(path, "tcp-echo", -1);
        QCOMPARE(m_panel->routeKind(), RouteKind::Tcp);
        QCOMPARE(m_panel->routeIndex(), 0);
        QCOMPARE(m_panel->titleLabel()->text(), QStringLiteral("tcp-echo · TCP rule #0"));
        QCOMPARE(m_panel->displayedWeights(), QList<int>({ 80, 20 }));
        QCOMPARE(m_panel->hostPicker()->currentText(), QStringLiteral("tcp-echo"));
        m_panel->evenSplitButton()->click();
        QTRY_COMPARE(l4Weights(*m_doc, m_vs, RouteKind::Tcp, 0), QList<int>({ 50, 50 }));
    }

    void promote()
    {
        show(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"), "reviews", 0);
        QToolButton *promote = nullptr;
        int seen = 0;
        for (QToolButton *b : m_panel->findChildren<QToolButton *>())
            if (b->text() == QStringLiteral("100%") && seen++ == 1)
                promote = b;
        QVERIFY(promote);
        QTest::mouseClick(promote, Qt::LeftButton);
        QTRY_COMPARE(modelWeights(*m_doc, m_vs, 0), QList<int>({ 0, 100 }));
        QCOMPARE(m_doc->undoStack()->count(), 1);
    }

    // An HTTPRoute canary: a drag is one undo step and only the two weight values change on disk.
    void httpRouteDragIsOneUndoStepAndSavesBytes()
    {
        const QString path = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml");
        const QByteArray original = readFile(path);
        showRoute(path, "reviews", 1);
        QVERIFY(m_panel->showsGatewayApiRule());
        QCOMPARE(m_panel->titleLabel()->text(), QStringLiteral("reviews · rule canary"));
        QCOMPARE(m_panel->rowCount(), 2);
        QCOMPARE(m_panel->displayedWeights(), QList<int>({ 90, 10 }));
        // The Service and port pickers show the backendRef; Gateway API has no subsets.
        QCOMPARE(m_panel->pickers(1)->hostBox()->currentText(), QStringLiteral("reviews-v3"));
        QCOMPARE(m_panel->pickers(1)->portBox()->currentData().toInt(), 9080);
        QVERIFY(m_panel->pickers(1)->subsetBox()->isHidden());

        QSlider *v1 = m_panel->slider(0);
        drag(v1, -v1->width() / 3);
        const int value = v1->value();
        QVERIFY2(value < 80 && value > 20, qPrintable(QString::number(value)));
        QTRY_COMPARE(backendWeights(*m_doc, m_vs, 1), QList<int>({ value, 100 - value }));
        QCOMPARE(m_doc->undoStack()->count(), 1);

        QTemporaryDir dir;
        const QString out = dir.filePath("gateway-api.yaml");
        QString error;
        QVERIFY2(m_doc->saveFileAs(0, out, &error), qPrintable(error));
        QByteArray want = original;
        want.replace(
            "      weight: 90  # stable", QStringLiteral("      weight: %1  # stable").arg(value).toUtf8());
        want.replace("      weight: 10  # canary",
            QStringLiteral("      weight: %1  # canary").arg(100 - value).toUtf8());
        QCOMPARE(readFile(out), want);

        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
        QTRY_COMPARE(m_panel->displayedWeights(), QList<int>({ 90, 10 }));
    }

    // A backendRef that leaves weight out weighs 1: it gets `weight:` in the file's style only once
    // its weight changes, and Even split and undo act on it like any other.
    void httpRouteMissingWeightInsertedOnlyWhenNeeded()
    {
        const QString path = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/httproute-split.yaml");
        showRoute(path, "shop", 0);
        const QByteArray original = m_doc->files()[0].text;
        QCOMPARE(m_panel->displayedWeights(), QList<int>({ 100, 0 }));
        QVERIFY(!m_panel->lockButton(0)->isVisible()); // two backends: nothing to lock against
        m_panel->slider(1)->setFocus();
        QTest::keyClick(m_panel->slider(1), Qt::Key_PageUp);
        QTRY_COMPARE(backendWeights(*m_doc, m_vs, 0), QList<int>({ 90, 10 }));
        QByteArray want = original;
        want.replace("    - name: web\n      port: 80\n    - name: web-next\n      port: 80\n      weight: 0 "
                     " # not yet\n",
            "    - name: web\n      port: 80\n      weight: 90\n    - name: web-next\n      port: 80\n      "
            "weight: 10  # not yet\n");
        QCOMPARE(m_doc->files()[0].text, want);
        QTest::mouseClick(m_panel->evenSplitButton(), Qt::LeftButton);
        QTRY_COMPARE(backendWeights(*m_doc, m_vs, 0), QList<int>({ 50, 50 }));
        // Edits of one rule's weights in a row merge, as SetWeights' do: one undo step back.
        QCOMPARE(m_doc->undoStack()->count(), 1);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
        QTRY_COMPARE(m_panel->displayedWeights(), QList<int>({ 100, 0 }));
    }

    // Three backendRefs: a lock holds one while the others move in proportion; Promote sends the rest to one.
    void httpRouteLockAndPromote()
    {
        showRoute(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/httproute-split.yaml"), "shop", 1);
        QCOMPARE(m_panel->displayedWeights(), QList<int>({ 50, 30, 20 }));
        QVERIFY(m_panel->lockButton(2)->isVisible());
        QTest::mouseClick(m_panel->lockButton(2), Qt::LeftButton);
        m_panel->slider(0)->setFocus();
        QTest::keyClick(m_panel->slider(0), Qt::Key_PageDown);
        QTRY_COMPARE(backendWeights(*m_doc, m_vs, 1), QList<int>({ 40, 40, 20 }));
        QToolButton *promote = nullptr;
        int seen = 0;
        for (QToolButton *b : m_panel->findChildren<QToolButton *>())
            if (b->text() == QStringLiteral("100%") && seen++ == 1)
                promote = b;
        QVERIFY(promote);
        QTest::mouseClick(promote, Qt::LeftButton);
        QTRY_COMPARE(backendWeights(*m_doc, m_vs, 1), QList<int>({ 0, 80, 20 }));
        // The other rule did not move.
        QCOMPARE(backendWeights(*m_doc, m_vs, 0), QList<int>({ 1, 0 }));
    }

    // The route selected as a whole shows its first rule; Add backend appends a backendRef at weight 0
    // from the pickers (Services of the route's namespace, their ports), ✕ removes one.
    void httpRouteAddAndRemoveBackend()
    {
        showRoute(QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/httproute-split.yaml"), "shop", -1);
        QCOMPARE(m_panel->routeIndex(), 0);
        const QByteArray original = m_doc->files()[0].text;
        QVERIFY(m_panel->hostPicker()->findText("web-old") >= 0);
        QVERIFY(m_panel->subsetPicker()->isHidden());
        QCOMPARE(m_panel->addButton()->text(), QStringLiteral("Add backend"));
        m_panel->hostPicker()->setCurrentText("web-old");
        QTest::mouseClick(m_panel->addButton(), Qt::LeftButton);
        QTRY_COMPARE(m_panel->rowCount(), 3);
        QCOMPARE(backendWeights(*m_doc, m_vs, 0), QList<int>({ 1, 0, 0 }));
        QVERIFY(m_doc->files()[0].text.contains(
            "      weight: 0  # not yet\n    - name: web-old\n      weight: 0\n"));
        // Its Service picker offers web-next's second port.
        m_panel->pickers(1)->portBox()->setCurrentIndex(m_panel->pickers(1)->portBox()->findData(9000));
        Q_EMIT m_panel->pickers(1)->portBox()->activated(m_panel->pickers(1)->portBox()->currentIndex());
        QTRY_COMPARE(m_doc->resource(m_vs)->gatewayApiRoute()->rules[0].backendRefs[1].ref.port.value, 9000);
        QTest::mouseClick(m_panel->removeButton(2), Qt::LeftButton);
        QTRY_COMPARE(m_panel->rowCount(), 2);
        QCOMPARE(m_doc->undoStack()->count(), 3);
        for (int i = 0; i < 3; ++i)
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->files()[0].text, original);
    }

    void nothingSelected()
    {
        m_panel->show();
        QCOMPARE(m_panel->rowCount(), 0);
        m_selection->clear();
        QCOMPARE(m_panel->rowCount(), 0);
    }
};

QTEST_MAIN(TestWeightPanel)
#include "tst_weightpanel.moc"
