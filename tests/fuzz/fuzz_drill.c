/*
 * fuzz_drill.c - libFuzzer harness for the packetdrill script parser of tcpfsm-drill.
 *
 * The input is a script. It is parsed with drill_parse_buffer_defs() (the runner's parse-from-memory
 * entry point, tools/drill/drill.h, C preprocessor conditionals included) from an exactly sized
 * heap copy, so AddressSanitizer sees any read past the end (the buffer is not NUL-terminated),
 * with the symbols of one profile (chosen by the input's first byte) defined. The contract checked:
 *   - a malformed script gives -1 and "fuzz.pkt:LINE: expected ..." with 1 =< LINE =< lines + 1,
 *     NUL-terminated, and leaves the script empty;
 *   - a short error buffer is never overrun and gives the same verdict;
 *   - a script that parses has every event on an existing line, in non-decreasing line order,
 *     and runs to a PASS, a FAIL or a SKIP with a line number and a message (drill_run under that
 *     profile, with --strict or not), never a crash, a hang or a sanitizer report.
 *
 * Build (the runner's sources other than drill_main.c, with the core):
 *   clang-14 -std=c99 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -Itools/drill
 *     tests/fuzz/fuzz_drill.c tools/drill/drill_cpp.c tools/drill/drill_parse.c tools/drill/drill_run.c
 *     tools/drill/drill_sock.c src/\*.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drill.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PATH "fuzz.pkt"

static void violation(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_drill: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

/* Check "fuzz.pkt:LINE: expected ..." and return LINE. */
static long check_error_text(const char *err, size_t errlen, long lines)
{
    const char *p = err;
    char *end;
    long line;
    if (memchr(err, '\0', errlen) == NULL)
        violation("error message not NUL-terminated", NULL);
    if (strncmp(p, PATH ":", sizeof PATH) != 0)
        violation("error message does not start with the path", err);
    p += sizeof PATH;
    line = strtol(p, &end, 10);
    if (end == p || *end != ':')
        violation("error message has no line number", err);
    if (line < 1 || line > lines + 1)
        violation("error message names a line outside the script", err);
    if (strncmp(end, ": expected ", 11) != 0)
        violation("error message is not `file:line: expected ...`", err);
    return line;
}

static int script_is_empty(const struct drill_script *s)
{
    return s->count == 0 && s->events == NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct drill_script script, again;
    char *buf, *err, *small;
    size_t i;
    long lines = 1;
    int rc, rc_small;
    const size_t errlen = 512, smalllen = 12;
    static const unsigned profiles[] = {DRILL_PROFILE_RFC, DRILL_PROFILE_LINUX, DRILL_PROFILE_FREEBSD, 0};
    unsigned profile = profiles[size > 0 ? (data[0] >> 2) & 3u : 0];
    struct drill_defines defs;

    if (size > 65536)
        return 0; /* scripts are small; keep executions fast */
    for (i = 0; i < size; i++)
        lines += data[i] == '\n';
    /* an exactly sized copy: no terminating NUL, ASan catches a read past the end */
    buf = malloc(size ? size : 1);
    err = malloc(errlen);
    small = malloc(smalllen);
    if (buf == NULL || err == NULL || small == NULL)
        abort();
    if (size)
        memcpy(buf, data, size);
    memset(err, 'x', errlen);
    memset(&script, 0x5a, sizeof script);

    defs.count = 0;
    if (profile != 0)
        drill_profile_defines(profile, &defs);
    rc = drill_parse_buffer_defs(PATH, buf, size, &defs, &script, err, errlen);
    if (rc != 0 && rc != -1)
        violation("drill_parse_buffer returned neither 0 nor -1", NULL);
    if (rc < 0) {
        check_error_text(err, errlen, lines);
        if (!script_is_empty(&script))
            violation("a failed parse left events in the script", err);
    } else {
        long prev = 1;
        for (i = 0; i < script.count; i++) {
            long l = script.events[i].line;
            if (l < 1 || l > lines)
                violation("an event on a line outside the script", NULL);
            if (l < prev)
                violation("events out of line order", NULL);
            prev = l;
        }
    }

    /* the same input with a 12-byte error buffer: same verdict, no overrun, NUL-terminated */
    memset(small, 'x', smalllen);
    memset(&again, 0x5a, sizeof again);
    rc_small = drill_parse_buffer_defs(PATH, buf, size, &defs, &again, small, smalllen);
    if (rc_small != rc)
        violation("the verdict depends on the size of the error buffer", NULL);
    if (rc_small < 0 && memchr(small, '\0', smalllen) == NULL)
        violation("a truncated error message is not NUL-terminated", NULL);
    if (rc_small == 0) {
        if (again.count != script.count)
            violation("two parses of the same input differ", NULL);
        drill_script_free(&again);
    }

    /* a script that parses also runs: PASS, or FAIL naming a line; never a crash */
    if (rc == 0) {
        struct drill_options opt;
        struct drill_result res;
        memset(&opt, 0, sizeof opt);
        opt.profile = profile != 0 ? profile : DRILL_PROFILE_RFC;
        opt.strict = size > 0 && (data[0] & 16) != 0;
        opt.iss = size > 0 && (data[0] & 1) ? 4294966296u : 1000000u;
        opt.peer_isn = size > 0 && (data[0] & 2) ? 4294966796u : 5000000u;
        opt.log = NULL;
        drill_run(&script, &opt, &res);
        if (!res.passed && (res.line < 1 || res.line > lines || res.message[0] == '\0'))
            violation("a failed or skipped run names no line or no message", res.message);
        if (res.skipped && (res.passed || strstr(res.message, "not modelled") == NULL))
            violation("a skipped run passes or does not say what is not modelled", res.message);
        if (memchr(res.message, '\0', sizeof res.message) == NULL)
            violation("the run's message is not NUL-terminated", NULL);
        drill_script_free(&script);
    }
    free(buf);
    free(err);
    free(small);
    return 0;
}
