#!/usr/bin/env python3
"""tests/report/check_dom.py DOM ROWS CHARTS [LEAD...] [--visible=N] - checks the DOM of index.html as headless
Chromium rendered it (chromium --dump-dom, after the page's script ran):
  - the page's script ran to its end (body data-script="done");
  - the traceability matrix has exactly ROWS lines (tr.trow), one per row id, ids unique;
  - exactly CHARTS message-sequence charts (svg.msc) are inline, each non-empty: rendered with a
    non-zero size (data-rendered="WxH", measured by the browser with getBBox), with arrows
    (line elements) and a marked violation (g.violation);
  - the state diagram's states and transitions link to lines of the matrix (a.dlink, no dangling link);
  - a line is highlighted (tr.gap) exactly when one of its cells is empty (td.empty);
  - with --visible=N (the page opened at #rows-from-STATE): the script's filter shows N lines;
  - the seed's figures lead the page: for each LEAD prefix (M1, M2) a chart figure
    (figure#msc-LEAD...) inside the first section's div.lead;
  - self-contained: no script, stylesheet, image or frame loaded from anywhere (no src= at all,
    no <link>), and the only absolute links are plain links to www.rfc-editor.org.
Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any failed.
"""
import re
import sys
from html.parser import HTMLParser


VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.body = {}
        self.trows = []
        self.mscs = []          # [attrs, lines, violations]
        self.stack_msc = 0
        self.lead_depth = None
        self.in_lead = False
        self.depth = 0
        self.lead_figures = []
        self.srcs, self.links, self.hrefs = [], [], []
        self.ids, self.dlinks = set(), []
        self.rowinfo, self.cur_row = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID:
            self.depth += 1
        if tag == 'body':
            self.body = a
        if tag == 'tr' and 'trow' in (a.get('class') or '').split():
            self.trows.append(a.get('id'))
            self.cur_row = dict(id=a.get('id'), gap='gap' in a['class'].split(), empty=0,
                                hidden='display: none' in (a.get('style') or ''))
            self.rowinfo.append(self.cur_row)
        if tag == 'td' and self.cur_row is not None and 'empty' in (a.get('class') or '').split():
            self.cur_row['empty'] += 1
        if tag == 'svg' and 'msc' in (a.get('class') or '').split():
            self.mscs.append([a, 0, 0])
            self.stack_msc = self.depth
        if self.stack_msc and tag == 'line':
            self.mscs[-1][1] += 1
        if self.stack_msc and tag == 'g' and 'violation' in (a.get('class') or '').split():
            self.mscs[-1][2] += 1
        if tag == 'div' and 'lead' in (a.get('class') or '').split() and self.lead_depth is None:
            self.lead_depth = self.depth
            self.in_lead = True
        if tag == 'figure' and self.in_lead and a.get('id'):
            self.lead_figures.append(a['id'])
        if a.get('id'):
            self.ids.add(a['id'])
        if tag == 'a' and 'dlink' in (a.get('class') or '').split():
            self.dlinks.append(a.get('href', ''))
        if 'src' in a:
            self.srcs.append((tag, a['src']))
        if tag == 'link':
            self.links.append(a)
        for k in ('href', 'xlink:href'):
            if k in a:
                self.hrefs.append(a[k])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == 'tr':
            self.cur_row = None
        if tag == 'svg' and self.stack_msc == self.depth:
            self.stack_msc = 0
        if tag == 'div' and self.in_lead and self.lead_depth == self.depth:
            self.in_lead = False
        self.depth -= 1


def main(argv):
    if len(argv) < 3:
        print('usage: check_dom.py DOM ROWS CHARTS [LEAD...]', file=sys.stderr)
        return 2
    dom = Dom()
    dom.feed(open(argv[0], encoding='utf-8').read())
    visible = [int(a.split('=', 1)[1]) for a in argv[3:] if a.startswith('--visible=')]
    rows, charts, lead = int(argv[1]), int(argv[2]), [a for a in argv[3:] if not a.startswith('--')]
    failed = 0

    def check(ok, what):
        nonlocal failed
        print(('ok   ' if ok else 'FAIL ') + what)
        failed += not ok
    check(dom.body.get('data-script') == 'done', 'the page\'s script ran (body data-script="done")')
    check(len(dom.trows) == rows and len(set(dom.trows)) == rows,
          'the matrix has %d lines, one per table row (expected %d, %d distinct ids)'
          % (len(dom.trows), rows, len(set(dom.trows))))
    wrong = [r['id'] for r in dom.rowinfo if r['gap'] != (r['empty'] > 0)]
    check(not wrong, 'a line is highlighted exactly when it has an empty cell (%d highlighted; wrong: %s)'
          % (sum(1 for r in dom.rowinfo if r['gap']), wrong[:5] or 'none'))
    for n in visible:
        shown = sum(1 for r in dom.rowinfo if not r['hidden'])
        check(shown == n, 'the page\'s filter shows %d lines (expected %d)' % (shown, n))
    check(len(dom.mscs) == charts, '%d message-sequence charts inline (expected %d)' % (len(dom.mscs), charts))
    for a, lines, viol in dom.mscs:
        m = re.match(r'([0-9]+)x([0-9]+)$', a.get('data-rendered', ''))
        check(m is not None and int(m.group(1)) > 0 and int(m.group(2)) > 0 and lines >= 3 and viol == 1,
              'chart "%s": rendered %s, %d lines, %d violation mark'
              % (a.get('aria-label', '?')[:60], a.get('data-rendered', 'not measured'), lines, viol))
    for prefix in lead:
        check(any(re.match(r'msc-%s[a-z]?_' % prefix, f) for f in dom.lead_figures),
              'the chart of %s leads the page (lead figures: %s)' % (prefix, ' '.join(dom.lead_figures) or 'none'))
    dangling = [h for h in dom.dlinks if not h.startswith('#') or h[1:] not in dom.ids]
    check(dom.dlinks and not dangling, 'the state diagram links %d states and transitions to rows of the matrix '
          '(dangling: %s)' % (len(dom.dlinks), dangling[:3] or 'none'))
    check(not dom.srcs, 'nothing loaded by src= (%s)' % (dom.srcs[:3] or 'none'))
    check(not dom.links, 'no <link> element (%s)' % (dom.links[:3] or 'none'))
    external = [h for h in dom.hrefs if re.match(r'[a-z]+:', h) and not h.startswith('https://www.rfc-editor.org/')]
    check(not external, 'no absolute link but to www.rfc-editor.org (%s)' % (external[:3] or 'none'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
