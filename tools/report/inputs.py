"""Readers of the build's outputs for the audit report (tools/report/report.py).

Every reader takes paths relative to a source root (the repository, or a fixture tree) and a build
directory. A missing input is None (the report then says "not run: run make X"); a present but
malformed input raises InputError with "file:line: expected ...".
"""
import json
import os
import re


class InputError(Exception):
    """A malformed input: str() is 'file:line: expected ...'."""


def _err(path, lineno, what):
    return InputError('%s:%d: expected %s' % (path, lineno, what))


def _lines(path):
    with open(path, encoding='utf-8') as f:
        return f.read().split('\n')


# ------------------------------------------------------------------ the table (model/tcp.fsm)
class Row:
    def __init__(self, rid, frm, event, guard, to, actions, rfc, lineno):
        self.id, self.frm, self.event, self.guard, self.to = rid, frm, event, guard, to
        self.actions, self.rfc, self.lineno = actions, rfc, lineno

    @property
    def num(self):
        return int(self.id[1:])


def read_table(path):
    """Returns (states, events, rows): states [(name, description)], events {name: kind}."""
    states, events, rows, seen = [], {}, [], set()
    for n, line in enumerate(_lines(path), 1):
        text = _strip_comment(line).strip()
        if not text:
            continue
        word = text.split()[0]
        if word == 'state':
            m = re.match(r'state\s+([A-Z_0-9]+)\s+"([^"]*)"\s*$', text)
            if not m:
                raise _err(path, n, 'state NAME "description"')
            states.append((m.group(1), m.group(2)))
        elif word == 'event':
            m = re.match(r'event\s+([A-Z_0-9]+)\s+(user|segment|timer)\s+"([^"]*)"\s*$', text)
            if not m:
                raise _err(path, n, 'event NAME user|segment|timer "description"')
            events[m.group(1)] = m.group(2)
        elif word == 'row':
            f = text.split()
            if len(f) != 8 or not re.match(r'T[0-9]+$', f[1]) or not re.match(r'RFC[0-9]+:[0-9.]+$', f[7]):
                raise _err(path, n, 'row ID FROM EVENT GUARD TO ACTIONS RFCnnnn:section')
            if f[1] in seen:
                raise _err(path, n, 'a row id not used before (%s is a duplicate)' % f[1])
            seen.add(f[1])
            rows.append(Row(f[1], f[2], f[3], f[4], f[5], f[6], f[7], n))
        elif word in ('guard', 'action'):
            continue
        else:
            raise _err(path, n, 'state, event, guard, action or row')
    if not rows:
        raise _err(path, 1, 'at least one row')
    return states, events, rows


def rfc_link(clause):
    """RFC9293:3.10.7.4 -> the rfc-editor.org URL of that section."""
    num, section = clause[3:].split(':', 1)
    return 'https://www.rfc-editor.org/rfc/rfc%s.html#section-%s' % (num, section)


# ------------------------------------------------------------------ tab-separated summaries
def read_tsv(path, header):
    """Rows of a TSV file whose first line is exactly `header` (a list); None if absent."""
    if not os.path.isfile(path):
        return None
    lines = _lines(path)
    if lines[0].split('\t') != header:
        raise _err(path, 1, 'the header "%s"' % '\\t'.join(header))
    out = []
    for n, line in enumerate(lines[1:], 2):
        if line == '':
            continue
        f = line.split('\t')
        if len(f) != len(header):
            raise _err(path, n, '%d tab-separated fields (%s), got %d' % (len(header), ' '.join(header), len(f)))
        out.append(dict(zip(header, f), _line=n))
    return out


def _number(path, rec, key, kind=float):
    try:
        return kind(rec[key])
    except ValueError:
        raise _err(path, rec['_line'], 'a number in column %s, got "%s"' % (key, rec[key]))


MODEL_HEADER = ['check', 'expect', 'result', 'states', 'transitions', 'memory_mb', 'seconds']


def read_model_summary(build):
    path = os.path.join(build, 'model', 'summary.tsv')
    recs = read_tsv(path, MODEL_HEADER)
    if recs is None:
        return None
    for r in recs:
        r['states'] = _number(path, r, 'states', int)
        r['seconds'] = _number(path, r, 'seconds')
        msg = os.path.join(build, 'model', r['check'] + '.msg')
        r['msg'] = open(msg, encoding='utf-8').read().strip() if os.path.isfile(msg) else ''
    return recs


def read_model_runs(root):
    """The runs of model/check.sh: {name: dict(expect, table, target, kind, flags, what)}."""
    path = os.path.join(root, 'model', 'check.sh')
    if not os.path.isfile(path):
        return {}
    vars_, runs = {}, {}
    for n, line in enumerate(_lines(path), 1):
        m = re.match(r'([A-Z0-9_]+)="([^"$]*)"\s*$', line)
        if m:
            vars_[m.group(1)] = m.group(2)
        if not line.startswith('add '):
            continue
        m = re.match(r'add\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+"([^"]*)"\s+"([^"]*)"\s*$', line)
        if not m:
            raise _err(path, n, 'add NAME EXPECT TABLE TARGET KIND "FLAGS" "WHAT"')
        flags = re.sub(r'\$([A-Z0-9_]+)', lambda v: vars_.get(v.group(1), v.group(0)), m.group(6))
        flags = re.sub(r'\$\(\(([0-9*+ -]+)\)\)', lambda v: str(eval(v.group(1), {'__builtins__': {}})), flags)
        runs[m.group(1)] = dict(expect=m.group(2), table=m.group(3), target=m.group(4),
                                kind=m.group(5), flags=flags, what=m.group(7))
    return runs


def read_properties(root):
    """From model/tcp.pml: {'P1': dict(name, words, formula)} (header comment and definitions)."""
    path = os.path.join(root, 'model', 'tcp.pml')
    if not os.path.isfile(path):
        return {}
    text = open(path, encoding='utf-8').read()
    props = {}
    m = re.search(r'PROPERTIES.*?\n(.*?)\n \* -{20,}', text, re.S)
    header = m.group(1) if m else ''
    cur = None
    for line in header.split('\n'):
        body = re.sub(r'^ \*\s?', '', line)
        pm = re.match(r'\s*(P[0-9]+) ([a-z_0-9]+) \(([^)]*)\)\.\s*(.*)', body)
        if pm:
            cur = pm.group(1)
            props[cur] = dict(name='%s_%s' % (pm.group(1), pm.group(2)), how=pm.group(3),
                              words=pm.group(4).strip(), formula='')
        elif cur and body.strip() and re.match(r'\s{3,}', body):
            props[cur]['words'] += ' ' + body.strip()
        elif not body.strip():
            cur = None
    for p, d in props.items():
        name = d['name']
        # the assignment that the assertion checks: the last "NAME = ...;" before "assert(NAME)"
        fm = None
        for am in re.finditer(r'\bassert\s*\(\s*%s\s*\)' % re.escape(name), text):
            defs = list(re.finditer(r'\b%s\s*=\s*([^;]*);' % re.escape(name), text[:am.start()]))
            if defs:
                fm = defs[-1]
                break
        lm = re.search(r'ltl\s+%s\s*\{(.*?)\}\s*\n' % re.escape(p.lower() + name[len(p):]), text, re.S)
        if lm:
            d['formula'] = 'ltl ' + ' '.join(lm.group(1).split())
        elif fm:
            d['formula'] = 'assert(%s), %s = %s' % (name, name, ' '.join(fm.group(1).split()))
    return props


def read_bounds(root):
    """The model's default bounds: [(NAME, value, comment)] from model/tcp.pml's
    "#ifndef NAME / #define NAME value /* comment */" pairs."""
    path = os.path.join(root, 'model', 'tcp.pml')
    if not os.path.isfile(path):
        return []
    text = open(path, encoding='utf-8').read()
    return [(m.group(1), m.group(2).strip(), (m.group(3) or '').strip()) for m in re.finditer(
        r'^#ifndef\s+([A-Z_0-9]+)\s*\n#define\s+\1\s+(.*?)\s*(?:/\*\s*(.*?)\s*\*/)?\s*$', text, re.M)]


def read_coverage(build):
    """{run name: set of row numbers taken} from build/model/runs/*/rows_taken.txt; None if absent."""
    runs = os.path.join(build, 'model', 'runs')
    if not os.path.isdir(runs):
        return None
    out = {}
    for name in sorted(os.listdir(runs)):
        path = os.path.join(runs, name, 'rows_taken.txt')
        if not os.path.isfile(path) or not name.startswith('P7_'):
            continue
        taken = set()
        for n, line in enumerate(_lines(path), 1):
            if line.strip() == '':
                continue
            if not line.strip().isdigit():
                raise _err(path, n, 'a row number')
            taken.add(int(line))
        out[name] = taken
    return out


def read_unreachable(root):
    path = os.path.join(root, 'model', 'unreachable_rows.txt')
    out = {}
    if os.path.isfile(path):
        for line in _lines(path):
            m = re.match(r'(T[0-9]+)\s+(.*)', line)
            if m:
                out[int(m.group(1)[1:])] = m.group(2)
    return out


def read_table_mutants(build, runs):
    """{row number: [model check names]}: the rows that a table mutant's edit changes
    (build/model/tables/M*/table.diff), mapped to the checks run on that table."""
    out = {}
    tables = os.path.join(build, 'model', 'tables')
    if not os.path.isdir(tables):
        return out
    for table in sorted(os.listdir(tables)):
        diff = os.path.join(tables, table, 'table.diff')
        if not os.path.isfile(diff):
            continue
        checks = [c for c, r in runs.items() if r['table'] == table]
        for line in _lines(diff):
            m = re.match(r'[-+]row\s+T([0-9]+)\s', line)
            if m:
                for c in checks:
                    out.setdefault(int(m.group(1)), [])
                    if c not in out[int(m.group(1))]:
                        out[int(m.group(1))].append(c)
    return out


# ------------------------------------------------------------------ proofs
PROOF_HEADER = ['function', 'goals', 'proved', 'seconds']


def read_proofs(build):
    """{function: dict(goals, proved, seconds, rte, functional, smoke)}; None if not run.
    rte/functional/smoke: [proved, total] from the WP JSON reports (build/proofs/*.json)."""
    path = os.path.join(build, 'proofs', 'summary.tsv')
    recs = read_tsv(path, PROOF_HEADER)
    if recs is None:
        return None
    out = {}
    for r in recs:
        if r['function'] == '(wall-clock)':
            continue    # proofs/run.sh's total row (the run's goals and wall-clock seconds), not a function
        out[r['function']] = dict(goals=_number(path, r, 'goals', int), proved=_number(path, r, 'proved', int),
                                  seconds=_number(path, r, 'seconds'),
                                  rte=[0, 0], functional=[0, 0], smoke=[0, 0])
    pdir = os.path.join(build, 'proofs')
    for name in sorted(os.listdir(pdir)):
        if not name.endswith('.json'):
            continue
        jpath = os.path.join(pdir, name)
        try:
            rep = json.load(open(jpath, encoding='utf-8'))
        except ValueError as e:
            raise InputError('%s:%d: expected a WP JSON report (%s)' % (jpath, getattr(e, 'lineno', 1), e))
        for fn, goals in rep.get('wp:functions', {}).items():
            if fn not in out:
                continue
            for gid, res in goals.items():
                if gid == 'wp:section':
                    continue
                main = res.get('wp:main', {})
                kind = goal_kind(gid)
                out[fn][kind][0] += main.get('valid', 0)
                out[fn][kind][1] += main.get('total', 0)
    return out


def goal_kind(gid):
    if '_wp_smoke' in gid or gid.startswith('wp_smoke') or '_smoke_' in gid:
        return 'smoke'
    if '_rte_' in gid or gid.startswith('rte_'):
        return 'rte'
    return 'functional'


RELATION_WORDS = ('faithful', 'tcpfsm_relation', 'tcpfsm_has_row', 'tcpfsm_row', 'tcpfsm_table')


def _strip_comment(line):
    """A line of model/tcp.fsm without its '#' comment ('#' inside double quotes is text)."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == '#' and not quoted:
            return line[:i]
    return line


C_KEYWORDS = {'if', 'for', 'while', 'switch', 'return', 'do', 'sizeof'}
LOGIC_DEF = re.compile(r'\b(?:predicate|logic\s+[A-Za-z_0-9]+)\s+([A-Za-z_0-9]+)\b')


def read_contracts(root):
    """The ACSL contracts of src/*.c: {function: contract text} (a /*@ ... */ block with requires,
    assigns or ensures right above a function), and the logic definitions of src/*.[ch]:
    {name: definition text} (predicates and logic functions)."""
    src = os.path.join(root, 'src')
    contracts, logic = {}, {}
    if not os.path.isdir(src):
        return contracts, logic
    for name in sorted(os.listdir(src)):
        if not (name.endswith('.c') or name.endswith('.h')):
            continue
        text = open(os.path.join(src, name), encoding='utf-8').read()
        for m in re.finditer(r'/\*@(.*?)\*/', text, re.S):
            block = m.group(1)
            defs = list(LOGIC_DEF.finditer(block))
            for i, d in enumerate(defs):
                end = defs[i + 1].start() if i + 1 < len(defs) else len(block)
                logic[d.group(1)] = block[d.end():end]
            if defs or not name.endswith('.c') or re.search(r'\bloop\s', block):
                continue
            if not re.search(r'\b(requires|assigns|ensures)\b', block):
                continue
            fm = re.match(r'(?:\s|/\*[^@].*?\*/)*(?:static\s+)?(?:inline\s+)?[A-Za-z_0-9][A-Za-z_0-9 *]*?\b([A-Za-z_0-9]+)\s*\(',
                          text[m.end():m.end() + 400], re.S)
            if fm and fm.group(1) not in C_KEYWORDS:
                contracts[fm.group(1)] = contracts.get(fm.group(1), '') + block
    return contracts, logic


def contract_coverage(contracts, logic, events):
    """{function: (covers_relation, set of events, set of row numbers)} for every contract."""
    # the events and rows each logic definition mentions, closed over the definitions it uses
    def mentions(text):
        return (set(e for e in events if re.search(r'\bTCPFSM_EV_%s\b' % e, text)),
                set(int(r) for r in re.findall(r'\bTCPFSM_ROW_T([0-9]+)\b', text)),
                any(re.search(r'\b%s\b' % w, text) for w in RELATION_WORDS))
    # the relation's own predicates stand for "the relation" (every row), not for their events
    direct = {n: ((set(), set(), True) if n in RELATION_WORDS else mentions(b)) for n, b in logic.items()}
    closed = {}
    for n in logic:
        ev, rw, rel = set(), set(), False
        todo, seen = [n], set()
        while todo:
            k = todo.pop()
            if k in seen:
                continue
            seen.add(k)
            e, r, rl = direct[k]
            ev |= e; rw |= r; rel = rel or rl
            if k not in RELATION_WORDS:
                todo += [o for o in logic if o not in seen and re.search(r'\b%s\b' % o, logic[k])]
        closed[n] = (ev, rw, rel)
    out = {}
    for fn, text in contracts.items():
        ev, rw, rel = mentions(text)
        if rel:   # a relation predicate named in the contract itself: its events are the relation's
            ev = set(e for e in events if re.search(r'\bTCPFSM_EV_%s\b' % e,
                                                    re.sub(r'\b(%s)\s*\([^;]*' % '|'.join(RELATION_WORDS), '', text)))
        for n, (e, r, rl) in closed.items():
            if re.search(r'\b%s\b' % n, text):
                ev |= e; rw |= r; rel = rel or rl
        if ev or rw or rel:
            out[fn] = (rel, ev, rw)
    return out


def read_assumptions(root):
    path = os.path.join(root, 'proofs', 'ASSUMPTIONS.md')
    return open(path, encoding='utf-8').read() if os.path.isfile(path) else None


# ------------------------------------------------------------------ mutants (make mutants)
MUTANT_HEADER = ['mutant', 'layer', 'result', 'seconds']


KILLED = ('killed', 'hang')      # make mutants: a run that does not end is an observable failure


def read_mutants(root, build):
    """(records, {row number: [mutant]}, {RFC clause: [mutant]}) from build/mutants/summary.tsv;
    (None, {}, {}) if not run. Only mutants that some layer killed are mapped. A core mutant's
    files under proofs/mutants/ (NAME.*, or a directory NAME/) map it to the rows they name (Tnn)
    and to the RFC clause of its "rule: RFC nnnn section" line."""
    path = os.path.join(build, 'mutants', 'summary.tsv')
    recs = read_tsv(path, MUTANT_HEADER)
    if recs is None:
        return None, {}, {}
    rows, clauses = {}, {}
    mdir = os.path.join(root, 'proofs', 'mutants')
    files = []          # (path relative to mdir, its components without extensions)
    for d, _, names in os.walk(mdir):
        for f in names:
            rel = os.path.relpath(os.path.join(d, f), mdir)
            files.append((rel, [c.split('.')[0] for c in rel.split(os.sep)]))
    files.sort()
    for mutant in sorted(set(r['mutant'] for r in recs)):
        if not any(r['mutant'] == mutant and r['result'] in KILLED for r in recs):
            continue
        for f, parts in files:
            if mutant not in parts:
                continue
            text = open(os.path.join(mdir, f), encoding='utf-8', errors='replace').read()
            for t in sorted(set(int(x) for x in re.findall(r'\bT([0-9]{2,3})\b', text))):
                if mutant not in rows.setdefault(t, []):
                    rows[t].append(mutant)
            m = re.search(r'^rule:\s*RFC\s*([0-9]+)\s+([0-9]+(?:\.[0-9]+)*)', text, re.M)
            if m:
                c = 'RFC%s:%s' % (m.group(1), m.group(2))
                if mutant not in clauses.setdefault(c, []):
                    clauses[c].append(mutant)
    return recs, rows, clauses


# ------------------------------------------------------------------ tests (collect.sh output)
def read_unit_rows(path):
    """{row number: [test group]} from the unit tests' row file ("Tnn group" lines); None if absent."""
    if not os.path.isfile(path):
        return None
    out = {}
    for n, line in enumerate(_lines(path), 1):
        if line.strip() == '':
            continue
        m = re.match(r'T([0-9]+) (\S+)$', line)
        if not m:
            raise _err(path, n, '"Tnn test_group"')
        out.setdefault(int(m.group(1)), [])
        if m.group(2) not in out[int(m.group(1))]:
            out[int(m.group(1))].append(m.group(2))
    return out


def read_scenario_rows(path):
    """{row number: [scenario]} from collect.sh's scenario-rows.tsv ("scenario<TAB>Tnn ..."); None if absent."""
    if not os.path.isfile(path):
        return None
    out = {}
    for n, line in enumerate(_lines(path), 1):
        if line.strip() == '':
            continue
        f = line.split('\t')
        if len(f) != 2 or not all(re.match(r'T[0-9]+$', t) for t in f[1].split()):
            raise _err(path, n, '"scenario<TAB>Tnn Tnn ..."')
        for t in f[1].split():
            out.setdefault(int(t[1:]), []).append(f[0])
    return out


# ------------------------------------------------------------------ conformance and interop
def read_results_dir(build, name):
    """The summary.tsv of build/NAME/ (any header), with the other files listed; None if absent."""
    d = os.path.join(build, name)
    if not os.path.isdir(d):
        return None
    path = os.path.join(d, 'summary.tsv')
    table = None
    if os.path.isfile(path):
        lines = [l for l in _lines(path) if l != '']
        if not lines:
            raise _err(path, 1, 'a header line')
        header = lines[0].split('\t')
        table = [header]
        for n, line in enumerate(lines[1:], 2):
            f = line.split('\t')
            if len(f) != len(header):
                raise _err(path, n, '%d tab-separated fields, got %d' % (len(header), len(f)))
            table.append(f)
    files = sorted(f for f in os.listdir(d) if os.path.isfile(os.path.join(d, f)))
    return dict(table=table, files=files)


def read_expectations(root):
    """{expect file: [(path, verdict, reason)]} from tests/conformance/*.expect (the scripts of an
    external suite that are expected not to pass, "path  FAIL|SKIP  reason"); {} if none."""
    d = os.path.join(root, 'tests', 'conformance')
    out = {}
    if not os.path.isdir(d):
        return out
    for name in sorted(os.listdir(d)):
        if not name.endswith('.expect'):
            continue
        path = os.path.join(d, name)
        items = []
        for n, line in enumerate(_lines(path), 1):
            if line.strip() == '' or line.startswith('#'):
                continue
            f = line.split('  ')
            f = [x.strip() for x in f if x.strip()]
            if len(f) < 2 or f[1] not in ('FAIL', 'SKIP'):
                raise _err(path, n, '"path  FAIL|SKIP  reason"')
            items.append((f[0], f[1], ' '.join(f[2:])))
        out[os.path.join('tests', 'conformance', name)] = items
    return out
