#!/usr/bin/env python3
"""Summarises a Gatling HTML report as a Markdown table: one row per request name, with its count, failures,
throughput over the phase it ran in, and response-time percentiles.

    python3 load-test/summarize.py load-test/target/gatling/<run> [--seconds 'capacity:=20' ...]

Gatling reports counts per second over the whole run; a phase of a multi-phase simulation ran for only part
of it, so throughput here is count / the phase's length, given per request-name prefix with --seconds.
"""
import argparse
import html
import pathlib
import re
import sys

ROW = re.compile(r'class="ellipsed-name">([^<]+)</span>.*?'
                 + ''.join(rf'<td class="value [a-z]+ col-{i}">([^<]*)</td>\s*' for i in range(2, 15)), re.S)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('report', type=pathlib.Path)
    parser.add_argument('--seconds', action='append', default=[],
                        help="PREFIX=SECONDS: requests whose name starts with PREFIX ran for SECONDS")
    args = parser.parse_args()
    index = args.report / 'index.html' if args.report.is_dir() else args.report
    phases = [(p.split('=')[0], float(p.split('=')[1])) for p in args.seconds]
    rows = ROW.findall(index.read_text(encoding='utf-8'))
    if not rows:
        sys.exit(f'no statistics rows in {index}')
    print('| request | count | failed | req/s | p50 ms | p95 ms | p99 ms | max ms |')
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for name, total, ok, ko, ko_pct, per_sec, mn, p50, p75, p95, p99, mx, mean, std in rows:
        name = html.unescape(name)
        seconds = next((s for prefix, s in phases if name.startswith(prefix)), None)
        rate = f'{int(total) / seconds:,.0f}' if seconds else per_sec
        print(f'| {name} | {int(total):,} | {ko} | {rate} | {p50} | {p95} | {p99} | {mx} |')


if __name__ == '__main__':
    main()
