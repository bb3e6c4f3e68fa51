package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.poetexplorer.io.Session;
import org.poetexplorer.io.SessionFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Transfers take time" check box, headless with the real engine: linear on a72 at 3500 B
 * and 1.2x pages when transfers overlap compute; a real click makes transfers count against the
 * runtime budget, and the schedule solved then fits the budget with them; a saved session keeps it.
 */
class TransfersTakeTimeAppTest extends AppWindowTest {
    @Test
    void theCheckBoxMakesTransfersCountAgainstTheRuntimeBudgetAndASessionKeepsIt() throws Exception {
        Budget budget = new Budget(3500, 1.2, true, true);
        launch(session("linear", "a72", budget, 30));
        SolveResult overlapping = awaitSettled(60);
        assertEquals(SolveStatus.OPTIMAL, overlapping.status(), overlapping.message());
        assertTrue(ScheduleSummary.of(overlapping.schedule()).counts().pageIn() > 0, "transfers overlap: it pages");
        CheckBox box = (CheckBox) app.view().lookup("#transfersTakeTimeCheck");
        assertFalse(box.isSelected(), "off by default");
        assertTrue(box.getTooltip().getText().contains("runtime budget"));

        robot.clickOn("#transfersTakeTimeCheck");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().inputs().transfersTakeTimeProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            SolveResult r = vm().solving().resultProperty().get();
            return r != null && r.budget().transfersTakeTime() && r.status() == SolveStatus.OPTIMAL;
        });
        SolveResult strict = awaitSettled(60);
        ScheduleSummary sum = ScheduleSummary.of(strict.schedule());
        double limit = budget.runtimeRatio() * strict.graph().plainRuntimeS();
        assertTrue(sum.runtimeS() <= limit * (1 + 1e-9), "compute and transfers within the budget: " + sum);
        assertTrue(sum.energyJ() > ScheduleSummary.of(overlapping.schedule()).energyJ(), "a dearer schedule");
        Label status = (Label) app.view().lookup("#statusText");
        assertTrue(status.getText().contains("transfers take time"), status.getText());

        Path file = settingsDir.resolve("strict-session.json");
        Path saved = WaitForAsyncUtils.asyncFx(() -> vm().sessions().save(file)).get(10, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        Session back = SessionFiles.read(saved);
        assertTrue(back.budget().transfersTakeTime(), "the session keeps the switch");
    }
}
