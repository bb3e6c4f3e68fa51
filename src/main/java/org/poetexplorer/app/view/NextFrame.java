package org.poetexplorer.app.view;

import javafx.animation.AnimationTimer;

/**
 * Runs an action once in a later frame than the one asking: at the start of the second pulse
 * after the ask, so at least one frame is drawn in between (or of the first, {@link #inNextPulse}:
 * then the work already asked for before that pulse and the action fall into two gaps between
 * pulses, drawn in one frame). Asks made before it runs are one. Only the JavaFX thread uses it.
 */
final class NextFrame {
    private final Runnable action;
    private final int after;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (++pulses >= after) {
                stop();
                action.run();
            }
        }
    };
    private int pulses;
    private boolean asked;

    NextFrame(Runnable action) {
        this(action, 2);
    }

    /** Runs {@code action} at the start of the first pulse after the ask. */
    static NextFrame inNextPulse(Runnable action) {
        return new NextFrame(action, 1);
    }

    private NextFrame(Runnable action, int after) {
        this.after = after;
        this.action = () -> {
            asked = false;
            action.run();
        };
    }

    /** Runs the action in a later frame (once, however often it is asked before then). */
    void ask() {
        if (!asked) {
            asked = true;
            pulses = 0;
            timer.start();
        }
    }
}
