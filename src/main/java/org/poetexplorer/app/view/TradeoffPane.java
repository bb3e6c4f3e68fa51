package org.poetexplorer.app.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.TradeoffViewModel;

/** The trade-off charts with the "Trade-off curve" button, its progress and a cancel button above them. */
public final class TradeoffPane extends VBox {
    private final TradeoffView charts;

    public TradeoffPane(ExplorerViewModel vm) {
        TradeoffViewModel sweep = vm.tradeoff();
        setId("tradeoffPane");
        charts = new TradeoffView(vm);
        Button run = new Button("Trade-off curve");
        run.setId("tradeoffCurveButton");
        run.setTooltip(new Tooltip("Solve a range of RAM budgets in the background (from the least RAM any schedule "
                + "needs up to the plain schedule's peak) and plot energy and peak RAM against the budget"));
        run.setOnAction(e -> sweep.start());
        run.disableProperty().bind(vm.inputs().graphProperty().isNull());
        Button stop = new Button("Cancel");
        stop.setId("tradeoffCancelButton");
        stop.setOnAction(e -> sweep.cancel());
        stop.disableProperty().bind(sweep.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("tradeoffProgress");
        bar.progressProperty().bind(sweep.progressProperty());
        bar.visibleProperty().bind(sweep.runningProperty());
        Label text = new Label();
        text.setId("tradeoffMessage");
        text.textProperty().bind(sweep.messageProperty());
        HBox bar0 = new HBox(8, run, stop, bar, text);
        bar0.setAlignment(Pos.CENTER_LEFT);
        bar0.setPadding(new Insets(4, 6, 2, 6));
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(bar0, charts);
    }

    public TradeoffView charts() {
        return charts;
    }
}
