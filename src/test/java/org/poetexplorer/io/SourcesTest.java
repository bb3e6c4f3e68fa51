package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a network or device named by a person is read: a known name wins, anything else is a file that exists. */
class SourcesTest {
    @TempDir
    Path dir;

    @Test
    void aCatalogNameInAnyCaseIsTheCatalogNetwork() {
        assertEquals(new NetworkSource.CatalogNetwork("vgg16"), NetworkSource.parse("VGG16"));
        assertEquals("resnet18_cifar", NetworkSource.parse(" resnet18_cifar ").label());
        assertEquals(new DeviceSource.BuiltInDevice("a72"), DeviceSource.parse("A72"));
    }

    @Test
    void anythingElseIsAFileThatMustExist() throws Exception {
        Path net = Files.writeString(dir.resolve("net.json"), "{}");
        assertEquals(new NetworkSource.NetworkFile(net), NetworkSource.parse(net.toString()));
        assertEquals(net.toString(), NetworkSource.parse(net.toString()).label());
        assertTrue(NetworkSource.parse(Files.writeString(dir.resolve("m.onnx"), "").toString()).isOnnx());
        assertEquals(new DeviceSource.DeviceFile(net), DeviceSource.parse(net.toString()));
    }

    @Test
    void aFileCalledLikeACatalogNetworkIsNamedWithItsFolder() throws Exception {
        Path linear = Files.writeString(dir.resolve("linear"), "{}");
        assertEquals(new NetworkSource.CatalogNetwork("linear"), NetworkSource.parse("linear"));
        assertEquals(new NetworkSource.NetworkFile(linear), NetworkSource.parse(linear.toString()));
    }

    @Test
    void aNameThatIsNeitherSaysWhatIsKnownAndThatNoSuchFileExists() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkSource.parse("alexnet"));
        assertTrue(e.getMessage().contains("\"alexnet\"") && e.getMessage().contains("linear, vgg16")
                && e.getMessage().contains("no such file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DeviceSource.parse("tx2.json"));
        assertTrue(e.getMessage().contains("\"tx2.json\"") && e.getMessage().contains("m0, m4, a72, a72nocache")
                && e.getMessage().contains("no such file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkSource.parse(dir.toString()));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void aCatalogNetworkOrBuiltInDeviceMustBeKnown() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkSource.CatalogNetwork("alexnet"));
        assertThrows(IllegalArgumentException.class, () -> new DeviceSource.BuiltInDevice("tx2"));
    }

    @Test
    void pickersShowTheNameOrTheFilesName() {
        assertEquals("linear", new NetworkSource.CatalogNetwork("linear").toString());
        assertEquals("dev.json  (file)", new DeviceSource.DeviceFile(dir.resolve("dev.json")).toString());
    }
}
