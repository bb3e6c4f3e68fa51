package org.poetexplorer.app.view;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.poetexplorer.app.viewmodel.NodeDetailsViewModel;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.NodeDetails;

/** The selected node's details beside the node table: its lifetime, readers, treatment, alternatives and why. */
public final class NodeDetailsView extends ScrollPane {
    /** Readers listed by name before "and n more". */
    private static final int READERS_LISTED = 8;

    private final Label title = new Label();
    private final Label lifetime = value("detailsLifetime");
    private final Label readers = value("detailsReaders");
    private final Label treatment = value("detailsTreatment");
    private final Label recompute = value("detailsRecompute");
    private final Label roundTrip = value("detailsRoundTrip");
    private final Label why = value("detailsWhy");
    private final GridPane grid = new GridPane();

    public NodeDetailsView(NodeDetailsViewModel vm) {
        setId("nodeDetails");
        setFitToWidth(true);
        title.setId("detailsTitle");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        grid.setHgap(8);
        grid.setVgap(4);
        row(0, "Lifetime", lifetime);
        row(1, "Read by", readers);
        row(2, "This schedule", treatment);
        row(3, "Recompute", recompute);
        row(4, "Page out + in", roundTrip);
        why.getStyleClass().add("details-why");
        VBox box = new VBox(6, title, why, grid);
        box.setPadding(new Insets(6, 8, 6, 8));
        setContent(box);
        vm.detailsProperty().addListener((o, a, d) -> show(d));
        show(vm.detailsProperty().get());
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private void row(int r, String name, Label value) {
        Label key = new Label(name);
        key.getStyleClass().add("muted");
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(r, key, value);
    }

    private void show(NodeDetails d) {
        grid.setVisible(d != null);
        grid.setManaged(d != null);
        if (d == null) {
            title.setText("No node selected");
            why.setText("Click an operation on the timeline or a row of the table to see why this schedule "
                    + "treats that node's output as it does.");
            return;
        }
        title.setText(d.name() + " (" + d.type() + "), " + Quantities.bytes(d.bytes()));
        lifetime.setText(d.lifetimeText());
        readers.setText(readersText(d.consumers()));
        treatment.setText(d.treatment().text());
        recompute.setText(Quantities.energy(d.recompute().joules()) + ", " + Quantities.duration(d.recompute().seconds())
                + " of compute");
        roundTrip.setText(Quantities.energy(d.pageRoundTrip().joules()) + ", "
                + Quantities.duration(d.pageRoundTrip().seconds()) + " of transfers");
        why.setText(d.why());
    }

    private static String readersText(List<String> names) {
        if (names.isEmpty()) {
            return "no other node";
        }
        int shown = Math.min(READERS_LISTED, names.size());
        String s = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? s + " and " + (names.size() - shown) + " more" : s;
    }
}
