package org.poetexplorer.catalog;

/**
 * Transformer encoders as the reference defines them: sequence 512, hidden 768, 12 heads of 64.
 * The second residual sum adds the attention projection (not the first sum) to the feed-forward output.
 */
final class Bert {
    static final long SEQ = 512;
    static final long HIDDEN = 768;
    static final long HEADS = 12;
    static final long HEAD_DIM = 64;
    static final long FEED_FORWARD = 3072;

    private Bert() {
    }

    /** One encoder block ("transformer") or BERT-base (12 blocks). */
    static Network encoder(String name, int blocks) {
        NetworkBuilder b = new NetworkBuilder(name);
        int x = b.input(SEQ, HIDDEN);
        for (int i = 0; i < blocks; i++) {
            x = block(b, x);
        }
        b.add(new CrossEntropyLoss(SEQ), x);
        return b.build();
    }

    private static int block(NetworkBuilder b, int x) {
        int h = b.add(new QueryKeyValue(SEQ, HIDDEN, HEAD_DIM, HEADS), x);
        h = b.add(new QKT(SEQ, HEAD_DIM, HEADS), h);
        h = b.add(new QKTV(SEQ, HEAD_DIM, HEADS), h);
        int attention = b.add(new Linear(HIDDEN, HIDDEN), h);
        int sum = b.add(new SkipAdd(), attention, x);
        h = b.add(new LinearReLU(HIDDEN, FEED_FORWARD), sum);
        h = b.add(new Linear(FEED_FORWARD, HIDDEN), h);
        return b.add(new SkipAdd(), h, attention);
    }
}
