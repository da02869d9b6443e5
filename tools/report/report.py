#!/usr/bin/env python3
"""tools/report/report.py - writes the audit report (issue 16) from the build's own outputs.

Usage: report.py [--root DIR] [--build DIR] [--data DIR] [--out DIR]
  --root   the source tree (default .): model/tcp.fsm, model/check.sh, model/tcp.pml, src/, proofs/, docs/
  --build  the build directory (default ROOT/build): model/, proofs/, mutants/, conformance/, interop/
  --data   what tools/report/collect.sh wrote (default BUILD/report-data): unit-rows.txt,
           scenario-rows.tsv, scenario-results.tsv
  --out    the report directory (default BUILD/report): index.html, report.md, msc/*.svg, tcpfsm.svg

The report is written to OUT.tmp and moved to OUT only when complete (no partial output). A
malformed input is an error "file:line: expected ..." with exit status 1; a missing input is
shown in the report as "not run: run make X", and listed on stderr.
"""
import argparse
import os
import shutil
import sys

sys.dont_write_bytecode = True          # nothing written next to the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gather  # noqa: E402
import render_html  # noqa: E402
import inputs  # noqa: E402
import render_md  # noqa: E402


def main(argv):
    ap = argparse.ArgumentParser(description='write the tcpfsm audit report')
    ap.add_argument('--root', default='.')
    ap.add_argument('--build')
    ap.add_argument('--data')
    ap.add_argument('--out')
    a = ap.parse_args(argv)
    build = a.build or os.path.join(a.root, 'build')
    data = a.data or os.path.join(build, 'report-data')
    out = a.out or os.path.join(build, 'report')
    table = os.path.join(a.root, 'model', 'tcp.fsm')
    if not os.path.isfile(table):
        print('report: %s: no such file (run from the repository root, or give --root)' % table, file=sys.stderr)
        return 2
    try:
        r = gather.gather(a.root, build, data)
    except inputs.InputError as e:
        print('report: %s' % e, file=sys.stderr)
        return 1
    except OSError as e:
        print('report: %s: %s' % (e.filename, e.strerror), file=sys.stderr)
        return 1
    # paths as the reader sees them, relative to the root (no absolute path of this machine)
    r['build_rel'] = os.path.relpath(build, a.root)
    r['data_rel'] = os.path.relpath(data, a.root)
    tmp = out.rstrip('/') + '.tmp'
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.join(tmp, 'msc'))
    with open(os.path.join(tmp, 'index.html'), 'w', encoding='utf-8') as f:
        f.write(render_html.render(r))
    with open(os.path.join(tmp, 'report.md'), 'w', encoding='utf-8') as f:
        f.write(render_md.render(r))
    for name, c in r['charts'].items():
        with open(os.path.join(tmp, 'msc', name + '.svg'), 'w', encoding='utf-8') as f:
            f.write(c['svg'])
    if r['diagram'] is not None:
        shutil.copyfile(os.path.join(a.root, 'docs', 'tcpfsm.svg'), os.path.join(tmp, 'tcpfsm.svg'))
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)
    missing = [gather.TARGETS[k] for k in ('model', 'proofs', 'mutants', 'conformance', 'interop')
               if r[k] is None]
    gaps = sum(1 for line in r['matrix'] if gather.gaps(r, line))
    print('report: %s/index.html and report.md: %d rows (%d with an empty column), %d charts'
          % (out, len(r['matrix']), gaps, len(r['charts'])))
    if missing:
        print('report: not run, shown as such in the report: %s' % ', '.join(sorted(set(missing))),
              file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
