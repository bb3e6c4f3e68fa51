package org.poetexplorer.cli;

import org.poetexplorer.io.ScheduleFile;
import org.poetexplorer.model.Quantities;

/** The lines about a schedule file's solve, shared by check and show. */
final class ScheduleFileReport {
    private ScheduleFileReport() {
    }

    static String solveLine(ScheduleFile f) {
        StringBuilder sb = new StringBuilder("solve: ");
        sb.append(f.solver() == null || f.solver().isEmpty() ? "solver unknown" : f.solver());
        sb.append(", ").append(f.status());
        if (f.gap() != null) {
            sb.append(", gap ").append(Quantities.percent(f.gap()));
        }
        return sb.append(", reported energy ").append(Quantities.allDigitsJoules(f.energyJ())).toString();
    }
}
