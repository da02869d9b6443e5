/*
 * tcpfsm_gen.h - the tcpfsm table generator as a library (no main), so that tests can call it.
 *
 * tcpfsm_gen_run() reads a table (syntax in the header of model/tcp.fsm), validates it and writes
 * every file described in gen/FORMAT.md under an output directory, at the same relative paths
 * they have in the repository. Errors are reported as `TABLE:LINE: what was expected`; on any
 * error no output file is created or modified (outputs are written to temporaries in their target
 * directories and renamed only after every one of them was written).
 */
#ifndef TCPFSM_GEN_H
#define TCPFSM_GEN_H

#include <stddef.h>
#include <stdio.h>

/* The files tcpfsm_gen_run() writes, relative to OUTDIR. The last one (the SVG) is written only
   when a `dot` program is given. */
#define TCPFSM_GEN_OUTPUT_COUNT 7
#define TCPFSM_GEN_SVG_OUTPUT "docs/tcpfsm.svg"
extern const char *const tcpfsm_gen_outputs[TCPFSM_GEN_OUTPUT_COUNT];

/* Look for an executable `dot` in the directories of $PATH. On success copies its path to
   `path` (of `size` bytes) and returns 1; returns 0 when there is none (or PATH is unset/empty). */
int tcpfsm_gen_find_dot(char *path, size_t size);

/* Generate from `table_path` into `outdir` (created, with the target subdirectories, when
   missing). `dot_program`: path of the Graphviz `dot` executable used to render
   docs/tcpfsm.svg, or NULL to write no SVG at all (an existing SVG is then left untouched).
   Diagnostics go to `err`. Returns 0 on success, 1 on any error (nothing written). */
int tcpfsm_gen_run(const char *table_path, const char *outdir, const char *dot_program, FILE *err);

#endif /* TCPFSM_GEN_H */
