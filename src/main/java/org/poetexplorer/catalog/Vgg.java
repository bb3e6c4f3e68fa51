package org.poetexplorer.catalog;

/** VGG-16: stacks of 3x3 convolutions with ReLUs separated by 2x2 max pooling, then three dense layers. */
final class Vgg {
    /** Channels per convolution; 0 marks a max pooling. */
    private static final int[] VGG16 = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};
    private static final long HIDDEN = 4096;

    private Vgg() {
    }

    static Network vgg16(String name, long imageSize, long classes) {
        NetworkBuilder b = new NetworkBuilder(name);
        int x = b.input(1, 3, imageSize, imageSize);
        long channels = 3;
        for (int c : VGG16) {
            if (c == 0) {
                x = b.add(new MaxPool2d(2, 2), x);
            } else {
                x = b.add(new Conv2d(channels, c, 3, 1, 1), x);
                x = b.add(new ReLU(), x);
                channels = c;
            }
        }
        x = b.add(new Flatten(), x);
        long features = b.shape(x).get(1);
        x = b.add(new Linear(features, HIDDEN), x);
        x = b.add(new ReLU(), x);
        x = b.add(new Dropout(), x);
        x = b.add(new Linear(HIDDEN, HIDDEN), x);
        x = b.add(new ReLU(), x);
        x = b.add(new Dropout(), x);
        x = b.add(new Linear(HIDDEN, classes), x);
        b.add(new CrossEntropyLoss(classes), x);
        return b.build();
    }
}
