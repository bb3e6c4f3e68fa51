package org.poetexplorer.catalog;

/** Multi-layer perceptrons: fully connected layers, each followed by a ReLU. */
final class Mlp {
    private Mlp() {
    }

    /** The catalog's "linear" network: 784 inputs through 10, 120, 100, 200, 10 and 10 units. */
    static Network linear() {
        return of("linear", 784, new long[] {10, 120, 100, 200, 10, 10}, 10);
    }

    static Network of(String name, long inputs, long[] widths, long classes) {
        NetworkBuilder b = new NetworkBuilder(name);
        int x = b.input(1, inputs);
        long in = inputs;
        for (long w : widths) {
            x = b.add(new Linear(in, w), x);
            x = b.add(new ReLU(), x);
            in = w;
        }
        b.add(new CrossEntropyLoss(classes), x);
        return b.build();
    }
}
