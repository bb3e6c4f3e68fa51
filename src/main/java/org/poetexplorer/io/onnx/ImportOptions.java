package org.poetexplorer.io.onnx;

/**
 * Choices made when reading a network file that does not say everything about its costs: an
 * ONNX model (the batch to cost it for, operators without a cost rule) and a node-link graph of
 * the rematerialization literature (how long one of its runtime units lasts).
 *
 * @param batch the batch size to cost the model for; 0 keeps the model's own (the first
 *              dimension of its input when that is fixed, else 1)
 * @param unsupported what to do with operators that have no cost rule
 * @param timeUnitS seconds per runtime unit of a node-link graph ({@code cost_cpu} or
 *              {@code duration}); positive and finite
 */
public record ImportOptions(long batch, Unsupported unsupported, double timeUnitS) {

    /** Operators without a cost rule: refuse the model, or cost them by a conservative estimate. */
    public enum Unsupported {
        /** Refuse the model, listing every operator that has no rule (the default). */
        FAIL,
        /** Cost each such operator by the estimate of docs/file-formats.md ("ONNX import"). */
        ESTIMATE
    }

    /** One runtime unit of a node-link graph lasts a millisecond unless chosen otherwise. */
    public static final double DEFAULT_TIME_UNIT_S = 1e-3;

    /** The model's batch size; unsupported operators refuse the model; a millisecond per runtime unit. */
    public static final ImportOptions DEFAULT = new ImportOptions(0, Unsupported.FAIL);

    public ImportOptions {
        if (batch < 0) {
            throw new IllegalArgumentException("batch must be >= 1, or 0 for the model's own (was " + batch + ")");
        }
        if (unsupported == null) {
            throw new IllegalArgumentException("unsupported must be FAIL or ESTIMATE");
        }
        if (!(timeUnitS > 0) || Double.isInfinite(timeUnitS)) {
            throw new IllegalArgumentException("time unit must be a positive, finite duration (was " + timeUnitS + " s)");
        }
    }

    /** The ONNX choices, with the default time unit. */
    public ImportOptions(long batch, Unsupported unsupported) {
        this(batch, unsupported, DEFAULT_TIME_UNIT_S);
    }

    public ImportOptions withBatch(long newBatch) {
        return new ImportOptions(newBatch, unsupported, timeUnitS);
    }

    public ImportOptions withUnsupported(Unsupported policy) {
        return new ImportOptions(batch, policy, timeUnitS);
    }

    public ImportOptions withTimeUnit(double seconds) {
        return new ImportOptions(batch, unsupported, seconds);
    }
}
