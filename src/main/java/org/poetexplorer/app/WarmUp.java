package org.poetexplorer.app;

import javafx.scene.canvas.Canvas;
import org.jfree.fx.FXGraphics2D;
import org.poetexplorer.app.view.DeviceSheet;
import org.poetexplorer.app.view.NodeTableView;
import org.poetexplorer.app.viewmodel.InputsViewModel;
import org.poetexplorer.app.viewmodel.ShownSchedule;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.chart.MemoryPainter;
import org.poetexplorer.chart.TimelinePainter;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * Runs, before the window's first frame, what the JavaFX thread runs for the first time when a
 * network is loaded and its schedule arrives: the device sheet makes its fields with the default
 * device's figures (kept, hidden until a device is loaded); the node table lists the rows of a
 * small built-in network's plain schedule, scrolls and is emptied again, unseen; the timeline and
 * the memory chart (tensor by tensor) draw that schedule off screen. Code run for the first time is slow (classes loaded and linked, call sites bound,
 * styles matched): without this, all of it fell into the frames where the first large network
 * was applied and its first schedule arrived.
 */
final class WarmUp {
    private static final String NETWORK = "linear";
    private static final double WIDTH = 600;
    private static final double HEIGHT = 160;

    private WarmUp() {
    }

    /** On the JavaFX thread. A warm-up that fails has only cost its time, and says so on standard error. */
    static void run(NodeTableView table, DeviceSheet sheet) {
        try {
            Device device = DeviceFiles.builtIn(InputsViewModel.DEFAULT_DEVICE);
            sheet.rehearse(device);
            TrainingGraph g = Catalog.build(NETWORK, device);
            Schedule plain = Plans.plainSchedule(g);
            ShownSchedule shown = ShownSchedule.of(new SolveResult(g, plain.budget(), "warm-up",
                    SolveStatus.FEASIBLE, null, plain, null, null, 0, "warm-up"));
            table.rehearse(shown.rows());
            FXGraphics2D g2 = new FXGraphics2D(new Canvas(WIDTH, HEIGHT).getGraphicsContext2D());
            new TimelinePainter(shown.timeline(), null, 0, -1).paint(g2, WIDTH, HEIGHT);
            MemoryPainter tensors = new MemoryPainter(shown.memory(), null, plain.budget().ramBytes(), g.paramBytes(),
                    -1).perTensor(shown.memory().bands(), 0);
            tensors.withLayout(tensors.bandLayout(WIDTH, HEIGHT)).paint(g2, WIDTH, HEIGHT);
        } catch (InputException | RuntimeException e) {
            System.err.println("POET Explorer: the warm-up failed (no harm done): " + e);
        }
    }
}
