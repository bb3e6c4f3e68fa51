package org.poetexplorer.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Runs steps on the JavaFX thread one per pulse, the first at the second pulse from now (the
 * next frame is drawn as things are, without any of them): work that would
 * hold the thread for longer than a frame, cut into parts each small enough to leave the window
 * drawn between them (the styles, layout and drawing a step causes fall into its own pulse).
 */
final class PulseSteps extends AnimationTimer {
    private final Deque<Runnable> steps;
    private boolean firstPulseSeen;

    private PulseSteps(List<Runnable> steps) {
        this.steps = new ArrayDeque<>(steps);
    }

    /** Starts running {@code steps} in order, one at each pulse from the second. On the JavaFX thread. */
    static void run(List<Runnable> steps) {
        new PulseSteps(steps).start();
    }

    @Override
    public void handle(long now) {
        if (!firstPulseSeen) {
            firstPulseSeen = true;
            return;
        }
        Runnable step = steps.poll();
        if (step == null) {
            stop();
            return;
        }
        step.run();
        if (steps.isEmpty()) {
            stop();
        }
    }
}
