package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.app.view.LogScale;
import org.poetexplorer.app.view.MemoryView;
import org.poetexplorer.app.view.TimelineView;
import org.poetexplorer.chart.ChartLayout;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.chart.TimelineData;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.onnx.OnnxFixture;
import org.poetexplorer.model.Device;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app end to end, headless (Monocle), with the real engine: each test starts its
 * own window (the default view, or a small network reopened from a session with a short time
 * limit) and drives it like a user (slider, text field, pointer) or, where a native dialog
 * would be needed, through the view-model's method taking a path. Screenshots of each state go
 * to the folder named by {@code poet.screenshots} when it is given (see {@link Screenshots}).
 */
class PoetExplorerAppTest extends AppWindowTest {
    /** The status bar's words: the badge, then the line beside it. */
    private String statusText() {
        return ((Label) app.view().lookup("#statusBadge")).getText() + " "
                + ((Label) app.view().lookup("#statusText")).getText();
    }

    private Slider ramSlider() {
        return app.view().inputs().budgets().ramSlider();
    }

    private static long count(SolveResult r, OpKind kind) {
        return r.schedule().ops().stream().filter(o -> o.kind() == kind).count();
    }

    @Test
    void opensWithTheDefaultNetworkSolved() throws Exception {
        launch();
        // The first schedule (streamed before the exact solve ends) must be on screen within seconds.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().solving().resultProperty().get() != null
                && vm().solving().resultProperty().get().hasSchedule());
        WaitForAsyncUtils.waitForFxEvents();
        SolveResult r = vm().solving().resultProperty().get();
        Screenshots.save(stage.getScene(), "01-default-resnet18_cifar-a72");
        assertTrue(stage.getTitle().contains("POET Explorer"));
        assertEquals("resnet18_cifar", vm().inputs().graphProperty().get().name());
        assertEquals("a72", vm().inputs().deviceProperty().get().id());
        long plainPeak = vm().inputs().plainPeakBytesProperty().get();
        assertEquals(Math.round(plainPeak * 0.6), vm().inputs().ramBudgetProperty().get(), 1.0);
        assertEquals(1.5, vm().inputs().runtimeRatioProperty().get());
        assertNotNull(r);
        assertTrue(r.hasSchedule(), () -> "status: " + statusText());
        // the rows reach the table a frame after the schedule
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !app.view().nodeTable().getItems().isEmpty()
                && app.view().nodeTable().getItems().equals(shownRows()));
        assertEquals(r.budget().ramBytes(), vm().inputs().ramBudgetProperty().get());
    }

    @Test
    void theNodeTableListsTheScheduleOnScreenWhenItsTabIsShown() throws Exception {
        launchSolved("linear", "a72");
        javafx.scene.control.TableView<org.poetexplorer.app.viewmodel.NodeRow> table = app.view().nodeTable();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().equals(shownRows()));
        List<org.poetexplorer.app.viewmodel.NodeRow> linearRows = List.copyOf(table.getItems());
        TabPane tabs = (TabPane) app.view().lookup("#bottomTabs");
        fx(() -> tabs.getSelectionModel().select(1));
        fx(() -> vm().inputs().selectNetwork(new org.poetexplorer.io.NetworkSource.CatalogNetwork("resnet18_cifar")));
        SolveResult r = awaitSettled(120);
        assertEquals("resnet18_cifar", r.graph().name());
        Thread.sleep(200); // frames go by
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(linearRows, List.copyOf(table.getItems()), "a hidden table lists nothing new");

        fx(() -> tabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().equals(shownRows()));
        assertEquals(r.graph().size(), table.getItems().size(), "once shown, a row per node of the new network");
    }

    private List<org.poetexplorer.app.viewmodel.NodeRow> shownRows() {
        var shown = vm().solving().shownProperty().get();
        return shown == null ? List.of() : shown.rows();
    }

    @Test
    void ramBelowThePlainPeakGivesRecomputesOrPaging() throws Exception {
        launchSolved("linear", "a72");
        long plainPeak = vm().inputs().plainPeakBytesProperty().get();
        long target = plainPeak / 2;
        fx(() -> ramSlider().setValue(LogScale.toSlider(target)));
        SolveResult r = awaitSettled(120);
        Screenshots.save(stage.getScene(), "02-ram-half-plain-peak");
        assertEquals(vm().inputs().ramBudgetProperty().get(), r.budget().ramBytes(), "the result is for the slider's value");
        assertTrue(Math.abs(r.budget().ramBytes() - target) <= target / 100, "slider maps back to the budget");
        assertTrue(r.status() == SolveStatus.OPTIMAL || r.status() == SolveStatus.FEASIBLE, r::toString);
        assertTrue(count(r, OpKind.RECOMPUTE) + count(r, OpKind.PAGE_IN) + count(r, OpKind.PAGE_OUT) > 0,
                "below the plain peak something must be recomputed or paged");
        long peak = r.schedule().ops().stream().mapToLong(Operation::ramBytesAfter).max().orElseThrow();
        assertTrue(peak <= r.budget().ramBytes());
        assertTrue(statusText().startsWith(r.status().toString()), statusText());
    }

    @Test
    void anInfeasibleBudgetSaysWhichBudgetToRaise() throws Exception {
        launchSolved("linear", "a72");
        long tiny = vm().inputs().graphProperty().get().largestActivationBytes() / 2;
        javafx.scene.control.TextField ramField = app.view().inputs().budgets().ramField();
        robot.clickOn(ramField);
        fx(ramField::selectAll);
        robot.write(Long.toString(tiny)).type(javafx.scene.input.KeyCode.ENTER);
        SolveResult r = awaitSettled(120);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> statusText().contains("at least"));
        Screenshots.save(stage.getScene(), "03-infeasible");
        assertEquals(tiny, vm().inputs().ramBudgetProperty().get(), "typed value applied exactly");
        assertEquals(SolveStatus.INFEASIBLE, r.status());
        assertTrue(statusText().startsWith("INFEASIBLE"), statusText());
        assertTrue(statusText().contains("Raise the RAM budget to at least"), statusText());

        long suggested = vm().solving().workingRamBytesProperty().get();
        robot.clickOn("#useMinimalRam");
        SolveResult fixed = awaitSettled(120);
        assertEquals(suggested, fixed.budget().ramBytes(), "the button applies the suggested budget");
        assertTrue(fixed.hasSchedule(), "and a schedule fits it: " + statusText());
    }

    @Test
    void rapidSliderMovesEndWithTheLastValueSolved() throws Exception {
        launchSolved("linear", "a72");
        long plainPeak = vm().inputs().plainPeakBytesProperty().get();
        double lo = LogScale.toSlider(plainPeak / 3);
        double hi = LogScale.toSlider(plainPeak);
        // 50 moves queued on the FX thread as fast as a drag delivers them, then the last value
        for (int i = 0; i < 50; i++) {
            double v = lo + (hi - lo) * ((i * 37) % 50) / 50.0;
            WaitForAsyncUtils.asyncFx(() -> ramSlider().setValue(v));
        }
        double last = lo + (hi - lo) * 0.55;
        fx(() -> ramSlider().setValue(last));
        SolveResult r = awaitSettled(120);
        Screenshots.save(stage.getScene(), "04-after-50-slider-moves");
        long expected = LogScale.fromSlider(last);
        assertEquals(expected, vm().inputs().ramBudgetProperty().get());
        assertEquals(expected, r.budget().ramBytes(), "the result on screen is for the last slider value");
        assertEquals(0, vm().solving().runningSolvesProperty().get(), "no solve left running");
        assertTrue(r.hasSchedule());
        long points = vm().solving().history().stream().filter(h -> h.ramBudgetBytes() == expected).count();
        assertEquals(1, points, "the last budget is on the trade-off curve once");

        TabPane tabs = (TabPane) app.view().lookup("#bottomTabs");
        fx(() -> tabs.getSelectionModel().select(2));
        Screenshots.save(stage.getScene(), "04b-tradeoff-after-slider-moves");
        fx(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm().comparisons().pagingOnlyProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "04c-energy-bars");
    }

    @Test
    void clickingThePeakListsWhatIsInRam() throws Exception {
        launchSolved("linear", "a72");
        SolveResult r = vm().solving().resultProperty().get();
        MemoryView memory = app.view().memory();
        org.poetexplorer.chart.MemoryData data = new org.poetexplorer.chart.MemoryData(r.schedule());
        TimeWindow w = TimeWindow.fit(data.totalS());
        double x = w.toX(r.schedule().ops().get(data.peakOp()).endS(), ChartLayout.LEFT,
                ChartLayout.plotWidth(memory.getWidth()));
        fx(() -> app.view().timeWindow().set(null));
        robot.clickOn(memory.localToScreen(x, memory.getHeight() / 2), javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !memory.listedContents().isEmpty()
                && memory.contentsScene() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "05-ram-contents-at-peak");
        Screenshots.save(memory.contentsScene(), "05b-ram-contents-list");
        var summary = org.poetexplorer.schedule.ScheduleSummary.of(r.schedule());
        assertEquals(summary.inRamAtPeak().size(), memory.listedContents().size(), "one line per output in RAM");
        String largest = r.schedule().graph().node(summary.inRamAtPeak().get(0)).name();
        assertTrue(memory.listedContents().get(0).startsWith(largest), memory.listedContents().get(0));
        javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) memory.contentsScene()
                .lookup("#ramContents");
        java.util.List<Double> sizeColumn = list.lookupAll(".list-cell").stream()
                .filter(c -> ((javafx.scene.control.ListCell<?>) c).getItem() != null)
                .map(c -> ((javafx.scene.layout.HBox) ((javafx.scene.control.ListCell<?>) c).getGraphic())
                        .getChildren().get(2).localToScene(0, 0).getX())
                .distinct().toList();
        assertEquals(1, sizeColumn.size(), "the sizes stand in one column: " + sizeColumn);
        javafx.scene.Node secondRow = list.lookupAll(".list-cell").stream()
                .filter(c -> ((javafx.scene.control.ListCell<?>) c).getIndex() == 1).findFirst().orElseThrow();
        robot.clickOn(secondRow);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(summary.inRamAtPeak().get(1), vm().solving().selectedNodeProperty().get(),
                "a click on a row selects its node");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> memory.contentsScene() == null);
    }

    @Test
    void hoveringAnOperationShowsItsDetails() throws Exception {
        launchSolved("linear", "a72");
        SolveResult r = vm().solving().resultProperty().get();
        assertTrue(r.hasSchedule());
        TimelineView timeline = app.view().timeline();
        TimelineData data = new TimelineData(r.schedule());
        // the longest compute: easy to hit
        Operation target = null;
        for (Operation op : r.schedule().ops()) {
            if (op.kind() == OpKind.COMPUTE && (target == null || op.durationS() > target.durationS())) {
                target = op;
            }
        }
        Operation op = target;
        TimeWindow w = app.view().timeWindow().get() != null ? app.view().timeWindow().get()
                : TimeWindow.fit(data.totalS());
        double x = w.toX((op.startS() + op.endS()) / 2, ChartLayout.LEFT, ChartLayout.plotWidth(timeline.getWidth()));
        double laneH = (timeline.getHeight() - ChartLayout.AXIS_HEIGHT - org.poetexplorer.chart.TimelinePainter.TOP)
                / TimelineData.LANES.size();
        double y = org.poetexplorer.chart.TimelinePainter.TOP + laneH / 2;
        Point2D screen = timeline.localToScreen(x, y);
        robot.moveTo(screen.add(0, 6)).moveTo(screen);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> timeline.hoverCard().isVisible());
        Screenshots.save(stage.getScene(), "05-hover-tooltip");
        Thread.sleep(1500); // longer than a tooltip's delay
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(javafx.stage.Window.getWindows().stream().anyMatch(win -> win instanceof javafx.scene.control.Tooltip
                && win.isShowing()), "no help tooltip covers the card");
        String text = timeline.hoverCard().getText();
        String name = r.schedule().graph().node(op.node()).name();
        assertTrue(text.contains("COMPUTE") && text.contains(name) && text.contains("stage " + op.stage()), text);
        assertTrue(text.contains("duration") && text.contains("energy"), text);

        robot.clickOn(screen, javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(op.node(), vm().solving().selectedNodeProperty().get(), "click selects the node");
        assertEquals(op.node(), app.view().nodeTable().getSelectionModel().getSelectedItem().index(),
                "and its row in the node table");
        Screenshots.save(stage.getScene(), "06-node-selected");
    }

    @Test
    void aMalformedDeviceFileShowsAnErrorAndKeepsTheDevice(@TempDir Path dir) throws Exception {
        launchSolved("linear", "a72");
        Device before = vm().inputs().deviceProperty().get();
        SolveResult resultBefore = vm().solving().resultProperty().get();
        Path bad = dir.resolve("broken-device.json");
        String good = Files.readString(Path.of("sample-profiles", "a72.json"));
        Files.writeString(bad, good.replace("\"flops\": 2000000000.0", "\"flops\": -5"));
        fx(() -> vm().inputs().openDevice(bad));
        awaitNotification(20);
        Screenshots.save(stage.getScene(), "07-malformed-device");
        String text = app.view().notifications().getText();
        assertTrue(text.contains("broken-device.json"), text);
        assertTrue(text.contains("flops") && text.contains("-5"), text);
        assertEquals(before, vm().inputs().deviceProperty().get(), "the previous device stays");
        assertEquals(new DeviceSource.BuiltInDevice("a72"), app.view().inputs().devicePickerValue(), "the picker still shows it");
        assertEquals(resultBefore, vm().solving().resultProperty().get(), "the schedule on screen stays");
    }

    @Test
    void deviceSheetRefusesAnInvalidFieldAndAppliesAValidOne() throws Exception {
        launchSolved("linear", "a72");
        Device before = vm().inputs().deviceProperty().get();
        javafx.scene.control.TextField flops = (javafx.scene.control.TextField) app.view()
                .lookup("#deviceSheet").lookupAll(".text-field").iterator().next();
        assertEquals(2e9, before.flops());
        assertEquals("2 GFLOP/s", flops.getText(), "with an SI prefix and the unit, not e-notation");
        robot.clickOn(flops);
        fx(flops::selectAll);
        robot.write("-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(flops.getStyleClass().contains("invalid"), "a negative speed is marked at once");
        assertTrue(flops.getTooltip().getText().contains("flops"), flops.getTooltip().getText());
        Label problem = (Label) app.view().lookup("#deviceProblem");
        assertTrue(problem.isVisible() && problem.getText().startsWith("flops"), "said beside the fields: "
                + problem.getText());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "08-device-field-invalid");
        assertEquals(before, vm().inputs().deviceProperty().get(), "an invalid value is not applied");

        fx(flops::selectAll);
        robot.write("4e9").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().inputs().deviceProperty().get().flops() == 4e9);
        SolveResult r = awaitSettled(120);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "4 GFLOP/s".equals(flops.getText()));
        assertEquals(before.flopsPerJoule(), vm().inputs().deviceProperty().get().flopsPerJoule(), "other fields kept");
        assertEquals(vm().inputs().graphProperty().get(), r.graph(), "the schedule is for the edited device");
        assertEquals(vm().inputs().graphProperty().get().node(1).flop() / 4e9, r.graph().runtime(1), 1e-15,
                "costs recomputed for the new speed");
        assertTrue(vm().inputs().deviceEditedProperty().get() && stage.getTitle().endsWith("(edited)"),
                stage.getTitle());
        assertTrue(app.view().lookup("#resetDevice").isVisible(), "an edited profile can be reset");
        Path profile = settingsDir.resolve("fast-a72.json");
        fx(() -> vm().inputs().saveDeviceProfile(profile));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> new DeviceSource.DeviceFile(profile.toAbsolutePath())
                .equals(vm().inputs().deviceChoiceProperty().get()) && !vm().inputs().loadingProperty().get());
        assertEquals(4e9, vm().inputs().deviceProperty().get().flops(), "saved as a profile, and used");
        assertFalse(vm().inputs().deviceEditedProperty().get(), "a saved profile is not an edited one");
        awaitSettled(60);
        Device saved = vm().inputs().deviceProperty().get();
        robot.clickOn(flops);
        fx(flops::selectAll);
        robot.write("-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(flops.getStyleClass().contains("invalid") && problem.isVisible(), "typed, not applied");
        fx(() -> vm().inputs().applyDevice(new Device(saved.id(), saved.name(), 5e9, saved.flopsPerJoule(),
                saved.pageInLatency(), saved.pageInThroughput(), saved.pageOutLatency(), saved.pageOutThroughput(),
                saved.memoryPower(), saved.bytesPerElement(), saved.power(), "edited")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().inputs().deviceEditedProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "5 GFLOP/s".equals(flops.getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(flops.getStyleClass().contains("invalid") || problem.isVisible(),
                "another device replaces what was typed, and its problem");
        assertEquals(flops, app.view().lookup("#deviceSheet").lookupAll(".text-field").iterator().next(),
                "the same field, its figure changed");
        fx(() -> ((javafx.scene.control.Button) app.view().lookup("#resetDevice")).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm().inputs().deviceEditedProperty().get());
        assertEquals(saved, vm().inputs().deviceProperty().get(), "reset: the profile as loaded");
    }

    @Test
    void aNetworkFileOpensAndAMalformedOneChangesNothing(@TempDir Path dir) throws Exception {
        launchSolved("transformer", "a72");
        Path good = ReferenceData.copy("linear", "a72", dir);
        fx(() -> vm().inputs().openNetwork(good));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().inputs().graphProperty().get().name().equals("linear"));
        SolveResult r = awaitSettled(120);
        assertTrue(r.hasSchedule(), statusText());
        assertEquals("linear", r.graph().name());
        assertEquals(new NetworkSource.NetworkFile(good.toAbsolutePath()), vm().inputs().networkProperty().get());
        assertEquals(good.toAbsolutePath(), vm().recentFiles().files().get(0), "remembered as a recent file");
        javafx.scene.control.ListCell<?> shown = ((javafx.scene.control.ComboBox<?>) app.view()
                .lookup("#networkPicker")).getButtonCell();
        assertEquals(new NetworkSource.NetworkFile(good.toAbsolutePath()).toString(), shown.getText(),
                "the network box names the open file");

        Path bad = dir.resolve("broken-network.json");
        Files.writeString(bad, "{\"nodes\": [{\"type\": \"Input\", \"out_shape\": [1, 3], \"flop\": 0, "
                + "\"deps\": [5]}]}");
        fx(() -> vm().inputs().openNetwork(bad));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.view().notifications().isShowing()
                && app.view().notifications().getText().contains("broken-network.json"));
        String text = app.view().notifications().getText();
        assertTrue(text.contains("deps"), text);
        awaitNotification(10);
        javafx.scene.Node bar = app.view().lookup(".notification-bar");
        assertTrue(bar.localToScene(0, 0).getY() > stage.getScene().getHeight() / 2,
                "the notice shows at the bottom, clear of the menu and the timeline's tools");
        assertEquals("linear", vm().inputs().graphProperty().get().name(), "the loaded network stays");
        assertEquals(r, vm().solving().resultProperty().get(), "and so does its schedule");
    }

    @Test
    void wheelZoomsAroundThePointerDragPansAndFFits() throws Exception {
        launchSolved("linear", "a72");
        SolveResult r = vm().solving().resultProperty().get();
        TimelineView timeline = app.view().timeline();
        fx(() -> app.view().timeWindow().set(null));
        TimeWindow all = TimeWindow.fit(new TimelineData(r.schedule()).totalS());
        double pw = ChartLayout.plotWidth(timeline.getWidth());
        double x = ChartLayout.LEFT + pw * 0.3;
        double anchor = all.toTime(x, ChartLayout.LEFT, pw);
        robot.moveTo(timeline.localToScreen(x, timeline.getHeight() - ChartLayout.AXIS_HEIGHT - 5));
        // Which wheel direction zooms in depends on the platform's sign convention: try both.
        robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        if (app.view().timeWindow().get().span() > all.span()) {
            robot.scroll(6, javafx.geometry.VerticalDirection.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        TimeWindow zoomed = app.view().timeWindow().get();
        assertTrue(zoomed.span() < all.span() * 0.5, zoomed + " vs " + all);
        assertEquals(anchor, zoomed.toTime(x, ChartLayout.LEFT, pw), all.span() * 0.01, "the time under the pointer stays");
        Screenshots.save(stage.getScene(), "10-zoomed");

        robot.drag(javafx.scene.input.MouseButton.PRIMARY).dropBy(-100, 0);
        WaitForAsyncUtils.waitForFxEvents();
        TimeWindow panned = app.view().timeWindow().get();
        assertEquals(zoomed.span(), panned.span(), zoomed.span() * 1e-9, "panning keeps the zoom");
        assertTrue(panned.startS() > zoomed.startS(), "dragging left moves later in time");

        robot.type(javafx.scene.input.KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, app.view().timeWindow().get(), "F fits the whole schedule");
    }

    @Test
    void onnxImportChoicesAreTheUsersAndAnOpenModelIsImportedAgain(@TempDir Path dir) throws Exception {
        launchSolved("linear", "a72");
        Path model = new OnnxFixture("tiny").input("x", -1, 784).weights("w1", 10, 784).weights("b1", 10)
                .node("Gemm", OnnxFixture.in("x", "w1", "b1"), "h1", "transB", 1L)
                .node("Elu", OnnxFixture.in("h1"), "e1").valueInfo("e1", 1, 10)
                .weights("w2", 10, 10).weights("b2", 10)
                .node("Gemm", OnnxFixture.in("e1", "w2", "b2"), "y", "transB", 1L)
                .output("y", -1, 10).write(dir, "tiny.onnx");
        String before = vm().inputs().graphProperty().get().name();
        fx(() -> vm().inputs().openNetwork(model));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.view().notifications().isShowing()
                && app.view().notifications().getText().contains("unsupported operators: Elu x1"));
        assertEquals(before, vm().inputs().graphProperty().get().name(), "refused by default: nothing changes");

        javafx.scene.control.CheckBox estimate = (javafx.scene.control.CheckBox) stage.getScene()
                .lookup("#onnxEstimateBox");
        fx(() -> estimate.setSelected(true));
        fx(() -> vm().inputs().openNetwork(model));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().inputs().graphProperty().get().name().equals("tiny"));
        awaitSettled(60);
        fx(() -> vm().inputs().ramBudgetProperty().set(vm().inputs().plainPeakBytesProperty().get()));
        SolveResult one = awaitSettled(60);
        assertTrue(one.hasSchedule(), statusText());
        long peakOfOne = vm().inputs().plainPeakBytesProperty().get();

        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> batch = (javafx.scene.control.Spinner<Integer>) stage.getScene()
                .lookup("#onnxBatchSpinner");
        fx(() -> batch.getValueFactory().setValue(4));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().inputs().plainPeakBytesProperty().get() > peakOfOne);
        SolveResult four = awaitSettled(60);
        assertTrue(four.hasSchedule(), statusText());
        assertEquals(4L, four.graph().node(0).outShape().get(0), "the model imported again at batch 4");

        // a model exported for inference opens with a notice saying its BatchNorm layers were folded away
        Path eval = Path.of(getClass().getResource("/org/poetexplorer/onnx/resnet_basic.classic.onnx").toURI());
        fx(() -> batch.getValueFactory().setValue(1));
        fx(() -> vm().inputs().openNetwork(eval));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.view().notifications().isShowing()
                && app.view().notifications().getText().contains("6 of 6 convolutions have a BatchNormalization"));
        assertEquals(37, vm().inputs().graphProperty().get().size());
    }

    @Test
    void aNodeLinkGraphOpensAsANetworkAndTheTimeUnitIsAnAdvancedChoice(@TempDir Path dir) throws Exception {
        launchSolved("linear", "a72");
        Path file = dir.resolve("layered.json");
        org.poetexplorer.io.NodeLinkFiles.write(org.poetexplorer.generator.LayeredGraphs.generate(
                new org.poetexplorer.generator.LayeredGraphSpec(20, 0.3, 3)), file);
        fx(() -> vm().inputs().openNetwork(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().inputs().graphProperty().get().size() == 20);
        double oneMs = vm().inputs().graphProperty().get().plainRuntimeS();

        javafx.scene.control.TextField unit = (javafx.scene.control.TextField) stage.getScene()
                .lookup("#timeUnitField");
        assertEquals("1 ms", unit.getText());
        fx(() -> {
            unit.setText("2ms");
            unit.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> Math.abs(vm().inputs().graphProperty().get().plainRuntimeS() - 2 * oneMs) < 1e-9 * oneMs);
        assertEquals("2 ms", unit.getText());

        fx(() -> {
            unit.setText("soon");
            unit.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.view().notifications().isShowing()
                && app.view().notifications().getText().contains("time unit"));
        assertEquals("2 ms", unit.getText(), "a bad time unit is not applied");
    }
}
