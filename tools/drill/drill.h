/*
 * drill.h - tcpfsm-drill: run packetdrill scripts against the tcpfsm core, in virtual time.
 *
 * The runner has five parts:
 *   drill_cpp.c     the C preprocessor conditionals (#ifdef FreeBSD ...) scripts choose variants with
 *   drill_parse.c   lexer and parser of packetdrill syntax into a struct drill_script
 *                   (drill_parse_buffer() parses from memory; it is the fuzzing entry point)
 *   drill_sock.c    a small socket layer built on the public API of tcpfsm (src/tcpfsm.h) only
 *   drill_run.c     the virtual-time engine and the checker
 *   drill_main.c    the command line
 */
#ifndef TCPFSM_DRILL_H
#define TCPFSM_DRILL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Flags beyond those of tcpfsm.h that packetdrill can name (never set by the core). */
#define DRILL_ECE 0x40u
#define DRILL_CWR 0x80u

/* Profiles a script declares with a comment `// profiles: rfc linux freebsd`. */
#define DRILL_PROFILE_RFC 0x1u
#define DRILL_PROFILE_LINUX 0x2u
#define DRILL_PROFILE_FREEBSD 0x4u

enum drill_time_kind {
    DRILL_TIME_ABSOLUTE,      /* 0.100 */
    DRILL_TIME_RELATIVE,      /* +0.1 */
    DRILL_TIME_ANY,           /* * */
    DRILL_TIME_RANGE,         /* 0.1...0.3, +0...0.2: a blocking call returning in the range */
    DRILL_TIME_WINDOW         /* 0.1~0.3, +0~+0.2: the event happens somewhere in the window */
};

struct drill_time {
    enum drill_time_kind kind;
    int start_relative;       /* start is relative to the previous event */
    int end_relative;         /* end is relative to the previous event (range only) */
    int64_t start_usecs;
    int64_t end_usecs;        /* range only */
};

enum drill_event_kind {
    DRILL_EVENT_INBOUND,      /* < segment injected into the stack */
    DRILL_EVENT_OUTBOUND,     /* > segment the stack must emit */
    DRILL_EVENT_SYSCALL,      /* name(args) = result */
    DRILL_EVENT_SHELL,        /* `command` */
    DRILL_EVENT_CODE,         /* %{ python }% */
    DRILL_EVENT_UNMODELLED    /* a construct the runner reads but does not model (text names it) */
};

struct drill_packet {
    uint16_t flags;           /* TCPFSM_* | DRILL_ECE | DRILL_CWR */
    uint32_t seq;             /* start, relative */
    uint32_t len;             /* payload length */
    int has_ack;
    uint32_t ack;             /* relative */
    int has_win;
    uint32_t win;
    int has_urg;
    uint32_t urg;
    int has_options;          /* a <...> list was present */
    int any_options;          /* it was literally <...> */
    int has_mss;              /* the options carried mss N */
    uint32_t mss;
    int has_wscale;           /* the options carried wscale N (N as used: at most 14) */
    uint32_t wscale;
    int any_seq;              /* outbound `...(len)`: the sequence number is not compared */
    int has_ecn;              /* [ect0] [ect1] [ce] before the flags: an IP ECN codepoint */
};

#define DRILL_MAX_ARGS 8

struct drill_syscall {
    char name[32];
    int argc;
    char *args[DRILL_MAX_ARGS];   /* argument text, trimmed; "..." for an ellipsis */
    int64_t result;               /* the expected return value (decimal or 0x hex) */
    int result_any;               /* "= ..." : any result */
    char errno_name[32];          /* expected errno name, "" if none */
};

struct drill_event {
    int line;
    enum drill_event_kind kind;
    struct drill_time time;
    struct drill_packet packet;   /* INBOUND, OUTBOUND */
    struct drill_syscall call;    /* SYSCALL */
    char *text;                   /* SHELL, CODE: the text between the delimiters; UNMODELLED: the construct */
    int untimed;                  /* written without a time (init/cleanup command, %{ }%): runs at +0 */
};

enum drill_ip_version { DRILL_IPV4, DRILL_IPV6, DRILL_IPV4_MAPPED_IPV6 };

struct drill_script {
    char *path;
    int64_t tolerance_usecs;          /* default 4000 */
    double tolerance_percent;         /* default 12.5 */
    unsigned profiles;                /* DRILL_PROFILE_* bits declared; 0 if none */
    int profiles_line;
    enum drill_ip_version ip_version; /* --ip_version (default ipv4) */
    int unmodelled_line;              /* a construct of the whole script not modelled (#include ...), */
    char unmodelled[96];              /*   its line and name; 0 / "" if none */
    struct drill_event *events;
    size_t count;
    size_t capacity;
};

/* Symbols defined for the script's C preprocessor conditionals: "NAME" (value 1) or "NAME=VALUE". */
#define DRILL_MAX_DEFINES 32
struct drill_defines {
    const char *def[DRILL_MAX_DEFINES];
    size_t count;
};

/* The symbols a profile defines: FreeBSD (freebsd), linux (linux), STANDARD (rfc). */
void drill_profile_defines(unsigned profile, struct drill_defines *d);

/* Parse a script held in memory (`len` bytes, not necessarily NUL-terminated, may contain
 * anything), with `defs` defined for #if/#ifdef (NULL: nothing defined). On success returns 0
 * and fills `script` (free it with drill_script_free()). On a syntax error returns -1, writes
 * "path:line: expected ..." into `err` (always NUL-terminated when errlen > 0) and leaves
 * `script` empty. Never reads outside buf[0..len-1]. */
int drill_parse_buffer_defs(const char *path, const char *buf, size_t len, const struct drill_defines *defs,
                            struct drill_script *script, char *err, size_t errlen);
/* drill_cpp.c: the C preprocessor conditionals (#if, #ifdef, #ifndef, #elif, #else, #endif,
 * #define, #undef). Returns a malloc'd copy of buf[0..len-1], same length, in which directive
 * lines and lines of branches not taken are blanked (newlines kept); NULL on a malformed
 * directive, with "path:line: expected ..." in err. A directive read but not modelled (#include,
 * #pragma, ...) sets *unmodelled_line (if still 0) and names it in unmodelled. */
char *drill_cpp(const char *path, const char *buf, size_t len, const struct drill_defines *defs,
                int *unmodelled_line, char *unmodelled, size_t ulen, char *err, size_t errlen);

/* The same with nothing defined. */
int drill_parse_buffer(const char *path, const char *buf, size_t len, struct drill_script *script,
                       char *err, size_t errlen);
void drill_script_free(struct drill_script *script);

/* Format a packet the way packetdrill writes it ("S. 0:0(0) ack 1 win 65535"). */
void drill_format_packet(char *dst, size_t dstlen, uint16_t flags, uint32_t seq, uint32_t len,
                         int has_ack, uint32_t ack, int has_win, uint32_t win);

/* Options of one run. */
struct drill_options {
    unsigned profile;             /* one DRILL_PROFILE_* bit */
    uint32_t iss;                 /* ISS the socket layer hands to the core */
    uint32_t peer_isn;            /* the remote side's ISN: inbound sequence numbers are relative to it */
    int verbose;
    int strict;                   /* --strict: every emitted segment must be matched by the next `>` line */
    enum drill_ip_version ip_version;
    FILE *log;                    /* verbose output */
    unsigned char *rows_taken;    /* if non-NULL, rows_taken[row] is set for every table row taken */
    size_t rows_taken_len;
};

struct drill_result {
    int passed;
    int skipped;                  /* reached a construct the runner does not model (passed is 0) */
    int line;                     /* line of the first mismatch, or of the construct not modelled */
    char message[1024];           /* "expected ..., got ... (connection in STATE)"; "<construct> not modelled" */
    unsigned warnings_shell;      /* backtick lines ignored */
    unsigned warnings_code;       /* %{ }% blocks ignored */
    unsigned warnings_syscall;    /* system calls not modelled */
};

/* Run a parsed script once. */
void drill_run(const struct drill_script *script, const struct drill_options *opt,
               struct drill_result *result);

const char *drill_profile_name(unsigned profile);

#endif /* TCPFSM_DRILL_H */
