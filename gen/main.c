/*
 * main.c - the tcpfsm-gen command: `tcpfsm-gen TABLE OUTDIR`.
 *
 * Reads TABLE (normally model/tcp.fsm) and writes the files listed in gen/FORMAT.md under OUTDIR
 * at their repository paths. docs/tcpfsm.svg is rendered only when Graphviz `dot` is on PATH.
 * Exit status: 0 on success, 1 on a bad table or an I/O error (nothing written), 2 on bad usage.
 */
#include <stdio.h>

#include "tcpfsm_gen.h"

int main(int argc, char **argv)
{
    char dot_path[4096];
    const char *dot_program = NULL;
    int status;

    if (argc != 3 || argv[1][0] == '\0' || argv[2][0] == '\0') {
        fprintf(stderr, "usage: tcpfsm-gen TABLE OUTDIR\n"
                        "  reads TABLE (e.g. model/tcp.fsm) and writes the generated files under OUTDIR\n");
        return 2;
    }
    if (tcpfsm_gen_find_dot(dot_path, sizeof dot_path))
        dot_program = dot_path;
    /* else Graphviz is not installed: every other file is written, docs/tcpfsm.svg is not
       (an existing one is left as it is). */
    status = tcpfsm_gen_run(argv[1], argv[2], dot_program, stderr);
    if (status == 0 && dot_program == NULL)
        fprintf(stderr, "tcpfsm-gen: dot not found on PATH: docs/tcpfsm.svg not written\n");
    return status;
}
