package org.poetexplorer.catalog;

/**
 * ResNets as the reference defines them. Residual sums take the block's output first and the
 * shortcut second; the ImageNet variants have no projection on the shortcut, the CIFAR variant
 * projects every shortcut with a 3x3 convolution.
 */
final class ResNet {
    private ResNet() {
    }

    /** ResNet-18 for 224x224 ImageNet images, 1000 classes. */
    static Network resnet18() {
        NetworkBuilder b = new NetworkBuilder("resnet18");
        int x = imageNetStem(b);
        long channels = 64;
        long[] widths = {64, 128, 256, 512};
        for (int stage = 0; stage < widths.length; stage++) {
            for (int block = 0; block < 2; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                x = basicBlock(b, x, channels, widths[stage], stride);
                channels = widths[stage];
            }
        }
        return head(b, x, 7, channels, 1000);
    }

    /** ResNet-50 for 224x224 ImageNet images, 1000 classes: bottleneck blocks 3, 4, 6, 3. */
    static Network resnet50() {
        NetworkBuilder b = new NetworkBuilder("resnet50");
        int x = imageNetStem(b);
        long channels = 64;
        long[] widths = {64, 128, 256, 512};
        int[] blocks = {3, 4, 6, 3};
        for (int stage = 0; stage < widths.length; stage++) {
            for (int block = 0; block < blocks[stage]; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                x = bottleneckBlock(b, x, channels, widths[stage], stride);
                channels = 4 * widths[stage];
            }
        }
        return head(b, x, 7, channels, 1000);
    }

    /** ResNet-18 for 32x32 CIFAR images, 10 classes: three stages of two blocks, 16 to 64 channels. */
    static Network resnet18Cifar() {
        NetworkBuilder b = new NetworkBuilder("resnet18_cifar");
        int x = b.input(1, 3, 32, 32);
        x = b.add(new Conv2d(3, 16, 3, 1, 1), x);
        x = b.add(new BatchNorm2d(), x);
        long channels = 16;
        long[] widths = {16, 32, 64};
        for (int stage = 0; stage < widths.length; stage++) {
            for (int block = 0; block < 2; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                x = projectedBlock(b, x, channels, widths[stage], stride);
                channels = widths[stage];
            }
        }
        return head(b, x, 8, channels, 10);
    }

    /** 7x7 stride-2 convolution, batch norm and 3x3 stride-2 max pooling (no ReLU, as in the reference). */
    private static int imageNetStem(NetworkBuilder b) {
        int x = b.input(1, 3, 224, 224);
        x = b.add(new Conv2d(3, 64, 7, 2, 3), x);
        x = b.add(new BatchNorm2d(), x);
        return b.add(new MaxPool2d(3, 2), x);
    }

    /** conv-bn-relu, conv-bn, sum with the first ReLU's output, relu. */
    private static int basicBlock(NetworkBuilder b, int x, long in, long out, int stride) {
        int h = convBn(b, x, in, out, 3, stride, 1);
        int shortcut = b.add(new ReLU(), h);
        h = convBn(b, shortcut, out, out, 3, 1, 1);
        int sum = b.add(new SkipAdd(), h, shortcut);
        return b.add(new ReLU(), sum);
    }

    /** 1x1 reduce (carrying the stride), 3x3, 1x1 expand to 4 x width; the sum takes the first ReLU's output. */
    private static int bottleneckBlock(NetworkBuilder b, int x, long in, long width, int stride) {
        int h = convBn(b, x, in, width, 1, stride, 0);
        int shortcut = b.add(new ReLU(), h);
        h = convBn(b, shortcut, width, width, 3, 1, 1);
        h = b.add(new ReLU(), h);
        h = convBn(b, h, width, 4 * width, 1, 1, 0);
        int sum = b.add(new SkipAdd(), h, shortcut);
        return b.add(new ReLU(), sum);
    }

    /** Two conv-bn-relu on the main path, a 3x3 conv-bn projection of the block input, sum, relu. */
    private static int projectedBlock(NetworkBuilder b, int x, long in, long out, int stride) {
        int h = convBn(b, x, in, out, 3, stride, 1);
        h = b.add(new ReLU(), h);
        h = convBn(b, h, out, out, 3, 1, 1);
        h = b.add(new ReLU(), h);
        int shortcut = convBn(b, x, in, out, 3, stride, 1);
        int sum = b.add(new SkipAdd(), h, shortcut);
        return b.add(new ReLU(), sum);
    }

    private static int convBn(NetworkBuilder b, int x, long in, long out, int kernel, int stride, int pad) {
        int h = b.add(new Conv2d(in, out, kernel, stride, pad), x);
        return b.add(new BatchNorm2d(), h);
    }

    /** Average pooling over the whole feature map, flatten, classifier, loss. */
    private static Network head(NetworkBuilder b, int x, int pool, long channels, long classes) {
        x = b.add(new AvgPool2d(pool, 1), x);
        x = b.add(new Flatten(), x);
        x = b.add(new Linear(channels, classes), x);
        b.add(new CrossEntropyLoss(classes), x);
        return b.build();
    }
}
