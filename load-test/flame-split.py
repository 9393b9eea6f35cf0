#!/usr/bin/env python3
"""Where a JVM's CPU samples went, from async-profiler's collapsed stacks (FLAME=file.collapsed in the scripts).

    load-test/flame-split.py FILE.collapsed

Prints three views of the same samples: the JVM's own threads (JIT compiler, GC) against Java threads; each
sample counted to the library of its nearest frame from the leaf (JDK, native and kernel frames count to the
library that called them, so socket I/O under pgjdbc counts to pgjdbc); and the native leaf frames most
sampled (system calls such as write and read show up there).
"""
import collections
import sys

LIBRARIES = [
    ("org/postgresql", "pgjdbc"), ("com/zaxxer", "HikariCP"), ("tools/jackson", "Jackson"),
    ("com/fasterxml", "Jackson"), ("org/springframework/security", "Spring Security"),
    ("com/nimbusds", "Nimbus JOSE + JWT"), ("io/lettuce", "Lettuce"), ("io/netty", "Netty"),
    ("io/micrometer", "Micrometer"), ("ch/qos/logback", "Logback"), ("io/github/resilience4j", "Resilience4j"),
    ("com/github/benmanes", "Caffeine"), ("org/springframework/web", "Spring MVC"),
    ("org/springframework/jdbc", "Spring JDBC"), ("org/springframework/transaction", "Spring transactions"),
    ("org/hibernate", "Hibernate"), ("org/springframework", "Spring (other)"), ("org/apache/coyote", "Tomcat"),
    ("org/apache/tomcat", "Tomcat"), ("org/apache/catalina", "Tomcat"), ("com/concert/loadtest", "the load test"),
    ("com/concert", "the service's own code"), ("io/gatling", "Gatling"), ("scala/", "Scala"),
]
JVM_THREAD = ["clone3", "start_thread", "thread_native_entry"]


def library(frame):
    for prefix, name in LIBRARIES:
        if frame.startswith(prefix):
            return name
    return None


def main():
    threads, libraries, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    with open(sys.argv[1]) as collapsed:
        for line in collapsed:
            stack, _, count = line.rstrip().rpartition(" ")
            samples = int(count)
            total += samples
            frames = stack.split(";")
            java = any("/" in frame for frame in frames)
            if not java:
                what = ";".join(frames[3:6]) if frames[:3] == JVM_THREAD else frames[0]
                threads["JVM: " + what] += samples
                libraries["the JVM (JIT compiler, GC)"] += samples
            else:
                threads["Java threads"] += samples
                name = next((library(f) for f in reversed(frames) if library(f)), None)
                libraries[name or "the JDK alone (virtual-thread scheduling, I/O)"] += samples
            if "/" not in frames[-1]:
                leaves[frames[-1]] += samples
    print(f"{total} samples")
    for title, counter, rows in (("threads", threads, 5), ("nearest library", libraries, 20),
                                 ("native leaf frames", leaves, 8)):
        print(title + ":")
        for name, samples in counter.most_common(rows):
            print(f"  {100 * samples / total:5.1f} %  {name[:110]}")


if __name__ == "__main__":
    main()
