package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.app.view.NodeTableView;
import org.poetexplorer.app.viewmodel.AppSettings;
import org.poetexplorer.app.viewmodel.NodeRow;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.testfx.util.WaitForAsyncUtils;

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

    /**
     * At 1280x720 the inputs panel is narrow and scrolls: every name, value and switch in it
     * (the budgets' header above a budget over the plain peak, the device sheet's field names, the
     * advanced settings) still shows its whole text, none cut short with an ellipsis; so do the
     * node table's indices, to the last node's.
     */
    @Test
    void theInputsLabelsAndTheNodeIndicesReadWholeAt1280x720(@TempDir Path dir) throws Exception {
        AppSettings settings = new AppSettings();
        settings.windowWidth = 1280;
        settings.windowHeight = 720;
        launch(session("resnet18_cifar", "a72", new Budget(plainPeak("resnet18_cifar", "a72") * 101 / 100, 1.5, true,
                true), 1), settings);
        awaitSettled(60);
        fx(() -> ((TitledPane) app.view().lookup("#inputs").lookupAll(".titled-pane").stream()
                .filter(p -> "Advanced".equals(((TitledPane) p).getText())).findFirst().orElseThrow()).setExpanded(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.view().lookup("#deviceSheet").isVisible());
        fx(() -> stage.getScene().getRoot().layout());
        Screenshots.save(stage.getScene(), "41-inputs-1280x720");
        assertTrue(((Label) app.view().lookup("#ramValue")).getText().contains("101 %"),
                "the budget is over the plain peak: " + ((Label) app.view().lookup("#ramValue")).getText());

        List<String> checked = new ArrayList<>();
        for (Labeled labeled : labeledsIn(app.view().lookup("#inputs"))) {
            if (labeled.getText() == null || labeled.getText().isEmpty()) {
                continue;
            }
            // the text the Labeled draws (its skin's Text child: clipped text ends in an ellipsis); a
            // titled pane draws its title in a region of its own, not checked here
            Text shown = (Text) labeled.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).findFirst()
                    .orElse(null);
            if (shown == null) {
                continue;
            }
            assertEquals(labeled.getText(), shown.getText(), labeled.getText() + " is shown whole");
            checked.add(labeled.getText());
        }
        // the node table's indices (133 nodes: up to 3 digits) in the narrow table, at the end of the list
        NodeTableView table = app.view().nodeTable();
        fx(() -> {
            table.scrollTo(table.getItems().size() - 1);
            table.layout();
        });
        List<String> indices = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                    && "column-n".equals(cell.getTableColumn().getId()) && cell.getText() != null && cell.isVisible()) {
                Text shown = (Text) cell.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).findFirst()
                        .orElseThrow();
                assertEquals(cell.getText(), shown.getText(), "node " + cell.getText() + " is shown whole");
                indices.add(cell.getText());
            }
        }
        assertTrue(indices.contains("132"), "the last node's index was checked: " + indices);
        for (String expected : List.of("RAM budget", "pageInThroughput", "pageOutThroughput", "Rematerialization",
                "gap tolerance (%)", "plain-step runtime")) {
            assertTrue(checked.contains(expected), expected + " was among the labels checked: " + checked);
        }

        // a network file with a long name: the picker shortens it, the Open button stays whole
        Path file = Files.move(ReferenceData.copy("linear", "a72", dir),
                dir.resolve("a-network-file-with-a-rather-long-name.json"));
        fx(() -> vm().inputs().openNetwork(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().inputs().graphProperty().get().name().equals("linear"));
        awaitSettled(60);
        fx(() -> stage.getScene().getRoot().layout());
        int buttons = 0;
        for (Labeled labeled : labeledsIn(app.view().lookup("#inputs"))) {
            if (labeled instanceof Button button && "Open...".equals(button.getText())) {
                Text shown = (Text) button.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).findFirst()
                        .orElseThrow();
                assertEquals("Open...", shown.getText(), "the Open button beside a long file name is shown whole");
                buttons++;
            }
        }
        assertEquals(2, buttons, "the network's and the device's Open buttons");
    }

    /** The Labeled controls shown under {@code root} (visible, with their parents), a titled pane's header too. */
    private static List<Labeled> labeledsIn(Node root) {
        List<Labeled> found = new ArrayList<>();
        if (!root.isVisible()) {
            return found;
        }
        if (root instanceof Labeled labeled) {
            found.add(labeled);
        }
        if (root instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(c -> found.addAll(labeledsIn(c)));
        }
        return found;
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
