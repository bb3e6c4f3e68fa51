package org.poetexplorer.app;

import java.nio.file.Path;

/** An entry of the device picker: a built-in profile, or a profile file (sample or opened). */
record DeviceChoice(String builtInId, Path file) {

    static DeviceChoice builtIn(String id) {
        return new DeviceChoice(id, null);
    }

    static DeviceChoice file(Path file) {
        return new DeviceChoice(null, file);
    }

    boolean isFile() {
        return file != null;
    }

    @Override
    public String toString() {
        return isFile() ? file.getFileName() + "  (file)" : builtInId;
    }
}
