package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a cases file (the format of ../shared/reference/cases.json); graph paths are relative to it. */
public final class CaseFiles {
    private CaseFiles() {
    }

    /** @throws InputException naming the file, the field and the value when the file is unusable */
    public static List<SolveCase> read(Path file) throws InputException {
        String source = file.toString();
        JsonNode root = Json.parseObject(Json.readText(file), source, "a \"cases\" array");
        JsonFields f = new JsonFields(source);
        JsonNode cases = f.array(root, "", "cases");
        Path dir = file.toAbsolutePath().getParent();
        List<SolveCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            String p = "cases[" + i + "]";
            JsonNode c = f.object(cases.get(i), p);
            String id = f.string(c, p, "id");
            if (!ids.add(id)) {
                throw f.error(p + ".id", "duplicate case id \"" + id + "\"");
            }
            Path graph = dir.resolve(f.string(c, p, "graph")).normalize();
            double ram = f.positive(c, p, "ramBudgetBytes");
            if (ram != Math.rint(ram)) {
                throw f.error(p + ".ramBudgetBytes", "must be a whole number of bytes (was " + c.get("ramBudgetBytes")
                        + ")");
            }
            double runtime = f.positive(c, p, "runtimeBudgetRatio");
            boolean paging = f.bool(c, p, "paging", true);
            boolean remat = f.bool(c, p, "remat", true);
            String status = f.string(c, p, "status");
            if (!List.of("INFEASIBLE", "OPTIMAL", "FEASIBLE_OR_OPTIMAL").contains(status)) {
                throw f.error(p + ".status", "must be INFEASIBLE, OPTIMAL or FEASIBLE_OR_OPTIMAL (was \"" + status
                        + "\")");
            }
            Double best = c.hasNonNull("bestKnownJ") ? f.positive(c, p, "bestKnownJ") : null;
            if (best == null && !status.equals("INFEASIBLE")) {
                throw f.error(p + ".bestKnownJ", "missing (needed unless the status is INFEASIBLE)");
            }
            out.add(new SolveCase(id, graph, (long) ram, runtime, paging, remat, status, best));
        }
        return out;
    }
}
