package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.backends.Backends;

/**
 * Session files (JSON, "poet-session/1"): network, device, budgets, switches, solver settings and
 * the last schedule, which is embedded whole as a "poet-schedule/1" object. File paths are
 * stored absolute, so the session opens from anywhere.
 */
public final class SessionFiles {
    public static final String FORMAT = "poet-session/1";

    private SessionFiles() {
    }

    /** Writes the session atomically: a failed save leaves the previous file as it was. */
    public static void write(Path file, Session s) throws IOException {
        AtomicFiles.writeString(file, toJson(s));
    }

    public static String toJson(Session s) {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        ObjectNode net = o.putObject("network");
        if (s.network() instanceof NetworkSource.NetworkFile f) {
            net.put("file", f.path().toAbsolutePath().toString());
        } else {
            net.put("catalog", s.network().label());
        }
        ObjectNode dev = o.putObject("device");
        if (s.device() instanceof DeviceSource.DeviceFile f) {
            dev.put("file", f.path().toAbsolutePath().toString());
        } else {
            dev.put("builtIn", s.device().label());
        }
        if (s.editedDevice() != null) {
            dev.set("edited", Json.tree(DeviceFiles.toJson(s.editedDevice())));
        }
        ObjectNode budget = o.putObject("budget");
        budget.put("ramBytes", s.budget().ramBytes());
        budget.put("runtimeRatio", s.budget().runtimeRatio());
        budget.put("paging", s.budget().paging());
        budget.put("remat", s.budget().remat());
        budget.put("transfersTakeTime", s.budget().transfersTakeTime());
        ObjectNode solver = o.putObject("solver");
        solver.put("name", s.solver());
        solver.put("timeLimitS", s.timeLimitS());
        solver.put("threads", s.threads());
        if (s.schedule() != null) {
            ScheduleFile f = s.schedule();
            o.set("schedule", Json.tree(ScheduleFiles.toJson(f.schedule(), f.solver(), f.status(), f.gap())));
            o.put("solveSeconds", s.solveSeconds());
        } else {
            o.putNull("schedule");
        }
        return Json.write(o);
    }

    public static Session read(Path file) throws InputException {
        return parse(Json.readText(file), file.toString());
    }

    public static Session parse(String text, String source) throws InputException {
        JsonNode root = Json.parseObject(text, source, "\"format\": \"" + FORMAT + "\"");
        JsonFields f = new JsonFields(source);
        f.format(root, FORMAT, true);
        JsonNode net = f.object(root, "", "network");
        NetworkSource network = net.has("file") ? new NetworkSource.NetworkFile(path(f, net, "network.file"))
                : known(f, "network.catalog",
                        () -> new NetworkSource.CatalogNetwork(f.string(net, "network", "catalog")));
        JsonNode dev = f.object(root, "", "device");
        DeviceSource device = dev.has("file") ? new DeviceSource.DeviceFile(path(f, dev, "device.file"))
                : known(f, "device.builtIn", () -> new DeviceSource.BuiltInDevice(f.string(dev, "device", "builtIn")));
        Device edited = null;
        if (dev.has("edited") && !dev.get("edited").isNull()) {
            edited = DeviceFiles.parse(Json.write(dev.get("edited")), source + ": device.edited");
        }
        JsonNode b = f.object(root, "", "budget");
        long ram = f.wholeNonNegative(b, "budget", "ramBytes");
        if (ram <= 0) {
            throw f.error("budget.ramBytes", "must be > 0 (was " + ram + ")");
        }
        double ratio = f.number(b, "budget", "runtimeRatio");
        known(f, "budget.runtimeRatio", () -> Allowance.requireRuntimeRatio(ratio));
        Budget budget = new Budget(ram, new Allowance(ratio, bool(f, b, "paging"), bool(f, b, "remat"),
                f.bool(b, "budget", "transfersTakeTime", false)));
        JsonNode sv = f.object(root, "", "solver");
        String solver = f.string(sv, "solver", "name");
        if (!Backends.names().contains(solver)) {
            throw f.error("solver.name", "unknown solver \"" + solver + "\" (known: " + String.join(", ",
                    Backends.names()) + ")");
        }
        double timeLimitGiven = f.number(sv, "solver", "timeLimitS");
        double timeLimit = known(f, "solver.timeLimitS", () -> SolveOptions.requireTimeLimit(timeLimitGiven));
        double threadsGiven = f.number(sv, "solver", "threads");
        int threads = known(f, "solver.threads", () -> SolveOptions.requireThreads(threadsGiven));
        ScheduleFile schedule = null;
        if (root.has("schedule") && !root.get("schedule").isNull()) {
            schedule = ScheduleFiles.parse(Json.write(root.get("schedule")), source + ": schedule");
        }
        double solveSeconds = root.has("solveSeconds") && !root.get("solveSeconds").isNull()
                ? f.nonNegative(root, "", "solveSeconds") : 0;
        return new Session(network, device, edited, budget, solver, timeLimit, threads, schedule,
                schedule == null ? 0 : solveSeconds);
    }

    private interface Reading<T> {
        T get() throws InputException;
    }

    /** What {@code reading} gives; a value it refuses is refused as the value of {@code field}. */
    private static <T> T known(JsonFields f, String field, Reading<T> reading) throws InputException {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw f.error(field, e.getMessage());
        }
    }

    private static boolean bool(JsonFields f, JsonNode obj, String name) throws InputException {
        f.require(obj, "budget", name);
        return f.bool(obj, "budget", name, false);
    }

    private static Path path(JsonFields f, JsonNode obj, String field) throws InputException {
        String name = field.substring(field.indexOf('.') + 1);
        JsonNode v = obj.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw f.error(field, "must be a file path (was " + JsonFields.shortText(v) + ")");
        }
        try {
            return Path.of(v.asText());
        } catch (InvalidPathException e) {
            throw f.error(field, "not a usable path: " + v.asText());
        }
    }
}
