package org.poetexplorer.schedule;

/**
 * The verdict of a replay: valid, or the first rule broken and where (opIndex, stage, node are
 * -1 when the violation is not tied to one operation). {@code rule} is one of the names in
 * {@link ReplayChecker}.
 */
public record ReplayReport(boolean valid, int opIndex, int stage, int node, String rule, String message) {

    private static final ReplayReport OK = new ReplayReport(true, -1, -1, -1, "", "valid");

    public static ReplayReport ok() {
        return OK;
    }

    public static ReplayReport violation(int opIndex, int stage, int node, String rule, String message) {
        return new ReplayReport(false, opIndex, stage, node, rule, message);
    }

    /** One line: "valid", or "op 12 (stage 3, node 5): rule: message". */
    public String describe() {
        if (valid) {
            return "valid";
        }
        StringBuilder sb = new StringBuilder();
        if (opIndex >= 0) {
            sb.append("op ").append(opIndex).append(" (stage ").append(stage).append(", node ").append(node)
                    .append("): ");
        } else if (node >= 0) {
            sb.append("node ").append(node).append(": ");
        }
        return sb.append(rule).append(": ").append(message).toString();
    }
}
