#!/usr/bin/env python3
"""Times exec -> first painted frame of two programs, interleaved, and prints the bench line.

Each program prints "first-frame-us N" (CLOCK_MONOTONIC, as g_get_monotonic_time) at its first
frame and quits; the clock is read here just before the exec, so both carry the same launch cost."""
import os
import statistics
import subprocess
import sys
import time


def first_frame_ms(argv, env):
    start = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        out, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SystemExit(f"{argv[0]} showed no frame within 30 s")
    for line in out.splitlines():
        if line.startswith("first-frame-us "):
            return (int(line.split()[1]) * 1000 - start) / 1e6
    raise SystemExit(f"{argv[0]} did not report a first frame (exit {proc.returncode})")


def main():
    runs = int(sys.argv[1])
    target = float(sys.argv[2])
    ours_argv = sys.argv[3].split("\x1f")
    reference_argv = sys.argv[4].split("\x1f")
    env = dict(os.environ, PROTOKOLL_BENCH_FIRST_FRAME="1")

    # For information only (stderr): the reference with protokoll's GTK-level start-up changes.
    tuned_argv = sys.argv[5].split("\x1f") if len(sys.argv) > 5 else None

    first_frame_ms(ours_argv, env)  # warm the page cache and fontconfig for all
    first_frame_ms(reference_argv, env)
    if tuned_argv:
        first_frame_ms(tuned_argv, env)
    ours, reference, tuned = [], [], []
    for _ in range(runs):
        ours.append(first_frame_ms(ours_argv, env))
        reference.append(first_frame_ms(reference_argv, env))
        if tuned_argv:
            tuned.append(first_frame_ms(tuned_argv, env))
    o, r = statistics.median(ours), statistics.median(reference)
    ratio = o / r
    verdict = "ok" if ratio <= target else "miss"
    print(f"bench startup: ours {o:.1f} ms, reference {r:.1f} ms, ratio {ratio:.2f}, target {target:.2f}: {verdict}")
    print(f"  runs: ours {', '.join(f'{x:.0f}' for x in ours)}; reference {', '.join(f'{x:.0f}' for x in reference)}",
          file=sys.stderr)
    if tuned:
        t = statistics.median(tuned)
        print(f"  reference with protokoll's GTK-level start-up changes: {t:.1f} ms, ratio {o / t:.2f}"
              f" (information, no target)", file=sys.stderr)


main()
