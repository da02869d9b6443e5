#!/usr/bin/env python3
"""Write the hand-made seed inputs of fuzz_core into tests/fuzz/corpus/core/.

Input format (see fuzz_core.c): hdr, hdr2, [knob bytes], then operations. An operation byte is
op | conn << 4 | variant << 5; conn 0 is A, 1 is B. The seeds below reach ESTABLISHED, the close
paths and TIME-WAIT between two blocks talking through the wire queue."""
import os, sys

A, B = 0, 1
def op(code, conn=0, var=0):
    return bytes([code | (conn << 4) | (var << 5)])

ISS_SPECIAL = lambda k: bytes([k])           # pick_iss: special value k (< 0x80)
DELIVER = lambda conn: op(12, conn, 0)       # deliver the head of the queue towards conn
LOSE = lambda conn: op(12, conn, 1)
DUP = lambda conn: op(12, conn, 2)
CLOCK = lambda var: op(10, 0, var)           # steps: 1us, 1ms, 200ms, 1s, 30s, 60s, 120s, 240s
TIMER_AT_DEADLINE = lambda conn, both=0: op(11, conn, 0 | (4 if both else 0))
DRAIN = lambda var=1: op(13, 0, var)

def handshake(iss_a=8, iss_b=5):
    # B passive, A active, SYN -> B, SYN+ACK -> A, ACK -> B
    return (op(2, B) + ISS_SPECIAL(iss_b) + op(1, A) + ISS_SPECIAL(iss_a)
            + DELIVER(B) + DELIVER(A) + DELIVER(B))

def send(conn, n):                           # SEND of n bytes (n < 256)
    return op(5, conn, 0) + bytes([n])

seeds = {
    # ESTABLISHED on both sides (rfc profile), clock at 0
    "established": b"\x00\x00" + handshake(),
    # same with ISS near 2^32 on both sides and the clock just below 2^32 us
    "established_wrap": b"\x00\x01" + handshake(iss_a=4, iss_b=5),
    # data both ways, ACKs, window opening
    "data_both_ways": b"\x00\x00" + handshake() + send(A, 100) + DELIVER(B) + DELIVER(A)
        + send(B, 200) + DELIVER(A) + DELIVER(B) + op(6, A, 0) + op(6, B, 0) + DRAIN(),
    # active close: A FIN-WAIT-1 -> FIN-WAIT-2, B CLOSE-WAIT -> LAST-ACK -> CLOSED, A TIME-WAIT -> CLOSED
    "active_close_time_wait": b"\x00\x00" + handshake() + op(3, A) + DELIVER(B) + DELIVER(A)
        + op(3, B) + DELIVER(A) + DELIVER(B) + TIMER_AT_DEADLINE(A),
    # simultaneous close: both FIN-WAIT-1 -> CLOSING -> TIME-WAIT
    "simultaneous_close": b"\x00\x00" + handshake() + op(3, A) + op(3, B) + DELIVER(A) + DELIVER(B)
        + DELIVER(A) + DELIVER(B) + TIMER_AT_DEADLINE(A, 1),
    # lost final ACK: B retransmits its FIN from LAST-ACK, A restarts TIME-WAIT
    "lost_final_ack": b"\x00\x00" + handshake() + op(3, A) + DELIVER(B) + DELIVER(A) + op(3, B)
        + DELIVER(A) + LOSE(B) + TIMER_AT_DEADLINE(B) + DELIVER(A) + DELIVER(B),
    # simultaneous open: both active
    "simultaneous_open": b"\x00\x00" + op(1, A) + ISS_SPECIAL(8) + op(1, B) + ISS_SPECIAL(5)
        + DELIVER(A) + DELIVER(B) + DRAIN(),
    # SYN retransmissions until give-up (no peer)
    "syn_giveup": b"\x00\x00" + op(1, A) + ISS_SPECIAL(8) + (TIMER_AT_DEADLINE(A) * 10),
    # ABORT in ESTABLISHED: RST delivered to the peer
    "abort_established": b"\x00\x00" + handshake() + op(4, A) + DELIVER(B),
    # the handshake shortcut (op 0, variant 1) under the linux (hdr 0x05) and freebsd (hdr 0x0a) profiles
    "shortcut_linux": b"\x05\x00" + op(0, 0, 1) + ISS_SPECIAL(8) + ISS_SPECIAL(5) + op(3, A) + DRAIN(7),
    "shortcut_freebsd": b"\x0a\x00" + op(0, 0, 1) + ISS_SPECIAL(8) + ISS_SPECIAL(5) + op(3, B) + DRAIN(7),
    # RFC 793 knobs (rfc5961 off, rfc1337 off): B's knobs byte 0x00; a SYN in the window resets
    "insecure_knobs": bytes([0x20, 0x00, 0x00]) + handshake()
        + op(8, B) + b"\x00\x02\x00\x00\x00",
    # TIME-WAIT reopened by a new SYN above RCV.NXT
    "time_wait_reopen": b"\x00\x00" + handshake() + op(3, A) + DELIVER(B) + DELIVER(A) + op(3, B)
        + DELIVER(A) + DELIVER(B) + op(1, B) + ISS_SPECIAL(3) + DELIVER(A) + DRAIN(),
}

# Deep states reached through the wire, then one edge-case input to the target block, under the
# default (RFC 5961 on, RFC 1337 on) and the RFC 793 knobs (all off): these take the rows a plain
# handshake-and-close never takes (challenge ACKs, insecure SYN, ACK above SND.NXT, ABORT, give-up).
def biased(conn, base, flags_sel, delta_seq, delta_ack=None):
    # op 8: base byte (bits 0-1 seq base, 2-4 ack base, bit 5 ack delta), flag set, len 0, window 65535
    b = op(8, conn) + bytes([base | (0x20 if delta_ack is not None else 0), flags_sel, 0, 0, delta_seq])
    if delta_ack is not None:
        b += bytes([delta_ack])
    return b

prefixes = {
    "fw2_closewait": (A, B, handshake() + op(3, A) + DELIVER(B) + DELIVER(A)),
    "lastack": (B, A, handshake() + op(3, A) + DELIVER(B) + DELIVER(A) + op(3, B)),
    "timewait": (A, B, handshake() + op(3, A) + DELIVER(B) + DELIVER(A) + op(3, B) + DELIVER(A)),
    "closing": (A, B, handshake() + op(3, A) + op(3, B) + DELIVER(A) + DELIVER(B)),
    "established": (A, B, handshake()),
}
attacks = {
    "rst_in_window": lambda t: biased(t, 0, 5, 14),          # RST at RCV.NXT+2: challenge ACK (5961) or reset
    "syn_in_window": lambda t: biased(t, 0, 2, 1),           # SYN at RCV.NXT+1
    "ack_above_snd_nxt": lambda t: biased(t, 0, 0, 0, 1),    # ACK = SND.NXT+1
    "abort": lambda t: op(4, t),
    "giveup": lambda t: TIMER_AT_DEADLINE(t) * 20,
    "fin_retransmitted": lambda t: biased(t, 2, 4, 0),     # FIN+ACK at RCV.NXT-1, ACK = SND.NXT
}
for pname, (t, other, prefix) in prefixes.items():
    for kname, (hdr, knobs) in {"secure": (b"\x00\x00", b""), "insecure": (b"\x30\x00", b"\x00\x00")}.items():
        for aname, attack in attacks.items():
            for target in (t, other):
                seeds["%s_%s_%s_%s" % (pname, "AB"[target], kname, aname)] = hdr + knobs + prefix + attack(target)
# TIME-WAIT with RFC 5961 on and RFC 1337 off: an in-window RST draws a challenge ACK (T114)
seeds["timewait_A_rfc1337_off_rst_in_window"] = (b"\x10\x00\x17" + prefixes["timewait"][2]
                                                 + biased(A, 0, 5, 14))
# simultaneous close with both final ACKs lost: the retransmitted FIN acknowledges ours in CLOSING (T86)
seeds["closing_fin_ack"] = (b"\x00\x00" + handshake() + op(3, A) + op(3, B) + DELIVER(A) + DELIVER(B)
                            + LOSE(A) + LOSE(B) + TIMER_AT_DEADLINE(B) + DELIVER(A))
# passive SYN-RECEIVED gives up and returns to LISTEN (T32)
seeds["syn_received_giveup_to_listen"] = b"\x00\x00" + op(2, B) + ISS_SPECIAL(5) + op(1, A) + ISS_SPECIAL(8) + DELIVER(B) + TIMER_AT_DEADLINE(B) * 10

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "corpus", "core")
os.makedirs(out, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
print("wrote %d seeds to %s" % (len(seeds), out))
