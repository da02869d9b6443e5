#!/usr/bin/env python3
"""proofs/mutants/run.py - `make mutants`: plant each mutant of proofs/mutants/*.mutant in a copy
of the tree and run every layer of checks on it separately.

Usage: proofs/mutants/run.py [--mutants a,b] [--layers wp,unit,...] [--jobs N] [--list]
       (make mutants MUTANTS=a,b LAYERS=wp,unit MUTANT_JOBS=N)

A mutant file (proofs/mutants/NAME.mutant) is a few header lines and one exact text replacement:

    bug: the bug, in one line
    rule: the RFC rule it breaks, quoted
    area: classifier | segments | accounting | timers | table
    file: src/tcpfsm.c
    equivalent: why the mutant cannot change behaviour   (only for an equivalent mutant)
    wp-functions: f,g      (optional: the functions to prove; default: the ones the text is in)
    @@ original
    ...the exact text of FILE, one or more whole or partial lines...
    @@ replacement
    ...what replaces it...
    @@ end

The original text must occur in FILE exactly once, or the run fails loudly (the mutant no longer
applies: update it); a mutated tree that does not compile fails the run too. Neither is ever
counted as killed.

Layers (each run on the copy build/mutants/NAME/, never on src/ itself):
  wp         Frama-C WP with the settings of `make proofs` (proofs/wp-options.sh, its two passes;
             no prover cache, proofs/ASSUMPTIONS.md 7) on the functions the
             replaced text is in;
             killed when any goal or smoke test of them is not proved / fails. WP is modular: a
             caller is proved against the contract of the callee, never its body, so the mutated
             function's own proof is the only one a body change can alter. Text outside every
             function (a macro) selects every function of the file; the table's initialiser
             (src/tcpfsm_table.c) selects tcpfsm_table_lookup, whose proof (the table pass) is
             the only one that knows it; a header selects every function.
  unit       the cmocka unit tests (tests/unit/test_*.c) against the mutated src/
  scenarios  build/tcpfsm-drill over every tests/scenarios/**/*.pkt
  replay     tests/replay/run.sh REPLAY_TRACES (default 3000) distinct model traces
  fuzz       the core's fuzz harness (tests/fuzz/fuzz_core.c, built as tests/fuzz/run.sh does),
             FUZZ_SMOKE_RUNS (default 5000) runs from its seed corpus, fixed seed
MUTANT_TREES (default build/mutants) is where the trees go. Each layer first runs on an unmutated
copy (build/mutants/original): a layer that fails there
fails the run, since it would "kill" every mutant. A layer that has not finished after
max(LAYER_HANG_SECONDS (default 600), 10 x its time on the original) is stopped ("hang"). For the
test layers a hang counts as a kill (a run that does not end is an observable failure); for the wp
layer it does NOT: a proof that is slow on a loaded machine is no evidence that a goal is false,
so a WP hang is reported as "hang" and counted as survived, with a note. The seconds are otherwise
printed figures, never a pass/fail criterion.

Output: a kill matrix (mutant x layer: K killed, H hang (a kill, except for wp), . survived), one closing line
per layer, the list of equivalent mutants with their reasons, and an overall line;
build/mutants/summary.tsv (mutant layer result seconds); build/mutants/equivalent.tsv;
build/mutants/progress.tsv (written as each mutant ends, with a note per layer: what failed).
Exit status: 0 when the suite ran (whatever it killed); 1 when a mutant does not apply or does not
compile, or a layer fails on the original; 2 on a usage error.
"""
import concurrent.futures
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
MUTDIR = os.path.join(ROOT, 'proofs', 'mutants')
OUT = os.path.join(ROOT, 'build', 'mutants')
# where the mutated trees go (MUTANT_TREES: so that two runs with different LAYERS can run at once)
TREES = os.path.abspath(os.environ.get('MUTANT_TREES', OUT))
LAYERS = ['wp', 'unit', 'scenarios', 'replay', 'fuzz']
AREAS = ['classifier', 'segments', 'accounting', 'timers', 'table']
WARN = ['-std=c99', '-Wall', '-Wextra', '-Wpedantic', '-Werror']
CC = os.environ.get('CC', 'cc')


class MutantError(Exception):
    pass


def die(msg, code=2):
    print('mutants: ' + msg, file=sys.stderr)
    sys.exit(code)


# ------------------------------------------------------------------ mutant files
def parse_mutant(path):
    name = os.path.basename(path)[:-len('.mutant')]
    m = {'name': name, 'path': os.path.relpath(path, ROOT)}
    lines = open(path).read().split('\n')
    i = 0
    while i < len(lines) and lines[i] != '@@ original':
        line = lines[i]
        if line.strip() and not line.startswith('#'):
            k, sep, v = line.partition(':')
            if not sep:
                raise MutantError('%s:%d: expected "key: value" or "@@ original"' % (m['path'], i + 1))
            m[k.strip()] = v.strip()
        i += 1
    for key in ('bug', 'rule', 'area', 'file'):
        if not m.get(key):
            raise MutantError('%s: expected a "%s:" line' % (m['path'], key))
    if m['area'] not in AREAS:
        raise MutantError('%s: area "%s": expected one of %s' % (m['path'], m['area'], ', '.join(AREAS)))
    try:
        a = lines.index('@@ original')
        b = lines.index('@@ replacement', a)
        c = lines.index('@@ end', b)
    except ValueError:
        raise MutantError('%s: expected the lines "@@ original", "@@ replacement", "@@ end" in this order' % m['path'])
    m['original'] = '\n'.join(lines[a + 1:b])
    m['replacement'] = '\n'.join(lines[b + 1:c])
    if not m['original']:
        raise MutantError('%s: the original text is empty' % m['path'])
    if m['original'] == m['replacement']:
        raise MutantError('%s: the replacement equals the original text' % m['path'])
    return m


def functions_of(text):
    """[(name, first line, last line)] of the function definitions of a C file in the style of
    src/ (signature at column 0, braces of the body at column 0), 1-based lines; the same rule as
    proofs/functions.awk."""
    out, name, start, body = [], None, 0, None
    for n, line in enumerate(text.split('\n'), 1):
        mt = re.match(r'[a-z_].*?([a-z_0-9]+)\(', line)
        if mt:
            name, start = mt.group(1), n
        if re.match(r'[a-z_].*;[ \t]*$', line):
            name = None
        if line.startswith('{') and name:
            body = name
        if line.startswith('}') and body:
            out.append((body, start, n))
            body = name = None
    return out


def apply_mutant(m, tree):
    """Write the mutated FILE into `tree`; returns the WP functions the text is in."""
    rel = m['file']
    src = open(os.path.join(ROOT, rel)).read()
    count = src.count(m['original'])
    if count != 1:
        raise MutantError('%s: its original text occurs %d times in %s, expected exactly once '
                          '(the source changed: update the mutant)' % (m['path'], count, rel))
    pos = src.index(m['original'])
    mutated = src.replace(m['original'], m['replacement'], 1)
    dst = os.path.join(tree, rel)
    os.unlink(dst)                      # the tree's src/ files are copies, but be explicit
    with open(dst, 'w') as f:
        f.write(mutated)
    if m.get('wp-functions'):
        return [f.strip() for f in m['wp-functions'].split(',') if f.strip()]
    first = src.count('\n', 0, pos) + 1
    last = first + m['original'].count('\n')
    fns = functions_of(src)
    inside = [f for f, a, b in fns if a <= first and last <= b]
    if inside:
        return inside
    if rel == 'src/tcpfsm_table.c':
        return ['tcpfsm_table_lookup']    # the table's initialiser: known to the table pass only
    if rel.endswith('.c') and fns:
        return [f for f, a, b in fns]     # a macro or a global of the file: all of its functions
    return ['*']                          # a header: everything


# ------------------------------------------------------------------ trees
def make_tree(name):
    tree = os.path.join(TREES, name)
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    os.makedirs(tree)
    shutil.copytree(os.path.join(ROOT, 'src'), os.path.join(tree, 'src'))
    # read-only inputs are shared with the checkout
    for d in ('tests', 'tools', 'model', 'proofs', 'gen'):
        os.symlink(os.path.join(ROOT, d), os.path.join(tree, d))
    # the model's verifier for replay is built once, in the original's tree (replay rebuilds it
    # only when model/ is newer)
    pan = os.path.join(TREES, 'original', 'build', 'replay', 'model')
    if name != 'original' and os.path.isdir(pan):
        shutil.copytree(pan, os.path.join(tree, 'build', 'replay', 'model'), copy_function=shutil.copy2)
    return tree


RUNNING = set()


def stop(signum, frame):
    """On SIGINT/SIGTERM: stop the process groups this run started, then exit."""
    for p in list(RUNNING):
        try:
            os.killpg(p.pid, 9)
        except OSError:
            pass
    os._exit(128 + signum)   # the worker threads must not start anything more


def sh(cmd, cwd, log, env=None, limit=None):
    """Run cmd (a list), output to log; returns (exit status or 'hang', seconds)."""
    t = time.time()
    # PWD must name the tree: Frama-C resolves relative file names against $PWD, not the
    # process's working directory, so with the PWD of the checkout it reads the UNMUTATED
    # src/*.c and the wp layer proves the original instead of the mutant.
    env = dict(env if env is not None else os.environ, PWD=os.path.abspath(cwd))
    with open(log, 'w') as f:
        p = subprocess.Popen(cmd, cwd=cwd, stdout=f, stderr=subprocess.STDOUT, env=env,
                             start_new_session=True)
        RUNNING.add(p)
        try:
            rc = p.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, 9)
            p.wait()
            rc = 'hang'
        finally:
            RUNNING.discard(p)
    return rc, time.time() - t


def compile_check(tree):
    log = os.path.join(tree, 'compile.log')
    objs = os.path.join(tree, 'build', 'obj')
    os.makedirs(objs, exist_ok=True)
    # every compiler the project builds src/ with (tools/run-tests.sh, portability): clang warns
    # about things gcc does not (a variable set but no longer used)
    for cc in (os.environ.get('CLANG', 'clang-14'), CC):
        for c in sorted(glob.glob(os.path.join(tree, 'src', '*.c'))):
            rc, _ = sh([cc] + WARN + ['-O0', '-Isrc', '-c', os.path.relpath(c, tree), '-o',
                       os.path.join(objs, os.path.basename(c)[:-2] + '.o')], tree, log)
            if rc != 0:
                return open(log).read()
    return None


# ------------------------------------------------------------------ layers
def wp_env():
    """WP, the passes and the cache options of make proofs, from proofs/wp-options.sh."""
    script = ('. proofs/wp-options.sh && proof_cache_setup && '
              'printf "%s\\n" "$WP" "$TABLE_FUNC" "$TABLE_PASS" "$RUNTIME_PASS" "$CACHE_OPTS" '
              '"$WHY3CONFIG" "$PROOF_CACHE_STATE"')
    r = subprocess.run(['sh', '-c', script], cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        die('proofs/wp-options.sh failed:\n' + r.stderr, 1)
    v = r.stdout.split('\n')
    return {'WP': v[0].split(), 'TABLE_FUNC': v[1], 'TABLE_PASS': v[2].split(),
            'RUNTIME_PASS': v[3].split(), 'CACHE': v[4].split(), 'WHY3CONFIG': v[5], 'STATE': v[6]}


def layer_wp(tree, fns, ctx, limit):
    w = ctx['wp']
    env = dict(os.environ, WHY3CONFIG=w['WHY3CONFIG'])
    runs = []
    table = [f for f in fns if f == w['TABLE_FUNC']]
    other = [f for f in fns if f not in (w['TABLE_FUNC'], '*')]
    if '*' in fns:
        table, other = [w['TABLE_FUNC']], None
    if table:
        runs.append(('table', w['TABLE_PASS'] + ['-wp-fct', w['TABLE_FUNC']]))
    if other is None:
        runs.append(('runtime', w['RUNTIME_PASS'] + ['-wp-skip-fct', w['TABLE_FUNC']]))
    elif other:
        runs.append(('runtime', w['RUNTIME_PASS'] + ['-wp-fct', ','.join(other)]))
    killed, secs, notes = False, 0.0, []
    for pas, args in runs:
        expanded = []
        for a in args:
            expanded += sorted(os.path.relpath(p, tree) for p in glob.glob(os.path.join(tree, a))) if '*' in a else [a]
        log = os.path.join(tree, 'wp-%s.log' % pas)
        rc, s = sh(['frama-c', '-cpp-extra-args=-Isrc'] + expanded + w['WP'] + w['CACHE'], tree, log, env, limit)
        secs += s
        if rc == 'hang':
            return 'hang', secs, 'WP did not finish in %s s: counted as survived (a slow proof is not a failed goal)' % limit
        text = open(log, errors='replace').read()
        mt = re.search(r'^\[wp\] Proved goals: *(\d+) / *(\d+)', text, re.M)
        if not mt:
            raise MutantError('%s: Frama-C did not complete (exit %s), see %s' % (tree, rc, log))
        bad = (re.findall(r'^\[wp\] \[(?:Failed|Unknown|Timeout)\] Goal (\S+)', text, re.M)
               + re.findall(r'^\[wp\] \[(?:Failed|Valid)\] Smoke-test (\S+)', text, re.M))
        if mt.group(1) != mt.group(2) or bad:
            killed = True
            notes.append('%s: %s/%s %s' % (pas, mt.group(1), mt.group(2), ' '.join(sorted(set(bad))[:3])))
    return ('killed' if killed else 'survived'), secs, '; '.join(notes)


def build_unit(tree, log):
    objs = os.path.join(tree, 'build', 'obj')
    bins = []
    os.makedirs(os.path.join(tree, 'build', 'unit'), exist_ok=True)
    fix = os.path.join(tree, 'build', 'unit', 'fixtures.o')
    rc, _ = sh([CC] + WARN + ['-O0', '-g', '-Isrc', '-Itests/unit', '-c', 'tests/unit/fixtures.c', '-o', fix], tree, log)
    if rc != 0:
        raise MutantError('%s: tests/unit/fixtures.c does not build, see %s' % (tree, log))
    for t in sorted(glob.glob(os.path.join(ROOT, 'tests', 'unit', 'test_*.c'))):
        b = os.path.join(tree, 'build', 'unit', os.path.basename(t)[:-2])
        rc, _ = sh([CC] + WARN + ['-O0', '-g', '-Isrc', '-Itests/unit', '-o', b, os.path.relpath(t, ROOT), fix]
                   + sorted(glob.glob(os.path.join(objs, '*.o'))) + ['-lcmocka'], tree, log + '.' + os.path.basename(b))
        if rc != 0:
            raise MutantError('%s: %s does not build against the mutated src/, see %s' % (tree, t, log))
        bins.append(b)
    return bins


def layer_unit(tree, fns, ctx, limit):
    log = os.path.join(tree, 'unit.log')
    t = time.time()
    bins = build_unit(tree, log)
    failed = []
    env = dict(os.environ)
    env.pop('TCPFSM_ROWS_FILE', None)
    for b in bins:
        rc, _ = sh([b], tree, log + '.run.' + os.path.basename(b), env,
                   None if limit is None else max(1, limit - (time.time() - t)))
        if rc == 'hang':
            return 'hang', time.time() - t, os.path.basename(b)
        if rc != 0:
            failed.append(os.path.basename(b))
    return ('killed' if failed else 'survived'), time.time() - t, ' '.join(failed)


def layer_scenarios(tree, fns, ctx, limit):
    log = os.path.join(tree, 'scenarios.log')
    t = time.time()
    drill = os.path.join(tree, 'build', 'tcpfsm-drill')
    rc, _ = sh([CC] + WARN + ['-O2', '-Isrc', '-Itools/drill', '-o', drill]
               + sorted(glob.glob('tools/drill/*.c', root_dir=ROOT)) + sorted(glob.glob('src/*.c', root_dir=tree)),
               tree, log + '.build')
    if rc != 0:
        raise MutantError('%s: tcpfsm-drill does not build, see %s.build' % (tree, log))
    pkts = sorted(glob.glob('tests/scenarios/**/*.pkt', root_dir=ROOT, recursive=True))
    rc, _ = sh([drill] + pkts, tree, log, None, limit)
    if rc == 'hang':
        return 'hang', time.time() - t, ''
    fails = [l.split()[1] for l in open(log, errors='replace') if l.startswith('FAIL ')]
    return ('killed' if rc != 0 else 'survived'), time.time() - t, '%d FAIL' % len(fails) if fails else ''


def layer_replay(tree, fns, ctx, limit):
    log = os.path.join(tree, 'replay.log')
    rc, s = sh(['tests/replay/run.sh', str(ctx['replay_traces'])], tree, log, None, limit)
    if rc == 'hang':
        return 'hang', s, ''
    last = [l for l in open(log, errors='replace') if l.startswith('replay: ') and 'passed' in l]
    return ('killed' if rc != 0 else 'survived'), s, last[-1].strip() if last and rc != 0 else ''


def layer_fuzz(tree, fns, ctx, limit):
    """The core's fuzz harness (tests/fuzz/fuzz_core.c, as tests/fuzz/run.sh builds it) on the
    mutated src/, FUZZ_SMOKE_RUNS runs from its seed corpus with a fixed seed. The drill harness
    is left out: it fuzzes the script parser, which no mutant touches."""
    log = os.path.join(tree, 'fuzz.log')
    t = time.time()
    out = os.path.join(tree, 'build', 'fuzz')
    os.makedirs(os.path.join(out, 'corpus'), exist_ok=True)
    os.makedirs(os.path.join(out, 'findings'), exist_ok=True)
    clang = os.environ.get('CLANG', 'clang-14')
    rc, _ = sh([clang] + WARN + ['-g', '-O1', '-fsanitize=fuzzer,address,undefined',
               '-fno-sanitize-recover=undefined', '-Isrc', '-o', os.path.join(out, 'fuzz_core'),
               'tests/fuzz/fuzz_core.c'] + sorted(glob.glob('src/*.c', root_dir=tree)), tree, log + '.build')
    if rc != 0:
        raise MutantError('%s: the fuzz harness does not build, see %s.build' % (tree, log))
    rc, _ = sh([os.path.join(out, 'fuzz_core'), '-artifact_prefix=' + os.path.join(out, 'findings') + '/',
                '-max_len=4096', '-timeout=120', '-rss_limit_mb=2048', '-seed=1',
                '-runs=%d' % ctx['fuzz_runs'], os.path.join(out, 'corpus'), 'tests/fuzz/corpus/core'],
               tree, log, None, None if limit is None else max(1, limit - (time.time() - t)))
    if rc == 'hang':
        return 'hang', time.time() - t, ''
    text = open(log, errors='replace').read()
    why = re.findall(r'fuzz_core: [^\n]*', text)[:1]
    return ('killed' if rc != 0 else 'survived'), time.time() - t, why[0][:80] if why else ''


LAYER_FN = {'wp': layer_wp, 'unit': layer_unit, 'scenarios': layer_scenarios,
            'replay': layer_replay, 'fuzz': layer_fuzz}


# ------------------------------------------------------------------ one mutant
def run_mutant(m, layers, ctx, base_secs):
    tree = make_tree(m['name'])
    fns = apply_mutant(m, tree) if m['name'] != 'original' else m['fns']
    err = compile_check(tree)
    if err:
        raise MutantError('%s: the mutated tree does not compile:\n%s' % (m['path'], err[-2000:]))
    res = {}
    for layer in layers:
        limit = None
        if base_secs is not None:
            limit = max(ctx['hang'], 10 * base_secs.get(layer, 0))
        r, s, note = LAYER_FN[layer](tree, fns, ctx, limit)
        res[layer] = (r, s, note)
    return m, fns, res


def main():
    import argparse
    ap = argparse.ArgumentParser(description='make mutants (see the header of this file)')
    ap.add_argument('--mutants', default=os.environ.get('MUTANTS', ''))
    ap.add_argument('--layers', default=os.environ.get('LAYERS', ''))
    ap.add_argument('--jobs', type=int, default=int(os.environ.get('MUTANT_JOBS', '1') or 1))
    ap.add_argument('--list', action='store_true', help='list the mutants and exit')
    ap.add_argument('--no-baseline', action='store_true',
                    default=os.environ.get('MUTANT_BASELINE', 'yes') == 'no',
                    help='do not run the layers on the unmutated tree first (MUTANT_BASELINE=no); '
                         'say so in the output: a layer that fails there kills every mutant')
    ap.add_argument('--merge', action='append', default=[], metavar='PROGRESS_TSV',
                    help='run nothing: add the rows of a progress.tsv (of a run that was stopped) '
                         'to build/mutants/summary.tsv and print the matrix')
    a = ap.parse_args()
    os.chdir(ROOT)
    import signal
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    try:
        mutants = [parse_mutant(p) for p in sorted(glob.glob(os.path.join(MUTDIR, '*.mutant')))]
    except MutantError as e:
        die(str(e))
    if not mutants:
        die('no proofs/mutants/*.mutant')
    byname = {m['name']: m for m in mutants}
    if a.mutants:
        want = [n.strip() for n in a.mutants.split(',') if n.strip()]
        unknown = [n for n in want if n not in byname]
        if unknown:
            die('MUTANTS: unknown mutant(s) %s (see proofs/mutants/*.mutant)' % ', '.join(unknown))
        mutants = [byname[n] for n in want]
    layers = LAYERS
    if a.layers:
        layers = [l.strip() for l in a.layers.split(',') if l.strip()]
        bad = [l for l in layers if l not in LAYERS]
        if bad:
            die('LAYERS: unknown layer(s) %s (expected some of %s)' % (', '.join(bad), ','.join(LAYERS)))
    if a.list:
        for m in mutants:
            print('%-36s %-11s %s%s' % (m['name'], m['area'], m['bug'], ' [equivalent]' if m.get('equivalent') else ''))
        return 0
    if a.jobs < 1:
        die('MUTANT_JOBS: expected a positive number')
    if a.merge:
        return report([], [], {}, [], time.time(), a.merge)

    ctx = {'replay_traces': int(os.environ.get('REPLAY_TRACES', '3000')),
           'fuzz_runs': int(os.environ.get('FUZZ_SMOKE_RUNS', '5000')),
           'hang': int(os.environ.get('LAYER_HANG_SECONDS', '600'))}
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(TREES, exist_ok=True)
    if 'wp' in layers:
        ctx['wp'] = wp_env()
    t0 = time.time()

    # Every mutant's original text must apply before anything runs.
    problems = []
    for m in mutants:
        src = open(os.path.join(ROOT, m['file'])).read()
        n = src.count(m['original'])
        if n != 1:
            problems.append('%s: its original text occurs %d times in %s, expected exactly once '
                            '(the source changed: update the mutant)' % (m['path'], n, m['file']))
    if problems:
        for p in problems:
            print('mutants: ' + p, file=sys.stderr)
        print('mutants: FAILED: %d mutant(s) do not apply' % len(problems), file=sys.stderr)
        return 1

    # The WP functions of every mutant (computed on a scratch copy), then the original.
    allfns = set()
    for m in mutants:
        scratch = os.path.join(TREES, '.scratch')
        shutil.rmtree(scratch, ignore_errors=True)
        os.makedirs(os.path.join(scratch, os.path.dirname(m['file'])))
        shutil.copy(os.path.join(ROOT, m['file']), os.path.join(scratch, m['file']))
        m['fns'] = apply_mutant(m, scratch)
        allfns.update(m['fns'])
    shutil.rmtree(os.path.join(TREES, '.scratch'), ignore_errors=True)
    print('mutants: %d mutant(s), layers %s, %d job(s)%s' % (
        len(mutants), ','.join(layers), a.jobs,
        (', proof cache ' + ctx['wp']['STATE']) if 'wp' in ctx else ''))
    orig = {'name': 'original', 'path': '(unmutated)', 'fns': sorted(allfns)}
    if a.no_baseline:
        print('mutants: WARNING: MUTANT_BASELINE=no: the layers were not run on the unmutated tree; '
              'a layer that fails there would kill every mutant (check it passes: make proofs, make test)')
        base = {l: ('survived', 0.0, '') for l in layers}
    else:
        print('mutants: the layers on the unmutated tree (%s) ...' % os.path.relpath(os.path.join(TREES, 'original'), ROOT), flush=True)
        try:
            _, _, base = run_mutant(orig, layers, ctx, None)
        except MutantError as e:
            die(str(e), 1)
    base_secs = {l: base[l][1] for l in layers}
    bad = [l for l in layers if base[l][0] != 'survived']
    for l in layers:
        if not a.no_baseline:
            print('  original %-9s %-8s %6.0f s %s' % (l, 'pass' if base[l][0] == 'survived' else 'FAIL', base[l][1], base[l][2]))
    if bad:
        print('mutants: FAILED: layer(s) %s fail on the unmutated tree; they would kill every mutant. '
              'See %s/original/*.log' % (', '.join(bad), os.path.relpath(TREES, ROOT)), file=sys.stderr)
        return 1

    results, errors = {}, []
    progress = open(os.path.join(TREES, 'progress.tsv'), 'w')
    progress.write('mutant\tlayer\tresult\tseconds\tnote\n')
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        futs = {ex.submit(run_mutant, m, layers, ctx, base_secs): m for m in mutants}
        for fut in concurrent.futures.as_completed(futs):
            m = futs[fut]
            try:
                _, fns, res = fut.result()
            except MutantError as e:
                errors.append(str(e))
                print('mutants: ERROR %s' % e, file=sys.stderr, flush=True)
                continue
            results[m['name']] = res
            for l in layers:
                progress.write('%s\t%s\t%s\t%.1f\t%s\n' % (m['name'], l, res[l][0], res[l][1], res[l][2]))
            progress.flush()
            print('  %-36s %s   (wp: %s)' % (m['name'], '  '.join(
                '%s %s %.0fs' % (l, res[l][0], res[l][1]) for l in layers), ','.join(fns)), flush=True)

    if 'wp' in ctx:
        subprocess.run(['sh', '-c', '. proofs/wp-options.sh && proof_cache_setup && proof_cache_prune'], cwd=ROOT)

    return report(mutants, layers, results, errors, t0, [])


def is_kill(layer, result):
    """A hang kills for a test layer, never for wp (a slow proof is not a failed goal)."""
    return result == 'killed' or (result == 'hang' and layer != 'wp')


def report(mutants, layers, results, errors, t0, merge):
    # ---------------------------------------------------------------- report
    # summary.tsv keeps the rows of earlier runs for the (mutant, layer) pairs this run did not
    # run (so that LAYERS/MUTANTS subsets add up to one matrix); the rows of this run replace
    # theirs, and rows of mutants no longer in the suite are dropped.
    suite = [parse_mutant(p) for p in sorted(glob.glob(os.path.join(MUTDIR, '*.mutant')))]
    table, kept = {}, 0
    path = os.path.join(OUT, 'summary.tsv')
    if os.path.exists(path):
        for line in open(path).read().split('\n')[1:]:
            f = line.split('\t')
            if len(f) == 4 and f[0] in {m['name'] for m in suite} and f[1] in LAYERS:
                table[(f[0], f[1])] = (f[2], float(f[3]))
                kept += 1
    for fname in merge:
        for line in open(fname).read().split('\n')[1:]:
            f = line.split('\t')
            if len(f) >= 4 and f[1] in LAYERS:
                table[(f[0], f[1])] = (f[2], float(f[3]))
    for m in mutants:
        for l in layers:
            res = results.get(m['name'])
            if (m['name'], l) in table:
                kept -= 1
            table[(m['name'], l)] = (res[l][0], res[l][1]) if res else ('error', 0.0)
    shown = [m for m in suite if any((m['name'], l) in table for l in LAYERS)]
    cols = [l for l in LAYERS if any((m['name'], l) in table for m in shown)]
    with open(path, 'w') as tsv:
        tsv.write('mutant\tlayer\tresult\tseconds\n')
        for m in shown:
            for l in cols:
                if (m['name'], l) in table:
                    tsv.write('%s\t%s\t%s\t%.1f\n' % ((m['name'], l) + table[(m['name'], l)]))
    mark = {'killed': 'K', 'hang': 'H', 'survived': '.', 'error': 'E'}
    width = max(len(m['name']) for m in shown)
    print()
    print('kill matrix (K killed, H did not finish: killed for a test layer, survived for wp, . survived, E error, '
          '- not run; seconds per layer)')
    if kept:
        print('(%d cells come from earlier runs kept in build/mutants/summary.tsv)' % kept)
    print('%-*s %-10s %s  %s' % (width, 'mutant', 'area', ' '.join('%-9s' % l for l in cols), 'seconds'))
    for m in shown:
        cells = ' '.join('%-9s' % (mark[table[(m['name'], l)][0]] if (m['name'], l) in table else '-') for l in cols)
        secs = ' '.join('%4.0f' % table[(m['name'], l)][1] if (m['name'], l) in table else '   -' for l in cols)
        print('%-*s %-10s %s  %s%s' % (width, m['name'], m['area'], cells, secs,
                                       '  (equivalent)' if m.get('equivalent') else ''))
    counted = [m for m in shown if not m.get('equivalent')]
    equivalent = [m for m in shown if m.get('equivalent')]
    print()
    for l in cols:
        ran = [m for m in counted if (m['name'], l) in table and table[(m['name'], l)][0] != 'error']
        k = sum(1 for m in ran if is_kill(l, table[(m['name'], l)][0]))
        hangs = sum(1 for m in ran if table[(m['name'], l)][0] == 'hang')
        secs = sum(table[(m['name'], l)][1] for m in ran)
        note = ''
        if l == 'wp' and hangs:
            note = '; %d of the survivors are hangs: WP did not finish, not counted as kills' % hangs
        print('%s: %d killed, %d survived (%.0f%% of %d mutants; %.0f s in all%s)' % (
            l, k, len(ran) - k, 100.0 * k / len(ran) if ran else 0.0, len(ran), secs, note))
    with open(os.path.join(OUT, 'equivalent.tsv'), 'w') as f:
        f.write('mutant\treason\n')
        for m in equivalent:
            f.write('%s\t%s\n' % (m['name'], m['equivalent']))
    if equivalent:
        print('equivalent mutants (not counted; proofs/mutants/NAME.mutant says why):')
        for m in equivalent:
            print('  %s: %s' % (m['name'], m['equivalent']))
    killed_any = [m for m in counted if any(is_kill(l, table.get((m['name'], l), ('',))[0]) for l in cols)]
    survivors = [m['name'] for m in counted if m not in killed_any
                 and any(table.get((m['name'], l), ('error',))[0] in ('survived', 'hang') for l in cols)]
    print('mutants: %d killed by some layer, %d survived every layer, %d equivalent, %d error(s) '
          '(%d mutants, layers %s; this run %.0f s wall clock, a figure)' % (
              len(killed_any), len(survivors), len(equivalent), len(errors), len(shown),
              ','.join(cols), time.time() - t0))
    if survivors:
        print('survivors of every layer run: ' + ' '.join(survivors))
    print('mutants: build/mutants/summary.tsv, build/mutants/equivalent.tsv, logs in build/mutants/NAME/')
    if errors:
        print('mutants: FAILED: %d mutant(s) could not be run (see the ERROR lines)' % len(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
