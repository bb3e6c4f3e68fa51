package org.poetexplorer.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;

/**
 * What the explorer was working on, saved as one file: the network (catalog name or file), the
 * device (built-in id or profile file, plus the profile as edited, if it was), the budgets and
 * switches, the solver settings and the last schedule (or null).
 *
 * @param editedDevice the profile as edited in the app, or null when used as loaded
 * @param timeLimitS solver time limit in seconds (read back only when positive and finite)
 * @param schedule the last schedule with how it was solved, or null
 * @param solveSeconds how long the solve of that schedule took (0 when unknown)
 */
public record Session(NetworkSource network, DeviceSource device, Device editedDevice, Budget budget, String solver,
        double timeLimitS, int threads, ScheduleFile schedule, double solveSeconds) {

    public Session {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(device, "device");
    }

    /** The network and device files the session names that are no longer there. */
    public List<Path> missingFiles() {
        List<Path> out = new ArrayList<>();
        if (network instanceof NetworkSource.NetworkFile f && !Files.isRegularFile(f.path())) {
            out.add(f.path());
        }
        if (device instanceof DeviceSource.DeviceFile f && !Files.isRegularFile(f.path())) {
            out.add(f.path());
        }
        return out;
    }
}
