package org.poetexplorer.io;

import java.nio.file.Path;
import org.poetexplorer.model.Device;

/**
 * Where a device profile comes from: a profile built into the application, by id, or a
 * profile file. The command line, session files and the app's picker all hold one;
 * {@link #toString()} is how the picker shows it.
 *
 * <p>How a name given by a person is read ({@link #parse}): a built-in id, in any case, is the
 * built-in profile; anything else is the path of a file, which must exist. There is no
 * guessing from the look of the text: a file called like a built-in profile is named with its
 * folder ({@code ./m0}).
 */
public sealed interface DeviceSource permits DeviceSource.BuiltInDevice, DeviceSource.DeviceFile {

    /** A profile built into the application: one of {@link DeviceFiles#builtInIds()}, given in any case. */
    record BuiltInDevice(String id) implements DeviceSource {
        public BuiltInDevice {
            id = Sources.require(id, DeviceFiles.builtInIds(), "built-in device");
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** A profile file (format poet-device/1). */
    record DeviceFile(Path path) implements DeviceSource {
        @Override
        public String toString() {
            return Sources.shown(path);
        }
    }

    /**
     * A device named by a person: a built-in id, else an existing profile file (see above).
     *
     * @throws IllegalArgumentException when {@code text} is neither, naming the built-in
     *     devices and saying that there is no such file
     */
    static DeviceSource parse(String text) {
        if (Sources.known(text, DeviceFiles.builtInIds()) != null) {
            return new BuiltInDevice(text);
        }
        return new DeviceFile(Sources.existingFile(text, "a built-in device ("
                + String.join(", ", DeviceFiles.builtInIds()) + ")", "a profile file *.json"));
    }

    /** How reports and messages name it: the built-in id, or the path as given. */
    default String label() {
        return this instanceof DeviceFile f ? f.path().toString() : toString();
    }

    /**
     * The profile.
     *
     * @throws InputException naming the file, the field and the value when the file is unusable
     */
    default Device load() throws InputException {
        return this instanceof DeviceFile f ? DeviceFiles.read(f.path()) : DeviceFiles.builtIn(label());
    }
}
