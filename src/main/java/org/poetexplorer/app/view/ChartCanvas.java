package org.poetexplorer.app.view;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import org.jfree.fx.FXGraphics2D;
import org.poetexplorer.chart.ChartPainter;

/**
 * A resizable canvas that draws a {@link ChartPainter} through FXGraphics2D, so the charts on
 * screen use the same Java2D drawing code as the exported files. Repaints are coalesced into
 * one per pulse.
 */
public class ChartCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private final FXGraphics2D g2;
    private final Supplier<ChartPainter> painter;
    private boolean repaintQueued;
    private final NextFrame paintInNextPulse = NextFrame.inNextPulse(() -> {
        paintWaits = false;
        repaintNow();
    });
    private boolean paintWaits;

    public ChartCanvas(Supplier<ChartPainter> painter) {
        this.painter = painter;
        getChildren().add(canvas);
        g2 = new FXGraphics2D(canvas.getGraphicsContext2D());
        widthProperty().addListener((o, a, b) -> repaint());
        heightProperty().addListener((o, a, b) -> repaint());
        setMinSize(80, 60);
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Adds a node drawn over the chart (a hover card); it is positioned by its owner. */
    void addOverlay(javafx.scene.Node overlay) {
        overlay.setManaged(false);
        getChildren().add(overlay);
    }

    /** A new hover card over this chart, hidden until {@link #showCard}. */
    javafx.scene.control.Label addCard() {
        javafx.scene.control.Label card = new javafx.scene.control.Label();
        card.getStyleClass().add("hover-card");
        card.setMouseTransparent(true);
        card.setVisible(false);
        addOverlay(card);
        return card;
    }

    /**
     * Shows {@code card} with {@code text} beside the pointer at ({@code x}, {@code y}), kept on the chart:
     * below the pointer, or above it when {@code above} (where a tooltip opening below leaves it readable).
     */
    void showCard(javafx.scene.control.Label card, String text, double x, double y, boolean above) {
        card.setText(text);
        card.setVisible(true);
        card.applyCss();
        card.autosize();
        double w = card.getWidth();
        double h = card.getHeight();
        double px = x + 14 + w > getWidth() ? x - 14 - w : x + 14;
        boolean fitsAbove = y - 14 - h >= 0;
        boolean fitsBelow = y + 14 + h <= getHeight();
        double py = above ? (fitsAbove ? y - 14 - h : y + 14) : (fitsBelow ? y + 14 : Math.max(0, y - 14 - h));
        card.relocate(Math.max(0, px), py);
    }

    @Override
    protected void layoutChildren() {
        canvas.setLayoutX(0);
        canvas.setLayoutY(0);
        for (javafx.scene.Node n : getChildren()) {
            if (n != canvas) {
                n.autosize();
            }
        }
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            repaintNow();
        }
    }

    /** Asks for a repaint on the next pulse; several asks in one pulse draw once. */
    public void repaint() {
        if (!repaintQueued) {
            repaintQueued = true;
            Platform.runLater(this::repaintNow);
        }
    }

    /**
     * Paints at the start of the next pulse and not before (repaints asked until then wait for
     * it): a large drawing then has a gap between pulses of its own instead of adding to the
     * work already asked for before that pulse.
     */
    public void repaintInNextPulse() {
        paintWaits = true;
        paintInNextPulse.ask();
    }

    public void repaintNow() {
        repaintQueued = false;
        if (paintWaits) {
            return;
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
        painter.get().paint(g2, w, h);
    }
}
