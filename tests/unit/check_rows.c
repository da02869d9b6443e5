/*
 * check_rows.c - is every row of the transition table taken by at least one unit test?
 *
 * Usage: check_rows ROWS_FILE
 *
 * ROWS_FILE is what the test executables appended when run with TCPFSM_ROWS_FILE set (see
 * fx_run() in fixtures.c): one line "Tnn test_group" for every row id that a test verified with
 * fx_expect_row(), i.e. the core reported the row and the test's assertion on it passed. Every id
 * in tcpfsm_rows[] (the generated table) must appear; the missing ones are listed. Exit status 0
 * when all rows are taken, 1 otherwise, 2 on bad input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tcpfsm_table.h"

int main(int argc, char **argv)
{
    static unsigned char taken[TCPFSM_ROW_ID_MAX + 1];
    char line[256];
    unsigned long lineno = 0;
    unsigned missing = 0, count = 0;
    size_t i;
    FILE *fp;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ROWS_FILE\n", argv[0]);
        return 2;
    }
    fp = fopen(argv[1], "r");
    if (fp == NULL) {
        fprintf(stderr, "%s: cannot open\n", argv[1]);
        return 2;
    }
    while (fgets(line, sizeof line, fp) != NULL) {
        char *end;
        unsigned long id;
        lineno++;
        if (line[0] != 'T' || line[1] < '0' || line[1] > '9') {
            fprintf(stderr, "%s:%lu: expected a row id \"Tnn\" at the start of the line\n",
                    argv[1], lineno);
            fclose(fp);
            return 2;
        }
        id = strtoul(line + 1, &end, 10);
        if (id == 0 || id > TCPFSM_ROW_ID_MAX || (*end != ' ' && *end != '\n' && *end != '\0')) {
            fprintf(stderr, "%s:%lu: expected a row id between T01 and T%u\n", argv[1], lineno,
                    (unsigned)TCPFSM_ROW_ID_MAX);
            fclose(fp);
            return 2;
        }
        taken[id] = 1;
    }
    fclose(fp);

    for (i = 0; i < TCPFSM_ROW_COUNT; i++) {
        const struct tcpfsm_row_info *r = &tcpfsm_rows[i];
        if (taken[r->id]) {
            count++;
        } else {
            missing++;
            printf("row T%02u (%s %s%s%s -> %s) is not taken by any passing test\n",
                   (unsigned)r->id, tcpfsm_state_names[r->from], tcpfsm_event_names[r->event],
                   r->guard ? (r->guard_holds ? " " : " !") : "",
                   r->guard ? tcpfsm_guard_names[r->guard] : "", tcpfsm_state_names[r->to]);
        }
    }
    printf("table rows taken by the unit tests: %u / %u\n", count, (unsigned)TCPFSM_ROW_COUNT);
    return missing == 0 ? 0 : 1;
}
