package org.poetexplorer.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.poetexplorer.io.AtomicFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.milp.MpsExport;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poet export-mps}: the plain formulation of docs/model.md as MPS text, for any MIP solver. */
@Command(name = "export-mps", mixinStandardHelpOptions = true,
        description = "Write the stage MILP of docs/model.md as stated (no reductions, unscaled) in MPS format.")
final class ExportMpsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkOptions model;

    @Mixin
    private BudgetOptions budgetOptions;

    @Option(names = "--ram", required = true, paramLabel = "SIZE", description = "RAM budget: bytes or units")
    private String ram;

    @Parameters(paramLabel = "FILE.mps", description = "where to write the model")
    private String file;

    @Override
    public Integer call() throws InputException {
        TrainingGraph graph = model.graph(model.device());
        Budget budget = budgetOptions.budget(Inputs.bytes("--ram", ram));
        Path target = Path.of(file);
        try {
            AtomicFiles.write(target, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
                MpsExport.plain(graph, budget, w);
                w.flush();
            });
        } catch (IOException e) {
            throw new InputException(file, "", "cannot be written (" + e.getMessage() + ")", e);
        }
        spec.commandLine().getOut().println("wrote " + target + " (" + graph.name() + ", " + graph.size() + " nodes)");
        return PoetCli.OK;
    }
}
