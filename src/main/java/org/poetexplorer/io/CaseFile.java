package org.poetexplorer.io;

import java.util.List;
import org.poetexplorer.model.TrainingGraph;

/**
 * A cases file as read: what it is (a path, or the reference cases bundled with the
 * application), its cases in file order, and how to read the network file each case names.
 */
public final class CaseFile {
    /** Reads the network file a case names, relative to the cases file. */
    @FunctionalInterface
    interface GraphReader {
        TrainingGraph read(String name) throws InputException;
    }

    private final String source;
    private final List<SolveCase> cases;
    private final GraphReader graphs;

    CaseFile(String source, List<SolveCase> cases, GraphReader graphs) {
        this.source = source;
        this.cases = List.copyOf(cases);
        this.graphs = graphs;
    }

    /** The file's path, or a description of the bundled cases; for messages and reports. */
    public String source() {
        return source;
    }

    public List<SolveCase> cases() {
        return cases;
    }

    /**
     * The training graph case {@code c} names, with the costs the network file gives.
     *
     * @throws InputException naming the network file when it is missing or unusable
     */
    public TrainingGraph graph(SolveCase c) throws InputException {
        return graphs.read(c.graph());
    }
}
