#!/usr/bin/env python3
"""Which processes used the machine's CPU during a window: the service, PostgreSQL, Redis, the load generator.

    load-test/cpu-split.py SECONDS [SERVICE_PATTERN]

Reads the CPU time (user + system) every process has used, from /proc, at the start and at the end of the
window, and prints each group's share in cores (2.00 = both cores of this machine busy for the whole window).
SERVICE_PATTERN (default concert-service) is matched against the command line of the service's JVM; the load
generator is a JVM whose command line names Gatling or the load-test module, "maven" the Maven JVM that starts
it, and any process with a positive nice value counts as other work ("niced"), whatever it is. For the service's
and the load generator's JVMs it also says how much of their CPU their JIT compiler's and garbage collector's
threads used (by thread name, from /proc/PID/task: no agent in the JVM, nothing that changes what it runs).
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


JVM_GROUPS = ("service", "load generator")


def jvm_part(thread_name):
    if "CompilerThre" in thread_name:
        return "JIT compiler"
    if thread_name.startswith(("GC Thread", "G1 ")):
        return "GC"
    return None


def cpu_seconds(stat_path):
    with open(stat_path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of stat; after the command's ")" they are the 12th and 13th
    return fields, (int(fields[11]) + int(fields[12])) / TICKS


def thread_parts(pid):
    """CPU seconds of a JVM's JIT compiler and GC threads, by part."""
    parts = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return parts
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                part = jvm_part(f.read().strip())
            if part is not None:
                parts[(task, part)] = cpu_seconds(f"/proc/{pid}/task/{task}/stat")[1]
        except OSError:
            continue
    return parts


def snapshot(service):
    used = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields, spent = cpu_seconds(f"/proc/{entry}/stat")
        except OSError:
            continue
        # nice is field 19 of stat, the 17th after the command's ")"
        name = group(entry, service, int(fields[16]))
        if name is None:
            continue
        used[entry] = (name, spent, thread_parts(entry) if name in JVM_GROUPS else {})
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
    parts = {}
    for pid, (name, cpu, threads) in after.items():
        earlier = before.get(pid, (name, 0.0, {}))
        shares[name] = shares.get(name, 0.0) + cpu - earlier[1]
        for (task, part), thread_cpu in threads.items():
            key = (name, part)
            parts[key] = parts.get(key, 0.0) + thread_cpu - earlier[2].get((task, part), 0.0)
    total = sum(shares.values())
    print(f"CPU over {window:.1f} s, in cores ({os.cpu_count()} on this machine):")
    for name, spent in sorted(shares.items(), key=lambda item: -item[1]):
        print(f"  {name:15s} {spent / window:5.2f}  ({100 * spent / total:4.1f} % of what was used)")
        for part in ("JIT compiler", "GC"):
            if (name, part) in parts:
                print(f"    of which {part:12s} {parts[(name, part)] / window:5.2f}")
    print(f"  {'all':15s} {total / window:5.2f}")


if __name__ == "__main__":
    main()
