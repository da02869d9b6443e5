#!/usr/bin/env python3
"""tests/conformance/classify.py - name the missing behaviour behind each script that does not pass.

    tests/conformance/classify.py SUITE_DIR < runner-verdicts > freebsd.expect

Reads the verdict lines of tcpfsm-drill (`FAIL path:line: ...`, `SKIP path:line: ...`; PASS lines
are dropped) and writes one expectations line per script:

    relative/path.pkt  FAIL|SKIP  reason

The reason names the behaviour of the core (or the construct of the runner) that the script needs;
the rules below are the classification of the FreeBSD state-event-engine failures, written from
reading the scripts and the runner's verbose traces. A verdict no rule recognises is classified
"unclassified: <message>", which tests/conformance/run.sh refuses: every reason must be named.
Used by `tests/conformance/run.sh --update`; the output is reviewed and committed.
"""
import re
import sys

RULES = [
    # (predicate on (path, message), reason)
    (lambda p, m: "(connection in CLOSING)" in m and "expected > F." in m and "got > . " in m,
     "CLOSING: an ACK sent while our FIN is unacknowledged does not repeat the FIN"),
    (lambda p, m: "read() = 3, got -1 EAGAIN" in m,
     "SYN-SENT: text on a SYN is discarded, not queued for delivery once ESTABLISHED "
     "(RFC 9293 3.10.7.3)"),
    (lambda p, m: "syn-ack-listen" in p and "got > R" in m,
     "LISTEN: a SYN,ACK draws a RST (FreeBSD drops it silently)"),
    (lambda p, m: "last-ack" in p and "ECONNRESET], got [0]" in m,
     "LAST-ACK: a RST does not report ECONNRESET"),
    (lambda p, m: re.search(r"expected > R\. \d+:\d+\(0\) ack \d+", m) is not None and "got > R. 0:0(0) ack" in m,
     "in-window SYN with RFC 5961 off: FreeBSD's RST is <SEQ=SND.NXT><ACK=RCV.NXT>, the core's "
     "<SEQ=0><ACK=SEG.SEQ+SEG.LEN>"),
    (lambda p, m: "time-wait" in p and "(connection in TIME-WAIT)" in m and "got > . " in m,
     "TIME-WAIT: a segment without ACK draws an ACK (FreeBSD drops it silently)"),
    (lambda p, m: "time-wait" in p and "got nothing" in m,
     "TIME-WAIT: an ACK-bearing segment that is not an exact duplicate draws no ACK"),
    (lambda p, m: "time-wait" in p and "got > S. " in m,
     "TIME-WAIT: a SYN above RCV.NXT reopens the connection (tw_reopen, under --profile rfc) where "
     "the suite's STANDARD branch expects an ACK or a RST"),
    (lambda p, m: "time-wait" in p and re.search(r"got > R\.? ", m) is not None,
     "TIME-WAIT: a SYN, SYN,ACK or SYN+FIN draws a RST and ends TIME-WAIT (FreeBSD ACKs or drops "
     "it and stays in TIME-WAIT)"),
]


def classify(path, message):
    for pred, reason in RULES:
        if pred(path, message):
            return reason
    return "unclassified: " + message


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: classify.py SUITE_DIR < verdicts")
    suite = sys.argv[1].rstrip("/") + "/"
    out = []
    for line in sys.stdin:
        m = re.match(r"^(FAIL|SKIP) (\S+?\.pkt)(?::\d+)?:? ?(.*)$", line.rstrip("\n"))
        if not m:
            continue
        verdict, path, message = m.groups()
        message = re.sub(r" \[profile [^]]*\]$", "", message)
        rel = path[len(suite):] if path.startswith(suite) else path
        out.append("%s  %s  %s" % (rel, verdict, classify(rel, message)))
    for line in sorted(out):
        print(line)


if __name__ == "__main__":
    main()
