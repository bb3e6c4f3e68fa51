package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cases files: budgets on network files, each with the status and the best energy known for it
 * (the format of the reference cases the application carries, see
 * {@code org/poetexplorer/reference/README.md}). Graph names are relative to the cases file.
 */
public final class CaseFiles {
    /** Where the reference cases and the graphs they name are on the class path. */
    private static final String BUNDLED_DIR = "/org/poetexplorer/reference/";
    private static final String BUNDLED_SOURCE = "the reference cases bundled with POET Explorer";

    private CaseFiles() {
    }

    /** @throws InputException naming the file, the field and the value when the file is unusable */
    public static CaseFile read(Path file) throws InputException {
        Path dir = file.toAbsolutePath().getParent();
        return new CaseFile(file.toString(), parse(Json.readText(file), file.toString()),
                name -> NetworkFiles.read(dir.resolve(name).normalize(), null));
    }

    /**
     * The solved cases of the reference implementation that the application carries, so that
     * {@code poet bench} runs wherever the application does.
     */
    public static CaseFile bundled() {
        try {
            return new CaseFile(BUNDLED_SOURCE, parse(Json.readResource(BUNDLED_DIR + "cases.json"), BUNDLED_SOURCE),
                    name -> NetworkFiles.parse(Json.readResource(BUNDLED_DIR + name), name, null));
        } catch (InputException e) {
            throw new IllegalStateException("the bundled reference cases are unusable: " + e.getMessage(), e);
        }
    }

    private static List<SolveCase> parse(String text, String source) throws InputException {
        JsonNode root = Json.parseObject(text, source, "a \"cases\" array");
        JsonFields f = new JsonFields(source);
        JsonNode cases = f.array(root, "", "cases");
        List<SolveCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            String p = "cases[" + i + "]";
            JsonNode c = f.object(cases.get(i), p);
            String id = f.string(c, p, "id");
            if (!ids.add(id)) {
                throw f.error(p + ".id", "duplicate case id \"" + id + "\"");
            }
            String graph = f.string(c, p, "graph");
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
