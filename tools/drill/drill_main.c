/*
 * drill_main.c - tcpfsm-drill: run packetdrill scripts against the tcpfsm core.
 *
 *   tcpfsm-drill [--profile rfc|linux|freebsd] [--iss N] [--peer-isn N] [--verbose] [--rows] SCRIPT...
 *
 * Each script runs under each profile it declares (`// profiles: rfc linux` before its first
 * event; rfc when it declares none), or under --profile only, and each run happens twice: with
 * the given initial sequence numbers and again with both close to 2^32, so that every script
 * also crosses the wraparound. Prints `PASS path` or `FAIL path:line: expected ..., got ...`
 * per script, then `N passed, N failed`; exits 0 only if every script passed.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drill.h"
#include "tcpfsm.h"

#define DEFAULT_ISS 1000000u
#define DEFAULT_PEER_ISN 5000000u
/* Second pass: both sides start a little below 2^32, so that data, FIN and ACK numbers wrap. */
#define WRAP_ISS 4294966296u       /* 2^32 - 1000 */
#define WRAP_PEER_ISN 4294966796u  /* 2^32 - 500 */

static void usage(FILE *f)
{
    fprintf(f, "usage: tcpfsm-drill [--profile rfc|linux|freebsd] [--iss N] [--peer-isn N] [--verbose] [--rows] "
               "SCRIPT...\n");
}

static int parse_u32_arg(const char *s, uint32_t *v)
{
    char *end;
    unsigned long long x;
    if (s == NULL || s[0] == '\0' || s[0] == '-')
        return -1;
    errno = 0;
    x = strtoull(s, &end, 0);
    if (errno != 0 || *end != '\0' || x > 4294967295ULL)
        return -1;
    *v = (uint32_t)x;
    return 0;
}

static int parse_profile(const char *s, unsigned *p)
{
    if (s == NULL)
        return -1;
    if (strcmp(s, "rfc") == 0)
        *p = DRILL_PROFILE_RFC;
    else if (strcmp(s, "linux") == 0)
        *p = DRILL_PROFILE_LINUX;
    else if (strcmp(s, "freebsd") == 0)
        *p = DRILL_PROFILE_FREEBSD;
    else
        return -1;
    return 0;
}

/* Read a whole file; returns NULL and sets errno on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL)
        return NULL;
    for (;;) {
        size_t got;
        if (n == cap) {
            char *nb;
            cap = cap ? cap * 2 : 8192;
            if (cap > (64u << 20)) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            nb = realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        fclose(f);
        errno = EIO;
        return NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    unsigned forced_profile = 0;
    uint32_t iss = DEFAULT_ISS, peer_isn = DEFAULT_PEER_ISN;
    int verbose = 0, rows = 0, i, nscripts = 0;
    unsigned passed = 0, failed = 0;
    unsigned char rows_taken[TCPFSM_ROW_ID_MAX + 1];
    memset(rows_taken, 0, sizeof rows_taken);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strncmp(a, "--", 2) != 0)
            break;
        if (strchr(a, '=') != NULL)
            val = strchr(a, '=') + 1;
        if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0) {
            verbose = 1;
        } else if (strcmp(a, "--rows") == 0) {
            rows = 1;
        } else if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strncmp(a, "--profile", 9) == 0 && (a[9] == '\0' || a[9] == '=')) {
            if (val == NULL)
                val = i + 1 < argc ? argv[++i] : NULL;
            if (parse_profile(val, &forced_profile) < 0) {
                fprintf(stderr, "tcpfsm-drill: --profile: expected rfc, linux or freebsd\n");
                return 2;
            }
        } else if (strncmp(a, "--iss", 5) == 0 && (a[5] == '\0' || a[5] == '=')) {
            if (val == NULL)
                val = i + 1 < argc ? argv[++i] : NULL;
            if (parse_u32_arg(val, &iss) < 0) {
                fprintf(stderr, "tcpfsm-drill: --iss: expected a number from 0 to 4294967295\n");
                return 2;
            }
        } else if (strncmp(a, "--peer-isn", 10) == 0 && (a[10] == '\0' || a[10] == '=')) {
            if (val == NULL)
                val = i + 1 < argc ? argv[++i] : NULL;
            if (parse_u32_arg(val, &peer_isn) < 0) {
                fprintf(stderr, "tcpfsm-drill: --peer-isn: expected a number from 0 to 4294967295\n");
                return 2;
            }
        } else {
            fprintf(stderr, "tcpfsm-drill: unknown option %s\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return 2;
    }
    for (; i < argc; i++) {
        const char *path = argv[i];
        struct drill_script script;
        char err[512];
        size_t len = 0;
        char *buf = read_file(path, &len);
        unsigned profiles, p;
        int ok = 1;
        char why[1400];
        nscripts++;
        if (buf == NULL) {
            printf("FAIL %s: cannot read: %s\n", path, strerror(errno));
            failed++;
            continue;
        }
        if (drill_parse_buffer(path, buf, len, &script, err, sizeof err) < 0) {
            free(buf);
            printf("FAIL %s\n", err);
            fprintf(stderr, "%s\n", err);
            failed++;
            continue;
        }
        free(buf);
        profiles = forced_profile ? forced_profile : (script.profiles ? script.profiles : DRILL_PROFILE_RFC);
        why[0] = '\0';
        for (p = DRILL_PROFILE_RFC; p <= DRILL_PROFILE_FREEBSD && ok; p <<= 1) {
            int pass;
            if (!(profiles & p))
                continue;
            for (pass = 0; pass < 2 && ok; pass++) {
                struct drill_options opt;
                struct drill_result res;
                memset(&opt, 0, sizeof opt);
                opt.profile = p;
                opt.iss = pass == 0 ? iss : WRAP_ISS;
                opt.peer_isn = pass == 0 ? peer_isn : WRAP_PEER_ISN;
                opt.verbose = verbose;
                opt.log = verbose ? stdout : NULL;
                opt.rows_taken = rows_taken;
                opt.rows_taken_len = sizeof rows_taken;
                if (verbose)
                    printf("== %s [profile %s, iss %lu, peer-isn %lu]\n", path, drill_profile_name(p),
                           (unsigned long)opt.iss, (unsigned long)opt.peer_isn);
                drill_run(&script, &opt, &res);
                if (!res.passed) {
                    ok = 0;
                    snprintf(why, sizeof why, "%s:%d: %s [profile %s, iss %lu, peer-isn %lu]", path, res.line,
                             res.message, drill_profile_name(p), (unsigned long)opt.iss,
                             (unsigned long)opt.peer_isn);
                }
                if (pass == 0 && (res.warnings_shell || res.warnings_code || res.warnings_syscall))
                    fprintf(stderr,
                            "warning: %s [%s]: ignored %u backtick line(s), %u %%{ }%% block(s), %u system call(s) "
                            "not modelled\n",
                            path, drill_profile_name(p), res.warnings_shell, res.warnings_code,
                            res.warnings_syscall);
            }
        }
        drill_script_free(&script);
        if (ok) {
            printf("PASS %s\n", path);
            passed++;
        } else {
            printf("FAIL %s\n", why);
            failed++;
        }
        fflush(stdout);
    }
    if (rows) {
        unsigned r, taken = 0;
        for (r = 1; r <= TCPFSM_ROW_ID_MAX; r++)
            taken += rows_taken[r] != 0;
        printf("rows taken: %u of %u\n", taken, (unsigned)TCPFSM_ROW_ID_MAX);
        for (r = 1; r <= TCPFSM_ROW_ID_MAX; r++)
            if (!rows_taken[r])
                printf("row not taken: T%02u\n", r);
    }
    printf("%u passed, %u failed\n", passed, failed);
    (void)nscripts;
    return failed == 0 ? 0 : 1;
}
