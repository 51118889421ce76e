# Shared helpers for the benchmark scripts: timing by wall clock, medians, ratios.
# Each comparison runs the baseline and footage alternately in the same loop, so that both see the same
# machine state (caches, other load); the result is the ratio of medians.

# median_seconds N CMD...: runs CMD N times, prints the median wall time in seconds.
median_seconds() {
    n=$1; shift
    python3 - "$n" "$@" <<'PY'
import statistics, subprocess, sys, time
n = int(sys.argv[1]); cmd = sys.argv[2:]
times = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times.append(time.perf_counter() - t)
print(f"{statistics.median(times):.4f}")
PY
}

# side_by_side N NAME_A "CMD A" NAME_B "CMD B": alternates the two shell commands N times each and prints
# "median_a median_b ratio_b_over_a".
side_by_side() {
    python3 - "$@" <<'PY'
import statistics, subprocess, sys, time
n = int(sys.argv[1]); a = sys.argv[3]; b = sys.argv[5]
ta, tb = [], []
for _ in range(n):
    for cmd, into in ((a, ta), (b, tb)):
        t = time.perf_counter()
        subprocess.run(["bash", "-c", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        into.append(time.perf_counter() - t)
ma, mb = statistics.median(ta), statistics.median(tb)
print(f"{ma:.4f} {mb:.4f} {mb/ma:.3f}")
PY
}
