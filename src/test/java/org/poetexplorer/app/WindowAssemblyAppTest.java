package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.viewmodel.AppSettings;
import org.poetexplorer.app.viewmodel.NodeRow;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;

/**
 * The window a user meets once its parts have come into the scene over its first pulses: every
 * part there, in place and filled; the node table's headers readable in a small window; the
 * inputs' summary showing the loaded network's own figures.
 */
class WindowAssemblyAppTest extends AppWindowTest {

    @Test
    void everyPartIsInTheWindowAndTheNodeTableHeadersAreReadableAt1280x720() throws Exception {
        AppSettings settings = new AppSettings();
        settings.windowWidth = 1280;
        settings.windowHeight = 720;
        launch(session("linear", "a72", new Budget(plainPeak("linear", "a72"), 1.5, true, true), 1), settings);
        awaitSettled(60);
        for (String id : List.of("#menuBar", "#inputsScroll", "#networkSummary", "#ramSlider", "#fitButton", "#timeline",
                "#nodeTable", "#bottomTabs", "#statusBar")) {
            assertNotNull(app.view().lookup(id), id + " in the window");
        }
        TabPane tabs = (TabPane) app.view().lookup("#bottomTabs");
        for (Tab tab : tabs.getTabs()) {
            assertNotNull(tab.getContent(), tab.getText() + " has its content");
        }
        assertTrue(app.view().inputs().getChildren().size() >= 4, "the inputs' sections are back");
        Screenshots.save(stage.getScene(), "40-window-1280x720");

        for (TableColumn<NodeRow, ?> column : app.view().nodeTable().getColumns()) {
            Label header = (Label) column.getGraphic();
            assertTrue(header.getText().length() <= 8, "a short title: " + header.getText());
            assertNotNull(header.getTooltip(), header.getText() + " says in full what it holds");
            assertTrue(header.getWidth() >= header.prefWidth(-1) - 0.5,
                    header.getText() + " is shown whole: " + header.getWidth() + " of " + header.prefWidth(-1));
            assertTrue(column.getWidth() >= header.getWidth(), header.getText() + " fits its column");
        }
    }

    @Test
    void theSummaryShowsTheLoadedNetworksOwnPlainPeak() throws Exception {
        launchSolved("linear", "a72");
        TrainingGraph g = vm().inputs().graphProperty().get();
        long peak = vm().inputs().plainPeakBytesProperty().get();
        assertEquals(plainPeak("linear", "a72"), peak);
        assertEquals(Quantities.bytes(peak), ((Label) app.view().lookup("#summary-plain-peak-RAM")).getText());
        assertEquals(g.size() + " (" + g.edgeCount() + " edges)",
                ((Label) app.view().lookup("#summary-nodes")).getText());
    }
}
