#!/usr/bin/env python3
"""Which processes used the machine's CPU during a window: the service, PostgreSQL, Redis, the load generator.

    load-test/cpu-split.py SECONDS [SERVICE_PATTERN]

Reads the CPU time (user + system) every process has used, from /proc, at the start and at the end of the
window, and prints each group's share in cores (2.00 = both cores of this machine busy for the whole window).
SERVICE_PATTERN (default concert-service) is matched against the command line of the service's JVM; the load
generator is a JVM whose command line names Gatling or the load-test module, "maven" the Maven JVM that starts
it, and any process with a positive nice value counts as other work ("niced"), whatever it is.
"""
import os
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def group(pid, service, nice):
    if nice > 0:
        return "niced (other work)"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        with open(f"/proc/{pid}/comm") as f:
            comm = f.read().strip()
    except OSError:
        return None
    if comm.startswith("postgres") or "postgres:" in cmd:
        return "postgresql"
    if comm.startswith("redis-server"):
        return "redis"
    if "java" in comm or "/java" in cmd:
        if service in cmd:
            return "service"
        if "gatling" in cmd.lower() or "load-test" in cmd:
            return "load generator"
        if "plexus-classworlds" in cmd:
            return "maven"
        return "other java"
    return "other"


def snapshot(service):
    used = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # nice is field 19 of stat, the 17th after the command's ")"
        name = group(entry, service, int(fields[16]))
        if name is None:
            continue
        # utime and stime are fields 14 and 15 of stat; after the command's ")" they are the 12th and 13th
        used[entry] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
    return used


def main():
    seconds = float(sys.argv[1])
    service = sys.argv[2] if len(sys.argv) > 2 else "concert-service"
    before = snapshot(service)
    start = time.monotonic()
    time.sleep(seconds)
    after = snapshot(service)
    window = time.monotonic() - start
    shares = {}
    for pid, (name, cpu) in after.items():
        spent = cpu - before.get(pid, (name, 0.0))[1]
        shares[name] = shares.get(name, 0.0) + spent
    total = sum(shares.values())
    print(f"CPU over {window:.1f} s, in cores ({os.cpu_count()} on this machine):")
    for name, spent in sorted(shares.items(), key=lambda item: -item[1]):
        print(f"  {name:15s} {spent / window:5.2f}  ({100 * spent / total:4.1f} % of what was used)")
    print(f"  {'all':15s} {total / window:5.2f}")


if __name__ == "__main__":
    main()
