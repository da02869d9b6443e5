#!/bin/sh
# Acceptance check for tcpfsm-drill (issue 5): a script with a wrong expectation fails with a message
# naming the line, the expected and the actual segment; a malformed script is reported as
# file:line: expected ..., with a non-zero exit.
#   usage: tests/drill-negative/check.sh [path/to/tcpfsm-drill]
DRILL=${1:-build/tcpfsm-drill}
DIR=$(dirname "$0")
status=0

check() { # name, haystack, needle
    case "$2" in
    *"$3"*) echo "ok   - $1" ;;
    *) echo "FAIL - $1: output lacks: $3"; echo "$2" | sed 's/^/       | /'; status=1 ;;
    esac
}

out=$("$DRILL" "$DIR/wrong_expectation.pkt" 2>&1); rc=$?
[ "$rc" -eq 1 ] && echo "ok   - wrong expectation exits 1" || { echo "FAIL - wrong expectation exit status $rc, expected 1"; status=1; }
check "names the file and line" "$out" "FAIL $DIR/wrong_expectation.pkt:12: "
check "names the expected segment" "$out" "expected > S. 0:0(0) ack 2 at 0.000 s"
check "names the actual segment" "$out" "got > S. 0:0(0) ack 1 at 0.000 s"
check "gives the connection state" "$out" "(connection in SYN-RECEIVED)"
check "closing line" "$out" "0 passed, 1 failed, 0 skipped"

out=$("$DRILL" "$DIR/malformed.pkt" 2>/dev/null); rc=$?
[ "$rc" -ne 0 ] && echo "ok   - malformed script exits non-zero" || { echo "FAIL - malformed script exit status 0"; status=1; }
check "malformed: file:line: expected" "$out" "$DIR/malformed.pkt:5: expected a sequence number start:end(length)"
err=$("$DRILL" "$DIR/malformed.pkt" 2>&1 >/dev/null)
check "malformed: message on stderr too" "$err" "$DIR/malformed.pkt:5: expected"

out=$("$DRILL" "$DIR/wrong_expectation.pkt" "$DIR/malformed.pkt" 2>/dev/null)
check "two failing scripts counted" "$out" "0 passed, 2 failed, 0 skipped"

# packetdrill's rule for segments no line waits for, and --strict
out=$("$DRILL" "$DIR/unexpected_segment.pkt" 2>&1); rc=$?
[ "$rc" -eq 0 ] && echo "ok   - a segment after the last line passes by default" || { echo "FAIL - unexpected_segment.pkt: exit $rc"; status=1; }
check "unexpected after the end: PASS" "$out" "PASS $DIR/unexpected_segment.pkt"
out=$("$DRILL" --strict "$DIR/unexpected_segment.pkt" 2>&1); rc=$?
[ "$rc" -eq 1 ] && echo "ok   - --strict fails it" || { echo "FAIL - --strict unexpected_segment.pkt: exit $rc"; status=1; }
check "--strict names the segment" "$out" "$DIR/unexpected_segment.pkt:4: expected no segment after the last line, got > R. 0:0(0) ack 1"
out=$("$DRILL" "$DIR/unexpected_then_expected.pkt" 2>&1)
check "an unwaited segment meets the next > line" "$out" "$DIR/unexpected_then_expected.pkt:6: expected > S. 0:0(0) ack 1 at 0.100 s, got > R. 0:0(0) ack 1 at 0.000 s"

# a construct not modelled: SKIP, counted, never a pass
out=$("$DRILL" "$DIR/not_modelled.pkt" 2>&1); rc=$?
[ "$rc" -eq 1 ] && echo "ok   - a skipped script exits 1" || { echo "FAIL - not_modelled.pkt: exit $rc"; status=1; }
check "SKIP path:line: construct not modelled" "$out" "SKIP $DIR/not_modelled.pkt:3: setsockopt(TCP_MAXSEG) not modelled"
check "closing line counts it" "$out" "0 passed, 0 failed, 1 skipped"
out=$("$DRILL" "$DIR/ecn_flags.pkt" 2>&1)
check "ECN flags are SKIP" "$out" "SKIP $DIR/ecn_flags.pkt:6: the ECN flags E/W on an injected segment not modelled"

# scripts in the styles of other suites (tests/drill/styles/) run under every profile: the socket
# layer's calls (send/recv/sendmsg/recvmsg, ioctl, poll, TCP_INFO, buffers) give what they say
STYLES=$DIR/../drill/styles
for p in rfc linux freebsd; do
    out=$("$DRILL" --profile $p "$STYLES"/gtests_*.pkt "$STYLES"/selftests_data_poll.pkt "$STYLES"/freebsd_conditionals.pkt 2>&1)
    check "style scripts pass under $p" "$out" "4 passed, 0 failed, 0 skipped"
    out=$("$DRILL" --profile $p "$STYLES"/selftests_cleanup_and_udp.pkt 2>&1)
    check "an ECN mark is SKIP under $p" "$out" "SKIP $STYLES/selftests_cleanup_and_udp.pkt:9: an IP ECN codepoint on an injected segment not modelled"
done

out=$("$DRILL" 2>&1); rc=$?
[ "$rc" -eq 2 ] && echo "ok   - no script is a usage error (exit 2)" || { echo "FAIL - no script: exit $rc"; status=1; }
exit $status
