package org.poetexplorer.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;

/** The built-in networks of docs/model.md section 3, defined from layers (batch 1). */
public final class Catalog {
    private static final Map<String, Supplier<Network>> NETWORKS = new LinkedHashMap<>();

    static {
        NETWORKS.put("linear", Mlp::linear);
        NETWORKS.put("vgg16", () -> Vgg.vgg16("vgg16", 224, 1000));
        NETWORKS.put("vgg16_cifar", () -> Vgg.vgg16("vgg16_cifar", 32, 10));
        NETWORKS.put("resnet18", ResNet::resnet18);
        NETWORKS.put("resnet18_cifar", ResNet::resnet18Cifar);
        NETWORKS.put("resnet50", ResNet::resnet50);
        NETWORKS.put("transformer", () -> Bert.encoder("transformer", 1));
        NETWORKS.put("bert", () -> Bert.encoder("bert", 12));
    }

    private Catalog() {
    }

    /** Names of the catalog networks, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(NETWORKS.keySet());
    }

    public static boolean contains(String name) {
        return NETWORKS.containsKey(name);
    }

    /**
     * The forward layers of a catalog network.
     *
     * @throws IllegalArgumentException listing the known names when {@code name} is not one
     */
    public static Network network(String name) {
        Supplier<Network> s = NETWORKS.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown network \"" + name + "\" (known: "
                    + String.join(", ", NETWORKS.keySet()) + ")");
        }
        return s.get();
    }

    /**
     * The training graph of a catalog network costed on {@code device}.
     *
     * @throws IllegalArgumentException listing the known names when {@code name} is not one
     */
    public static TrainingGraph build(String name, Device device) {
        return TrainingGraphBuilder.build(network(name), device);
    }
}
