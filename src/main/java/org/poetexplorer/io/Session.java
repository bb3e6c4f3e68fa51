package org.poetexplorer.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;

/**
 * What the explorer was working on, saved as one file: the network (catalog name or file), the
 * device (built-in id or profile file, plus the profile as edited, if it was), the budgets and
 * switches, the solver settings and the last schedule (or null).
 *
 * @param networkName catalog network, or null when {@code networkFile} is set
 * @param deviceId built-in device, or null when {@code deviceFile} is set
 * @param editedDevice the profile as edited in the app, or null when used as loaded
 * @param timeLimitS solver time limit (0 or less: none)
 * @param schedule the last schedule with how it was solved, or null
 * @param solveSeconds how long the solve of that schedule took (0 when unknown)
 */
public record Session(String networkName, Path networkFile, String deviceId, Path deviceFile, Device editedDevice,
        Budget budget, String solver, double timeLimitS, int threads, ScheduleFile schedule, double solveSeconds) {

    public Session {
        if ((networkName == null) == (networkFile == null)) {
            throw new IllegalArgumentException("network: exactly one of a catalog name and a file");
        }
        if ((deviceId == null) == (deviceFile == null)) {
            throw new IllegalArgumentException("device: exactly one of a built-in id and a file");
        }
    }

    /** The network and device files the session names that are no longer there. */
    public List<Path> missingFiles() {
        List<Path> out = new ArrayList<>();
        if (networkFile != null && !Files.isRegularFile(networkFile)) {
            out.add(networkFile);
        }
        if (deviceFile != null && !Files.isRegularFile(deviceFile)) {
            out.add(deviceFile);
        }
        return out;
    }
}
