package org.poetexplorer.io.onnx;

/**
 * Choices made when importing an ONNX model.
 *
 * @param batch the batch size to cost the model for; 0 keeps the model's own (the first
 *              dimension of its input when that is fixed, else 1)
 * @param unsupported what to do with operators that have no cost rule
 */
public record ImportOptions(long batch, Unsupported unsupported) {

    /** Operators without a cost rule: refuse the model, or cost them by a conservative estimate. */
    public enum Unsupported {
        /** Refuse the model, listing every operator that has no rule (the default). */
        FAIL,
        /** Cost each such operator by the estimate of docs/file-formats.md ("ONNX import"). */
        ESTIMATE
    }

    /** The model's batch size; unsupported operators refuse the model. */
    public static final ImportOptions DEFAULT = new ImportOptions(0, Unsupported.FAIL);

    public ImportOptions {
        if (batch < 0) {
            throw new IllegalArgumentException("batch must be >= 1, or 0 for the model's own (was " + batch + ")");
        }
        if (unsupported == null) {
            throw new IllegalArgumentException("unsupported must be FAIL or ESTIMATE");
        }
    }

    public ImportOptions withBatch(long newBatch) {
        return new ImportOptions(newBatch, unsupported);
    }

    public ImportOptions withUnsupported(Unsupported policy) {
        return new ImportOptions(batch, policy);
    }
}
