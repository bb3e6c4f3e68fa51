package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleFixtures;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveStatus;

/** A trace file read back as Perfetto and chrome://tracing read it: kinds of events, times, counters, flows. */
class TraceFilesTest {
    @TempDir
    Path dir;

    /**
     * On linear with a72's figures: the input paged out in stage 1 and back in at stage 24, node 1
     * recomputed in stage 25, and node 1 also paged out in stage 2, while the input's page-out
     * (much longer than stage 1) still runs: two page-outs at once.
     */
    private static Schedule pagingSchedule() {
        TrainingGraph g = ReferenceData.graph("linear", "a72");
        Schedule plan = PlanReplay.schedule(g, ScheduleFixtures.roomy(), ScheduleFixtures.linearPagingAndRecompute(g));
        List<int[]> steps = ScheduleFixtures.steps(plan);
        int stage2 = 0;
        while (steps.get(stage2)[0] < 2) {
            stage2++;
        }
        steps.add(stage2, new int[] {2, OpKind.PAGE_OUT.ordinal(), 1});
        Schedule s = ScheduleFixtures.fromSteps(g, ScheduleFixtures.roomy(), steps);
        assertTrue(ReplayChecker.check(s, ScheduleFixtures.energy(s)).valid());
        return s;
    }

    private JsonNode written(Schedule s) throws Exception {
        Path file = dir.resolve("trace.json");
        TraceFiles.write(file, s, "scip", SolveStatus.OPTIMAL);
        return new ObjectMapper().readTree(file.toFile());
    }

    private static List<JsonNode> events(JsonNode root, String phase) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : root.get("traceEvents")) {
            if (e.get("ph").asText().equals(phase)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void everyOperationIsASliceOnItsKindsThreadInMicroseconds() throws Exception {
        Schedule s = pagingSchedule();
        JsonNode root = written(s);
        Map<Integer, String> threadNames = new HashMap<>();
        events(root, "M").stream().filter(m -> m.get("name").asText().equals("thread_name"))
                .forEach(m -> threadNames.put(m.get("tid").asInt(), m.get("args").get("name").asText()));
        List<JsonNode> slices = events(root, "X");
        long drawn = s.ops().stream().filter(op -> op.kind() != OpKind.FREE).count();
        assertEquals(drawn, slices.size(), "one slice per operation but the FREEs");
        Set<String> threadsOfPageOuts = new TreeSet<>();
        for (JsonNode x : slices) {
            Operation op = s.ops().get(x.get("args").get("operation").asInt());
            assertEquals(s.graph().node(op.node()).name(), x.get("name").asText());
            assertEquals(op.startS() * 1e6, x.get("ts").asDouble(), 1e-9);
            assertEquals(op.durationS() * 1e6, x.get("dur").asDouble(), 1e-9);
            assertEquals(op.energyJ(), x.get("args").get("energyJ").asDouble(), 0);
            String thread = threadNames.get(x.get("tid").asInt());
            String kind = op.kind().name().toLowerCase().replace('_', '-');
            assertTrue(thread.startsWith(kind), thread + " holds a " + kind);
            if (op.kind() == OpKind.PAGE_OUT) {
                threadsOfPageOuts.add(thread);
            }
        }
        assertEquals(Set.of("page-out", "page-out 2"), threadsOfPageOuts, "overlapping page-outs on two threads");
        Map<Integer, Double> threadEnds = new HashMap<>();
        double ts = Double.NEGATIVE_INFINITY;
        for (JsonNode e : root.get("traceEvents")) {
            assertTrue(e.get("ts").asDouble() >= ts, "events are listed by time");
            ts = e.get("ts").asDouble();
            if (e.get("ph").asText().equals("X")) {
                int tid = e.get("tid").asInt();
                assertTrue(e.get("ts").asDouble() >= threadEnds.getOrDefault(tid, 0.0) - 1e-9,
                        "slices of one thread do not overlap");
                threadEnds.put(tid, e.get("ts").asDouble() + e.get("dur").asDouble());
            }
        }
        assertEquals("linear", root.get("otherData").get("network").asText());
    }

    @Test
    void countersFollowTheReplayedRamAndTheEnergySpent() throws Exception {
        Schedule s = pagingSchedule();
        JsonNode root = written(s);
        List<Long> ram = new ArrayList<>();
        List<Double> ramTimes = new ArrayList<>();
        double lastEnergy = 0;
        for (JsonNode c : events(root, "C")) {
            if (c.get("name").asText().equals(TraceFiles.RAM_COUNTER)) {
                ram.add(c.get("args").get("bytes").asLong());
                ramTimes.add(c.get("ts").asDouble());
            } else {
                assertEquals(TraceFiles.ENERGY_COUNTER, c.get("name").asText());
                assertTrue(c.get("args").get("J").asDouble() >= lastEnergy, "energy spent only grows");
                lastEnergy = c.get("args").get("J").asDouble();
            }
        }
        double[] clock = s.computeClockS();
        assertEquals(s.ops().size(), ram.size(), "one RAM value per operation");
        for (int k = 0; k < ram.size(); k++) {
            assertEquals(s.ops().get(k).ramBytesAfter(), ram.get(k), "RAM after operation " + k);
            assertEquals(clock[k] * 1e6, ramTimes.get(k), 1e-9);
        }
        assertEquals(ScheduleSummary.of(s).energyJ(), lastEnergy, 1e-12, "the energy counter ends at the total");
    }

    @Test
    void flowsLinkEachOutputsOperationsInPairs() throws Exception {
        Schedule s = pagingSchedule();
        JsonNode root = written(s);
        Map<Integer, JsonNode> starts = new HashMap<>();
        for (JsonNode e : events(root, "s")) {
            assertEquals(TraceFiles.FLOW_CATEGORY, e.get("cat").asText());
            assertTrue(starts.put(e.get("id").asInt(), e) == null, "one start per flow");
        }
        List<JsonNode> finishes = events(root, "f");
        assertEquals(starts.size(), finishes.size());
        List<String> inputPath = new ArrayList<>();
        for (JsonNode f : finishes) {
            JsonNode start = starts.remove(f.get("id").asInt());
            assertTrue(start != null, "every flow that finishes has started");
            assertEquals(start.get("name").asText(), f.get("name").asText(), "a flow follows one output");
            assertTrue(f.get("ts").asDouble() >= start.get("ts").asDouble(), "and runs forward in time");
            assertEquals("e", f.get("bp").asText(), "bound to the slice it ends in");
            if (f.get("name").asText().equals(s.graph().node(0).name())) {
                inputPath.add(f.get("tid").asInt() / 100 + "");
            }
        }
        // the input: computed (thread 1xx), paged out (3xx), paged in (4xx)
        assertEquals(List.of("3", "4"), inputPath);
        long expected = 0;
        for (int i = 0; i < s.graph().size(); i++) {
            int node = i;
            expected += Math.max(0, s.ops().stream().filter(op -> op.node() == node && op.kind() != OpKind.FREE).count() - 1);
        }
        assertEquals(expected, finishes.size(), "one flow between each two operations of an output");
    }
}
