/*
 * drill_parse.c - lexer and parser of packetdrill scripts (see ../shared/packetdrill-primer.md).
 *
 * The parser works on a (buffer, length) pair with a cursor; it never reads past the end and
 * never trusts the input: every malformed construct ends in "path:line: expected ...". The
 * grammar is token based, newlines are blanks, as in packetdrill:
 *
 *   script   := option* event*
 *   option   := --name[=value]                       (before the first event)
 *   event    := time ( packet | syscall | `shell` | %{ code }% )
 *   time     := '*' | ['+'] secs [ '...' ['+'] secs ]
 *   packet   := ('<'|'>') flags seq ':' seq '(' len ')' { ack N | win N | urg N | '<' options '>' }
 *   syscall  := name '(' args ')' '=' ( ['-'] N | '...' ) [ERRNO] ['(' text ')']
 */
#include "drill.h"

#include <stdlib.h>
#include <string.h>

#include "tcpfsm.h"

#define MAX_SECONDS 1000000           /* times above 10^6 s are certainly a typo */

struct cursor {
    const char *buf;
    size_t len;
    size_t pos;
    int line;
    const char *path;
    char *err;
    size_t errlen;
    int failed;
    int before_first_event;
    struct drill_script *script;
};

static int at_end(const struct cursor *c) { return c->pos >= c->len; }
static int peek(const struct cursor *c) { return c->pos < c->len ? (unsigned char)c->buf[c->pos] : -1; }
static int peek_at(const struct cursor *c, size_t off)
{
    return c->pos + off < c->len ? (unsigned char)c->buf[c->pos + off] : -1;
}
static void advance(struct cursor *c)
{
    if (c->pos < c->len) {
        if (c->buf[c->pos] == '\n')
            c->line++;
        c->pos++;
    }
}

static int is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static int is_alpha(int ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_'; }
static int is_space(int ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v'; }

/* Describe what is at the cursor, for error messages: a short, printable excerpt. */
static void describe_here(const struct cursor *c, char *dst, size_t dstlen)
{
    size_t i, n = 0;
    if (at_end(c)) {
        snprintf(dst, dstlen, "end of file");
        return;
    }
    if (c->buf[c->pos] == '\n' || (c->buf[c->pos] == '\r' && c->pos + 1 < c->len && c->buf[c->pos + 1] == '\n')) {
        snprintf(dst, dstlen, "end of line");
        return;
    }
    if (dstlen < 8) {
        dst[0] = '\0';
        return;
    }
    dst[n++] = '"';
    for (i = c->pos; i < c->len && n + 5 < dstlen && i < c->pos + 20; i++) {
        unsigned char ch = (unsigned char)c->buf[i];
        if (ch == '\n')
            break;
        dst[n++] = (ch >= 0x20 && ch < 0x7f) ? (char)ch : '?';
    }
    if (i < c->len && c->buf[i] != '\n' && i >= c->pos + 20) {
        dst[n++] = '.';
        dst[n++] = '.';
    }
    dst[n++] = '"';
    dst[n] = '\0';
}

/* Record the first error: "path:line: expected WHAT, got EXCERPT". Returns -1. */
static int fail_expected(struct cursor *c, const char *what)
{
    char here[48];
    if (c->failed)
        return -1;
    c->failed = 1;
    describe_here(c, here, sizeof here);
    if (c->errlen > 0)
        snprintf(c->err, c->errlen, "%s:%d: expected %s, got %s", c->path, c->line, what, here);
    return -1;
}

static int fail_at_line(struct cursor *c, int line, const char *what)
{
    if (c->failed)
        return -1;
    c->failed = 1;
    if (c->errlen > 0)
        snprintf(c->err, c->errlen, "%s:%d: expected %s", c->path, line, what);
    return -1;
}

/* "// profiles: rfc linux" before the first event declares the profiles to run under. */
static int parse_profiles_comment(struct cursor *c, size_t start, size_t end)
{
    static const char key[] = "profiles:";
    size_t i = start, klen = sizeof key - 1;
    unsigned bits = 0;
    while (i < end && (c->buf[i] == ' ' || c->buf[i] == '\t'))
        i++;
    if (end - i < klen || memcmp(c->buf + i, key, klen) != 0)
        return 0;
    i += klen;
    for (;;) {
        size_t w;
        while (i < end && (c->buf[i] == ' ' || c->buf[i] == '\t' || c->buf[i] == ',' || c->buf[i] == '\r'))
            i++;
        if (i >= end)
            break;
        w = i;
        while (i < end && c->buf[i] != ' ' && c->buf[i] != '\t' && c->buf[i] != ',' && c->buf[i] != '\r')
            i++;
        if (i - w == 3 && memcmp(c->buf + w, "rfc", 3) == 0)
            bits |= DRILL_PROFILE_RFC;
        else if (i - w == 5 && memcmp(c->buf + w, "linux", 5) == 0)
            bits |= DRILL_PROFILE_LINUX;
        else if (i - w == 7 && memcmp(c->buf + w, "freebsd", 7) == 0)
            bits |= DRILL_PROFILE_FREEBSD;
        else
            return fail_at_line(c, c->line, "profile names rfc, linux or freebsd after \"profiles:\"");
    }
    if (bits == 0)
        return fail_at_line(c, c->line, "at least one profile name after \"profiles:\"");
    c->script->profiles |= bits;
    c->script->profiles_line = c->line;
    return 0;
}

/* Skip blanks, newlines and comments. */
static int skip_blanks(struct cursor *c)
{
    for (;;) {
        int ch = peek(c);
        if (ch < 0)
            return 0;
        if (is_space(ch)) {
            advance(c);
        } else if (ch == '/' && peek_at(c, 1) == '/') {
            size_t start;
            advance(c);
            advance(c);
            start = c->pos;
            while (!at_end(c) && peek(c) != '\n')
                advance(c);
            if (c->before_first_event && parse_profiles_comment(c, start, c->pos) < 0)
                return -1;
        } else if (ch == '/' && peek_at(c, 1) == '*') {
            int open_line = c->line;
            advance(c);
            advance(c);
            for (;;) {
                if (at_end(c))
                    return fail_at_line(c, open_line, "*/ to close the comment opened here");
                if (peek(c) == '*' && peek_at(c, 1) == '/') {
                    advance(c);
                    advance(c);
                    break;
                }
                advance(c);
            }
        } else {
            return 0;
        }
    }
}

/* Skip blanks but not newlines; comments end the line (they are skipped up to the newline). */
static int skip_inline_blanks(struct cursor *c)
{
    while (peek(c) == ' ' || peek(c) == '\t' || peek(c) == '\r')
        advance(c);
    return 0;
}

/* An unsigned decimal number that fits in 32 bits. */
static int parse_u32(struct cursor *c, uint32_t *out, const char *what)
{
    uint64_t v = 0;
    if (!is_digit(peek(c)))
        return fail_expected(c, what);
    while (is_digit(peek(c))) {
        v = v * 10u + (uint64_t)(peek(c) - '0');
        if (v > UINT32_MAX)
            return fail_expected(c, "a number below 2^32");
        advance(c);
    }
    if (is_alpha(peek(c)))
        return fail_expected(c, what);
    *out = (uint32_t)v;
    return 0;
}

/* Seconds with an optional fraction ("1", "0.100", ".1"), into microseconds. Stops before "...". */
static int parse_seconds(struct cursor *c, int64_t *usecs)
{
    int64_t whole = 0, frac = 0;
    int digits = 0, frac_digits = 0;
    while (is_digit(peek(c))) {
        whole = whole * 10 + (peek(c) - '0');
        if (whole > MAX_SECONDS)
            return fail_expected(c, "a time below 1000000 seconds");
        digits++;
        advance(c);
    }
    if (peek(c) == '.' && peek_at(c, 1) != '.') {
        advance(c);
        while (is_digit(peek(c))) {
            if (frac_digits < 6) {
                frac = frac * 10 + (peek(c) - '0');
                frac_digits++;
            }
            digits++;
            advance(c);
        }
    }
    if (digits == 0)
        return fail_expected(c, "a time in seconds");
    while (frac_digits < 6) {
        frac *= 10;
        frac_digits++;
    }
    *usecs = whole * 1000000 + frac;
    return 0;
}

/* After a time: blanks, then "..." (a blocking call's range) or '~' (a window), or neither. */
static int range_mark(struct cursor *c)
{
    size_t save = c->pos, i = 0;
    while (peek_at(c, i) == ' ' || peek_at(c, i) == '\t')
        i++;
    if (peek_at(c, i) == '.' && peek_at(c, i + 1) == '.' && peek_at(c, i + 2) == '.') {
        c->pos = save + i + 3;
        return DRILL_TIME_RANGE;
    }
    if (peek_at(c, i) == '~') {
        c->pos = save + i + 1;
        return DRILL_TIME_WINDOW;
    }
    return 0;
}

static int parse_time(struct cursor *c, struct drill_time *t)
{
    int mark;
    memset(t, 0, sizeof *t);
    if (peek(c) == '*') {
        advance(c);
        t->kind = DRILL_TIME_ANY;
        return 0;
    }
    if (peek(c) == '+') {
        advance(c);
        t->start_relative = 1;
    }
    if (parse_seconds(c, &t->start_usecs) < 0)
        return -1;
    t->kind = t->start_relative ? DRILL_TIME_RELATIVE : DRILL_TIME_ABSOLUTE;
    mark = range_mark(c);
    if (mark != 0) {
        t->kind = (enum drill_time_kind)mark;
        t->end_relative = t->start_relative;
        skip_inline_blanks(c);
        if (peek(c) == '+') {
            advance(c);
            t->end_relative = 1;
        }
        if (parse_seconds(c, &t->end_usecs) < 0)
            return -1;
        if (t->start_relative == t->end_relative && t->end_usecs < t->start_usecs)
            return fail_at_line(c, c->line, "a time range whose end is not before its start");
    }
    return 0;
}

static int parse_word(struct cursor *c, char *dst, size_t dstlen)
{
    size_t n = 0;
    while (is_alpha(peek(c)) || is_digit(peek(c))) {
        if (n + 1 >= dstlen)
            return fail_expected(c, "a shorter name");
        dst[n++] = (char)peek(c);
        advance(c);
    }
    dst[n] = '\0';
    return 0;
}

/* The option list between '<' and '>': parsed, remembered (mss), never compared. */
static int parse_tcp_options(struct cursor *c, struct drill_packet *p)
{
    size_t start, end, i;
    int open_line = c->line;
    advance(c); /* '<' */
    start = c->pos;
    while (!at_end(c) && peek(c) != '>') {
        int ch = peek(c);
        if (ch == '\n' || ch == '<')
            return fail_at_line(c, open_line, "'>' to close the TCP option list on this line");
        if (!(is_alpha(ch) || is_digit(ch) || ch == ' ' || ch == '\t' || ch == ',' || ch == '.' ||
              ch == '-' || ch == '[' || ch == ']' || ch == '=' || ch == ':' || ch == '\r'))
            return fail_expected(c, "TCP options (mss N, sackOK, nop, wscale N, TS val N ecr N, ...)");
        advance(c);
    }
    if (at_end(c))
        return fail_at_line(c, open_line, "'>' to close the TCP option list");
    end = c->pos;
    advance(c); /* '>' */
    p->has_options = 1;
    i = start;
    while (i < end && (c->buf[i] == ' ' || c->buf[i] == '\t'))
        i++;
    if (end - i >= 3 && memcmp(c->buf + i, "...", 3) == 0) {
        size_t j = i + 3;
        while (j < end && (c->buf[j] == ' ' || c->buf[j] == '\t'))
            j++;
        if (j == end) {
            p->any_options = 1;
            return 0;
        }
    }
    /* "wscale N" (RFC 7323 window scale shift) as a whole item. */
    for (i = start; i + 6 <= end; i++) {
        if (memcmp(c->buf + i, "wscale", 6) == 0 && (i == start || c->buf[i - 1] == ',' || c->buf[i - 1] == ' ')) {
            size_t j = i + 6;
            uint32_t v = 0;
            int digits = 0;
            while (j < end && (c->buf[j] == ' ' || c->buf[j] == '\t'))
                j++;
            while (j < end && is_digit((unsigned char)c->buf[j]) && v < 1000) {
                v = v * 10u + (uint32_t)(c->buf[j] - '0');
                digits++;
                j++;
            }
            if (digits == 0 || v > 255)
                return fail_at_line(c, open_line, "wscale followed by a shift between 0 and 255");
            p->has_wscale = 1;
            p->wscale = v > 14 ? 14 : v; /* RFC 7323 2.3: a shift above 14 is used as 14 */
            break;
        }
    }
    /* Look for "mss N" as a whole item. */
    for (i = start; i + 3 <= end; i++) {
        if (memcmp(c->buf + i, "mss", 3) == 0 && (i == start || c->buf[i - 1] == ',' || c->buf[i - 1] == ' ')) {
            size_t j = i + 3;
            uint64_t v = 0;
            int digits = 0;
            while (j < end && (c->buf[j] == ' ' || c->buf[j] == '\t'))
                j++;
            while (j < end && is_digit((unsigned char)c->buf[j]) && v <= 65535) {
                v = v * 10u + (uint64_t)(c->buf[j] - '0');
                digits++;
                j++;
            }
            if (digits == 0 || v == 0 || v > 65535)
                return fail_at_line(c, open_line, "mss followed by a value between 1 and 65535");
            p->has_mss = 1;
            p->mss = (uint32_t)v;
            break;
        }
    }
    return 0;
}

/* The rest of the line, as the text of a construct read but not modelled ("< udp ...", ...). */
static int unmodelled_rest_of_line(struct cursor *c, struct drill_event *e, const char *what)
{
    char text[96];
    size_t start = c->pos, n;
    while (!at_end(c) && peek(c) != '\n')
        advance(c);
    n = c->pos - start;
    if (n > 40)
        n = 40;
    snprintf(text, sizeof text, "%s (%.*s)", what, (int)n, c->buf + start);
    for (n = 0; text[n] != '\0'; n++)
        if ((unsigned char)text[n] < 0x20 || (unsigned char)text[n] >= 0x7f)
            text[n] = '?';
    e->kind = DRILL_EVENT_UNMODELLED;
    e->text = malloc(strlen(text) + 1);
    if (e->text == NULL)
        return fail_at_line(c, e->line, "enough memory");
    memcpy(e->text, text, strlen(text) + 1);
    return 0;
}

static int word_at(const struct cursor *c, const char *w)
{
    size_t n = strlen(w), i;
    for (i = 0; i < n; i++)
        if (peek_at(c, i) != (unsigned char)w[i])
            return 0;
    return !(is_alpha(peek_at(c, n)) || is_digit(peek_at(c, n)));
}

static int parse_packet(struct cursor *c, struct drill_event *e)
{
    struct drill_packet *p = &e->packet;
    uint32_t start, end, len;
    int nflags = 0, saw_none = 0;
    e->kind = peek(c) == '<' ? DRILL_EVENT_INBOUND : DRILL_EVENT_OUTBOUND;
    advance(c);
    skip_inline_blanks(c);
    /* Other protocols packetdrill scripts can inject or expect: read, not modelled. */
    if (word_at(c, "udp") || word_at(c, "icmp") || word_at(c, "udplite") || word_at(c, "sctp") ||
        word_at(c, "gre") || word_at(c, "mpls"))
        return unmodelled_rest_of_line(c, e, e->kind == DRILL_EVENT_INBOUND ? "an injected non-TCP packet"
                                                                           : "an expected non-TCP packet");
    /* [ect0] [ect1] [ce] [noecn] [ect01]: the IP ECN field (packetdrill's ip_ecn). */
    if (peek(c) == '[') {
        char word[16];
        advance(c);
        skip_inline_blanks(c);
        if (parse_word(c, word, sizeof word) < 0)
            return -1;
        skip_inline_blanks(c);
        if (peek(c) != ']' || !(strcmp(word, "ect0") == 0 || strcmp(word, "ect1") == 0 || strcmp(word, "ce") == 0 ||
                                strcmp(word, "noecn") == 0 || strcmp(word, "no_ecn") == 0 ||
                                strcmp(word, "ect01") == 0))
            return fail_expected(c, "an ECN codepoint [noecn], [ect0], [ect1], [ect01] or [ce]");
        advance(c);
        p->has_ecn = strcmp(word, "noecn") != 0 && strcmp(word, "no_ecn") != 0;
        skip_inline_blanks(c);
    }
    for (;;) {
        int ch = peek(c);
        uint16_t bit;
        if (ch == 'S') bit = TCPFSM_SYN;
        else if (ch == 'F') bit = TCPFSM_FIN;
        else if (ch == 'R') bit = TCPFSM_RST;
        else if (ch == 'P') bit = TCPFSM_PSH;
        else if (ch == 'U') bit = TCPFSM_URG;
        else if (ch == '.') bit = TCPFSM_ACK;
        else if (ch == 'E') bit = DRILL_ECE;
        else if (ch == 'W') bit = DRILL_CWR;
        else if (ch == '-') bit = 0;
        else break;
        if (bit == 0)
            saw_none = 1;
        else if (p->flags & bit)
            return fail_expected(c, "each TCP flag at most once");
        p->flags = (uint16_t)(p->flags | bit);
        nflags++;
        advance(c);
    }
    if (nflags == 0)
        return fail_expected(c, "TCP flags (S . F R P U E W or -)");
    if (saw_none && (p->flags != 0 || nflags != 1))
        return fail_at_line(c, e->line, "'-' (no flags) on its own");
    if (!is_space(peek(c)))
        return fail_expected(c, "a blank after the TCP flags");
    if (skip_blanks(c) < 0)
        return -1;
    if (peek(c) == '.' && peek_at(c, 1) == '.' && peek_at(c, 2) == '.') {
        /* `...(len)`: any sequence number (a new ISN, e.g. after TIME-WAIT is reused) */
        if (e->kind != DRILL_EVENT_OUTBOUND)
            return fail_expected(c, "a sequence number start:end(length) ('...' only on an expected > segment)");
        advance(c);
        advance(c);
        advance(c);
        if (peek(c) != '(')
            return fail_expected(c, "'(' in ...(length)");
        advance(c);
        if (parse_u32(c, &len, "the payload length in ...(length)") < 0)
            return -1;
        if (peek(c) != ')')
            return fail_expected(c, "')' in ...(length)");
        advance(c);
        start = 0;
        p->any_seq = 1;
    } else {
        if (parse_u32(c, &start, "a sequence number start:end(length)") < 0)
            return -1;
        if (peek(c) != ':')
            return fail_expected(c, "':' in start:end(length)");
        advance(c);
        if (parse_u32(c, &end, "the end sequence number in start:end(length)") < 0)
            return -1;
        if (peek(c) != '(')
            return fail_expected(c, "'(' in start:end(length)");
        advance(c);
        if (parse_u32(c, &len, "the payload length in start:end(length)") < 0)
            return -1;
        if (peek(c) != ')')
            return fail_expected(c, "')' in start:end(length)");
        advance(c);
        if ((uint32_t)(end - start) != len)
            return fail_at_line(c, e->line, "end - start to equal the payload length in start:end(length)");
    }
    if (len > 65535)
        return fail_at_line(c, e->line, "a payload length of at most 65535");
    p->seq = start;
    p->len = len;
    for (;;) {
        char word[16];
        size_t save_pos = c->pos;
        int save_line = c->line;
        if (skip_blanks(c) < 0)
            return -1;
        if (peek(c) == '<') {
            if (parse_tcp_options(c, p) < 0)
                return -1;
            continue;
        }
        if (!is_alpha(peek(c))) {
            c->pos = save_pos;
            c->line = save_line;
            break;
        }
        if (parse_word(c, word, sizeof word) < 0)
            return -1;
        if (skip_blanks(c) < 0)
            return -1;
        if (strcmp(word, "ack") == 0) {
            if (p->has_ack)
                return fail_at_line(c, c->line, "one 'ack' per segment");
            if (parse_u32(c, &p->ack, "an acknowledgement number after 'ack'") < 0)
                return -1;
            p->has_ack = 1;
        } else if (strcmp(word, "win") == 0) {
            if (p->has_win)
                return fail_at_line(c, c->line, "one 'win' per segment");
            if (parse_u32(c, &p->win, "a window after 'win'") < 0)
                return -1;
            if (p->win > 65535)
                return fail_at_line(c, c->line, "a window field of at most 65535");
            p->has_win = 1;
        } else if (strcmp(word, "urg") == 0) {
            if (parse_u32(c, &p->urg, "an urgent pointer after 'urg'") < 0)
                return -1;
            p->has_urg = 1;
        } else {
            return fail_at_line(c, c->line, "'ack N', 'win N', 'urg N' or a <option list> after the sequence numbers");
        }
    }
    /* As packetdrill: `ack N` without the ACK flag, and the ACK flag without `ack N` (then the field
       is 0, relative), are both accepted; see the runner's README for what the segment carries. */
    return 0;
}

static char *dup_range(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static int add_arg(struct cursor *c, struct drill_syscall *sc, size_t start, size_t end)
{
    while (start < end && is_space((unsigned char)c->buf[start]))
        start++;
    while (end > start && is_space((unsigned char)c->buf[end - 1]))
        end--;
    if (sc->argc >= DRILL_MAX_ARGS)
        return fail_at_line(c, c->line, "at most 8 system call arguments");
    sc->args[sc->argc] = dup_range(c->buf + start, end - start);
    if (sc->args[sc->argc] == NULL)
        return fail_at_line(c, c->line, "enough memory");
    sc->argc++;
    return 0;
}

static int parse_syscall(struct cursor *c, struct drill_event *e)
{
    struct drill_syscall *sc = &e->call;
    char stack[32];
    size_t depth = 0, arg_start;
    int open_line;
    e->kind = DRILL_EVENT_SYSCALL;
    if (parse_word(c, sc->name, sizeof sc->name) < 0)
        return -1;
    if (skip_blanks(c) < 0)
        return -1;
    if (peek(c) != '(')
        return fail_expected(c, "'(' after the system call name");
    open_line = c->line;
    advance(c);
    arg_start = c->pos;
    for (;;) {
        int ch = peek(c);
        if (ch < 0)
            return fail_at_line(c, open_line, "')' to close the system call arguments");
        if (ch == '"') {
            advance(c);
            while (peek(c) >= 0 && peek(c) != '"') {
                if (peek(c) == '\\')
                    advance(c);
                advance(c);
            }
            if (at_end(c))
                return fail_at_line(c, open_line, "'\"' to close the string");
            advance(c);
            continue;
        }
        if (ch == '(' || ch == '[' || ch == '{') {
            if (depth >= sizeof stack)
                return fail_expected(c, "less deeply nested arguments");
            stack[depth++] = (char)(ch == '(' ? ')' : ch == '[' ? ']' : '}');
        } else if (ch == ')' || ch == ']' || ch == '}') {
            if (depth == 0) {
                if (ch != ')')
                    return fail_expected(c, "balanced brackets in the system call arguments");
                if (c->pos > arg_start || sc->argc > 0)
                    if (add_arg(c, sc, arg_start, c->pos) < 0)
                        return -1;
                advance(c);
                break;
            }
            if (stack[depth - 1] != (char)ch)
                return fail_expected(c, "balanced brackets in the system call arguments");
            depth--;
        } else if (ch == ',' && depth == 0) {
            if (add_arg(c, sc, arg_start, c->pos) < 0)
                return -1;
            advance(c);
            arg_start = c->pos;
            continue;
        } else if (ch == '`' || ch == '%') {
            return fail_expected(c, "system call arguments");
        }
        advance(c);
    }
    if (skip_blanks(c) < 0)
        return -1;
    if (peek(c) != '=')
        return fail_expected(c, "'= result' after the system call");
    advance(c);
    if (skip_blanks(c) < 0)
        return -1;
    if (peek(c) == '.' && peek_at(c, 1) == '.' && peek_at(c, 2) == '.') {
        advance(c);
        advance(c);
        advance(c);
        sc->result_any = 1;
    } else {
        int negative = 0;
        uint64_t v = 0;
        if (peek(c) == '-') {
            negative = 1;
            advance(c);
        }
        if (peek(c) == '0' && (peek_at(c, 1) == 'x' || peek_at(c, 1) == 'X')) {
            /* 0x02: packetdrill's lexer reads hex integers too (fcntl(F_GETFL) results) */
            int digits = 0;
            advance(c);
            advance(c);
            for (;;) {
                int ch = peek(c), d;
                if (is_digit(ch)) d = ch - '0';
                else if (ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
                else if (ch >= 'A' && ch <= 'F') d = ch - 'A' + 10;
                else break;
                v = v * 16u + (uint64_t)d;
                if (v > UINT32_MAX)
                    return fail_expected(c, "a number below 2^32");
                digits++;
                advance(c);
            }
            if (digits == 0 || is_alpha(peek(c)))
                return fail_expected(c, "hexadecimal digits after 0x in the return value");
        } else {
            uint32_t d;
            if (parse_u32(c, &d, "the expected return value (a number, or -1 ERRNO)") < 0)
                return -1;
            v = d;
        }
        sc->result = negative ? -(int64_t)v : (int64_t)v;
    }
    /* Optional ERRNO and an optional (note), on the same line: `= -1 EINPROGRESS (Operation now in
       progress)`, `= 0x02 (flags O_RDWR)`. The note is informational. */
    skip_inline_blanks(c);
    if (is_alpha(peek(c))) {
        if (parse_word(c, sc->errno_name, sizeof sc->errno_name) < 0)
            return -1;
        if (sc->errno_name[0] != 'E')
            return fail_at_line(c, c->line, "an errno name such as EINPROGRESS after the return value");
        if (sc->result != -1)
            return fail_at_line(c, c->line, "an errno only after the return value -1");
        skip_inline_blanks(c);
    } else if (sc->result == -1 && !sc->result_any) {
        return fail_expected(c, "an errno name after the return value -1");
    }
    if (peek(c) == '(') {
        int text_line = c->line, depth = 0;
        while (!at_end(c) && peek(c) != '\n') {
            if (peek(c) == '(')
                depth++;
            else if (peek(c) == ')' && --depth == 0)
                break;
            advance(c);
        }
        if (peek(c) != ')')
            return fail_at_line(c, text_line, "')' to close the note after the return value, on its line");
        advance(c);
    }
    return 0;
}

static int parse_delimited(struct cursor *c, struct drill_event *e, const char *close, const char *what)
{
    size_t start = c->pos, clen = strlen(close);
    int open_line = c->line;
    for (;;) {
        if (at_end(c))
            return fail_at_line(c, open_line, what);
        if (c->len - c->pos >= clen && memcmp(c->buf + c->pos, close, clen) == 0)
            break;
        advance(c);
    }
    e->text = dup_range(c->buf + start, c->pos - start);
    if (e->text == NULL)
        return fail_at_line(c, open_line, "enough memory");
    c->pos += clen;
    return 0;
}

static int add_event(struct cursor *c, const struct drill_event *e)
{
    struct drill_script *s = c->script;
    if (s->count == s->capacity) {
        size_t cap = s->capacity ? s->capacity * 2 : 64;
        struct drill_event *n = realloc(s->events, cap * sizeof *n);
        if (n == NULL)
            return fail_at_line(c, e->line, "enough memory");
        s->events = n;
        s->capacity = cap;
    }
    s->events[s->count++] = *e;
    return 0;
}

static void free_event(struct drill_event *e)
{
    int i;
    for (i = 0; i < e->call.argc; i++)
        free(e->call.args[i]);
    e->call.argc = 0;
    free(e->text);
    e->text = NULL;
}

static int parse_option_line(struct cursor *c)
{
    char name[64];
    char value[64];
    size_t n = 0;
    int line = c->line;
    advance(c);
    advance(c); /* "--" */
    while (is_alpha(peek(c)) || is_digit(peek(c)) || peek(c) == '-') {
        if (n + 1 >= sizeof name)
            return fail_expected(c, "a shorter option name");
        name[n++] = (char)peek(c);
        advance(c);
    }
    name[n] = '\0';
    if (n == 0)
        return fail_expected(c, "an option name after --");
    n = 0;
    value[0] = '\0';
    if (peek(c) == '=') {
        advance(c);
        while (!at_end(c) && !is_space(peek(c))) {
            if (n + 1 < sizeof value)
                value[n++] = (char)peek(c);
            advance(c);
        }
        value[n] = '\0';
    }
    if (strcmp(name, "tolerance_usecs") == 0) {
        char *endp;
        long v = strtol(value, &endp, 10);
        if (value[0] == '\0' || *endp != '\0' || v < 0 || v > 100000000)
            return fail_at_line(c, line, "--tolerance_usecs=N with N between 0 and 100000000");
        c->script->tolerance_usecs = v;
    } else if (strcmp(name, "tolerance_percent") == 0) {
        char *endp;
        double v = strtod(value, &endp);
        if (value[0] == '\0' || *endp != '\0' || !(v >= 0.0 && v <= 100.0))
            return fail_at_line(c, line, "--tolerance_percent=P with P between 0 and 100");
        c->script->tolerance_percent = v;
    } else if (strcmp(name, "ip_version") == 0) {
        if (strcmp(value, "ipv4") == 0)
            c->script->ip_version = DRILL_IPV4;
        else if (strcmp(value, "ipv6") == 0)
            c->script->ip_version = DRILL_IPV6;
        else if (strcmp(value, "ipv4-mapped-ipv6") == 0)
            c->script->ip_version = DRILL_IPV4_MAPPED_IPV6;
        else
            return fail_at_line(c, line, "--ip_version=ipv4, ipv6 or ipv4-mapped-ipv6");
    }
    /* All other options (addresses, --mss, --wire_*, ...) change nothing the runner models. */
    return 0;
}

static int parse_events(struct cursor *c);

void drill_profile_defines(unsigned profile, struct drill_defines *d)
{
    d->count = 0;
    switch (profile) {
    case DRILL_PROFILE_FREEBSD:
        d->def[d->count++] = "FreeBSD";
        d->def[d->count++] = "__FreeBSD__";
        break;
    case DRILL_PROFILE_LINUX:
        d->def[d->count++] = "linux";
        d->def[d->count++] = "__linux__";
        break;
    default:
        d->def[d->count++] = "STANDARD";
        break;
    }
}

int drill_parse_buffer(const char *path, const char *buf, size_t len, struct drill_script *script,
                       char *err, size_t errlen)
{
    return drill_parse_buffer_defs(path, buf, len, NULL, script, err, errlen);
}

int drill_parse_buffer_defs(const char *path, const char *buf, size_t len, const struct drill_defines *defs,
                            struct drill_script *script, char *err, size_t errlen)
{
    struct cursor c;
    char *text;
    int rc;
    memset(script, 0, sizeof *script);
    if (errlen > 0)
        err[0] = '\0';
    memset(&c, 0, sizeof c);
    c.line = 1;
    c.path = path;
    c.err = err;
    c.errlen = errlen;
    c.before_first_event = 1;
    c.script = script;
    script->tolerance_usecs = 4000;
    script->tolerance_percent = 12.5;
    script->ip_version = DRILL_IPV4;
    if (buf == NULL)
        len = 0;
    text = drill_cpp(path, buf == NULL ? "" : buf, len, defs, &script->unmodelled_line, script->unmodelled,
                     sizeof script->unmodelled, err, errlen);
    if (text == NULL) {
        memset(script, 0, sizeof *script);
        return -1;
    }
    script->path = dup_range(path, strlen(path));
    if (script->path == NULL) {
        free(text);
        return fail_at_line(&c, 1, "enough memory");
    }
    c.buf = text;
    c.len = len;
    rc = parse_events(&c);
    free(text);
    if (rc < 0)
        drill_script_free(script);
    return rc;
}



static int parse_events(struct cursor *c)
{
    int cleanup_line = 0, init_done = 0;
    for (;;) {
        struct drill_event e;
        int ch;
        if (skip_blanks(c) < 0)
            return -1;
        if (at_end(c))
            break;
        ch = peek(c);
        if (ch == '-' && peek_at(c, 1) == '-') {
            if (!c->before_first_event)
                return fail_expected(c, "options (--name=value) only before the first event");
            if (parse_option_line(c) < 0)
                return -1;
            continue;
        }
        memset(&e, 0, sizeof e);
        e.line = c->line;
        if (cleanup_line != 0 && !(ch == '%' && peek_at(c, 1) == '{'))
            return fail_expected(c, "the end of the script after the command without a time (cleanup command)");
        if (ch == '`' || (ch == '%' && peek_at(c, 1) == '{')) {
            /* A `command` without a time: packetdrill's init command (before the first event) or
               cleanup command (after the last). A %{ }% block may stand anywhere. Both run at +0. */
            e.untimed = 1;
            e.time.kind = DRILL_TIME_RELATIVE;
            e.time.start_relative = 1;
            if (ch == '`') {
                if (c->before_first_event) {
                    if (init_done)
                        return fail_expected(c, "an event time (one command without a time before the first event)");
                    init_done = 1;
                } else {
                    cleanup_line = c->line;
                }
            }
        } else {
            if (!(is_digit(ch) || ch == '+' || ch == '*' || ch == '.'))
                return fail_expected(c, "an event time (0.1, +0.1, * or 0.1...0.2) or an --option");
            c->before_first_event = 0;
            if (parse_time(c, &e.time) < 0)
                return -1;
            if (skip_blanks(c) < 0)
                return -1;
            ch = peek(c);
        }
        if (ch == '<' || ch == '>') {
            if (parse_packet(c, &e) < 0)
                goto error_event;
        } else if (ch == '`') {
            advance(c);
            e.kind = DRILL_EVENT_SHELL;
            if (parse_delimited(c, &e, "`", "'`' to close the shell command") < 0)
                goto error_event;
        } else if (ch == '%' && peek_at(c, 1) == '{') {
            advance(c);
            advance(c);
            e.kind = DRILL_EVENT_CODE;
            if (parse_delimited(c, &e, "}%", "'}%' to close the %{ block") < 0)
                goto error_event;
        } else if (is_alpha(ch)) {
            if (parse_syscall(c, &e) < 0)
                goto error_event;
        } else {
            fail_expected(c, "a segment (< or >), a system call, a `shell command` or a %{ block }% after the time");
            goto error_event;
        }
        if ((e.kind == DRILL_EVENT_OUTBOUND || e.kind == DRILL_EVENT_INBOUND) && e.time.kind == DRILL_TIME_RANGE) {
            fail_at_line(c, e.line, "a single time or a window A~B, not a range A...B, on a segment line");
            goto error_event;
        }
        if (add_event(c, &e) < 0)
            goto error_event;
        continue;
    error_event:
        free_event(&e);
        return -1;
    }
    return 0;
}

void drill_script_free(struct drill_script *script)
{
    size_t i;
    for (i = 0; i < script->count; i++)
        free_event(&script->events[i]);
    free(script->events);
    free(script->path);
    memset(script, 0, sizeof *script);
}

void drill_format_packet(char *dst, size_t dstlen, uint16_t flags, uint32_t seq, uint32_t len,
                         int has_ack, uint32_t ack, int has_win, uint32_t win)
{
    char f[12];
    size_t n = 0;
    size_t used;
    if (flags & TCPFSM_SYN) f[n++] = 'S';
    if (flags & TCPFSM_FIN) f[n++] = 'F';
    if (flags & TCPFSM_RST) f[n++] = 'R';
    if (flags & TCPFSM_PSH) f[n++] = 'P';
    if (flags & TCPFSM_URG) f[n++] = 'U';
    if (flags & DRILL_ECE) f[n++] = 'E';
    if (flags & DRILL_CWR) f[n++] = 'W';
    if (flags & TCPFSM_ACK) f[n++] = '.';
    if (n == 0) f[n++] = '-';
    f[n] = '\0';
    snprintf(dst, dstlen, "%s %lu:%lu(%lu)", f, (unsigned long)seq, (unsigned long)(uint32_t)(seq + len),
             (unsigned long)len);
    used = strlen(dst);
    if (has_ack && used < dstlen)
        snprintf(dst + used, dstlen - used, " ack %lu", (unsigned long)ack);
    used = strlen(dst);
    if (has_win && used < dstlen)
        snprintf(dst + used, dstlen - used, " win %lu", (unsigned long)win);
}
