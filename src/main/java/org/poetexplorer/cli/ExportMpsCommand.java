package org.poetexplorer.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.poetexplorer.io.AtomicFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.backends.MpsExport;
import org.poetexplorer.solver.phases.StageFormulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poet export-mps}: the plain formulation of docs/model.md as MPS text, for any MIP solver. */
@Command(name = "export-mps", mixinStandardHelpOptions = true,
        description = "Write the stage MILP of docs/model.md as stated (no reductions, unscaled) in MPS format.")
final class ExportMpsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Parameters(paramLabel = "FILE.mps", converter = Converters.FileToWrite.class,
            description = "where to write the model")
    private Path file;

    @Override
    public Integer call() throws InputException {
        TrainingGraph graph = problem.model.graph(problem.model.device(), spec);
        Budget budget = problem.budget(graph);
        FileWrites.attempt(file, () -> AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            MpsExport.write(StageFormulation.plain(graph, budget).lp(), w);
            w.flush();
        }));
        spec.commandLine().getOut().println("wrote " + file + " (" + graph.name() + ", " + graph.size() + " nodes)");
        return PoetCli.OK;
    }
}
