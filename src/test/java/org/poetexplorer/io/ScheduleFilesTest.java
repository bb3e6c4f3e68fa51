package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleFixtures;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

class ScheduleFilesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    Path dir;

    private final TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
    private final Budget budget = new Budget(5000, 1.25, true, true);
    private final StagePlan plan = ScheduleFixtures.linearPagingAndRecompute(g);
    private final Schedule schedule = PlanReplay.schedule(g, budget, plan);

    private SolveResult result() {
        return new SolveResult(g, budget, "highs", SolveStatus.FEASIBLE, plan, schedule, 0.1, 0.0123456789, 1.5,
                "time limit");
    }

    @Test
    void writeThenReadGivesBackTheSameGraphBudgetAndOperations() throws Exception {
        Path file = dir.resolve("s.json");
        ScheduleFiles.write(file, result());
        ScheduleFile back = ScheduleFiles.read(file);

        assertEquals(schedule.ops(), back.schedule().ops());
        assertEquals(g.nodes(), back.graph().nodes());
        assertEquals(g.name(), back.graph().name());
        assertEquals("m0", back.graph().deviceId());
        assertEquals(g.paramBytes(), back.graph().paramBytes());
        assertEquals(budget, back.budget());
        assertEquals("highs", back.solver());
        assertEquals(SolveStatus.FEASIBLE, back.status());
        assertEquals(0.0123456789, back.gap());
        assertEquals(ScheduleSummary.of(schedule).energyJ(), back.energyJ());
        assertTrue(ReplayChecker.check(back.schedule(), back.energyJ()).valid());
        // and once more: the text is stable
        assertEquals(Files.readString(file), ScheduleFiles.toJson(back.schedule(), back.solver(), back.status(),
                back.gap()));
    }

    @Test
    void theFileHasTheFieldsOfTheFormat() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(ScheduleFiles.toJson(result()));
        for (String field : new String[] {"format", "network", "device", "ramBudgetBytes", "runtimeBudgetRatio",
                "paging", "remat", "solver", "status", "gap", "energyJ", "computeJ", "pageInJ", "pageOutJ",
                "runtimeS", "peakRamBytes", "nodes", "ops"}) {
            assertTrue(root.has(field), field);
        }
        assertEquals("poet-schedule/1", root.get("format").asText());
        assertEquals(5000, root.get("ramBudgetBytes").asLong());
        ObjectNode n0 = (ObjectNode) root.get("nodes").get(0);
        assertEquals("layer0_InputLayer", n0.get("name").asText());
        assertEquals(3136, n0.get("ramBytes").asLong());
        ObjectNode op0 = (ObjectNode) root.get("ops").get(0);
        assertEquals("COMPUTE", op0.get("kind").asText());
        assertEquals(root.get("energyJ").asDouble(), root.get("computeJ").asDouble() + root.get("pageInJ").asDouble()
                + root.get("pageOutJ").asDouble(), 1e-15);
        assertEquals(ScheduleFixtures.LINEAR_M0_PLAIN_J, root.get("plain").get("energyJ").asDouble(), 1e-15);
    }

    @Test
    void aSolveWithoutScheduleCannotBeWritten() {
        SolveResult none = new SolveResult(g, budget, "highs", SolveStatus.INFEASIBLE, null, null, null, null, 0.1, "");
        assertThrows(IllegalArgumentException.class, () -> ScheduleFiles.toJson(none));
    }

    @Test
    void theGapMayBeUnknown() throws Exception {
        SolveResult r = new SolveResult(g, budget, "cpsat", SolveStatus.OPTIMAL, plan, schedule, null, null, 1, "");
        assertNull(ScheduleFiles.parse(ScheduleFiles.toJson(r), "x.json").gap());
    }

    private String edited(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(ScheduleFiles.toJson(result()));
        edit.accept(root);
        return MAPPER.writeValueAsString(root);
    }

    private static String failure(String json) {
        InputException e = assertThrows(InputException.class, () -> ScheduleFiles.parse(json, "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void truncatedFilesAreRefusedAsTruncated() {
        String json = ScheduleFiles.toJson(result());
        String m = failure(json.substring(0, json.length() / 2));
        assertTrue(m.contains("truncated"), m);
        assertTrue(failure("").contains("empty"));
    }

    @Test
    void malformedJsonIsRefusedWithItsPlace() {
        String m = failure(ScheduleFiles.toJson(result()).replace("\"ops\": [", "\"ops\": [,"));
        assertTrue(m.contains("not valid JSON") && m.contains("line"), m);
        assertTrue(failure("[1, 2]").contains("must be a JSON object"));
    }

    @Test
    void unknownNodesKindsAndStatusesAreNamedWithTheirField() throws IOException {
        String m = failure(edited(r -> ((ObjectNode) r.get("ops").get(3)).put("node", 99)));
        assertTrue(m.contains("ops[3].node") && m.contains("unknown node 99"), m);
        m = failure(edited(r -> ((ObjectNode) r.get("ops").get(3)).put("node", "layer99_Nothing")));
        assertTrue(m.contains("ops[3].node") && m.contains("layer99_Nothing"), m);
        m = failure(edited(r -> ((ArrayNode) r.get("nodes").get(5).get("deps")).add(40)));
        assertTrue(m.contains("nodes[5].deps[1]") && m.contains("unknown node 40"), m);
        m = failure(edited(r -> ((ObjectNode) r.get("ops").get(2)).put("kind", "TELEPORT")));
        assertTrue(m.contains("ops[2].kind") && m.contains("TELEPORT") && m.contains("PAGE_IN"), m);
        m = failure(edited(r -> r.put("status", "GREAT")));
        assertTrue(m.contains("status") && m.contains("GREAT"), m);
        m = failure(edited(r -> r.put("format", "poet-schedule/9")));
        assertTrue(m.contains("format") && m.contains("poet-schedule/9"), m);
        m = failure(edited(r -> ((ObjectNode) r.get("ops").get(1)).put("stage", 27)));
        assertTrue(m.contains("ops[1].stage"), m);
    }

    @Test
    void missingFieldsAreNamed() throws IOException {
        String m = failure(edited(r -> ((ObjectNode) r.get("ops").get(4)).remove("energyJ")));
        assertTrue(m.contains("ops[4].energyJ: missing"), m);
        m = failure(edited(r -> ((ObjectNode) r.get("nodes").get(2)).remove("ramBytes")));
        assertTrue(m.contains("nodes[2].ramBytes: missing"), m);
        m = failure(edited(r -> r.remove("ramBudgetBytes")));
        assertTrue(m.contains("ramBudgetBytes: missing"), m);
        m = failure(edited(r -> r.remove("ops")));
        assertTrue(m.contains("ops: missing"), m);
        m = failure(edited(r -> r.put("energyJ", "lots")));
        assertTrue(m.contains("energyJ: must be a number") && m.contains("lots"), m);
    }

    @Test
    void nodesMayBeNamedInsteadOfNumbered() throws Exception {
        String json = edited(r -> {
            ((ObjectNode) r.get("ops").get(0)).put("node", "layer0_InputLayer");
            ((ArrayNode) r.get("nodes").get(1).get("deps")).removeAll().add("layer0_InputLayer");
        });
        ScheduleFile back = ScheduleFiles.parse(json, "named.json");
        assertEquals(schedule.ops(), back.schedule().ops());
        assertEquals(g.nodes(), back.graph().nodes());
    }

    @Test
    void aMissingFileIsNamed() {
        InputException e = assertThrows(InputException.class, () -> ScheduleFiles.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json") && e.getMessage().contains("no such file"), e.getMessage());
    }
}
