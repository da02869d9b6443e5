/*
 * drill_main.c - tcpfsm-drill: run packetdrill scripts against the tcpfsm core.
 *
 *   tcpfsm-drill [--profile rfc|linux|freebsd] [--strict] [-D NAME[=VALUE]]... [--iss N] [--peer-isn N]
 *                [--verbose] [--rows] SCRIPT...
 *
 * Each script runs under each profile it declares (`// profiles: rfc linux` before its first
 * event; rfc when it declares none), or under --profile only, and each run happens twice: with
 * the given initial sequence numbers and again with both close to 2^32, so that every script
 * also crosses the wraparound. The script is read once per profile: the profile defines its
 * preprocessor symbol (FreeBSD, linux, STANDARD), -D defines more. Prints `PASS path`,
 * `FAIL path:line: expected ..., got ...` or `SKIP path:line: <construct> not modelled` per
 * script, then `N passed, N failed, N skipped`; exits 0 only if every script passed.
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
    fprintf(f, "usage: tcpfsm-drill [--profile rfc|linux|freebsd] [--strict] [-D NAME[=VALUE]]... [--iss N] "
               "[--peer-isn N] [--verbose] [--rows] SCRIPT...\n");
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

static int valid_define(const char *d)
{
    size_t i;
    if (!((d[0] >= 'a' && d[0] <= 'z') || (d[0] >= 'A' && d[0] <= 'Z') || d[0] == '_'))
        return 0;
    for (i = 1; d[i] != '\0' && d[i] != '='; i++)
        if (!((d[i] >= 'a' && d[i] <= 'z') || (d[i] >= 'A' && d[i] <= 'Z') || d[i] == '_' ||
              (d[i] >= '0' && d[i] <= '9')))
            return 0;
    return i <= 63 && (d[i] == '\0' || strlen(d + i + 1) <= 63);
}

int main(int argc, char **argv)
{
    unsigned forced_profile = 0;
    uint32_t iss = DEFAULT_ISS, peer_isn = DEFAULT_PEER_ISN;
    int verbose = 0, rows = 0, strict = 0, i;
    unsigned passed = 0, failed = 0, skipped = 0;
    unsigned char rows_taken[TCPFSM_ROW_ID_MAX + 1];
    const char *user_defs[DRILL_MAX_DEFINES];
    size_t nuser_defs = 0;
    memset(rows_taken, 0, sizeof rows_taken);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strncmp(a, "-D", 2) == 0) {
            const char *d = a[2] != '\0' ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (d == NULL || !valid_define(d) || nuser_defs + 4 >= DRILL_MAX_DEFINES) {
                fprintf(stderr, "tcpfsm-drill: -D: expected NAME or NAME=VALUE (at most 28)\n");
                return 2;
            }
            user_defs[nuser_defs++] = d;
            continue;
        }
        if (strncmp(a, "--", 2) != 0)
            break;
        if (strchr(a, '=') != NULL)
            val = strchr(a, '=') + 1;
        if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0) {
            verbose = 1;
        } else if (strcmp(a, "--rows") == 0) {
            rows = 1;
        } else if (strcmp(a, "--strict") == 0) {
            strict = 1;
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
        size_t len = 0, k;
        char *buf = read_file(path, &len);
        unsigned profiles, p;
        int ok = 1, skip = 0, malformed = 0;
        char why[1400];
        if (buf == NULL) {
            printf("FAIL %s: cannot read: %s\n", path, strerror(errno));
            failed++;
            continue;
        }
        /* The profiles come from the script (read with nothing defined) or from --profile. */
        if (forced_profile) {
            profiles = forced_profile;
        } else {
            struct drill_defines none;
            none.count = 0;
            for (k = 0; k < nuser_defs; k++)
                none.def[none.count++] = user_defs[k];
            if (drill_parse_buffer_defs(path, buf, len, &none, &script, err, sizeof err) < 0) {
                free(buf);
                printf("FAIL %s\n", err);
                fprintf(stderr, "%s\n", err);
                failed++;
                continue;
            }
            profiles = script.profiles ? script.profiles : DRILL_PROFILE_RFC;
            drill_script_free(&script);
        }
        why[0] = '\0';
        for (p = DRILL_PROFILE_RFC; p <= DRILL_PROFILE_FREEBSD && ok; p <<= 1) {
            struct drill_defines defs;
            int pass;
            if (!(profiles & p))
                continue;
            drill_profile_defines(p, &defs);
            for (k = 0; k < nuser_defs; k++)
                defs.def[defs.count++] = user_defs[k];
            if (drill_parse_buffer_defs(path, buf, len, &defs, &script, err, sizeof err) < 0) {
                ok = 0;
                malformed = 1;
                break;
            }
            for (pass = 0; pass < 2 && ok; pass++) {
                struct drill_options opt;
                struct drill_result res;
                memset(&opt, 0, sizeof opt);
                opt.profile = p;
                opt.iss = pass == 0 ? iss : WRAP_ISS;
                opt.peer_isn = pass == 0 ? peer_isn : WRAP_PEER_ISN;
                opt.verbose = verbose;
                opt.strict = strict;
                opt.log = verbose ? stdout : NULL;
                opt.rows_taken = rows_taken;
                opt.rows_taken_len = sizeof rows_taken;
                if (verbose)
                    printf("== %s [profile %s, iss %lu, peer-isn %lu]\n", path, drill_profile_name(p),
                           (unsigned long)opt.iss, (unsigned long)opt.peer_isn);
                drill_run(&script, &opt, &res);
                if (res.skipped) {
                    /* A construct not modelled stops this run there; a failure in another run wins. */
                    if (!skip) {
                        skip = 1;
                        snprintf(why, sizeof why, "%s:%d: %s", path, res.line, res.message);
                    }
                    continue;
                }
                if (!res.passed) {
                    ok = 0;
                    snprintf(why, sizeof why, "%s:%d: %s [profile %s, iss %lu, peer-isn %lu]", path, res.line,
                             res.message, drill_profile_name(p), (unsigned long)opt.iss,
                             (unsigned long)opt.peer_isn);
                }
            }
            drill_script_free(&script);
        }
        free(buf);
        if (malformed) {
            printf("FAIL %s\n", err);
            fprintf(stderr, "%s\n", err);
            failed++;
        } else if (!ok) {
            printf("FAIL %s\n", why);
            failed++;
        } else if (skip) {
            printf("SKIP %s\n", why);
            skipped++;
        } else {
            printf("PASS %s\n", path);
            passed++;
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
    printf("%u passed, %u failed, %u skipped\n", passed, failed, skipped);
    return failed == 0 && skipped == 0 ? 0 : 1;
}
