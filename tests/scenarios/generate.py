#!/usr/bin/env python3
"""Generate the RFC 5961 edge-case families of the scenario suite.

    python3 tests/scenarios/generate.py            # rewrites tests/scenarios/<state>/rfc5961_*.pkt

For each synchronized state (SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT,
CLOSING, LAST-ACK, TIME-WAIT) it writes one script per case:
  - RST, SYN and pure ACK segments whose sequence number is at the left edge of the receive window
    (RCV.NXT), at its right edge (RCV.NXT+RCV.WND-1), just outside on the right (RCV.NXT+RCV.WND)
    and, for RST and ACK, just outside on the left (RCV.NXT-1);
  - ACK numbers at the edges of the RFC 5961 section 5.2 range SND.UNA-MAX.SND.WND =< SEG.ACK =<
    SND.NXT and just outside them;
each in the secure (RFC 5961) and insecure (RFC 793) configuration where they differ.

The expected segments come from the RFC text quoted in every script, not from the core. The output
is committed; rerun this after changing it and review the diff.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MOD = 1 << 32

# Our receive window (RCV.WND) is the advertised window of the profile; the scripts set it
# explicitly so that the edges are the same under every profile.
RCV_WND = 20000
# The peer's window in every segment it sends: MAX.SND.WND.
PEER_WND = 1000

PREAMBLE = """\
0     socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
+0    setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0
+0    bind(3, ..., ...) = 0
+0    listen(3, 1) = 0
+0    < S 0:0(0) win 1000 <mss 1000>
+0    > S. 0:0(0) ack 1 <...>
"""
ACCEPT = """\
+.1   < . 1:1(0) ack 1 win 1000
+0    accept(3, ..., ...) = 4
"""

# Each synchronized state: how to get there from LISTEN, and the variables at that point.
#   rcv: RCV.NXT (relative to the peer's ISN), nxt: SND.NXT, una: SND.UNA (relative to our ISS)
#   linux: Linux's tcpi_state number, listing: the netstat spelling
STATES = [
    dict(dir="syn_received", name="SYN-RECEIVED", rcv=1, nxt=1, una=0, linux=3, listing="SYN_RECV",
         setup=""),
    dict(dir="established", name="ESTABLISHED", rcv=1, nxt=1, una=1, linux=1, listing="ESTABLISHED",
         setup=ACCEPT),
    dict(dir="fin_wait_1", name="FIN-WAIT-1", rcv=1, nxt=2, una=1, linux=4, listing="FIN_WAIT1",
         setup=ACCEPT + "+.1   shutdown(4, SHUT_WR) = 0\n+0    > F. 1:1(0) ack 1\n"),
    dict(dir="fin_wait_2", name="FIN-WAIT-2", rcv=1, nxt=2, una=2, linux=5, listing="FIN_WAIT2",
         setup=ACCEPT + "+.1   shutdown(4, SHUT_WR) = 0\n+0    > F. 1:1(0) ack 1\n"
               "+.05  < . 1:1(0) ack 2 win 1000\n"),
    dict(dir="close_wait", name="CLOSE-WAIT", rcv=2, nxt=1, una=1, linux=8, listing="CLOSE_WAIT",
         setup=ACCEPT + "+.1   < F. 1:1(0) ack 1 win 1000\n+0    > . 1:1(0) ack 2\n"),
    dict(dir="closing", name="CLOSING", rcv=2, nxt=2, una=1, linux=11, listing="CLOSING",
         setup=ACCEPT + "+.1   shutdown(4, SHUT_WR) = 0\n+0    > F. 1:1(0) ack 1\n"
               "+.05  < F. 1:1(0) ack 1 win 1000\n"
               "#ifdef FreeBSD\n+0    > F. 1:1(0) ack 2\n#else\n+0    > . 2:2(0) ack 2\n#endif\n"),
    dict(dir="last_ack", name="LAST-ACK", rcv=2, nxt=2, una=1, linux=9, listing="LAST_ACK",
         setup=ACCEPT + "+.1   < F. 1:1(0) ack 1 win 1000\n+0    > . 1:1(0) ack 2\n"
               "+.05  shutdown(4, SHUT_WR) = 0\n+0    > F. 1:1(0) ack 2\n"),
    dict(dir="time_wait", name="TIME-WAIT", rcv=2, nxt=2, una=2, linux=6, listing="TIME_WAIT",
         setup=ACCEPT + "+.1   shutdown(4, SHUT_WR) = 0\n+0    > F. 1:1(0) ack 1\n"
               "+.05  < . 1:1(0) ack 2 win 1000\n+.05  < F. 1:1(0) ack 2 win 1000\n"
               "+0    > . 2:2(0) ack 2\n"),
]

Q_RST_EXACT = ('RFC 5961 section 3.2: "If the RST bit is set and the sequence number exactly matches the '
               'next expected sequence number (RCV.NXT), then TCP MUST reset the connection."')
Q_RST_WINDOW = ('RFC 5961 section 3.2: "If the RST bit is set and the sequence number does not exactly match '
                'the next expected sequence value, yet is within the current receive window, TCP MUST send an '
                'acknowledgment (challenge ACK): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"')
Q_RST_OUTSIDE = ('RFC 5961 section 3.2: "If the RST bit is set and the sequence number is outside the current '
                 'receive window, silently drop the segment."')
Q_RST_793 = ('RFC 793 section 3.4: "In all states except SYN-SENT, all reset (RST) segments are validated by '
             'checking their SEQ-fields. A reset is valid if its sequence number is in the window."')
Q_RST_1337 = 'RFC 1337 section 3: "(F1) Ignore RST segments in TIME-WAIT state."'
Q_RST_CLOSE = ('RFC 9293 section 3.10.7.4: "CLOSING STATE, LAST-ACK STATE, TIME-WAIT STATE: If the RST bit is '
               'set, then enter the CLOSED state, delete the TCB, and return."')
Q_RST_RESET = ('RFC 9293 section 3.10.7.4: "ESTABLISHED STATE, FIN-WAIT-1 STATE, FIN-WAIT-2 STATE, CLOSE-WAIT '
               'STATE: If the RST bit is set, then any outstanding RECEIVEs and SEND should receive \'reset\' '
               'responses. ... Users should also receive an unsolicited general \'connection reset\' signal. '
               'Enter the CLOSED state, delete the TCB, and return."')
Q_RST_LISTEN = ('RFC 9293 section 3.10.7.4: "SYN-RECEIVED STATE: If the RST bit is set, If this connection was '
                'initiated with a passive OPEN (i.e., came from the LISTEN state), then return this connection '
                'to LISTEN state and return."')
Q_SYN_5961 = ('RFC 5961 section 4.2: "If the SYN bit is set, irrespective of the sequence number, TCP MUST send '
              'an ACK (also referred to as challenge ACK) to the remote peer: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"')
Q_SYN_793 = ('RFC 793 section 3.9: "If the SYN is in the window it is an error, send a reset, any outstanding '
             'RECEIVEs and SEND should receive \'reset\' responses, ... enter the CLOSED state, delete the TCB, '
             'and return."')
Q_UNACCEPTABLE = ('RFC 9293 section 3.10.7.4: "If an incoming segment is not acceptable, an acknowledgment should '
                  'be sent in reply (unless the RST bit is set, if so drop the segment and return): '
                  '<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"')
Q_ACCEPTABLE = ('RFC 9293 section 3.3.3: a segment of length 0 is acceptable when '
                '"RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND"')
Q_TW_REOPEN = ('RFC 9293 section 3.6.1 (RFC 1122 4.2.2.13): "it MAY accept a new SYN from the remote TCP to '
               'reopen the connection directly from TIME-WAIT state"; with reopening off, RFC 5961 section 4.2 '
               'applies: "If the SYN bit is set, irrespective of the sequence number, TCP MUST send an ACK"')
Q_ACK_RANGE = ('RFC 5961 section 5.2: "the ACK value is considered acceptable only if it is in the range of '
               '((SND.UNA - MAX.SND.WND) =< SEG.ACK =< SND.NXT). All incoming segments whose ACK value doesn\'t '
               'satisfy the above condition MUST be discarded and an ACK sent back."')
Q_ACK_DUP = ('RFC 9293 section 3.10.7.4: "If the ACK is a duplicate (SEG.ACK < SND.UNA), it can be ignored."')
Q_ACK_AHEAD = ('RFC 9293 section 3.10.7.4: "If the ACK acks something not yet sent (SEG.ACK > SND.NXT), then '
               'send an ACK, drop the segment, and return."')
Q_SR_ACK = ('RFC 9293 section 3.10.7.4: "SYN-RECEIVED STATE: If SND.UNA < SEG.ACK =< SND.NXT, then enter '
            'ESTABLISHED state and continue processing"')
Q_ACK_FIN = ('RFC 9293 section 3.10.7.4: "FIN-WAIT-1 STATE: In addition to the processing for the ESTABLISHED '
             'state, if the FIN segment is now acknowledged, then enter FIN-WAIT-2"; "CLOSING STATE: ... if the '
             'ACK acknowledges our FIN, then enter the TIME-WAIT state"; "LAST-ACK STATE: ... If our FIN is now '
             'acknowledged, delete the TCB, enter the CLOSED state"')

# The freebsd profile's knobs (issue 12; src/tcpfsm_profiles.c), where FreeBSD departs from the RFC text:
Q_FREEBSD_FIN = ('FreeBSD (knob ack_repeats_fin): tcp_output() sets FIN in FIN-WAIT-1, CLOSING and LAST-ACK '
                 '(tcp_outflags[]) and "If resending a FIN, be sure not to use a new sequence number": while our '
                 'FIN is unacknowledged the ACK we owe is <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=FIN,ACK> (not to a SYN, '
                 'answered by tcp_respond())')
Q_FREEBSD_SYN_RST = ('FreeBSD (knob syn_rst_from_tcb): an in-window SYN with net.inet.tcp.insecure_syn=1 makes '
                     'tcp_drop() send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> from the connection')
Q_FREEBSD_RST = ('FreeBSD (knob closing_rst_resets): a valid RST sets so_error = ECONNRESET in every '
                 'synchronized state, CLOSING and LAST-ACK included')

# States in which our FIN is sent and unacknowledged (FreeBSD repeats it on every ACK we owe).
FIN_UNACKED = ("FIN-WAIT-1", "CLOSING", "LAST-ACK")

LINUX_STATE = {"ESTABLISHED": 1, "SYN-SENT": 2, "SYN-RECEIVED": 3, "FIN-WAIT-1": 4, "FIN-WAIT-2": 5,
               "TIME-WAIT": 6, "CLOSED": 7, "CLOSE-WAIT": 8, "LAST-ACK": 9, "LISTEN": 10, "CLOSING": 11}


def rel(n):
    return n % MOD


def ack_line(st):
    return "+0    > . %d:%d(0) ack %d" % (st["nxt"], st["nxt"], st["rcv"])


def owed_ack_lines(st):
    """The ACK owed for an acceptable or unacceptable segment without SYN: under FreeBSD the FIN
    again while ours is unacknowledged (Q_FREEBSD_FIN)."""
    if st["name"] not in FIN_UNACKED:
        return [ack_line(st)]
    fin = st["nxt"] - 1
    return ["#ifdef FreeBSD", "+0    > F. %d:%d(0) ack %d" % (fin, fin, st["rcv"]), "#else", ack_line(st),
            "#endif"]


def final_checks(st, state_after, error, error_freebsd=None):
    """Lines asserting the state after the test segment (and the error reported to the user)."""
    lines = []
    if st["dir"] == "syn_received":
        # No socket has been accepted yet: count connection blocks by state.
        if state_after == "SYN-RECEIVED":
            lines.append("+0    `netstat -n -t | grep -c SYN_RECV | grep 1`")
        else:
            lines.append("+0    `netstat -n -t | grep -c SYN_RECV | grep 0`")
            lines.append("+0    `netstat -n -t | grep -c ESTABLISHED | grep %d`"
                         % (1 if state_after == "ESTABLISHED" else 0))
        lines.append("+0    `netstat -n -t -l | grep -c LISTEN | grep 1`")
        return lines
    lines.append("+0    %%{ assert tcpi_state == %d }%%   // %s" % (LINUX_STATE[state_after], state_after))
    if error_freebsd is not None and error_freebsd != error:
        lines.append("#ifdef FreeBSD")
        lines.append("+0    getsockopt(4, SOL_SOCKET, SO_ERROR, [%s], [4]) = 0" % (error_freebsd or "0"))
        lines.append("#else")
        lines.append("+0    getsockopt(4, SOL_SOCKET, SO_ERROR, [%s], [4]) = 0" % (error or "0"))
        lines.append("#endif")
        return lines
    lines.append("+0    getsockopt(4, SOL_SOCKET, SO_ERROR, [%s], [4]) = 0" % (error or "0"))
    return lines


def write(path, title, quotes, rows, sysctls, st, test_lines, state_after, error, profiles="rfc linux freebsd",
          error_freebsd=None):
    if st["name"] == "CLOSING" and Q_FREEBSD_FIN not in quotes:
        quotes = quotes + [Q_FREEBSD_FIN]   # the setup's ACK of the peer's FIN
    text = ["// profiles: %s" % profiles,
            "// %s" % title]
    for q in quotes:
        text.append("// " + q)
    text.append("// Table rows: %s. Generated by tests/scenarios/generate.py." % rows)
    text.append("// State on entry: %s with RCV.NXT=%d, SND.NXT=%d, SND.UNA=%d (relative), RCV.WND=%d, "
                "MAX.SND.WND=%d." % (st["name"], st["rcv"], st["nxt"], st["una"], RCV_WND, PEER_WND))
    text.append("")
    text.append("0     `sysctl -w tcpfsm.window=%d`" % RCV_WND)
    if st["dir"] == "time_wait":
        # RFC 9293's check of segments in TIME-WAIT (the freebsd profile has BSD's tcp_twcheck(),
        # tested by time_wait/bsd_*.pkt)
        sysctls = ["tcpfsm.tw_bsd=0"] + list(sysctls)
    for s in sysctls:
        text.append("+0    `sysctl -w %s`" % s)
    text.append(PREAMBLE.rstrip("\n"))
    if st["setup"]:
        text.append(st["setup"].rstrip("\n"))
    text.append("")
    text.extend(test_lines)
    text.extend(final_checks(st, state_after, error, error_freebsd))
    full = os.path.join(HERE, st["dir"], path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write("\n".join(text) + "\n")
    return full


def reset_outcome(st, profile_rfc1337):
    """What a valid RST does in `st`: (state after, error, quote, row)."""
    n = st["name"]
    if n == "SYN-RECEIVED":
        return "LISTEN", None, Q_RST_LISTEN, "T24"
    if n in ("ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT"):
        return "CLOSED", "ECONNRESET", Q_RST_RESET, {"ESTABLISHED": "T38", "FIN-WAIT-1": "T52",
                                                      "FIN-WAIT-2": "T63", "CLOSE-WAIT": "T74"}[n]
    if n == "TIME-WAIT" and profile_rfc1337:
        return "TIME-WAIT", None, Q_RST_1337, "T111"
    return "CLOSED", None, Q_RST_CLOSE, {"CLOSING": "T87", "LAST-ACK": "T100", "TIME-WAIT": "T112"}[n]


CHALLENGE_ROW = {"SYN-RECEIVED": "T26", "ESTABLISHED": "T39", "FIN-WAIT-1": "T53", "FIN-WAIT-2": "T64",
                 "CLOSE-WAIT": "T75", "CLOSING": "T88", "LAST-ACK": "T101", "TIME-WAIT": "T114"}
SYN_CHALLENGE_ROW = {"SYN-RECEIVED": "T28", "ESTABLISHED": "T40", "FIN-WAIT-1": "T54", "FIN-WAIT-2": "T65",
                     "CLOSE-WAIT": "T76", "CLOSING": "T89", "LAST-ACK": "T102", "TIME-WAIT": "T117"}
SYN_RESET_ROW = {"SYN-RECEIVED": "T29", "ESTABLISHED": "T41", "FIN-WAIT-1": "T55", "FIN-WAIT-2": "T66",
                 "CLOSE-WAIT": "T77", "CLOSING": "T90", "LAST-ACK": "T103", "TIME-WAIT": "T118"}
UNACC_ROW = {"SYN-RECEIVED": "T30", "ESTABLISHED": "T43", "FIN-WAIT-1": "T57", "FIN-WAIT-2": "T68",
             "CLOSE-WAIT": "T79", "CLOSING": "T92", "LAST-ACK": "T105", "TIME-WAIT": "T120"}
ACK_INVALID_ROW = {"ESTABLISHED": "T42", "FIN-WAIT-1": "T56", "FIN-WAIT-2": "T67", "CLOSE-WAIT": "T78",
                   "CLOSING": "T91", "LAST-ACK": "T104", "TIME-WAIT": "T119"}
ACK_ROW = {"ESTABLISHED": "T36", "FIN-WAIT-1": "T49", "FIN-WAIT-2": "T61", "CLOSE-WAIT": "T71",
           "CLOSING": "T84", "LAST-ACK": "T97", "TIME-WAIT": "T110"}


def gen_rst(st):
    out = []
    rcv = st["rcv"]
    positions = [("left_edge", rcv, "at the left edge, SEG.SEQ = RCV.NXT"),
                 ("right_edge", rcv + RCV_WND - 1, "at the right edge, SEG.SEQ = RCV.NXT+RCV.WND-1"),
                 ("outside_right", rcv + RCV_WND, "just outside the window, SEG.SEQ = RCV.NXT+RCV.WND"),
                 ("outside_left", rcv - 1, "just below the window, SEG.SEQ = RCV.NXT-1")]
    # TIME-WAIT depends on RFC 1337: both settings, set explicitly.
    variants = [(None, None)]
    if st["name"] == "TIME-WAIT":
        variants = [("rfc1337_on", 1), ("rfc1337_off", 0)]
    for secure in (1, 0):
        for tag, rfc1337 in variants:
            for pos, seq, where in positions:
                sysctls = ["net.inet.tcp.insecure_rst=%d" % (0 if secure else 1)]
                if rfc1337 is not None:
                    sysctls.append("net.ipv4.tcp_rfc1337=%d" % rfc1337)
                cfg = "secure" if secure else "insecure"
                name = "rfc5961_rst_%s_%s%s.pkt" % (pos, cfg, "_" + tag if tag else "")
                seg = "+.01  < R %d:%d(0) win 1000" % (rel(seq), rel(seq))
                in_window = pos in ("left_edge", "right_edge")
                exact = pos == "left_edge"
                if not in_window:
                    quotes, rows, after, err, expect = [Q_RST_OUTSIDE, Q_RST_793], "none (dropped)", st["name"], None, []
                elif exact or not secure:
                    after, err, q, row = reset_outcome(st, rfc1337)
                    quotes = [Q_RST_EXACT if secure else Q_RST_793, q]
                    rows, expect = row, []
                    if st["name"] in ("CLOSING", "LAST-ACK"):
                        quotes.append(Q_FREEBSD_RST)
                        rows = "%s (%s under freebsd)" % (row, {"CLOSING": "T123", "LAST-ACK": "T124"}[st["name"]])
                        err_bsd = "ECONNRESET"
                elif st["name"] == "TIME-WAIT" and rfc1337:
                    quotes, rows, after, err, expect = [Q_RST_1337], "T113", st["name"], None, []
                else:
                    quotes, rows, after, err = [Q_RST_WINDOW], CHALLENGE_ROW[st["name"]], st["name"], None
                    expect = [ack_line(st)]
                if not ((exact or not secure) and in_window and st["name"] in ("CLOSING", "LAST-ACK")):
                    err_bsd = None
                title = "%s: a RST %s (%s RST handling%s)" % (
                    st["name"], where, "RFC 5961" if secure else "RFC 793",
                    ", RFC 1337 %s" % ("on" if rfc1337 else "off") if rfc1337 is not None else "")
                out.append(write(name, title, quotes, rows, sysctls, st, [seg] + expect, after, err,
                                 error_freebsd=err_bsd))
    return out


def gen_syn(st):
    out = []
    rcv = st["rcv"]
    positions = [("left_edge", rcv, "at the left edge, SEG.SEQ = RCV.NXT"),
                 ("right_edge", rcv + RCV_WND - 1, "at the right edge, SEG.SEQ = RCV.NXT+RCV.WND-1"),
                 ("outside_right", rcv + RCV_WND, "just outside the window, SEG.SEQ = RCV.NXT+RCV.WND")]
    for secure in (1, 0):
        for pos, seq, where in positions:
            sysctls = ["net.inet.tcp.insecure_syn=%d" % (0 if secure else 1)]
            tw_new_syn = st["name"] == "TIME-WAIT" and pos != "left_edge"
            if tw_new_syn:
                # A SYN above RCV.NXT in TIME-WAIT is a new connection request (RFC 9293 3.6.1):
                # tested with reopening off here; time_wait/reopen_*.pkt tests it on.
                sysctls.append("tcpfsm.tw_reopen=0")
            cfg = "secure" if secure else "insecure"
            name = "rfc5961_syn_%s_%s.pkt" % (pos, cfg)
            seg = "+.01  < S %d:%d(0) win 1000 <mss 1000>" % (rel(seq), rel(seq))
            in_window = pos != "outside_right"
            if tw_new_syn:
                quotes, rows, after, err, expect = [Q_TW_REOPEN], "T116", st["name"], None, [ack_line(st)]
            elif secure:
                quotes, rows, after, err = [Q_SYN_5961], SYN_CHALLENGE_ROW[st["name"]], st["name"], None
                expect = [ack_line(st)]
            elif in_window:
                quotes, rows = [Q_SYN_793], SYN_RESET_ROW[st["name"]]
                after = "CLOSED"
                err = "ECONNRESET"
                # No ACK in the SYN: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (RFC 9293 3.10.7.1 form);
                # FreeBSD: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK> (Q_FREEBSD_SYN_RST).
                quotes = quotes + [Q_FREEBSD_SYN_RST]
                expect = ["#ifdef FreeBSD", "+0    > R. %d:%d(0) ack %d" % (st["nxt"], st["nxt"], st["rcv"]),
                          "#else", "+0    > R. 0:0(0) ack %d" % rel(seq + 1), "#endif"]
                if st["name"] == "SYN-RECEIVED":
                    after = "CLOSED"
            else:
                quotes, rows, after, err = [Q_UNACCEPTABLE], UNACC_ROW[st["name"]], st["name"], None
                expect = [ack_line(st)]
            title = "%s: a SYN %s (%s SYN handling)" % (st["name"], where, "RFC 5961" if secure else "RFC 793")
            out.append(write(name, title, quotes, rows, sysctls, st, [seg] + expect, after, err))
    return out


def gen_ack_seq(st):
    """Pure ACK segments at the edges of the receive window (sequence acceptability)."""
    out = []
    rcv = st["rcv"]
    ack = st["una"] if st["name"] != "SYN-RECEIVED" else st["nxt"]
    positions = [("left_edge", rcv, "at the left edge, SEG.SEQ = RCV.NXT"),
                 ("right_edge", rcv + RCV_WND - 1, "at the right edge, SEG.SEQ = RCV.NXT+RCV.WND-1"),
                 ("outside_right", rcv + RCV_WND, "just outside the window, SEG.SEQ = RCV.NXT+RCV.WND"),
                 ("outside_left", rcv - 1, "just below the window, SEG.SEQ = RCV.NXT-1")]
    for pos, seq, where in positions:
        name = "rfc5961_ackseq_%s.pkt" % pos
        seg = "+.01  < . %d:%d(0) ack %d win 1000" % (rel(seq), rel(seq), rel(ack))
        acceptable = pos in ("left_edge", "right_edge")
        if acceptable:
            if st["name"] == "SYN-RECEIVED":
                quotes, rows, after, expect = [Q_ACCEPTABLE, Q_SR_ACK], "T21", "ESTABLISHED", []
            else:
                quotes, rows, after, expect = [Q_ACCEPTABLE, Q_ACK_DUP], ACK_ROW[st["name"]], st["name"], []
        else:
            quotes, rows, after, expect = [Q_UNACCEPTABLE], UNACC_ROW[st["name"]], st["name"], owed_ack_lines(st)
            if st["name"] in FIN_UNACKED:
                quotes = quotes + [Q_FREEBSD_FIN]
        title = "%s: an ACK segment %s" % (st["name"], where)
        out.append(write(name, title, quotes, rows, [], st, [seg] + expect, after, None))
    return out


def gen_ack_number(st):
    """ACK numbers at the edges of SND.UNA-MAX.SND.WND =< SEG.ACK =< SND.NXT (RFC 5961 5.2)."""
    out = []
    if st["name"] == "SYN-RECEIVED":
        return out
    una, nxt, rcv = st["una"], st["nxt"], st["rcv"]
    positions = [("left_edge", una - PEER_WND, "SEG.ACK = SND.UNA-MAX.SND.WND"),
                 ("outside_left", una - PEER_WND - 1, "SEG.ACK = SND.UNA-MAX.SND.WND-1"),
                 ("right_edge", nxt, "SEG.ACK = SND.NXT"),
                 ("outside_right", nxt + 1, "SEG.ACK = SND.NXT+1")]
    fin_acked = {"FIN-WAIT-1": ("FIN-WAIT-2", "T48"), "CLOSING": ("TIME-WAIT", "T83"),
                 "LAST-ACK": ("CLOSED", "T96")}
    for secure in (1, 0):
        for pos, ack, where in positions:
            cfg = "secure" if secure else "insecure"
            name = "rfc5961_acknum_%s_%s.pkt" % (pos, cfg)
            seg = "+.01  < . %d:%d(0) ack %d win 1000" % (rel(rcv), rel(rcv), rel(ack))
            after, expect = st["name"], []
            if pos == "left_edge":
                quotes, rows = [Q_ACK_RANGE, Q_ACK_DUP], ACK_ROW[st["name"]]
            elif pos == "outside_left":
                if secure:
                    quotes, rows, expect = [Q_ACK_RANGE], ACK_INVALID_ROW[st["name"]], [ack_line(st)]
                else:
                    quotes, rows = [Q_ACK_DUP], ACK_ROW[st["name"]]
            elif pos == "right_edge":
                if st["name"] in fin_acked and nxt != una:
                    after, row = fin_acked[st["name"]]
                    quotes, rows = [Q_ACK_RANGE, Q_ACK_FIN], row
                else:
                    quotes, rows = [Q_ACK_RANGE], ACK_ROW[st["name"]]
            else:
                quotes = [Q_ACK_RANGE if secure else Q_ACK_AHEAD]
                rows, expect = ACK_INVALID_ROW[st["name"]], [ack_line(st)]
            title = "%s: ACK number %s (%s ACK validation)" % (st["name"], where,
                                                               "RFC 5961" if secure else "RFC 793")
            sysctls = ["tcpfsm.rfc5961_ack=%d" % secure]
            out.append(write(name, title, quotes, rows, sysctls, st, [seg] + expect, after, None))
    return out


def main():
    written = []
    for st in STATES:
        written += gen_rst(st)
        written += gen_syn(st)
        written += gen_ack_seq(st)
        written += gen_ack_number(st)
    print("%d scripts written" % len(written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
