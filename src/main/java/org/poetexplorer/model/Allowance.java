package org.poetexplorer.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a schedule may spend and use besides RAM: compute time as a multiple of one plain
 * training step, and which of the two tricks (paging, recomputation) it may use. A
 * {@link Budget} is an allowance with a RAM limit; callers that have no RAM limit in hand (a
 * sweep over RAM budgets, the search for the least RAM that works) take an allowance alone.
 */
public record Allowance(double runtimeRatio, boolean paging, boolean remat, boolean transfersTakeTime) {

    /**
     * The least runtime budget a person may ask for: one plain training step. Every schedule
     * computes each node at least once, so none takes less compute time than the plain one.
     */
    public static final double MIN_RUNTIME_RATIO = 1;

    private static final Pattern RATIO = Pattern.compile(
            "\\s*([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*[xX]?\\s*");

    /**
     * Any positive finite ratio: the engine answers a ratio below {@link #MIN_RUNTIME_RATIO}
     * with INFEASIBLE. What people may type is narrower: see {@link #parseRuntimeRatio}.
     */
    public Allowance {
        if (!(runtimeRatio > 0) || Double.isInfinite(runtimeRatio)) {
            throw new IllegalArgumentException("runtime: must be a positive finite ratio (was " + runtimeRatio + ")");
        }
    }

    /**
     * The one rule for a runtime budget given by a person (on the command line, in the app, in
     * a session file): a number of plain training steps, written with or without a trailing
     * "x" ("1.5", "1.5x", "2 X"), finite and at least {@link #MIN_RUNTIME_RATIO}. There is no
     * upper limit.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static double parseRuntimeRatio(String text) {
        Matcher m = text == null ? null : RATIO.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a runtime ratio (examples: 1.5, 1.5x)");
        }
        double ratio = Double.parseDouble(m.group(1));
        String problem = runtimeRatioProblem(ratio);
        if (problem != null) {
            throw new IllegalArgumentException(problem + " (was " + text.trim() + ")");
        }
        return ratio;
    }

    /**
     * {@code ratio} when a person may ask for it (see {@link #parseRuntimeRatio}).
     *
     * @throws IllegalArgumentException saying why not, with the value
     */
    public static double requireRuntimeRatio(double ratio) {
        String problem = runtimeRatioProblem(ratio);
        if (problem != null) {
            throw new IllegalArgumentException(problem + " (was " + Quantities.number(ratio) + ")");
        }
        return ratio;
    }

    private static String runtimeRatioProblem(double ratio) {
        return ratio >= MIN_RUNTIME_RATIO && !Double.isInfinite(ratio) ? null
                : "must be a finite number, at least 1 plain step";
    }

    /** The reference model's allowance: transfers overlap compute and take none of the runtime budget. */
    public Allowance(double runtimeRatio, boolean paging, boolean remat) {
        this(runtimeRatio, paging, remat, false);
    }

    /** This allowance with a RAM limit. */
    public Budget withRam(long ramBytes) {
        return new Budget(ramBytes, this);
    }

    public Allowance withRuntimeRatio(double ratio) {
        return new Allowance(ratio, paging, remat, transfersTakeTime);
    }

    public Allowance withPaging(boolean on) {
        return new Allowance(runtimeRatio, on, remat, transfersTakeTime);
    }

    public Allowance withRemat(boolean on) {
        return new Allowance(runtimeRatio, paging, on, transfersTakeTime);
    }

    public Allowance withTransfersTakeTime(boolean on) {
        return new Allowance(runtimeRatio, paging, remat, on);
    }
}
