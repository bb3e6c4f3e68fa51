#!/usr/bin/env python3
"""Solves each exported model with POET Explorer at 60 % of its plain peak RAM and writes the
README's table of exported models (standard library only; no PyTorch needed).

For MODELDIR/EXPORTER/NAME.onnx (as export_models.py writes them), one at a time:
  1. plain: poet solve --network NAME.onnx --device a72 --ram 100GB --runtime 1.5
            --time-limit 60 --json   -> nodes, plainPeakRamBytes, plainEnergyJ
  2. tight: the same with --ram = 60 % of that plain peak (whole bytes, rounded down)
each as `java -Xmx2g -jar JAR solve ...` under nice -n 10. Each run's stdout, stderr and
figures (exit code, wall seconds, the JVM's peak resident memory) go to
RESULTS/EXPORTER/NAME.{plain,60}.{json,err,run.json}; RESULTS/table.md is the table of every
model with results, rewritten after each model.

Run:
    python3 solve_models.py --jar target/poet-explorer.jar MODELDIR             # every model
    python3 solve_models.py --jar target/poet-explorer.jar MODELDIR vit_b_16 gpt2_small
    python3 solve_models.py --table-only MODELDIR     # only rewrite table.md from saved results
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import time

EXPORTERS = ("dynamo", "classic")  # the default ones
ALL_EXPORTERS = EXPORTERS + ("dynamo-optimized",)  # as export_models.py names them
SHARE = 0.60
HARD_STOP_S = 900  # a run still going after this long is ended and reported as such


def run(jar, heap, model, ram, time_limit, stem):
    """One `poet solve --json`; returns its run record (also saved as STEM.run.json)."""
    command = ["nice", "-n", "10", "/usr/bin/time", "-f", "%M", "-o", stem + ".rss",
               "java", "-Xmx" + heap, "-jar", jar, "solve", "--network", model, "--device", "a72",
               "--ram", str(ram), "--runtime", "1.5", "--time-limit", str(time_limit), "--json"]
    start = time.monotonic()
    with open(stem + ".json", "w") as out, open(stem + ".err", "w") as err:
        try:
            code = subprocess.run(command, stdout=out, stderr=err, timeout=HARD_STOP_S).returncode
        except subprocess.TimeoutExpired:
            code = "ended after %d s" % HARD_STOP_S
    record = {"command": " ".join(command[8:]), "exit": code, "wallSeconds": round(time.monotonic() - start, 1)}
    try:
        with open(stem + ".rss") as f:
            record["maxRssMB"] = round(int(f.read().split()[-1]) / 1024)
        os.remove(stem + ".rss")
    except (OSError, ValueError, IndexError):
        pass
    with open(stem + ".err") as f:
        lines = [line.strip() for line in f if line.strip()]
    if lines:
        record["firstStderrLine"] = lines[0]
    try:
        with open(stem + ".json") as f:
            record["result"] = json.load(f)
    except (OSError, ValueError):
        pass
    with open(stem + ".run.json", "w") as f:
        json.dump(record, f, indent=1)
    return record


def solve(jar, heap, time_limit, modeldir, results, exporter, name):
    model = os.path.join(modeldir, exporter, name + ".onnx")
    outdir = os.path.join(results, exporter)
    os.makedirs(outdir, exist_ok=True)
    for stale in glob.glob(os.path.join(outdir, name + ".*")):
        os.remove(stale)
    plain = run(jar, heap, model, "100GB", time_limit, os.path.join(outdir, name + ".plain"))
    peak = plain.get("result", {}).get("plainPeakRamBytes")
    if peak:
        run(jar, heap, model, int(peak * SHARE), time_limit, os.path.join(outdir, name + ".60"))


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def error_line(record):
    """The first stderr line without the command and file it names (the row names them)."""
    line = record.get("firstStderrLine") or "no message"
    line = re.sub(r"^poet \w+: \S+\.onnx: ", "", line).split(";")[0]
    line = "exit %s: %s" % (record.get("exit"), line)
    return line if len(line) <= 120 else line[:117] + "..."


def row(results, exporter, name):
    plain = load(os.path.join(results, exporter, name + ".plain.run.json"))
    if plain is None:
        return None
    tight = load(os.path.join(results, exporter, name + ".60.run.json"))
    p = plain.get("result")
    if not p:
        return "| %s | %s | – | – | %s | – | – | %s |" % (
            name, exporter, error_line(plain).replace("|", "\\|"), plain["wallSeconds"])
    peak = "%.1f MB" % (p["plainPeakRamBytes"] / 1e6)
    if tight is None:
        return "| %s | %s | %d | %s | not run | – | – | – |" % (name, exporter, p["nodes"], peak)
    t = tight.get("result")
    if not t:
        return "| %s | %s | %d | %s | failed: %s | – | – | %s |" % (
            name, exporter, p["nodes"], peak, error_line(tight).replace("|", "\\|"), tight["wallSeconds"])
    status = t["status"]
    if status == "FEASIBLE" and t.get("gap") is not None:
        status += " (gap %.2g %%)" % (100 * t["gap"])
    ratio = "%.4f" % (t["energyJ"] / p["plainEnergyJ"]) if t.get("energyJ") is not None else "–"
    return "| %s | %s | %d | %s | %s | %s | %.1f | %.1f |" % (
        name, exporter, p["nodes"], peak, status, ratio, t["solveSeconds"], tight["wallSeconds"])


def write_table(modeldir, results):
    names = sorted({os.path.basename(p)[:-len(".plain.run.json")]
                    for p in glob.glob(os.path.join(results, "*", "*.plain.run.json"))},
                   key=lambda n: model_order(modeldir).get(n, 999))
    lines = ["| model | exporter | nodes | plain peak | status at 60 % | energy / plain | solve s | wall s |",
             "|---|---|---|---|---|---|---|---|"]
    for name in names:
        for exporter in ALL_EXPORTERS:
            line = row(results, exporter, name)
            if line:
                lines.append(line)
    with open(os.path.join(results, "table.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return lines


def model_order(modeldir):
    """Models in the order export.log lists them (export_models.py's order), else by name."""
    order = {}
    try:
        with open(os.path.join(modeldir, "export.log")) as f:
            for line in f:
                parts = line.split()
                if len(parts) > 1 and parts[0] in ALL_EXPORTERS:
                    order.setdefault(parts[1], len(order))
    except OSError:
        pass
    return order


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modeldir")
    parser.add_argument("models", nargs="*", help="default: every MODELDIR/*/NAME.onnx")
    parser.add_argument("--jar", help="poet-explorer.jar")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--time-limit", type=int, default=60)
    parser.add_argument("--exporter", choices=ALL_EXPORTERS, action="append",
                        help="default: " + " and ".join(EXPORTERS))
    parser.add_argument("--results", help="default: MODELDIR/results")
    parser.add_argument("--table-only", action="store_true")
    args = parser.parse_args()
    results = args.results or os.path.join(args.modeldir, "results")
    if not args.table_only:
        if not args.jar or not os.path.isfile(args.jar):
            parser.error("--jar: no such file: %s" % args.jar)
        names = args.models or sorted({os.path.basename(p)[:-5]
                                       for p in glob.glob(os.path.join(args.modeldir, "*", "*.onnx"))},
                                      key=lambda n: model_order(args.modeldir).get(n, 999))
        for name in names:
            for exporter in args.exporter or EXPORTERS:
                if not os.path.exists(os.path.join(args.modeldir, exporter, name + ".onnx")):
                    print("%-8s %-20s no file" % (exporter, name), flush=True)
                    continue
                solve(args.jar, args.heap, args.time_limit, args.modeldir, results, exporter, name)
                print(row(results, exporter, name), flush=True)
            write_table(args.modeldir, results)
    print("\n".join(write_table(args.modeldir, results)))


if __name__ == "__main__":
    sys.exit(main())
