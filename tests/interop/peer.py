#!/usr/bin/env python3
"""tests/interop/peer.py - the kernel side of the interop tests: a Linux socket that talks to
tcpfsm-tun inside the test's network namespace. Prints one 'peer: ...' line per socket call result;
exits 0 when every expectation given on the command line held, 1 otherwise.

  peer.py client HOST PORT --bytes N [--close shut-first|after-echo|wait-eof|linger0]
                [--expect ok|reset|refused] [--inject-at K --dev DEV]
  peer.py server PORT --bytes N [--close first|wait-eof]
"""
import argparse, errno, os, random, socket, struct, sys, threading, time

def data(n, seed=13):
    return random.Random(seed).randbytes(n)

def say(*a):
    print("peer:", *a, flush=True)

def recv_exact(s, n):
    got = bytearray()
    while len(got) < n:
        b = s.recv(min(65536, n - len(got)))
        if not b:
            break
        got += b
    return bytes(got)

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF

def ip_addr(a):
    return socket.inet_aton(a)

def build(src, dst, sport, dport, seq, ack, flags, payload, opts=b"", doff=None, ihl=5, ver=4,
          frag=0x4000, totlen_delta=0, bad_ip=False, bad_tcp=False):
    """An IPv4/TCP packet with correct checksums unless told otherwise."""
    doff = doff if doff is not None else (20 + len(opts)) // 4
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, doff << 4, flags, 65535, 0, 0) + opts + payload
    pseudo = ip_addr(src) + ip_addr(dst) + struct.pack("!BBH", 0, 6, len(tcp))
    c = csum(pseudo + tcp) ^ (0x5555 if bad_tcp else 0)
    tcp = tcp[:16] + struct.pack("!H", c) + tcp[18:]
    iph_len = ihl * 4 if ihl >= 5 else 20
    ip = struct.pack("!BBHHHBBH4s4s", (ver << 4) | ihl, 0, 20 + len(tcp) + totlen_delta, 0x1234, frag,
                     64, 6, 0, ip_addr(src), ip_addr(dst))
    ip += b"\0" * (iph_len - 20)
    c = csum(ip) ^ (0x5555 if bad_ip else 0)
    ip = ip[:10] + struct.pack("!H", c) + ip[12:]
    return ip + tcp

def malformed(src, dst, sport, dport, seq, ack):
    """One packet per class of malformation, each carrying text at the next expected sequence
    number: accepted, it would corrupt the stream."""
    X = b"X" * 100
    A = 0x18  # ACK|PSH
    good = lambda **k: build(src, dst, sport, dport, seq, ack, A, X, **k)
    return [
        ("bad_short", good()[:12]),
        ("bad_version", good(ver=5)),
        ("bad_ihl", good(ihl=4)),
        ("bad_total_length", good(totlen_delta=40)),
        ("bad_total_length", good(totlen_delta=-(20 + 20 + 100) + 10)),
        ("bad_ip_checksum", good(bad_ip=True)),
        ("bad_fragment", good(frag=0x2000)),
        ("bad_fragment", good(frag=0x0010)),
        ("bad_tcp_short", fix_ip_csum(good()[:2] + struct.pack("!H", 30) + good()[4:30])),
        ("bad_data_offset", good(doff=4)),
        ("bad_data_offset", build(src, dst, sport, dport, seq, ack, A, b"", doff=6)),
        ("bad_option_overrun", good(opts=b"\x02\x08\x05\xb4")),
        ("bad_option_overrun", good(opts=b"\x01\x01\x08\x01")),
        ("bad_option_mss_length", good(opts=b"\x02\x03\x05\x01")),
        ("bad_tcp_checksum", good(bad_tcp=True)),
    ]

def fix_ip_csum(p):
    """For the truncated-TCP case: recompute the IP header checksum over the edited header."""
    ip = p[:10] + b"\0\0" + p[12:20]
    return ip[:10] + struct.pack("!H", csum(ip)) + p[12:]

def inject(dev, sniff, lport, rport, laddr, raddr):
    """Find the next sequence number the kernel will send from the last captured segment, then
    write each malformed packet to the TUN device (AF_PACKET: it goes to the device's reader)."""
    last = None
    sniff.setblocking(False)
    while True:
        try:
            p = sniff.recv(70000)
        except BlockingIOError:
            break
        if len(p) >= 40 and p[9] == 6 and p[12:16] == ip_addr(laddr):
            ihl = (p[0] & 15) * 4
            sp, dp, seq, ack, off = struct.unpack("!HHIIB", p[ihl:ihl + 13])
            if sp == lport and dp == rport:
                tot = struct.unpack("!H", p[2:4])[0]
                flags = p[ihl + 13]
                n = tot - ihl - (off >> 4) * 4 + (1 if flags & 3 else 0)
                last = (seq + n) & 0xFFFFFFFF, ack
    if last is None:
        say("inject: no segment of the connection captured")
        return []
    seq, ack = last
    sent = []
    for name, pkt in malformed(laddr, raddr, lport, rport, seq, ack):
        sniff.sendto(pkt, (dev, 0x0800))
        sent.append(name)
    say("inject: %d malformed packets at seq %u: %s" % (len(sent), seq, " ".join(sorted(set(sent)))))
    return sent

def client(a):
    ok = True
    payload = data(a.bytes)
    sniff = None
    if a.inject_at:
        # ETH_P_ALL: a socket bound to ETH_P_IP sees only what arrives, not what the kernel sends
        sniff = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(0x0003))
        sniff.setsockopt(socket.SOL_SOCKET, 33, 64 << 20)  # SO_RCVBUFFORCE: keep every packet
        sniff.bind((a.dev, 0x0003))
    s = socket.socket()
    s.settimeout(a.timeout)
    try:
        s.connect((a.host, a.port))
    except OSError as e:
        say("connect:", errno.errorcode.get(e.errno, str(e)))
        return a.expect == "refused"
    say("connect: ok local port %d" % s.getsockname()[1])
    if a.expect == "refused":
        return False
    first = a.inject_at if a.inject_at else a.bytes
    err = []
    def sender():
        try:
            s.sendall(payload[:first])
            if a.inject_at:
                phase.wait()
                s.sendall(payload[first:])
            if a.close == "shut-first":
                s.shutdown(socket.SHUT_WR)
                say("shutdown(SHUT_WR): ok")
        except OSError as e:
            err.append(e)
    phase = threading.Event()
    t = threading.Thread(target=sender)
    t.start()
    got = b""
    try:
        got = recv_exact(s, first)
        if a.inject_at:
            time.sleep(0.5)
            inject(a.dev, sniff, s.getsockname()[1], a.port, s.getsockname()[0], a.host)
            phase.set()
            got += recv_exact(s, a.bytes - first)
        if a.close == "linger0":
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
            say("close with SO_LINGER 0: ok")
            t.join()
            return check_echo(got, payload) and a.expect == "ok"
        if a.expect == "reset":
            while True:
                b = s.recv(65536)
                if not b:
                    # the error is reported once: the sending thread may have taken it
                    t.join()
                    if err and err[0].errno == errno.ECONNRESET:
                        say("send: ECONNRESET (then recv: EOF)")
                        return True
                    say("recv: EOF, expected ECONNRESET")
                    return False
    except OSError as e:
        phase.set()
        t.join()
        say("recv:", errno.errorcode.get(e.errno, str(e)))
        return a.expect == "reset" and e.errno == errno.ECONNRESET
    t.join()
    if err:
        say("send:", errno.errorcode.get(err[0].errno, str(err[0])))
        ok = False
    ok = check_echo(got, payload) and ok
    if a.close == "wait-eof" or a.close == "shut-first":
        b = s.recv(1)
        say("recv: EOF" if b == b"" else "recv: unexpected data")
        ok = ok and b == b""
    s.close()
    say("close: ok")
    return ok and a.expect == "ok"

def check_echo(got, payload):
    if got == payload:
        say("echo: %d bytes byte-exact" % len(got))
        return True
    i = next((i for i in range(min(len(got), len(payload))) if got[i] != payload[i]), min(len(got), len(payload)))
    say("echo: MISMATCH: %d of %d bytes, first difference at offset %d" % (len(got), len(payload), i))
    return False

def server(a):
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((a.host, a.port))
    ls.listen(1)
    ls.settimeout(a.timeout)
    say("listen: ok")
    try:
        s, peer = ls.accept()
    except OSError as e:
        say("accept:", errno.errorcode.get(e.errno, str(e)))
        return False
    s.settimeout(a.timeout)
    say("accept: ok from port %d" % peer[1])
    n = 0
    try:
        while n < a.bytes:
            b = s.recv(65536)
            if not b:
                break
            s.sendall(b)
            n += len(b)
        say("echoed %d bytes" % n)
        if a.close == "wait-eof":
            b = s.recv(1)
            say("recv: EOF" if b == b"" else "recv: unexpected data")
            if b != b"":
                return False
        s.close()
        say("close: ok")
    except OSError as e:
        say("error:", errno.errorcode.get(e.errno, str(e)))
        return False
    return n == a.bytes

def main():
    p = argparse.ArgumentParser()
    p.add_argument("role", choices=["client", "server"])
    p.add_argument("rest", nargs="+")
    p.add_argument("--bytes", type=int, default=0)
    p.add_argument("--close", default="after-echo")
    p.add_argument("--expect", default="ok")
    p.add_argument("--inject-at", type=int, default=0)
    p.add_argument("--dev", default="")
    p.add_argument("--timeout", type=float, default=60)
    a = p.parse_args()
    if a.role == "client":
        a.host, a.port = a.rest[0], int(a.rest[1])
        ok = client(a)
    else:
        a.host, a.port = a.rest[0], int(a.rest[1])
        ok = server(a)
    say("result:", "ok" if ok else "FAILED")
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
