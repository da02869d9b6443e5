"""Gathers the evidence for the audit report from the build's outputs into one structure, that
tools/report/html.py and tools/report/md.py render. Nothing here is typed by hand: every figure
comes from a file of the build (or is marked not run, with the make target that produces it)."""
import os
import re

import inputs
import msc

# The make target that writes each input, for "not run: run make X".
TARGETS = dict(model='make model', proofs='make proofs', mutants='make mutants', unit='make report',
               scenarios='make report', conformance='make conformance', interop='make interop')

# The seed's two arguments lead the page: the model checks whose charts come first.
LEAD = (('M1', 'The two-way handshake makes a zombie',
         'With a two-way handshake (LISTEN goes straight to ESTABLISHED on a SYN), a delayed duplicate '
         'SYN of an incarnation its sender has already abandoned opens a connection nobody asked for.'),
        ('M2', 'A short TIME-WAIT loses the last ACK',
         'When the last ACK of a close is lost, the passive closer retransmits its FIN; with TIME-WAIT '
         'shorter than 2*MSL the active closer has forgotten the connection and answers with a RST '
         'instead of the ACK that TIME-WAIT would have sent.'))


def gather(root, build, data):
    states, events, rows = inputs.read_table(os.path.join(root, 'model', 'tcp.fsm'))
    r = dict(states=states, events=events, rows=rows, root=root, build=build)
    r['runs'] = inputs.read_model_runs(root)
    r['model'] = inputs.read_model_summary(build)
    r['properties'] = inputs.read_properties(root)
    r['bounds'] = inputs.read_bounds(root)
    r['coverage'] = inputs.read_coverage(build) if r['model'] is not None else None
    r['unreachable'] = inputs.read_unreachable(root)
    r['table_mutants'] = inputs.read_table_mutants(build, r['runs']) if r['model'] is not None else {}
    r['proofs'] = inputs.read_proofs(build)
    contracts, logic = inputs.read_contracts(root)
    r['contracts'] = inputs.contract_coverage(contracts, logic, events)
    r['assumptions'] = inputs.read_assumptions(root)
    r['mutants'], r['core_mutants'], r['clause_mutants'] = inputs.read_mutants(root, build)
    r['unit'] = inputs.read_unit_rows(os.path.join(data, 'unit-rows.txt'))
    r['scenarios'] = inputs.read_scenario_rows(os.path.join(data, 'scenario-rows.tsv'))
    r['scenario_results'] = inputs.read_tsv(os.path.join(data, 'scenario-results.tsv'), ['scenario', 'result'])
    r['conformance'] = inputs.read_results_dir(build, 'conformance')
    r['interop'] = inputs.read_results_dir(build, 'interop')
    r['expectations'] = inputs.read_expectations(root)
    svg = os.path.join(root, 'docs', 'tcpfsm.svg')
    r['diagram'] = open(svg, encoding='utf-8').read() if os.path.isfile(svg) else None
    r['stale'] = stale(root, build)
    r['charts'] = charts(build, r)
    r['matrix'] = matrix(r)
    r['props'] = property_rows(r)
    return r


def stale(root, build):
    """[(output, newer source, make target)]: a build output older than a source it comes from."""
    def newest(paths):
        best = None
        for p in paths:
            if os.path.isfile(p) and (best is None or os.path.getmtime(p) > os.path.getmtime(best)):
                best = p
        return best
    src = [os.path.join(root, 'src', f) for f in sorted(os.listdir(os.path.join(root, 'src')))] \
        if os.path.isdir(os.path.join(root, 'src')) else []
    model = [os.path.join(root, 'model', f) for f in ('tcp.fsm', 'tcp.pml', 'check.sh')]
    out = []
    for what, sources, target in (('model/summary.tsv', model, 'model'), ('proofs/summary.tsv', src, 'proofs'),
                                  ('mutants/summary.tsv', src, 'mutants')):
        path = os.path.join(build, what)
        new = newest(sources)
        if os.path.isfile(path) and new and os.path.getmtime(new) > os.path.getmtime(path):
            out.append((os.path.join(os.path.relpath(build, root), what), os.path.relpath(new, root),
                        TARGETS[target]))
    return out


def charts(build, r):
    """{check: dict(svg, story, violation, msg)} for every failing model check with a trail."""
    out = {}
    if r['model'] is None:
        return out
    for rec in r['model']:
        name = rec['check']
        story = os.path.join(build, 'model', name + '.story.txt')
        trail = os.path.join(build, 'model', name + '.trail.txt')
        if rec['result'] != 'fails' or not os.path.isfile(story):
            continue
        items = msc.parse_story(story)
        assertion, cycle = msc.parse_trail(trail) if os.path.isfile(trail) else (None, None)
        run = r['runs'].get(name, {})
        target = run.get('target', '')
        if assertion and name.startswith('W'):
            violation = 'witness reached: %s fails here, as expected (the danger is reachable)' % assertion
        elif assertion:
            violation = '%s fails here' % assertion
        elif cycle is not None:
            violation = 'acceptance cycle: from here the run repeats forever, violating %s' % \
                        ltl_of(run.get('flags', ''), r['properties'])
        else:
            violation = 'violation of %s' % (target or 'the property')
        out[name] = dict(svg=msc.draw(items, '%s: %s' % (name, run.get('what', rec['msg'])), violation, cycle,
                                      uid=re.sub(r'[^A-Za-z0-9]', '', name)),
                         story=open(story, encoding='utf-8').read(), violation=violation,
                         msg=rec['msg'], what=run.get('what', ''), rows=sorted(set(
                             it['row'] for it in items if it['kind'] == 'step' and it['row'])))
    return out


def ltl_of(flags, props):
    m = re.search(r'-DLTL_(P[0-9]+)', flags)
    return props[m.group(1)]['name'] if m and m.group(1) in props else 'the LTL property'


def lead_checks(r):
    """[(check, title, words)] for M1 and M2 (the first check whose name starts with each)."""
    out = []
    for prefix, title, words in LEAD:
        names = [c for c in r['charts'] if re.match(prefix + r'[a-z]?_', c)]
        out.append((names[0] if names else None, prefix, title, words))
    return out


def property_of_check(name, run, props):
    """The property (P1..P7) a model check is about: its target, or the -D flag of its run."""
    target = run.get('target', '')
    for p, d in props.items():
        if target == d['name']:
            return p
    m = re.search(r'-D(?:CHECK|LTL)_(P[0-9]+)', run.get('flags', ''))
    if m:
        return m.group(1)
    if target == 'coverage' or '-DCOVERAGE' in run.get('flags', ''):
        return 'P7'
    m = re.match(r'(P[0-9]+)_', name)
    return m.group(1) if m else None


def is_witness(name, run):
    """A witness check: expected to fail, showing that the danger a property rules out is reachable."""
    return '-DWITNESS_' in run.get('flags', '')


def property_rows(r):
    """One entry per property: words, formula, result, states, time, bounds, refuting mutants."""
    out = []
    recs = {rec['check']: rec for rec in (r['model'] or [])}
    for p in sorted(r['properties'], key=lambda k: int(k[1:])):
        d = r['properties'][p]
        rec = recs.get(d['name'])
        run = r['runs'].get(d['name']) or r['runs'].get(d['name'] + '_a', {})
        refuted = [c for c, rn in r['runs'].items() if rn['expect'] == 'fails' and not is_witness(c, rn)
                   and property_of_check(c, rn, r['properties']) == p]
        witnesses = [(c, (recs.get(c) or {}).get('result')) for c, rn in r['runs'].items()
                     if is_witness(c, rn) and re.search(r'-DWITNESS_%s\b' % p, rn['flags'])]
        out.append(dict(id=p, name=d['name'], words=d['words'], formula=d['formula'], how=d['how'],
                        result=rec['result'] if rec else None, expect=rec['expect'] if rec else None,
                        states=rec['states'] if rec else None, seconds=rec['seconds'] if rec else None,
                        bounds=run.get('flags', '') if d['name'] in r['runs'] else
                        ' | '.join('%s: %s' % (c, rn['flags']) for c, rn in r['runs'].items()
                                   if c.startswith(d['name'] + '_')),
                        refuted=[(c, (recs.get(c) or {}).get('result')) for c in refuted], witnesses=witnesses))
    return out


def matrix(r):
    """One line per table row: the evidence for it, column by column (None: not run)."""
    relation = sorted(f for f, (rel, ev, rw) in r['contracts'].items() if rel)
    lines = []
    for row in r['rows']:
        n = row.num
        line = dict(row=row)
        # model runs
        if r['coverage'] is None:
            line['model'] = None
        else:
            line['model'] = [run for run, taken in sorted(r['coverage'].items()) if n in taken]
        line['unreachable'] = r['unreachable'].get(n)
        # WP
        cases = sorted(f for f, (rel, ev, rw) in r['contracts'].items() if row.event in ev or n in rw)
        line['wp_relation'] = relation
        line['wp_cases'] = cases
        # tests
        line['unit'] = None if r['unit'] is None else r['unit'].get(n, [])
        line['scenarios'] = None if r['scenarios'] is None else r['scenarios'].get(n, [])
        # mutants: the model checks on a table edited at this row, and the killed core mutants naming it
        model_m = [c for c in r['table_mutants'].get(n, [])
                   if r['model'] and any(x['check'] == c and x['result'] == 'fails' for x in r['model'])]
        line['mutants_model'] = model_m
        line['mutants_core'] = None if r['mutants'] is None else r['core_mutants'].get(n, [])
        # and the killed core mutants of the RFC clause the row implements (or of a subsection of it)
        line['mutants_clause'] = [] if r['mutants'] is None else sorted(set(
            m for c, ms in r['clause_mutants'].items() for m in ms
            if (c == row.rfc or c.startswith(row.rfc + '.')) and m not in line['mutants_core']))
        lines.append(line)
    return lines


def short_name(name):
    """A test's name as the matrix shows it: tests/scenarios/listen/x.pkt -> listen/x, test_listen -> listen."""
    if name.startswith('tests/scenarios/'):
        name = name[len('tests/scenarios/'):]
    if name.endswith('.pkt'):
        name = name[:-4]
    return name


def plural(n, noun):
    return '%d %s%s' % (n, noun, '' if n == 1 else 's')


def wp_count(r, fns):
    """(proved, total) over the functions' goals, or None if the proofs were not run."""
    if r['proofs'] is None:
        return None
    p = t = 0
    for f in fns:
        if f in r['proofs']:
            p += r['proofs'][f]['proved']
            t += r['proofs'][f]['goals']
    return p, t


def gaps(r, line):
    """The names of the empty columns of a matrix line."""
    out = []
    if not line['model']:
        out.append('model')
    if not (line['wp_relation'] or line['wp_cases']) or r['proofs'] is None:
        out.append('wp')
    if not line['unit']:
        out.append('unit')
    if not line['scenarios']:
        out.append('scenarios')
    if not line['mutants_model'] and not line['mutants_core'] and not line['mutants_clause']:
        out.append('mutants')
    return out


def kill_matrix(r):
    """(layers, [(mutant, {layer: result})], {layer: (killed, total)}) from build/mutants/summary.tsv."""
    if r['mutants'] is None:
        return None
    layers, mutants, cells = [], [], {}
    for rec in r['mutants']:
        if rec['layer'] not in layers:
            layers.append(rec['layer'])
        if rec['mutant'] not in mutants:
            mutants.append(rec['mutant'])
        cells.setdefault(rec['mutant'], {})[rec['layer']] = rec['result']
    totals = {}
    for layer in layers:
        res = [cells[m].get(layer) for m in mutants if layer in cells[m]]
        totals[layer] = (sum(1 for x in res if x in inputs.KILLED), len(res))
    return layers, [(m, cells[m]) for m in mutants], totals


def proof_totals(r):
    if r['proofs'] is None:
        return None
    t = dict(goals=0, proved=0, seconds=0.0, rte=[0, 0], functional=[0, 0], smoke=[0, 0])
    for d in r['proofs'].values():
        t['goals'] += d['goals']
        t['proved'] += d['proved']
        t['seconds'] += d['seconds']
        for k in ('rte', 'functional', 'smoke'):
            t[k][0] += d[k][0]
            t[k][1] += d[k][1]
    return t


def scenario_summary(r):
    """{directory: (passed, total)} from the scenario results of collect.sh."""
    if r['scenario_results'] is None:
        return None
    out = {}
    for rec in r['scenario_results']:
        d = os.path.dirname(rec['scenario'])
        p, t = out.get(d, (0, 0))
        out[d] = (p + (rec['result'] == 'PASS'), t + 1)
    return out


def diagram_links(svg, rows):
    """docs/tcpfsm.svg with each state linked to its rows and each transition to its row."""
    ids = set(row.id for row in rows)

    def node(m):
        state = m.group(2)
        return '%s<a href="#rows-from-%s" class="dlink">%s</a></g>' % (m.group(1), state, m.group(3))

    def edge(m):
        label = re.search(r'<text[^>]*>(T[0-9]+)\b', m.group(2))
        if not label or label.group(1) not in ids:
            return m.group(0)
        return '%s<a href="#%s" class="dlink">%s</a></g>' % (m.group(1), label.group(1), m.group(2))
    svg = re.sub(r'^.*?(<svg\b)', r'\1', svg, flags=re.S)            # no XML prolog, doctype or comments
    svg = re.sub(r'<!--.*?-->', '', svg, flags=re.S)
    svg = re.sub(r'(<g id="node[0-9]+" class="node">\s*<title>([^<]*)</title>)(.*?)</g>', node, svg, flags=re.S)
    svg = re.sub(r'(<g id="edge[0-9]+" class="edge">\s*<title>[^<]*</title>)(.*?)</g>', edge, svg, flags=re.S)
    svg = re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg class="diagram"', svg, count=1)
    return svg


def expectation_summary(items):
    """[(directory, FAIL count, SKIP count, [reasons])] of an expectation list."""
    dirs = {}
    for path, verdict, reason in items:
        d = os.path.dirname(path) or '.'
        e = dirs.setdefault(d, [0, 0, []])
        e[0 if verdict == 'FAIL' else 1] += 1
        if reason and reason not in e[2]:
            e[2].append(reason)
    return [(d, e[0], e[1], e[2]) for d, e in sorted(dirs.items())]


def glance(r):
    """[(what, text, ok)] the headline figures, each from its input (ok None: not run)."""
    out = []
    if r['model'] is None:
        out.append(('SPIN model', 'not run: run ' + TARGETS['model'], None))
    else:
        bad = [x['check'] for x in r['model'] if x['expect'] != x['result']]
        out.append(('SPIN model', '%d of %d checks as expected%s' % (
            len(r['model']) - len(bad), len(r['model']), ' (not: %s)' % ', '.join(bad) if bad else ''), not bad))
    tot = proof_totals(r)
    if tot is None:
        out.append(('WP proofs', 'not run: run ' + TARGETS['proofs'], None))
    else:
        out.append(('WP proofs', '%d / %d goals proved' % (tot['proved'], tot['goals']), tot['proved'] == tot['goals']))
    km = kill_matrix(r)
    if km is None:
        out.append(('mutants', 'not run: run ' + TARGETS['mutants'], None))
    else:
        layers, mutants, totals = km
        anyk = sum(1 for m, cells in mutants if any(v in inputs.KILLED for v in cells.values()))
        out.append(('mutants', '%d of %d killed by some layer (%s)' % (anyk, len(mutants), ', '.join(
            '%s %d/%d' % (l, totals[l][0], totals[l][1]) for l in layers)), anyk == len(mutants)))
    n = len(r['matrix'])
    for key, name in (('unit', 'unit tests\' row checks'), ('scenarios', 'scenarios')):
        if r[key] is None:
            out.append((name, 'not run: run ' + TARGETS[key], None))
        else:
            k = sum(1 for l in r['matrix'] if l[key])
            out.append((name, '%d of %d rows taken' % (k, n), k == n))
    return out
