/*
 * test_drill_parse.c - cmocka tests of the packetdrill parser of tcpfsm-drill
 * (tools/drill/drill_parse.c): what it accepts, and the "file:line: expected ..." errors.
 *
 * Build: cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Isrc -Itools/drill \
 *           tests/drill/test_drill_parse.c tools/drill/drill_parse.c tools/drill/drill_cpp.c -lcmocka
 *
 * Run from the repository root: test_style_scripts reads the scripts of tests/drill/styles/.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "drill.h"
#include "tcpfsm.h"

static int parse(const char *text, struct drill_script *s, char *err, size_t errlen)
{
    return drill_parse_buffer("t.pkt", text, strlen(text), s, err, errlen);
}

/* A malformed script gives exactly one error naming the file, the line and what was expected. */
static void expect_error(const char *text, const char *prefix)
{
    struct drill_script s;
    char err[256];
    assert_int_equal(parse(text, &s, err, sizeof err), -1);
    if (strncmp(err, prefix, strlen(prefix)) != 0)
        fail_msg("error \"%s\" does not start with \"%s\"", err, prefix);
    assert_int_equal((int)s.count, 0);
    assert_null(s.events);
}

static void test_parse_segments_and_flags(void **state)
{
    struct drill_script s;
    char err[256];
    (void)state;
    assert_int_equal(parse("0 < S 0:0(0) win 32792 <mss 1000,sackOK,nop,nop,nop,wscale 7>\n"
                           "+0 > S. 0:0(0) ack 1 <...>\n"
                           "+.01 < P. 1:1001(1000) ack 1 win 257\n"
                           "+0 > F. 1:1(0) ack 1001\n"
                           "+0 < R. 1001:1001(0) ack 2 win 0\n"
                           "+0 < SF 0:0(0) win 10\n"
                           "+0 < - 5:5(0) win 1\n",
                           &s, err, sizeof err),
                     0);
    assert_int_equal((int)s.count, 7);
    assert_int_equal(s.events[0].kind, DRILL_EVENT_INBOUND);
    assert_int_equal(s.events[0].packet.flags, TCPFSM_SYN);
    assert_int_equal((int)s.events[0].packet.win, 32792);
    assert_true(s.events[0].packet.has_mss);
    assert_int_equal((int)s.events[0].packet.mss, 1000);
    assert_int_equal(s.events[1].kind, DRILL_EVENT_OUTBOUND);
    assert_int_equal(s.events[1].packet.flags, TCPFSM_SYN | TCPFSM_ACK);
    assert_true(s.events[1].packet.any_options);
    assert_int_equal((int)s.events[1].packet.ack, 1);
    assert_int_equal(s.events[2].time.kind, DRILL_TIME_RELATIVE);
    assert_int_equal((int)s.events[2].time.start_usecs, 10000);
    assert_int_equal(s.events[2].packet.flags, TCPFSM_PSH | TCPFSM_ACK);
    assert_int_equal((int)s.events[2].packet.seq, 1);
    assert_int_equal((int)s.events[2].packet.len, 1000);
    assert_int_equal(s.events[3].packet.flags, TCPFSM_FIN | TCPFSM_ACK);
    assert_int_equal(s.events[4].packet.flags, TCPFSM_RST | TCPFSM_ACK);
    assert_int_equal(s.events[5].packet.flags, TCPFSM_SYN | TCPFSM_FIN);
    assert_int_equal(s.events[6].packet.flags, 0);
    assert_int_equal(s.events[6].line, 7);
    drill_script_free(&s);
}

static void test_parse_times_options_and_profiles(void **state)
{
    struct drill_script s;
    char err[256];
    (void)state;
    assert_int_equal(parse("// profiles: rfc freebsd\n"
                           "--tolerance_usecs=75000\n--tolerance_percent=10\n--ip_version=ipv4\n--unknown\n"
                           "/* a\n block */\n"
                           "0.100 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                           "0.1...0.3 accept(3, ..., ...) = 4\n"
                           "+0...0.2 read(4, ..., 10) = 10\n"
                           "* > . 1:1(0) ack 11\n",
                           &s, err, sizeof err),
                     0);
    assert_int_equal((int)s.tolerance_usecs, 75000);
    assert_true(s.tolerance_percent > 9.99 && s.tolerance_percent < 10.01);
    assert_int_equal(s.profiles, DRILL_PROFILE_RFC | DRILL_PROFILE_FREEBSD);
    assert_int_equal((int)s.count, 4);
    assert_int_equal(s.events[0].line, 8);
    assert_int_equal(s.events[0].time.kind, DRILL_TIME_ABSOLUTE);
    assert_int_equal((int)s.events[0].time.start_usecs, 100000);
    assert_int_equal(s.events[1].time.kind, DRILL_TIME_RANGE);
    assert_int_equal((int)s.events[1].time.end_usecs, 300000);
    assert_false(s.events[1].time.end_relative);
    assert_int_equal(s.events[2].time.kind, DRILL_TIME_RANGE);
    assert_true(s.events[2].time.start_relative);
    assert_true(s.events[2].time.end_relative);
    assert_int_equal(s.events[3].time.kind, DRILL_TIME_ANY);
    drill_script_free(&s);
}

static void test_parse_syscalls_shell_and_code(void **state)
{
    struct drill_script s;
    char err[256];
    (void)state;
    assert_int_equal(parse("0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)\n"
                           "+0 getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0\n"
                           "+0 setsockopt(4, SOL_SOCKET, SO_LINGER, {onoff=1, linger=0}, 8) = 0\n"
                           "+0 `sysctl -w net.ipv4.tcp_rfc1337=1`\n"
                           "+0 %{ assert tcpi_state == 1 }%\n",
                           &s, err, sizeof err),
                     0);
    assert_int_equal((int)s.count, 5);
    assert_string_equal(s.events[0].call.name, "connect");
    assert_int_equal((int)s.events[0].call.result, -1);
    assert_string_equal(s.events[0].call.errno_name, "EINPROGRESS");
    assert_int_equal(s.events[1].call.argc, 5);
    assert_string_equal(s.events[1].call.args[3], "[ECONNREFUSED]");
    assert_string_equal(s.events[2].call.args[3], "{onoff=1, linger=0}");
    assert_int_equal(s.events[3].kind, DRILL_EVENT_SHELL);
    assert_string_equal(s.events[3].text, "sysctl -w net.ipv4.tcp_rfc1337=1");
    assert_int_equal(s.events[4].kind, DRILL_EVENT_CODE);
    assert_string_equal(s.events[4].text, " assert tcpi_state == 1 ");
    drill_script_free(&s);
}

static void test_errors_name_file_line_and_expectation(void **state)
{
    (void)state;
    expect_error("0 < S win 1\n", "t.pkt:1: expected a sequence number");
    expect_error("0 socket(..., 1) = 3\n\n+0 < X 0:0(0)\n", "t.pkt:3: expected TCP flags");
    expect_error("0 < S 0:5(4)\n", "t.pkt:1: expected end - start to equal the payload length");
    expect_error("0 < S ...(0)\n", "t.pkt:1: expected a sequence number start:end(length) ('...' only on an expected");
    expect_error("0 > S. ...0 ack 1\n", "t.pkt:1: expected '(' in ...(length)");
    expect_error("0 < S 0:0(0) win 70000\n", "t.pkt:1: expected a window field of at most 65535");
    expect_error("0 < S 0:0(0) <mss 1000\n", "t.pkt:1: expected '>' to close the TCP option list");
    expect_error("0 connect(3, ..., ...) = -1\n", "t.pkt:1: expected an errno name after the return value -1, got end of line");
    expect_error("0 close(3 = 0\n", "t.pkt:1: expected ')' to close the system call arguments");
    expect_error("0 close(3) 0\n", "t.pkt:1: expected '= result'");
    expect_error("0 `sysctl -w x=1\n", "t.pkt:1: expected '`' to close the shell command");
    expect_error("0 %{ assert tcpi_state == 1\n", "t.pkt:1: expected '}%' to close the %{ block");
    expect_error("/* never closed\n0 close(3) = 0\n", "t.pkt:1: expected */ to close the comment");
    expect_error("0 close(3) = 0\n--tolerance_usecs=5\n", "t.pkt:2: expected options (--name=value) only before");
    expect_error("--tolerance_usecs=abc\n", "t.pkt:1: expected --tolerance_usecs=N");
    expect_error("// profiles: rfc bsd\n", "t.pkt:1: expected profile names rfc, linux or freebsd");
    expect_error("hello\n", "t.pkt:1: expected an event time");
    expect_error("0 > S. 0:0(0)\n0.5...0.1 close(3) = 0\n", "t.pkt:2: expected a time range whose end is not before");
    expect_error("0 < S 4294967296:4294967296(0)\n", "t.pkt:1: expected a number below 2^32");
    expect_error("99999999 close(3) = 0\n", "t.pkt:1: expected a time below 1000000 seconds");
    expect_error("0 < S. 0:0(0) ack 1 ack 2\n", "t.pkt:1: expected one 'ack' per segment");
    expect_error("0 > S. 0:0(0) frob 2\n", "t.pkt:1: expected 'ack N', 'win N', 'urg N' or a <option list>");
}

static void test_binary_garbage_is_an_error_not_a_crash(void **state)
{
    static const char junk[] = {'0', ' ', '<', ' ', 'S', '\0', '1', ':', '\xff', '\n'};
    struct drill_script s;
    char err[128];
    (void)state;
    assert_int_equal(drill_parse_buffer("t.pkt", junk, sizeof junk, &s, err, sizeof err), -1);
    assert_true(strncmp(err, "t.pkt:1: expected", 17) == 0);
    /* An empty script is valid and has no events. */
    assert_int_equal(drill_parse_buffer("t.pkt", "", 0, &s, err, sizeof err), 0);
    assert_int_equal((int)s.count, 0);
    drill_script_free(&s);
}


static int parse_defs(const char *text, const char *def, struct drill_script *s, char *err, size_t errlen)
{
    struct drill_defines d;
    d.count = 0;
    if (def != NULL)
        d.def[d.count++] = def;
    return drill_parse_buffer_defs("t.pkt", text, strlen(text), &d, s, err, errlen);
}

static void expect_error_defs(const char *text, const char *def, const char *prefix)
{
    struct drill_script s;
    char err[256];
    assert_int_equal(parse_defs(text, def, &s, err, sizeof err), -1);
    if (strncmp(err, prefix, strlen(prefix)) != 0)
        fail_msg("error \"%s\" does not start with \"%s\"", err, prefix);
    assert_int_equal((int)s.count, 0);
}

/* Return values in hex with a note, errno with its text, `...(len)`, ack without the ACK flag,
   the ACK flag without ack, [ecn] marks, non-TCP packets (read, not modelled). */
static void test_parse_packetdrill_forms(void **state)
{
    struct drill_script s;
    char err[256];
    (void)state;
    assert_int_equal(parse("0 fcntl(3, F_GETFL) = 0x02 (flags O_RDWR)\n"
                           "+0 fcntl(3, F_GETFL) = 0x802 (flags O_RDWR|O_NONBLOCK)\n"
                           "+0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)\n"
                           "+0 > S. ...(0) ack 65537 win 65535 <mss 1460,sackOK,eol,eol>\n"
                           "+0 < S 0:0(0) ack 7 win 10\n"
                           "+0 < . 1:1(0) win 10\n"
                           "+0 < [ect0] S. 0:0(0) ack 1 win 10 <mss 1000,nop,wscale 7>\n"
                           "+0 < udp (1000)\n"
                           "+0 close(3) = 0 (a note after a plain result)\n",
                           &s, err, sizeof err),
                     0);
    assert_int_equal((int)s.count, 9);
    assert_int_equal((int)s.events[0].call.result, 2);
    assert_int_equal((int)s.events[1].call.result, 0x802);
    assert_string_equal(s.events[2].call.errno_name, "EINPROGRESS");
    assert_true(s.events[3].packet.any_seq);
    assert_int_equal((int)s.events[3].packet.len, 0);
    assert_int_equal((int)s.events[3].packet.ack, 65537);
    assert_true(s.events[4].packet.has_ack);
    assert_int_equal(s.events[4].packet.flags, TCPFSM_SYN);
    assert_false(s.events[5].packet.has_ack);
    assert_int_equal(s.events[5].packet.flags, TCPFSM_ACK);
    assert_true(s.events[6].packet.has_ecn);
    assert_true(s.events[6].packet.has_wscale);
    assert_int_equal((int)s.events[6].packet.wscale, 7);
    assert_int_equal(s.events[7].kind, DRILL_EVENT_UNMODELLED);
    assert_non_null(strstr(s.events[7].text, "non-TCP packet"));
    assert_int_equal(s.events[8].kind, DRILL_EVENT_SYSCALL);
    drill_script_free(&s);
    expect_error("0 fcntl(3, F_GETFL) = 0x (x)\n", "t.pkt:1: expected hexadecimal digits after 0x");
    expect_error("0 close(3) = 0 (unclosed note\n", "t.pkt:1: expected ')' to close the note");
    expect_error("0 < [bogus] S 0:0(0)\n", "t.pkt:1: expected an ECN codepoint");
}

/* Windows A~B, blanks around `...`, commands without a time at the top and the end, %{ }%
   anywhere; a command without a time in the middle is malformed, as for packetdrill. */
static void test_parse_times_and_untimed_commands(void **state)
{
    struct drill_script s;
    char err[256];
    (void)state;
    assert_int_equal(parse("--mss=1000\n"
                           "`../common/defaults.sh`\n"
                           "%{ import os }%\n"
                           "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                           "+0 ... 0.2 accept(3, ..., ...) = 4\n"
                           "0.3~0.5 > . 1:1(0) ack 1\n"
                           "+0~+0.1 > . 1:1(0) ack 1\n"
                           "%{ assert tcpi_state == TCP_ESTABLISHED }%\n"
                           "`/tmp/sysctl_restore_${PPID}.sh`\n"
                           "%{ assert tcpi_state == 1 }%\n",
                           &s, err, sizeof err),
                     0);
    assert_int_equal((int)s.count, 9);
    assert_int_equal(s.events[0].kind, DRILL_EVENT_SHELL);
    assert_true(s.events[0].untimed);
    assert_int_equal(s.events[1].kind, DRILL_EVENT_CODE);
    assert_true(s.events[1].untimed);
    assert_int_equal(s.events[3].time.kind, DRILL_TIME_RANGE);
    assert_int_equal((int)s.events[3].time.end_usecs, 200000);
    assert_int_equal(s.events[4].time.kind, DRILL_TIME_WINDOW);
    assert_int_equal((int)s.events[4].time.start_usecs, 300000);
    assert_int_equal((int)s.events[4].time.end_usecs, 500000);
    assert_int_equal(s.events[5].time.kind, DRILL_TIME_WINDOW);
    assert_true(s.events[5].time.end_relative);
    assert_true(s.events[6].untimed);
    assert_int_equal(s.events[7].kind, DRILL_EVENT_SHELL);
    assert_true(s.events[7].untimed);
    assert_int_equal(s.events[8].kind, DRILL_EVENT_CODE);
    drill_script_free(&s);
    expect_error("0 close(3) = 0\n`true`\n+0 close(4) = 0\n",
                 "t.pkt:3: expected the end of the script after the command without a time");
    expect_error("`a`\n`b`\n0 close(3) = 0\n", "t.pkt:2: expected an event time (one command without a time");
    expect_error("0 > S 0:0(0)\n0...0.2 < S 0:0(0)\n", "t.pkt:2: expected a single time or a window A~B");
    expect_error("0.5~0.1 close(3) = 0\n", "t.pkt:1: expected a time range whose end is not before its start");
}

/* C preprocessor conditionals: the branch taken depends on the symbols defined. */
static void test_parse_preprocessor_conditionals(void **state)
{
    static const char text[] = "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                               "#ifdef FreeBSD\n"
                               "+0 close(3) = 0\n"
                               "#elif defined(linux) && !defined(STANDARD)\n"
                               "+0 shutdown(3, SHUT_WR) = 0\n"
                               "+0 shutdown(3, SHUT_RD) = 0\n"
                               "#else\n"
                               "  #if 2 * 3 == 6 || UNDEFINED\n"
                               "+0 %{\n"
                               "# a Python comment, not a directive\n"
                               "assert tcpi_state == 7\n"
                               "}%\n"
                               "  #endif\n"
                               "#endif // a comment after a directive\n"
                               "+0 read(3, ..., 1) = 0\n";
    struct drill_script s;
    char err[256];
    (void)state;
    assert_int_equal(parse_defs(text, "FreeBSD", &s, err, sizeof err), 0);
    assert_int_equal((int)s.count, 3);
    assert_string_equal(s.events[1].call.name, "close");
    assert_int_equal(s.events[1].line, 3);
    assert_int_equal(s.events[2].line, 15);
    drill_script_free(&s);
    assert_int_equal(parse_defs(text, "linux", &s, err, sizeof err), 0);
    assert_int_equal((int)s.count, 4);
    assert_string_equal(s.events[1].call.name, "shutdown");
    drill_script_free(&s);
    assert_int_equal(parse_defs(text, "STANDARD", &s, err, sizeof err), 0);
    assert_int_equal((int)s.count, 3);
    assert_int_equal(s.events[1].kind, DRILL_EVENT_CODE);
    assert_int_equal(s.events[1].line, 9);
    drill_script_free(&s);
    /* a -D NAME=VALUE symbol in an #if */
    assert_int_equal(parse_defs("#if LEVEL >= 2\n0 close(3) = 0\n#endif\n", "LEVEL=3", &s, err, sizeof err), 0);
    assert_int_equal((int)s.count, 1);
    drill_script_free(&s);
    assert_int_equal(parse_defs("#if LEVEL >= 2\n0 close(3) = 0\n#endif\n", "LEVEL=1", &s, err, sizeof err), 0);
    assert_int_equal((int)s.count, 0);
    drill_script_free(&s);
    /* #include is read, not modelled: the script is reported as such */
    assert_int_equal(parse_defs("#include \"x.h\"\n0 close(3) = 0\n", NULL, &s, err, sizeof err), 0);
    assert_int_equal(s.unmodelled_line, 1);
    assert_string_equal(s.unmodelled, "#include");
    drill_script_free(&s);
    /* #define / #undef inside the script */
    assert_int_equal(parse_defs("#define X 1\n#undef X\n#ifdef X\n0 close(3) = 0\n#endif\n", NULL, &s, err, sizeof err),
                     0);
    assert_int_equal((int)s.count, 0);
    drill_script_free(&s);
    expect_error_defs("0 close(3) = 0\n#ifdef FreeBSD\n+0 close(4) = 0\n", NULL,
                      "t.pkt:2: expected #endif to close the #if opened here");
    expect_error_defs("#endif\n", NULL, "t.pkt:1: expected #if or #ifdef before #endif");
    expect_error_defs("#if 1\n#else\n#else\n#endif\n", NULL, "t.pkt:3: expected #endif after #else");
    expect_error_defs("#if (1\n#endif\n", NULL, "t.pkt:1: expected ')' in the #if expression");
    expect_error_defs("#ifdef\n#endif\n", NULL, "t.pkt:1: expected a symbol name after #ifdef");
    expect_error_defs("#frobnicate\n", NULL, "t.pkt:1: expected a preprocessor directive");
    expect_error_defs("#ifdef FreeBSD\n#error no\n#endif\n", "FreeBSD", "t.pkt:2: expected no #error");
    expect_error_defs("#if 1 / 0\n#endif\n", NULL, "t.pkt:1: expected no division by zero");
    /* a malformed line in a branch not taken is not read */
    assert_int_equal(parse_defs("#ifdef linux\nthis is not packetdrill\n#endif\n", NULL, &s, err, sizeof err), 0);
    drill_script_free(&s);
}

/* The profiles' symbols. */
static void test_profile_defines(void **state)
{
    struct drill_defines d;
    (void)state;
    drill_profile_defines(DRILL_PROFILE_FREEBSD, &d);
    assert_string_equal(d.def[0], "FreeBSD");
    drill_profile_defines(DRILL_PROFILE_LINUX, &d);
    assert_string_equal(d.def[0], "linux");
    drill_profile_defines(DRILL_PROFILE_RFC, &d);
    assert_string_equal(d.def[0], "STANDARD");
    assert_int_equal((int)d.count, 1);
}

/* The scripts of tests/drill/styles/ (Google gtests, Linux selftests, FreeBSD suite styles) parse
   under every profile's symbols. */
static void test_style_scripts(void **state)
{
    static const struct {
        const char *file;
        int min_events;
    } files[] = {
        {"tests/drill/styles/gtests_close_first.pkt", 16},
        {"tests/drill/styles/gtests_connect_refused.pkt", 10},
        {"tests/drill/styles/selftests_data_poll.pkt", 30},
        {"tests/drill/styles/selftests_cleanup_and_udp.pkt", 8},
        {"tests/drill/styles/freebsd_conditionals.pkt", 12},
    };
    size_t i;
    unsigned p;
    (void)state;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        FILE *f = fopen(files[i].file, "rb");
        char buf[8192], err[256];
        size_t n;
        if (f == NULL)
            fail_msg("cannot open %s (run from the repository root)", files[i].file);
        n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        assert_true(n > 0 && n < sizeof buf);
        for (p = DRILL_PROFILE_RFC; p <= DRILL_PROFILE_FREEBSD; p <<= 1) {
            struct drill_defines d;
            struct drill_script s;
            drill_profile_defines(p, &d);
            if (drill_parse_buffer_defs(files[i].file, buf, n, &d, &s, err, sizeof err) != 0)
                fail_msg("%s", err);
            if ((int)s.count < files[i].min_events)
                fail_msg("%s: %d events, expected at least %d", files[i].file, (int)s.count, files[i].min_events);
            assert_int_equal(s.unmodelled_line, 0);
            drill_script_free(&s);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_segments_and_flags),
        cmocka_unit_test(test_parse_times_options_and_profiles),
        cmocka_unit_test(test_parse_syscalls_shell_and_code),
        cmocka_unit_test(test_errors_name_file_line_and_expectation),
        cmocka_unit_test(test_binary_garbage_is_an_error_not_a_crash),
        cmocka_unit_test(test_parse_packetdrill_forms),
        cmocka_unit_test(test_parse_times_and_untimed_commands),
        cmocka_unit_test(test_parse_preprocessor_conditionals),
        cmocka_unit_test(test_profile_defines),
        cmocka_unit_test(test_style_scripts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
