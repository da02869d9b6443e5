"""Renders the gathered evidence (tools/report/gather.py) as one self-contained HTML page: inline
CSS, inline SVG, a little inline script for sorting and filtering; no network access."""
from html import escape

import gather
import inputs

CSS = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 0 2em 4em; color: #1b1b1b; font-size: 14px; }
h1 { margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #1f4e79; padding-bottom: 0.2em; margin-top: 2em; }
nav a { margin-right: 1.2em; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eef3f8; cursor: pointer; position: sticky; top: 0; }
td.num, th.num { text-align: right; }
#matrix-table { font-size: 13px; } #matrix-table code { word-break: break-word; }
tr.gap td { background: #fff4e5; } td.empty { background: #ffd9b3 !important; font-style: italic; }
.notrun { color: #a05a00; font-weight: bold; }
.stale { background: #ffd6d6; border: 2px solid #c00000; padding: 0.4em; font-weight: bold; }
.holds { color: #1e6b1e; font-weight: bold; } .fails { color: #c00000; font-weight: bold; }
.bad { background: #ffd6d6; }
code, .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
figure { margin: 1em 0 2em; } figcaption { max-width: 60em; margin-bottom: 0.4em; }
.lead { display: flex; flex-wrap: wrap; gap: 2em; }
.lead figure { flex: 1 1 46em; border: 1px solid #ccc; padding: 0.6em; }
svg.msc { max-width: 100%; height: auto; border: 1px solid #e0e0e0; }
.diagram-box { overflow-x: auto; border: 1px solid #ccc; }
svg.diagram { height: 520px; width: auto; }
svg.diagram a.dlink:hover path, svg.diagram a.dlink:hover polygon { stroke: #c00000; stroke-width: 3; }
details summary { cursor: pointer; }
#filter { width: 24em; }
.small { font-size: 12px; color: #444; }
"""

SCRIPT = """
(function () {
  var table = document.getElementById('matrix-table');
  var filter = document.getElementById('filter');
  var gapsOnly = document.getElementById('gaps-only');
  var shown = document.getElementById('shown');
  function apply(fromState) {
    var words = filter.value.toLowerCase().split(/\\s+/).filter(function (w) { return w; });
    var n = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      var text = tr.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      if (gapsOnly.checked && !tr.classList.contains('gap')) ok = false;
      if (fromState && tr.getAttribute('data-from') !== fromState) ok = false;
      tr.style.display = ok ? '' : 'none';
      if (ok) n++;
    });
    shown.textContent = n;
  }
  filter.addEventListener('input', function () { apply(null); });
  gapsOnly.addEventListener('change', function () { apply(null); });
  function onHash() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf('rows-from-') === 0) { filter.value = ''; apply(h.slice(10)); }
    else if (/^T[0-9]+$/.test(h)) { filter.value = ''; apply(null); }
  }
  window.addEventListener('hashchange', onHash);
  onHash();
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable th'), function (th, col) {
    th.addEventListener('click', function () {
      var t = th.closest('table'), body = t.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var dir = th.getAttribute('data-dir') === 'asc' ? -1 : 1;
      th.setAttribute('data-dir', dir === 1 ? 'asc' : 'desc');
      var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
      rows.sort(function (a, b) {
        var x = a.cells[idx].getAttribute('data-key') || a.cells[idx].textContent;
        var y = b.cells[idx].getAttribute('data-key') || b.cells[idx].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        if (!isNaN(nx) && !isNaN(ny)) return dir * (nx - ny);
        return dir * x.localeCompare(y);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  // Record the rendered size of every chart (tests/report/chromium.sh reads it from the DOM).
  Array.prototype.forEach.call(document.querySelectorAll('svg.msc'), function (svg) {
    var b = svg.getBBox();
    svg.setAttribute('data-rendered', Math.round(b.width) + 'x' + Math.round(b.height));
  });
  document.body.setAttribute('data-script', 'done');
})();
"""


def notrun(what):
    return '<span class="notrun">not run: run %s</span>' % escape(gather.TARGETS[what])


def frac(p, t):
    cls = '' if p == t else ' class="bad"'
    return '<span%s>%d/%d</span>' % (cls, p, t)


def cell(content, empty, key=None):
    k = ' data-key="%s"' % escape(key) if key is not None else ''
    return '<td class="empty"%s>%s</td>' % (k, content) if empty else '<td%s>%s</td>' % (k, content)


def names_cell(names, noun, limit=4):
    if len(names) <= limit:
        return ', '.join('<code>%s</code>' % escape(n) for n in names)
    return '<details><summary>%d %s</summary>%s</details>' % (
        len(names), noun, '<br>'.join('<code>%s</code>' % escape(n) for n in names))


def render(r):
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           '<title>tcpfsm audit report</title>', '<style>%s</style></head><body>' % CSS]
    gap_lines = [l for l in r['matrix'] if gather.gaps(r, l)]
    out.append('<h1>tcpfsm audit report</h1>')
    out.append('<p>Every row of <code>model/tcp.fsm</code> traced to its RFC clause, the model runs that take it, '
               'the proofs that establish it, the tests that take it and the mutants that would catch a change to '
               'it; the model\'s properties with their counterexamples drawn as message-sequence charts; the proofs '
               'per function. Generated by <code>make report</code> (tools/report/) from the build\'s own outputs; '
               'an input that was not produced is shown as <span class="notrun">not run</span> with the make target '
               'that produces it.</p>')
    out.append('<p><b>%d</b> table rows; <b>%d</b> with an empty column (highlighted).</p>'
               % (len(r['matrix']), len(gap_lines)))
    out.append('<ul class="glance">%s</ul>' % ''.join(
        '<li><b>%s</b>: <span class="%s">%s</span></li>' % (escape(what), {True: 'holds', False: 'fails',
                                                                            None: 'notrun'}[ok], escape(text))
        for what, text, ok in gather.glance(r)))
    for output, source, target in r['stale']:
        out.append('<p class="stale">Stale input: <code>%s</code> is older than <code>%s</code>; what the report '
                   'shows from it may no longer hold: run %s, then make report.</p>'
                   % (escape(output), escape(source), escape(target)))
    out.append('<nav><a href="#seed">The seed\'s arguments</a><a href="#properties">Properties</a>'
               '<a href="#matrix">Traceability matrix</a><a href="#proofs">Proofs</a>'
               '<a href="#conformance">Conformance and interop</a><a href="#diagram">State diagram</a>'
               '<a href="#inputs">Inputs</a></nav>')
    out += seed(r)
    out += properties(r)
    out += matrix(r)
    out += proofs(r)
    out += conformance(r)
    out += diagram(r)
    out += inputs_section(r)
    out.append('<script>%s</script>' % SCRIPT)
    out.append('</body></html>')
    return '\n'.join(out) + '\n'


def chart_figure(r, name, caption=None):
    c = r['charts'][name]
    return ['<figure id="msc-%s">' % escape(name),
            '<figcaption><b>%s</b>: %s<br><span class="small">%s</span></figcaption>'
            % (escape(name), escape(caption or c['what']), escape(c['msg'])),
            c['svg'],
            '<details><summary>the model\'s narration of the trail (build/model/%s.story.txt)</summary>'
            '<pre class="mono">%s</pre></details>' % (escape(name), escape(c['story'])),
            '</figure>']


def seed(r):
    out = ['<h2 id="seed">The seed\'s two arguments, as SPIN finds them</h2>', '<div class="lead">']
    for check, prefix, title, words in gather.lead_checks(r):
        if check is None:
            out.append('<figure><figcaption><b>%s: %s</b>. %s</figcaption>%s</figure>' % (
                prefix, escape(title), escape(words),
                notrun('model') if r['model'] is None else
                '<span class="notrun">no counterexample of %s in build/model/</span>' % prefix))
            continue
        out += chart_figure(r, check, '%s. %s' % (title, words))
    out.append('</div>')
    return out


def properties(r):
    out = ['<h2 id="properties">Properties (SPIN, model/tcp.pml)</h2>']
    if r['model'] is None:
        out.append('<p>%s</p>' % notrun('model'))
    out.append('<table class="sortable"><thead><tr><th>property</th><th>in plain words</th><th>formula</th>'
               '<th>result</th><th class="num">states</th><th class="num">seconds</th><th>bounds (spin -D)</th>'
               '<th>refuted by the mutants</th></tr></thead><tbody>')
    for p in r['props']:
        res = (notrun('model') if r['model'] is None else '<span class="notrun">no run of %s in summary.tsv</span>'
               % escape(p['name'])) if p['result'] is None else '<span class="%s">%s</span>' % (
            'holds' if p['result'] == p['expect'] else 'fails', escape(p['result']))
        ref = ', '.join('<a href="#msc-%s">%s</a>' % (escape(c), escape(c)) if c in r['charts'] else
                        '<code>%s</code> (%s)' % (escape(c), escape(res_ or 'not run')) for c, res_ in p['refuted'])
        out.append('<tr><td><b>%s</b></td><td>%s</td><td><code>%s</code></td><td>%s</td><td class="num">%s</td>'
                   '<td class="num">%s</td><td><code>%s</code></td>%s</tr>'
                   % (escape(p['name']), escape(p['words']), escape(p['formula'] or '(no formula: checked by model/check.sh)'), res,
                      '' if p['states'] is None else p['states'], '' if p['seconds'] is None else p['seconds'],
                      escape(p['bounds']), cell((ref or 'none') + witness_note(r, p), not ref)))
    out.append('</tbody></table>')
    if r['bounds']:
        out.append('<p>The model\'s bounds, unless a run\'s <code>-D</code> flags say otherwise '
                   '(model/tcp.pml): %s.</p>' % '; '.join('<code>%s=%s</code> <span class="small">(%s)</span>'
                                                          % (escape(n), escape(v), escape(c)) for n, v, c in r['bounds']))
    if r['model'] is not None:
        out.append('<h3>Every model check</h3><table class="sortable"><thead><tr><th>check</th><th>expect</th>'
                   '<th>result</th><th class="num">states</th><th class="num">seconds</th><th>what it shows</th>'
                   '</tr></thead><tbody>')
        for rec in r['model']:
            ok = rec['expect'] == rec['result']
            out.append('<tr><td><code>%s</code></td><td>%s</td><td class="%s">%s</td><td class="num">%d</td>'
                       '<td class="num">%s</td><td>%s</td></tr>'
                       % (escape(rec['check']), escape(rec['expect']), 'holds' if ok else 'fails',
                          escape(rec['result']), rec['states'], rec['seconds'], escape(rec['msg'])))
        out.append('</tbody></table>')
        out.append('<h3>The counterexamples</h3>')
        lead = [c for c, _, _, _ in gather.lead_checks(r) if c]
        if lead:
            out.append('<p>%s: drawn above, at the top of the page.</p>'
                       % ', '.join('<a href="#msc-%s">%s</a>' % (escape(c), escape(c)) for c in lead))
        for name in r['charts']:
            if name not in lead:
                out += chart_figure(r, name)
    return out


def witness_note(r, p):
    if not p['witnesses']:
        return ''
    return '<br><span class="small">witness (the danger is reachable): %s</span>' % ', '.join(
        '<a href="#msc-%s">%s</a>' % (escape(c), escape(c)) if c in r['charts'] else
        '<code>%s</code> (%s)' % (escape(c), escape(res or 'not run')) for c, res in p['witnesses'])


def matrix(r):
    out = ['<h2 id="matrix">Traceability matrix</h2>',
           '<p>One line per row of <code>model/tcp.fsm</code>. Model runs: the P7 coverage runs that take the '
           'row. WP: the functions whose contracts state the relation (every row) and those whose contracts name '
           'the row\'s event (the classifier\'s case), with goals proved/total. Unit tests: the test groups whose '
           'row checks (<code>fx_expect_row</code>) passed on the row. Scenarios: the packetdrill scripts that '
           'take it (<code>tcpfsm-drill --rows</code>). Mutants: the model checks of a table edited at this row, '
           'the killed core mutants (<code>make mutants</code>) that name it, and those whose rule is the row\'s RFC '
           'clause (or a subsection of it). A line with an empty column is highlighted.</p>',
           '<p><label>filter <input id="filter" type="search" placeholder="e.g. LISTEN SYN"></label> '
           '<label><input id="gaps-only" type="checkbox"> only lines with an empty column</label> '
           '<span class="small"><span id="shown">%d</span> shown</span></p>' % len(r['matrix']),
           '<table id="matrix-table" class="sortable"><thead><tr><th>row</th><th>from</th><th>event</th>'
           '<th>guard</th><th>to</th><th>actions</th><th>RFC clause</th><th>model runs</th><th>WP goals</th>'
           '<th>unit tests</th><th>scenarios</th><th>mutants</th></tr></thead><tbody>']
    first_from = set()
    rel_count = gather.wp_count(r, r['matrix'][0]['wp_relation']) if r['matrix'] else None
    for line in r['matrix']:
        row = line['row']
        g = gather.gaps(r, line)
        ids = ' id="%s"' % row.id
        anchor = ''
        if row.frm not in first_from:
            first_from.add(row.frm)
            anchor = '<span id="rows-from-%s"></span>' % escape(row.frm)
        tds = ['<td data-key="%04d">%s<b>%s</b></td>' % (row.num, anchor, row.id),
               '<td>%s</td>' % escape(row.frm), '<td>%s</td>' % escape(row.event),
               '<td>%s</td>' % escape(row.guard), '<td>%s</td>' % escape(row.to),
               '<td><code>%s</code></td>' % escape(row.actions.replace(',', ', ')),
               '<td><a href="%s">%s</a></td>' % (escape(inputs.rfc_link(row.rfc)), escape(row.rfc))]
        # model
        if line['model'] is None:
            tds.append(cell(notrun('model'), True))
        else:
            txt = ', '.join(escape(x.replace('P7_coverage_', 'P7 ')) for x in line['model'])
            if not line['model'] and line['unreachable']:
                txt = ('<details><summary>none: listed in model/unreachable_rows.txt</summary>'
                       '<span class="small">%s</span></details>' % escape(line['unreachable']))
            tds.append(cell(txt or 'none', not line['model'], str(len(line['model']))))
        # WP
        parts = []
        if line['wp_relation']:
            cnt = '' if rel_count is None else ' ' + frac(*rel_count)
            parts.append('<span title="%s">relation: %s%s</span>'
                         % (escape(', '.join(line['wp_relation'])), gather.plural(len(line['wp_relation']), 'function'),
                            cnt))
        for f in line['wp_cases']:
            c = gather.wp_count(r, [f])
            parts.append('<code>%s</code>%s' % (escape(f), '' if c is None else ' ' + frac(*c)))
        if r['proofs'] is None:
            parts.append(notrun('proofs'))
        tds.append(cell('<br>'.join(parts) or 'none', 'wp' in g))
        # unit tests, scenarios
        for key, noun in (('unit', 'groups'), ('scenarios', 'scripts')):
            v = line[key]
            if v is None:
                tds.append(cell(notrun(key), True))
            else:
                tds.append(cell(names_cell([gather.short_name(x) for x in v], noun, 2) or 'none', not v, str(len(v))))
        # mutants
        ms = ['<a href="#msc-%s">%s</a>' % (escape(c), escape(c)) if c in r['charts'] else
              '<code>%s</code>' % escape(c) for c in line['mutants_model']]
        if line['mutants_core'] is None:
            ms.append('core: ' + notrun('mutants'))
        else:
            ms += ['<code>%s</code>' % escape(c) for c in line['mutants_core']]
            if line['mutants_clause']:
                ms.append('<details><summary>%s of %s</summary>%s</details>' % (
                    gather.plural(len(line['mutants_clause']), 'mutant'), escape(row.rfc),
                    '<br>'.join('<code>%s</code>' % escape(c) for c in line['mutants_clause'])))
        tds.append(cell(', '.join(ms) if (line['mutants_model'] or line['mutants_core'] or line['mutants_clause'])
                        or line['mutants_core'] is None else 'none', 'mutants' in g))
        out.append('<tr class="trow%s" data-from="%s"%s>%s</tr>'
                   % (' gap' if g else '', escape(row.frm), ids, ''.join(tds)))
    out.append('</tbody></table>')
    return out


def proofs(r):
    out = ['<h2 id="proofs">Proofs (Frama-C WP, src/)</h2>']
    tot = gather.proof_totals(r)
    if tot is None:
        out.append('<p>%s</p>' % notrun('proofs'))
    else:
        out.append('<p>%s goals proved in total (RTE %s, functional %s, smoke tests %s), %.1f s of prover and Qed '
                   'time, from <code>build/proofs/summary.tsv</code> and the WP JSON reports.</p>'
                   % (frac(tot['proved'], tot['goals']), frac(*tot['rte']), frac(*tot['functional']),
                      frac(*tot['smoke']), tot['seconds']))
        out.append('<table class="sortable"><thead><tr><th>function</th><th class="num">proved/total</th>'
                   '<th class="num">RTE</th><th class="num">functional</th><th class="num">smoke</th>'
                   '<th class="num">seconds</th></tr></thead><tbody>')
        for fn in sorted(r['proofs']):
            d = r['proofs'][fn]
            out.append('<tr><td><code>%s</code></td><td class="num" data-key="%d">%s</td><td class="num">%s</td>'
                       '<td class="num">%s</td><td class="num">%s</td><td class="num">%.2f</td></tr>'
                       % (escape(fn), d['goals'], frac(d['proved'], d['goals']), frac(*d['rte']),
                          frac(*d['functional']), frac(*d['smoke']), d['seconds']))
        out.append('</tbody></table>')
    out.append('<h3>Mutation kill matrix (make mutants)</h3>')
    km = gather.kill_matrix(r)
    if km is None:
        out.append('<p>%s</p>' % notrun('mutants'))
    else:
        layers, mutants, totals = km
        out.append('<table class="sortable"><thead><tr><th>mutant</th>%s</tr></thead><tbody>'
                   % ''.join('<th>%s</th>' % escape(l) for l in layers))
        for m, cells in mutants:
            out.append('<tr><td><code>%s</code></td>%s</tr>' % (escape(m), ''.join(
                '<td class="%s">%s</td>' % ('holds' if cells.get(l) in inputs.KILLED else
                                            'fails' if cells.get(l) == 'survived' else '', escape(cells.get(l, '')))
                for l in layers)))
        out.append('</tbody><tfoot><tr><th>killed</th>%s</tr></tfoot></table>'
                   % ''.join('<th>%d/%d</th>' % totals[l] for l in layers))
    out.append('<h3>Assumptions (proofs/ASSUMPTIONS.md)</h3>')
    if r['assumptions'] is None:
        out.append('<p class="notrun">proofs/ASSUMPTIONS.md is missing</p>')
    else:
        out.append(markdown(r['assumptions']))
    return out


def results_table(res):
    if res['table'] is None:
        return '<p>files: %s</p>' % ', '.join('<code>%s</code>' % escape(f) for f in res['files'])
    head, body = res['table'][0], res['table'][1:]
    return ('<table class="sortable"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>'
            % (''.join('<th>%s</th>' % escape(h) for h in head),
               ''.join('<tr>%s</tr>' % ''.join('<td>%s</td>' % escape(c) for c in row) for row in body)))


def conformance(r):
    out = ['<h2 id="conformance">Conformance and interop</h2>', '<h3>Scenarios (tests/scenarios, tcpfsm-drill)</h3>']
    sc = gather.scenario_summary(r)
    if sc is None:
        out.append('<p>%s</p>' % notrun('scenarios'))
    else:
        out.append('<table><thead><tr><th>directory</th><th class="num">passed</th></tr></thead><tbody>%s'
                   '</tbody></table>' % ''.join('<tr><td><code>%s</code></td><td class="num">%s</td></tr>'
                                                 % (escape(d), frac(*sc[d])) for d in sorted(sc)))
    for key, title in (('conformance', 'External conformance suite (build/conformance/summary.tsv)'),
                       ('interop', 'Interoperability (build/interop/summary.tsv)')):
        out.append('<h3>%s</h3>' % title)
        out.append('<p>%s</p>' % notrun(key) if r[key] is None else results_table(r[key]))
        if key == 'conformance':
            out += expectations(r)
    return out


def expectations(r):
    out = []
    for name, items in r['expectations'].items():
        out.append('<p>The expectation list <code>%s</code>: %d scripts expected not to pass, by directory '
                   '(with the missing behaviour):</p>' % (escape(name), len(items)))
        out.append('<table class="sortable"><thead><tr><th>directory</th><th class="num">FAIL</th>'
                   '<th class="num">SKIP</th><th>why</th></tr></thead><tbody>')
        for d, nf, ns, reasons in gather.expectation_summary(items):
            out.append('<tr><td><code>%s</code></td><td class="num">%d</td><td class="num">%d</td><td>%s</td></tr>'
                       % (escape(d), nf, ns, '<br>'.join(escape(x) for x in reasons)))
        out.append('</tbody></table>')
    return out


def diagram(r):
    out = ['<h2 id="diagram">State diagram (docs/tcpfsm.svg)</h2>']
    if r['diagram'] is None:
        out.append('<p class="notrun">docs/tcpfsm.svg is missing: run make gen (with graphviz installed)</p>')
        return out
    out.append('<p>Each state links to its rows in the matrix, each transition to its row.</p>')
    out.append('<div class="diagram-box">%s</div>' % gather.diagram_links(r['diagram'], r['rows']))
    return out


def inputs_section(r):
    b = r['build_rel']
    items = [('model/tcp.fsm', True), ('%s/model/summary.tsv, trails, stories, coverage' % b, r['model'] is not None),
             ('%s/proofs/summary.tsv and WP JSON' % b, r['proofs'] is not None),
             ('%s/mutants/summary.tsv' % b, r['mutants'] is not None),
             ('unit tests\' row checks (%s)' % r['data_rel'] + '/unit-rows.txt', r['unit'] is not None),
             ('scenarios\' rows (%s/scenario-rows.tsv)' % r['data_rel'], r['scenarios'] is not None),
             ('%s/conformance/' % b, r['conformance'] is not None), ('%s/interop/' % b, r['interop'] is not None),
             ('docs/tcpfsm.svg', r['diagram'] is not None), ('proofs/ASSUMPTIONS.md', r['assumptions'] is not None)]
    return ['<h2 id="inputs">Inputs</h2><ul>'] + [
        '<li><code>%s</code>: %s</li>' % (escape(n), 'read' if ok else '<span class="notrun">absent</span>')
        for n, ok in items] + ['</ul>']


def markdown(text):
    """A small Markdown subset (headings, lists, paragraphs, `code`, **bold**) as HTML."""
    import re
    out, para, in_list = [], [], False

    def inline(s):
        s = escape(s)
        s = re.sub(r'`([^`]+)`', r'<code>\1</code>', s)
        return re.sub(r'\*\*([^*]+)\*\*', r'<b>\1</b>', s)

    def flush():
        if para:
            out.append('<p>%s</p>' % inline(' '.join(para)))
            del para[:]
    for line in text.split('\n'):
        m = re.match(r'(#+)\s+(.*)', line)
        if m:
            flush()
            if in_list:
                out.append('</ul>')
                in_list = False
            lvl = min(len(m.group(1)) + 3, 6)
            out.append('<h%d>%s</h%d>' % (lvl, inline(m.group(2)), lvl))
        elif re.match(r'\s*[-*] ', line) or (re.match(r'\s*[0-9]+\. ', line)):
            flush()
            if not in_list:
                out.append('<ul>')
                in_list = True
            out.append('<li>%s' % inline(re.sub(r'^\s*(?:[-*]|[0-9]+\.) ', '', line)))
        elif line.strip() == '':
            flush()
            if in_list:
                out.append('</ul>')
                in_list = False
        elif in_list:
            out[-1] += ' ' + inline(line.strip())
        else:
            para.append(line.strip())
    flush()
    if in_list:
        out.append('</ul>')
    return '\n'.join(out)
