package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.ScheduleFile;
import org.poetexplorer.io.ScheduleFiles;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ReplayReport;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.SummaryText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poet check FILE.json}: replays a schedule file and says whether it is valid. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Replay a schedule file and print \"valid\" with its summary, or the first rule it breaks.",
            "Exit codes: 0 valid, 3 invalid, 2 unreadable."})
final class CheckCommand implements Callable<Integer> {
    public static final int VALID = 0;
    public static final int UNREADABLE = PoetCli.BAD_INPUT;
    public static final int INVALID = 3;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "a poet-schedule/1 file")
    private Path file;

    @Option(names = "--network", paramLabel = "NAME|FILE", converter = Converters.Network.class,
            description = "check against this network's costs instead of the nodes stored in the file: a catalog "
                    + "network (with --device), else the path of a network file")
    private NetworkSource network;

    @Option(names = "--device", paramLabel = "NAME|FILE", converter = Converters.DeviceProfile.class,
            description = "the device the network's costs are for: a built-in device, else the path of a profile file")
    private DeviceSource device;

    @Mixin
    private TimeUnitOption timeUnit;

    @Override
    public Integer call() throws InputException {
        PrintWriter out = spec.commandLine().getOut();
        ScheduleFile f = ScheduleFiles.read(file);
        Schedule schedule = f.schedule();
        if (network != null) {
            TrainingGraph net = NetworkOptions.graph(network, device, device == null ? null : device.load(),
                    timeUnit.applyTo(ImportOptions.DEFAULT));
            schedule = f.scheduleOn(matching(net, f.graph()));
        } else if (device != null) {
            throw new InputException("--device", "", "is used with --network (the file's nodes carry their costs)");
        }
        ReplayReport r = ReplayChecker.check(schedule, f.energyJ(), f.claims());
        if (!r.valid()) {
            out.println("invalid: " + describe(r, schedule.graph()));
            return INVALID;
        }
        out.println("valid");
        out.println(ScheduleFileReport.solveLine(f));
        out.print(SummaryText.format(schedule));
        return VALID;
    }

    private static String describe(ReplayReport r, TrainingGraph g) {
        return r.describe() + (r.node() >= 0 && r.node() < g.size() ? " [" + g.node(r.node()).name() + "]" : "");
    }

    /**
     * The network must have the file's nodes (same count and names). When it has no paging
     * durations (costs from a file without a device) it takes the file's, so that only the
     * network's own costs are judged.
     */
    private TrainingGraph matching(TrainingGraph net, TrainingGraph inFile) throws InputException {
        if (net.size() != inFile.size()) {
            throw new InputException("--network", "", network.label() + " has " + net.size()
                    + " nodes, the schedule file " + file + " has " + inFile.size());
        }
        for (int i = 0; i < net.size(); i++) {
            if (!net.node(i).name().equals(inFile.node(i).name())) {
                throw new InputException("--network", "", "node " + i + " of " + network.label() + " is \""
                        + net.node(i).name() + "\", in the schedule file it is \"" + inFile.node(i).name() + "\"");
            }
        }
        if (net.pagingTimed() || !inFile.pagingTimed()) {
            return net;
        }
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphNode n : net.nodes()) {
            GraphNode given = inFile.node(n.index());
            nodes.add(new GraphNode(n.index(), n.name(), n.type(), n.backward(), n.outShape(), n.flop(),
                    n.paramCount(), n.deps(), n.costs().withPagingTimes(given.pageInS(), given.pageOutS())));
        }
        return new TrainingGraph(net.name(), net.deviceId(), nodes, net.paramBytes());
    }
}
