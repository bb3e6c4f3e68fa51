package org.poetexplorer.cli;

import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;

/**
 * What {@code --ram} says: a size in bytes, or a share of the network's plain peak ("80%"), the
 * way the rematerialization literature states its budgets. A share becomes bytes only once the
 * network is loaded ({@link #bytesFor}).
 *
 * @param bytes the size, when one was given (else 0)
 * @param shareOfPlainPeak the share, in (0, 1], when a percentage was given (else 0)
 */
record RamAmount(long bytes, double shareOfPlainPeak) {

    static RamAmount parse(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.endsWith("%")) {
            return new RamAmount(Quantities.parseBytes(text), 0);
        }
        double percent;
        try {
            percent = Double.parseDouble(t.substring(0, t.length() - 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a percentage (example: 80%)");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("\"" + text + "\" must be a share of the plain peak above 0 % and at"
                    + " most 100 %");
        }
        return new RamAmount(0, percent / 100);
    }

    long bytesFor(TrainingGraph graph) {
        return shareOfPlainPeak > 0 ? bytesAtPlainPeak(Plans.plainPeakBytes(graph)) : bytes;
    }

    /** The bytes for a network of this plain peak. */
    long bytesAtPlainPeak(long plainPeak) {
        return shareOfPlainPeak > 0 ? Plans.shareOfPlainPeakBytes(plainPeak, shareOfPlainPeak) : bytes;
    }
}
