package org.poetexplorer.solver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/** Test-only: the solved cases of ../shared/reference/cases.json with their graphs. */
final class ReferenceCases {

    record Case(String id, TrainingGraph graph, Budget budget, boolean infeasible, boolean optimal, Double bestKnownJ) {
        @Override
        public String toString() {
            return id;
        }
    }

    private ReferenceCases() {
    }

    static Path shared() {
        return Path.of(System.getProperty("poet.shared", "../shared"));
    }

    static TrainingGraph graph(String file) {
        try {
            return NetworkFiles.read(shared().resolve("reference").resolve(file), null);
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> all() {
        try {
            JsonNode root = new ObjectMapper().readTree(shared().resolve("reference/cases.json").toFile());
            List<Case> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                Budget b = new Budget(c.get("ramBudgetBytes").asLong(), c.get("runtimeBudgetRatio").asDouble(),
                        c.get("paging").asBoolean(), c.get("remat").asBoolean());
                String status = c.get("status").asText();
                JsonNode best = c.get("bestKnownJ");
                out.add(new Case(c.get("id").asText(), graph(c.get("graph").asText()), b,
                        status.equals("INFEASIBLE"), status.equals("OPTIMAL"),
                        best == null || best.isNull() ? null : best.asDouble()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Case byId(String id) {
        return all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
