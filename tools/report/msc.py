"""A SPIN counterexample drawn as a message-sequence chart (SVG).

Input: the model's narration of the trail (build/model/NAME.story.txt, written by model/check.sh
from `spin -t`) and the replay of the trail (NAME.trail.txt, `spin -t -p`), which says where an
acceptance cycle starts and which assertion failed. Two lifelines (ep0, ep1), time flowing down,
one arrow per segment from its sending step to its receiving step, labelled SEQ/ACK/CTL; a lost
segment ends in a cross half-way; the violation is marked at the step where it happens.
"""
import re
from html import escape

from inputs import InputError

STEP = re.compile(r'ep([01]) \(inc (\d+)\) ([A-Z0-9_-]+) --([A-Z0-9_]+)(?: (<SEQ=.*?))?--> ([A-Z0-9_-]+)\s+'
                  r'\[T(\d+)\]\s*(.*)$')
SEND = re.compile(r'\s+send to ep([01])(, LOST|, DUPLICATED)?: (<SEQ=.*)$')
FULL = re.compile(r'\s+network full, dropped: (<SEQ=.*)$')
DROP = re.compile(r'ep([01]) drops (<SEQ=.*)$')
TICK = re.compile(r'tick\b(.*)$')
DATA = re.compile(r'ep([01]) \(inc (\d+)\) sends (\d+) of data, received and acknowledged: (.*)$')
SEG = re.compile(r'<SEQ=(\d+)><ACK=(\d+)><CTL=([A-Z,]*)> age (\d+), from incarnation (\d+) for (\d+)\s*$')


def _seg(path, n, text):
    m = SEG.match(text)
    if not m:
        raise InputError('%s:%d: expected a segment "<SEQ=n><ACK=n><CTL=...> age n, from incarnation n for n"'
                         % (path, n))
    return dict(seq=int(m.group(1)), ack=int(m.group(2)), ctl=m.group(3).rstrip(',') or '-',
                gatt=m.group(5), gpeer=m.group(6), text=text)


def parse_story(path):
    """The story as a list of items: dict(kind=step|send|lost|dup|full|drop|tick, ...)."""
    items = []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    for n, line in enumerate(lines, 1):
        m = STEP.match(line)
        if m:
            items.append(dict(kind='step', ep=int(m.group(1)), inc=m.group(2), frm=m.group(3), event=m.group(4),
                              seg=_seg(path, n, m.group(5)) if m.group(5) else None, to=m.group(6),
                              row=int(m.group(7)), vars=m.group(8).strip(), line=n))
            continue
        m = SEND.match(line)
        if m:
            kind = {None: 'send', ', LOST': 'lost', ', DUPLICATED': 'dup'}[m.group(2)]
            items.append(dict(kind=kind, dest=int(m.group(1)), seg=_seg(path, n, m.group(3)), line=n))
            continue
        m = FULL.match(line)
        if m:
            items.append(dict(kind='full', seg=_seg(path, n, m.group(1)), line=n))
            continue
        m = DROP.match(line)
        if m:
            items.append(dict(kind='drop', ep=int(m.group(1)), seg=_seg(path, n, m.group(2)), line=n))
            continue
        if TICK.match(line):
            items.append(dict(kind='tick', line=n))
            continue
        m = DATA.match(line)
        if m:
            items.append(dict(kind='data', ep=int(m.group(1)), inc=m.group(2), length=int(m.group(3)),
                              vars=m.group(4).strip(), line=n))
            continue
        raise InputError('%s:%d: expected a step "epN (inc N) STATE --EVENT--> STATE  [Tn] ...", '
                         'a "send to epN" line, a "drops" line, a "sends N of data" line or a "tick" line'
                         % (path, n))
    if not items:
        raise InputError('%s:1: expected at least one step of the counterexample' % path)
    return items


def parse_trail(path):
    """(failed assertion text or None, number of narrated steps before the acceptance cycle or None)."""
    assertion, cycle, narr = None, None, 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('NARR'):
                narr += 1
            m = re.match(r'spin: text of failed assertion: (.*)', line)
            if m and assertion is None:
                assertion = m.group(1).strip()
            if '<<<<<START OF CYCLE>>>>>' in line and cycle is None:
                cycle = narr
    return assertion, cycle


class Chart:
    """The layout: one slot per story item (consecutive ticks share a slot)."""
    X = (300, 700)
    WIDTH = 1000
    SLOT = 24
    TOP = 70


def draw(items, title, violation, cycle_at=None, uid="m"):
    """The SVG text of the chart. violation: the words to mark at the last step (or at the cycle)."""
    # A step's segments are narrated just before the step: they share the step's slot.
    slots, y, prev_tick = [None] * len(items), Chart.TOP, False
    for i, it in enumerate(items):
        if it['kind'] == 'tick' and prev_tick:
            slots[i] = slots[i - 1]
            continue
        prev_tick = it['kind'] == 'tick'
        if it['kind'] in ('send', 'lost', 'dup', 'full'):
            j = i
            while j < len(items) and items[j]['kind'] in ('send', 'lost', 'dup', 'full'):
                j += 1
            if j < len(items) and items[j]['kind'] == 'step' and items[j]['ep'] != it.get('dest'):
                continue            # placed with its step below
        y += Chart.SLOT
        slots[i] = y
        if it['kind'] == 'step':
            k = i - 1
            while k >= 0 and slots[k] is None:
                slots[k] = y
                k -= 1
    height = y + Chart.SLOT * 4
    x0, x1 = Chart.X
    out = ['<svg xmlns="http://www.w3.org/2000/svg" class="msc" width="%d" height="%d" viewBox="0 0 %d %d" '
           'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" role="img" aria-label="%s">' % (Chart.WIDTH, height, Chart.WIDTH, height, escape(title)),
           '<title>%s</title>' % escape(title),
           '<defs><marker id="%s-ah" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" '
           'markerWidth="12" markerHeight="12" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f4e79"/></marker></defs>' % uid,
           '<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>' % (Chart.WIDTH, height)]
    # lifelines
    first_state = {}
    for it in items:
        if it['kind'] == 'step' and it['ep'] not in first_state:
            first_state[it['ep']] = it['frm']
    for ep, x in ((0, x0), (1, x1)):
        out.append('<rect x="%d" y="12" width="140" height="34" rx="6" fill="#eef3f8" stroke="#1f4e79"/>' % (x - 70))
        out.append('<text x="%d" y="34" text-anchor="middle" font-size="15" font-weight="bold">ep%d</text>' % (x, ep))
        out.append('<line x1="%d" y1="46" x2="%d" y2="%d" stroke="#1f4e79" stroke-width="2"/>' % (x, x, height - 20))
    out.append('<text x="%d" y="%d" text-anchor="middle" font-size="11" fill="#555">time flows down</text>'
               % ((x0 + x1) // 2, height - 6))
    # steps, ticks, and where each segment was sent (matched to its receipt below)
    inflight = {0: [], 1: []}   # destination -> [(y, seg, sender)]
    arrows = []
    for i, it in enumerate(items):
        y = slots[i]
        k = it['kind']
        if k == 'tick':
            n = 1
            while i + n < len(items) and items[i + n]['kind'] == 'tick':
                n += 1
            if i > 0 and items[i - 1]['kind'] == 'tick':
                continue
            out.append('<line x1="40" y1="%d" x2="%d" y2="%d" stroke="#999" stroke-dasharray="4 4"/>'
                       % (y, Chart.WIDTH - 40, y))
            out.append('<text x="44" y="%d" font-size="11" fill="#666">%s</text>'
                       % (y - 3, 'clock tick' if n == 1 else '%d clock ticks' % n))
            continue
        if k in ('send', 'dup'):
            for _ in range(2 if k == 'dup' else 1):
                inflight[it['dest']].append((y, it['seg'], 1 - it['dest']))
            continue
        if k == 'data':
            # the model's abstract data transfer: sent, received and acknowledged in one step
            xa, xb = (x0, x1) if it['ep'] == 0 else (x1, x0)
            out.append('<g class="seg data"><title>%s</title><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#2e7d32" '
                       'stroke-width="4" stroke-opacity="0.5" marker-end="url(#%s-ah)"/><text x="%d" y="%d" '
                       'text-anchor="middle" font-size="10.5" fill="#2e7d32">%d of data, received and acknowledged'
                       '</text></g>' % (escape('ep%d (inc %s) %s' % (it['ep'], it['inc'], it['vars'])), xa, y, xb, y,
                                        uid, (x0 + x1) // 2, y - 4, it['length']))
            continue
        if k in ('lost', 'full'):
            dest = it.get('dest', None)
            if dest is None:        # network full: the sender is the step this segment belongs to
                nxt = [x for x in items[i:] if x['kind'] in ('step', 'data')]
                sender = nxt[0]['ep'] if nxt else 0
                dest = 1 - sender
            else:
                sender = 1 - dest
            arrows.append(('lost' if k == 'lost' else 'full', y, y + Chart.SLOT, sender, dest, it['seg']))
            continue
        # a step, or a segment dropped on arrival
        ep = it['ep']
        seg = it['seg']
        if seg is not None:
            sent = _match(inflight[ep], seg)
            if sent is not None:
                arrows.append(('drop' if k == 'drop' else 'deliver', sent[0], y, sent[2], ep, sent[1]))
            else:
                arrows.append(('unknown', y - Chart.SLOT // 2, y, 1 - ep, ep, seg))
        if k == 'step':
            x = x0 if ep == 0 else x1
            label = '%s \u2192 %s  [T%02d] %s' % (it['frm'], it['to'], it['row'], it['event'])
            if it['frm'] == it['to']:
                label = '%s  [T%02d] %s' % (it['frm'], it['row'], it['event']) if it['row'] else \
                    '%s  %s (no row)' % (it['frm'], it['event'])
            anchor, tx = ('end', x - 10) if ep == 0 else ('start', x + 10)
            out.append('<g class="step"><title>%s</title><circle cx="%d" cy="%d" r="4" fill="#1f4e79"/>'
                       '<text x="%d" y="%d" text-anchor="%s" font-size="11">%s</text></g>'
                       % (escape('ep%d (inc %s) %s' % (ep, it['inc'], it['vars'])), x, y, tx, y + 4, anchor,
                          escape(label)))
    for dest, segs in inflight.items():
        for (y, seg, sender) in segs:
            arrows.append(('inflight', y, y + Chart.SLOT, sender, dest, seg))
    for kind, ya, yb, sender, dest, seg in arrows:
        out.append(_arrow(kind, ya, yb, sender, dest, seg, uid))
    # the violation
    last = max(i for i, it in enumerate(items) if it['kind'] == 'step') if any(
        it['kind'] == 'step' for it in items) else len(items) - 1
    if cycle_at is not None and cycle_at < len(items):
        ya, yb = slots[cycle_at] - Chart.SLOT // 2, slots[-1] + Chart.SLOT // 2
        out.append('<g class="violation"><rect x="8" y="%d" width="%d" height="%d" fill="none" stroke="#c00000" '
                   'stroke-width="2" stroke-dasharray="8 4"/><text x="14" y="%d" font-size="12" fill="#c00000" '
                   'font-weight="bold">\u21bb %s</text></g>'
                   % (ya, Chart.WIDTH - 16, yb - ya, yb + 16, escape(violation)))
    else:
        y = slots[last]
        out.append('<g class="violation"><rect x="8" y="%d" width="%d" height="%d" fill="#c00000" fill-opacity="0.08" '
                   'stroke="#c00000" stroke-width="2"/><text x="%d" y="%d" text-anchor="middle" font-size="12" '
                   'fill="#c00000" font-weight="bold">\u2717 %s</text></g>'
                   % (y - Chart.SLOT // 2, Chart.WIDTH - 16, Chart.SLOT, Chart.WIDTH // 2, y + Chart.SLOT + 14,
                      escape(violation)))
    out.append('</svg>')
    return '\n'.join(out) + '\n'


def _match(pending, seg):
    """Removes and returns the in-flight segment that `seg` is: the same fields, or failing that
    (the sequence numbers are renumbered at each clock tick) the oldest with the same flags and
    incarnations."""
    def key(s, exact):
        k = (s['ctl'], s['gatt'], s['gpeer'])
        return k + (s['seq'], s['ack']) if exact else k
    for exact in (True, False):
        for i, (y, s, sender) in enumerate(pending):
            if key(s, exact) == key(seg, exact):
                return pending.pop(i)
    return None


def _arrow(kind, ya, yb, sender, dest, seg, uid):
    x0, x1 = Chart.X
    xs = x0 if sender == 0 else x1
    xd = x1 if sender == 0 else x0
    label = 'SEQ=%d ACK=%d %s' % (seg['seq'], seg['ack'], seg['ctl'])
    color = {'deliver': '#1f4e79', 'drop': '#7f6000', 'lost': '#c00000', 'full': '#c00000', 'inflight': '#777',
             'unknown': '#777'}[kind]
    if kind in ('lost', 'full', 'inflight'):
        xe = (xs + xd) // 2
        ye = yb
    else:
        xe, ye = xd, yb
    if kind == 'unknown':
        xs = (xs + xd) // 2
    dash = ' stroke-dasharray="6 3"' if kind in ('inflight', 'unknown') else ''
    parts = ['<g class="seg %s"><title>%s</title>' % (kind, escape(seg['text']))]
    if kind in ('lost', 'full'):
        parts.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="1.5"/>'
                     % (xs, ya, xe, ye, color))
        parts.append('<path d="M%d,%d l12,12 M%d,%d l-12,12" stroke="%s" stroke-width="2.5"/>'
                     % (xe - 6, ye - 6, xe + 6, ye - 6, color))
        label += '  LOST' if kind == 'lost' else '  DROPPED (network full)'
    else:
        parts.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="1.5"%s marker-end="url(#%s-ah)"/>'
                     % (xs, ya, xe, ye, color, dash, uid))
        if kind == 'drop':
            label += '  (dropped)'
        elif kind == 'inflight':
            label += '  (still in flight)'
    mx, my = (xs + xe) / 2.0, (ya + ye) / 2.0
    parts.append('<text x="%.0f" y="%.0f" text-anchor="middle" font-size="10.5" fill="%s" '
                 'paint-order="stroke" stroke="#ffffff" stroke-width="3">%s</text></g>'
                 % (mx, my - 3, color, escape(label)))
    return ''.join(parts)
