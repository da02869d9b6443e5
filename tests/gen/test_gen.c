/*
 * test_gen.c - cmocka tests of the table generator (gen/tcpfsm_gen.c and the tcpfsm-gen CLI).
 *
 * Run from the repository root: build/tests/test_gen
 * The CLI checks run the binary named by $TCPFSM_GEN (default build/tcpfsm-gen).
 *
 *   - golden: tests/gen/cases/mini.fsm gives exactly the files under tests/gen/golden/ (through
 *     the library and through the CLI); the SVG is not compared (it depends on the Graphviz
 *     version) but must exist exactly when `dot` is on PATH. Regenerate the golden files with
 *     tests/gen/regen-golden.sh (never done by this test).
 *   - every class of bad input (tests/gen/cases/bad_*.fsm): exactly one `file:line: expected ...`
 *     message, status 1, no file created in a fresh OUTDIR, existing outputs left unchanged, no
 *     temporary left behind;
 *   - determinism: two runs give byte-identical files (mini table and model/tcp.fsm);
 *   - CLI usage errors (status 2), a missing table, missing output directories created.
 */
#define _XOPEN_SOURCE 700

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../gen/tcpfsm_gen.h"

#define MINI "tests/gen/cases/mini.fsm"
#define GOLDEN "tests/gen/golden"
#define CASES "tests/gen/cases/"
#define GENERATED_TEXT_FILES (TCPFSM_GEN_OUTPUT_COUNT - 1)   /* all but the SVG */

static const char *gen_program;   /* the CLI, for the process-level checks */

/* ------------------------------------------------------------------ helpers */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t n = 0, cap = 0, got;
    if (f == NULL)
        return NULL;
    do {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            data = realloc(data, cap);
            assert_non_null(data);
        }
        got = fread(data + n, 1, 4096, f);
        n += got;
    } while (got > 0);
    fclose(f);
    data[n] = '\0';
    if (len)
        *len = n;
    return data;
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n, "%s/%s", a, b);
    return s;
}

static char *make_temp_dir(void)
{
    char *dir = strdup("/tmp/tcpfsm-gen-test.XXXXXX");
    assert_non_null(dir);
    assert_non_null(mkdtemp(dir));
    return dir;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void remove_tree(char *dir)
{
    assert_int_equal(nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS), 0);
    free(dir);
}

static int entry_count;
static int regular_count;
static int count_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)path;
    if (ftw->level > 0)
        entry_count++;
    if (flag == FTW_F && S_ISREG(st->st_mode))
        regular_count++;
    return 0;
}

/* Number of entries (files and directories) below dir. */
static int count_entries(const char *dir)
{
    entry_count = 0;
    regular_count = 0;
    assert_int_equal(nftw(dir, count_entry, 16, FTW_PHYS), 0);
    return entry_count;
}

static int count_regular_files(const char *dir)
{
    count_entries(dir);
    return regular_count;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

/* Runs the library; returns its status and, in *err_text, what it printed. */
static int run_library(const char *table, const char *outdir, const char *dot, char **err_text)
{
    FILE *err = tmpfile();
    long n;
    int status;
    assert_non_null(err);
    status = tcpfsm_gen_run(table, outdir, dot, err);
    n = ftell(err);
    assert_true(n >= 0);
    rewind(err);
    *err_text = calloc((size_t)n + 1, 1);
    assert_non_null(*err_text);
    assert_int_equal(fread(*err_text, 1, (size_t)n, err), (size_t)n);
    fclose(err);
    return status;
}

/* Runs the CLI with up to three arguments (NULL-terminated); returns its exit status. */
static int run_cli(char **err_text, const char *a1, const char *a2, const char *a3)
{
    char err_path[] = "/tmp/tcpfsm-gen-test-stderr.XXXXXX";
    int fd = mkstemp(err_path);
    pid_t pid;
    int status;
    assert_true(fd >= 0);
    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(fd, 2);
        if (devnull >= 0)
            dup2(devnull, 1);
        execl(gen_program, gen_program, a1, a2, a3, (char *)NULL);
        _exit(127);
    }
    close(fd);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    *err_text = read_all(err_path, NULL);
    assert_non_null(*err_text);
    unlink(err_path);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* Every generated text file in outdir equals its golden counterpart. */
static void assert_matches_golden(const char *outdir)
{
    int i;
    for (i = 0; i < GENERATED_TEXT_FILES; i++) {
        char *got_path = join(outdir, tcpfsm_gen_outputs[i]);
        char *want_path = join(GOLDEN, tcpfsm_gen_outputs[i]);
        size_t got_len = 0, want_len = 0;
        char *got = read_all(got_path, &got_len);
        char *want = read_all(want_path, &want_len);
        if (got == NULL)
            fail_msg("%s was not generated", tcpfsm_gen_outputs[i]);
        if (want == NULL)
            fail_msg("golden file %s is missing (tests/gen/regen-golden.sh)", want_path);
        if (got_len != want_len || memcmp(got, want, got_len) != 0)
            fail_msg("%s differs from %s (diff %s %s)", got_path, want_path, want_path, got_path);
        free(got);
        free(want);
        free(got_path);
        free(want_path);
    }
}

static int exists(const char *dir, const char *rel)
{
    struct stat st;
    char *path = join(dir, rel);
    int found = stat(path, &st) == 0;
    free(path);
    return found;
}

/* ------------------------------------------------------------------ golden outputs */

static void test_golden_library(void **state)
{
    char *dir = make_temp_dir(), *err;
    (void)state;
    assert_int_equal(run_library(MINI, dir, NULL, &err), 0);
    assert_string_equal(err, "");
    assert_matches_golden(dir);
    /* No dot program given: the SVG is not written. */
    assert_false(exists(dir, TCPFSM_GEN_SVG_OUTPUT));
    assert_int_equal(count_regular_files(dir), GENERATED_TEXT_FILES);
    free(err);
    remove_tree(dir);
}

static void test_golden_cli(void **state)
{
    char *dir = make_temp_dir(), *err;
    char dot[4096];
    int have_dot = tcpfsm_gen_find_dot(dot, sizeof dot);
    (void)state;
    assert_int_equal(run_cli(&err, MINI, dir, NULL), 0);
    assert_matches_golden(dir);
    /* The SVG exists exactly when Graphviz is on PATH, and then carries the banner. */
    assert_int_equal(exists(dir, TCPFSM_GEN_SVG_OUTPUT), have_dot);
    if (have_dot) {
        char *svg_path = join(dir, TCPFSM_GEN_SVG_OUTPUT);
        char *svg = read_all(svg_path, NULL);
        assert_non_null(svg);
        assert_non_null(strstr(svg, "<!-- generated from " MINI " by tcpfsm-gen, do not edit -->"));
        assert_non_null(strstr(svg, "<svg"));
        assert_string_equal(err, "");
        free(svg);
        free(svg_path);
    } else {
        assert_non_null(strstr(err, "dot not found on PATH"));
    }
    free(err);
    remove_tree(dir);
}

/* Every output starts with the banner naming the table argument as given. */
static void test_banner_names_table_argument(void **state)
{
    static const char *const first_lines[GENERATED_TEXT_FILES] = {
        "/* generated from " MINI " by tcpfsm-gen, do not edit */\n",
        "/* generated from " MINI " by tcpfsm-gen, do not edit */\n",
        "/* generated from " MINI " by tcpfsm-gen, do not edit */\n",
        "/* generated from " MINI " by tcpfsm-gen, do not edit */\n",
        "/* generated from " MINI " by tcpfsm-gen, do not edit */\n",
        "<!-- generated from " MINI " by tcpfsm-gen, do not edit -->\n",
    };
    char *dir = make_temp_dir(), *err;
    int i;
    (void)state;
    assert_int_equal(run_library(MINI, dir, NULL, &err), 0);
    for (i = 0; i < GENERATED_TEXT_FILES; i++) {
        char *path = join(dir, tcpfsm_gen_outputs[i]);
        char *text = read_all(path, NULL);
        assert_non_null(text);
        assert_memory_equal(text, first_lines[i], strlen(first_lines[i]));
        free(text);
        free(path);
    }
    free(err);
    remove_tree(dir);
}

/* ------------------------------------------------------------------ determinism */

static void assert_deterministic(const char *table)
{
    char *a = make_temp_dir(), *b = make_temp_dir(), *err;
    char dot[4096];
    const char *dot_program = tcpfsm_gen_find_dot(dot, sizeof dot) ? dot : NULL;
    int i;
    assert_int_equal(run_library(table, a, dot_program, &err), 0);
    free(err);
    assert_int_equal(run_library(table, b, dot_program, &err), 0);
    free(err);
    for (i = 0; i < TCPFSM_GEN_OUTPUT_COUNT; i++) {
        char *pa = join(a, tcpfsm_gen_outputs[i]), *pb = join(b, tcpfsm_gen_outputs[i]);
        size_t la = 0, lb = 0;
        char *da = read_all(pa, &la), *db = read_all(pb, &lb);
        if (i == TCPFSM_GEN_OUTPUT_COUNT - 1 && dot_program == NULL) {
            assert_null(da);
            assert_null(db);
        } else {
            assert_non_null(da);
            assert_non_null(db);
            if (la != lb || memcmp(da, db, la) != 0)
                fail_msg("%s differs between two runs on %s", tcpfsm_gen_outputs[i], table);
        }
        free(da);
        free(db);
        free(pa);
        free(pb);
    }
    remove_tree(a);
    remove_tree(b);
}

static void test_deterministic_mini(void **state)
{
    (void)state;
    assert_deterministic(MINI);
}

static void test_deterministic_model(void **state)
{
    (void)state;
    assert_deterministic("model/tcp.fsm");
}

/* ------------------------------------------------------------------ file handling */

static void test_creates_missing_directories(void **state)
{
    char *dir = make_temp_dir(), *err;
    char *nested = join(dir, "a/b");
    (void)state;
    assert_int_equal(run_library(MINI, nested, NULL, &err), 0);
    assert_matches_golden(nested);
    free(err);
    free(nested);
    remove_tree(dir);
}

/* Existing outputs are replaced, and no temporary is left behind. */
static void test_replaces_existing_outputs(void **state)
{
    char *dir = make_temp_dir(), *err;
    int i;
    (void)state;
    assert_int_equal(run_library(MINI, dir, NULL, &err), 0);
    free(err);
    for (i = 0; i < GENERATED_TEXT_FILES; i++) {
        char *path = join(dir, tcpfsm_gen_outputs[i]);
        write_text(path, "stale\n");
        free(path);
    }
    assert_int_equal(run_library(MINI, dir, NULL, &err), 0);
    assert_matches_golden(dir);
    assert_int_equal(count_regular_files(dir), GENERATED_TEXT_FILES);
    free(err);
    remove_tree(dir);
}

/* ------------------------------------------------------------------ CLI usage */

static void test_cli_usage_no_arguments(void **state)
{
    char *err;
    (void)state;
    assert_int_equal(run_cli(&err, NULL, NULL, NULL), 2);
    assert_non_null(strstr(err, "usage: tcpfsm-gen TABLE OUTDIR"));
    free(err);
}

static void test_cli_usage_one_argument(void **state)
{
    char *err;
    (void)state;
    assert_int_equal(run_cli(&err, MINI, NULL, NULL), 2);
    assert_non_null(strstr(err, "usage: tcpfsm-gen TABLE OUTDIR"));
    free(err);
}

static void test_cli_usage_three_arguments(void **state)
{
    char *dir = make_temp_dir(), *err;
    (void)state;
    assert_int_equal(run_cli(&err, MINI, dir, "extra"), 2);
    assert_non_null(strstr(err, "usage: tcpfsm-gen TABLE OUTDIR"));
    assert_int_equal(count_entries(dir), 0);
    free(err);
    remove_tree(dir);
}

static void test_missing_table(void **state)
{
    char *dir = make_temp_dir(), *err;
    (void)state;
    assert_int_equal(run_library(CASES "no_such_table.fsm", dir, NULL, &err), 1);
    assert_non_null(strstr(err, CASES "no_such_table.fsm: cannot read the table"));
    assert_int_equal(count_entries(dir), 0);
    free(err);
    assert_int_equal(run_cli(&err, CASES "no_such_table.fsm", dir, NULL), 1);
    assert_non_null(strstr(err, CASES "no_such_table.fsm: cannot read the table"));
    assert_int_equal(count_entries(dir), 0);
    free(err);
    remove_tree(dir);
}

/* ------------------------------------------------------------------ bad input */

struct bad_case {
    const char *name;       /* tests/gen/cases/<name>.fsm */
    int line;
    const char *expected;
};

static const struct bad_case bad_cases[] = {
    { "bad_too_many_fields", 27, "too many fields: expected 8 fields" },
    { "bad_unterminated_quote", 3, "unterminated quote" },
    { "bad_unknown_keyword", 25, "unknown keyword 'rows': expected state, event, guard, action or row" },
    { "bad_truncated_row", 33, "truncated line: expected 8 fields" },
    { "bad_truncated_event", 13, "truncated line: expected 4 fields" },
    { "bad_missing_newline", 34, "truncated line: expected a newline at the end of the file" },
    { "bad_unknown_from_state", 27, "unknown state 'SYN_SNET' in FROM: expected a declared state" },
    { "bad_unknown_to_state", 27, "unknown state 'ESTABLISHD' in TO: expected a declared state" },
    { "bad_unknown_event", 27, "unknown event 'SYNACK': expected a declared event" },
    { "bad_unknown_guard", 28, "unknown guard 'passive': expected '-', a declared guard NAME or !NAME" },
    { "bad_unknown_action", 31, "unknown action 'signal_close': expected a declared action" },
    { "bad_duplicate_state", 6, "duplicate state 'LISTEN': expected one declaration, already declared at line 3" },
    { "bad_duplicate_action", 21, "duplicate action 'send_syn': expected one declaration, already declared at line 18" },
    { "bad_duplicate_row_id", 32, "duplicate row id T03: expected a new id, id 3 is already used at line 26" },
    { "bad_row_id_syntax", 32, "bad row id 'R09': expected T<number> with a number from 1 to 65535" },
    { "bad_row_id_zero", 32, "bad row id 'T0': expected T<number> with a number from 1 to 65535" },
    { "bad_row_id_too_large", 32, "bad row id 'T65536': expected T<number> with a number from 1 to 65535" },
    { "bad_overlap_unguarded", 28, "row T11 overlaps row T04 (line 27) on (SYN_SENT, SYN_ACK): expected a single unguarded row" },
    { "bad_overlap_two_unguarded", 28, "row T11 overlaps row T04 (line 27) on (SYN_SENT, SYN_ACK): expected a single unguarded row" },
    { "bad_overlap_two_guards", 29, "row T06 tests guard '!rfc1337' but row T05 (line 28) tests 'passive_open' on (SYN_SENT, RST): expected one guard per (FROM, EVENT)" },
    { "bad_duplicate_guard_literal", 29, "duplicate row for (SYN_SENT, RST, passive_open): expected one row, row T05 (line 28) already covers it" },
    { "bad_rfc_field", 27, "bad RFC field 'RFC-9293:3.10.7.3': expected RFC<digits>:<section>" },
    { "bad_rfc_section", 27, "bad RFC field 'RFC9293:3..7': expected RFC<digits>:<section>" },
    { "bad_event_kind", 13, "unknown event kind 'clock': expected user, segment or timer" },
    { "bad_unquoted_description", 16, "expected a quoted \"description\", got 'RFC1337'" },
    { "bad_identifier_clash", 17, "guard 'RFC1337' makes the C identifier TCPFSM_GUARD_RFC1337, as guard 'rfc1337' at line 16 does: expected distinct names" },
    { "bad_first_state", 2, "expected the first state to be CLOSED, got 'LISTEN'" },
    { "bad_no_way_out", 5, "state ESTABLISHED has no way out: expected a chain of rows from ESTABLISHED back to CLOSED" },
    { "bad_unreachable", 5, "state ESTABLISHED is unreachable: expected a chain of rows from CLOSED to ESTABLISHED" },
    { "bad_empty", 3, "empty table: expected state, event, action and row lines" },
    { "bad_empty_file", 1, "empty table: expected state, event, action and row lines" },
    { "bad_no_rows", 4, "expected at least one row line" },
};
#define BAD_CASE_COUNT (sizeof bad_cases / sizeof bad_cases[0])

/* The one diagnostic is `TABLE:LINE: expected text`. */
static void assert_diagnostic(const char *err, const struct bad_case *c, const char *table)
{
    char want[1024];
    snprintf(want, sizeof want, "%s:%d: %s", table, c->line, c->expected);
    if (strncmp(err, want, strlen(want)) != 0)
        fail_msg("%s: expected a message starting with\n  %s\ngot\n  %s", c->name, want, err);
    assert_int_equal(count_lines(err), 1);
}

static void test_bad_input(void **state)
{
    const struct bad_case *c = *state;
    char table[256];
    char *dir, *err;
    int i;

    snprintf(table, sizeof table, CASES "%s.fsm", c->name);

    /* Library, fresh output directory: error, nothing created (not even a directory). */
    dir = make_temp_dir();
    assert_int_equal(run_library(table, dir, NULL, &err), 1);
    assert_diagnostic(err, c, table);
    assert_int_equal(count_entries(dir), 0);
    free(err);

    /* CLI, same directory: exit status 1, same message, still nothing created. */
    assert_int_equal(run_cli(&err, table, dir, NULL), 1);
    assert_diagnostic(err, c, table);
    assert_int_equal(count_entries(dir), 0);
    free(err);

    /* Existing outputs (SVG included, with dot available to the run) are left unchanged. */
    {
        char dot[4096];
        const char *dot_program = tcpfsm_gen_find_dot(dot, sizeof dot) ? dot : NULL;
        const char *subdirs[] = { "src", "model", "docs" };
        for (i = 0; i < 3; i++) {
            char *sub = join(dir, subdirs[i]);
            assert_int_equal(mkdir(sub, 0777), 0);
            free(sub);
        }
        for (i = 0; i < TCPFSM_GEN_OUTPUT_COUNT; i++) {
            char *path = join(dir, tcpfsm_gen_outputs[i]);
            write_text(path, tcpfsm_gen_outputs[i]);
            free(path);
        }
        assert_int_equal(run_library(table, dir, dot_program, &err), 1);
        assert_diagnostic(err, c, table);
        free(err);
        for (i = 0; i < TCPFSM_GEN_OUTPUT_COUNT; i++) {
            char *path = join(dir, tcpfsm_gen_outputs[i]);
            char *text = read_all(path, NULL);
            assert_non_null(text);
            assert_string_equal(text, tcpfsm_gen_outputs[i]);
            free(text);
            free(path);
        }
        assert_int_equal(count_regular_files(dir), TCPFSM_GEN_OUTPUT_COUNT);
    }
    remove_tree(dir);
}

/* ------------------------------------------------------------------ main */

int main(void)
{
    static const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_golden_library),
        cmocka_unit_test(test_golden_cli),
        cmocka_unit_test(test_banner_names_table_argument),
        cmocka_unit_test(test_deterministic_mini),
        cmocka_unit_test(test_deterministic_model),
        cmocka_unit_test(test_creates_missing_directories),
        cmocka_unit_test(test_replaces_existing_outputs),
        cmocka_unit_test(test_cli_usage_no_arguments),
        cmocka_unit_test(test_cli_usage_one_argument),
        cmocka_unit_test(test_cli_usage_three_arguments),
        cmocka_unit_test(test_missing_table),
    };
    enum { FIXED = sizeof fixed / sizeof fixed[0] };
    struct CMUnitTest tests[FIXED + BAD_CASE_COUNT];
    static char names[BAD_CASE_COUNT][96];
    struct stat st;
    size_t i;

    gen_program = getenv("TCPFSM_GEN");
    if (gen_program == NULL || *gen_program == '\0')
        gen_program = "build/tcpfsm-gen";
    if (stat(MINI, &st) != 0 || stat(GOLDEN, &st) != 0) {
        fprintf(stderr, "test_gen: run from the repository root (%s and %s not found)\n", MINI, GOLDEN);
        return 1;
    }
    if (access(gen_program, X_OK) != 0) {
        fprintf(stderr, "test_gen: %s is not an executable (build it, or set TCPFSM_GEN)\n", gen_program);
        return 1;
    }
    for (i = 0; i < FIXED; i++)
        tests[i] = fixed[i];
    for (i = 0; i < BAD_CASE_COUNT; i++) {
        snprintf(names[i], sizeof names[i], "test_error_%s", bad_cases[i].name + 4);   /* drop "bad_" */
        memset(&tests[FIXED + i], 0, sizeof tests[FIXED + i]);
        tests[FIXED + i].name = names[i];
        tests[FIXED + i].test_func = test_bad_input;
        tests[FIXED + i].initial_state = (void *)&bad_cases[i];
    }
    return _cmocka_run_group_tests("tcpfsm_gen", tests, FIXED + BAD_CASE_COUNT, NULL, NULL);
}
