/*
 * tcpfsm_gen.c - parse, validate and emit the tcpfsm transition table (formats: gen/FORMAT.md).
 *
 * Four stages, each reporting every error it finds as `TABLE:LINE: what was expected`:
 *   1. lines: syntax of every line (keyword, field count, quotes), the declarations;
 *   2. rows: fields resolved against the declarations, row ids, generated C names distinct;
 *   3. the table as a whole: not empty, CLOSED first, the relation deterministic;
 *   4. the graph: every state reachable from CLOSED and able to get back to CLOSED.
 * A stage runs only when the previous ones found nothing, so that one mistake does not cascade.
 * Nothing touches the file system before all three stages passed; then every output is written
 * to a temporary next to its target and the temporaries are renamed only when all were written.
 */
#define _POSIX_C_SOURCE 200809L

#include "tcpfsm_gen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

const char *const tcpfsm_gen_outputs[TCPFSM_GEN_OUTPUT_COUNT] = {
    "src/tcpfsm_table.h",
    "src/tcpfsm_table.c",
    "src/tcpfsm_relation.h",
    "model/tcpfsm_fsm.pml",
    "docs/tcpfsm.dot",
    "docs/transitions.md",
    TCPFSM_GEN_SVG_OUTPUT,
};

/* Limits that follow from the generated types. */
#define NAME_LEN_MAX 48     /* TCPFSM_GUARD_ + name stays within C99's 63 significant characters */
#define STATES_MAX 255      /* uint8_t next/from/to */
#define EVENTS_MAX 255      /* uint8_t event; 0xff is the runtime's "no event" */
#define GUARDS_MAX 7        /* Promela: guard g is bit (1 << g) of a byte, bit 0 is "no guard" */
#define ACTIONS_MAX 32      /* uint32_t action bit set */
#define ROW_ID_MAX 65535u   /* uint16_t row */
#define FIELDS_MAX 8        /* the longest line kind (row) has 8 fields */

/* ------------------------------------------------------------------ memory and text buffers */

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL) {
        fputs("tcpfsm-gen: out of memory\n", stderr);
        exit(1);
    }
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

struct buf {
    char *data;
    size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_puts(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
    char small[512];
    va_list copy;
    int n;
    va_copy(copy, ap);
    n = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_add(b, small, (size_t)n);
    } else {
        char *big = xrealloc(NULL, (size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        buf_add(b, big, (size_t)n);
        free(big);
    }
}

static void buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* Upper-cased copy of an identifier into b. */
static void buf_upper(struct buf *b, const char *s)
{
    for (; *s; s++) {
        char c = (*s >= 'a' && *s <= 'z') ? (char)(*s - 'a' + 'A') : *s;
        buf_add(b, &c, 1);
    }
}

static void buf_pad(struct buf *b, size_t used, size_t width)
{
    while (used++ < width)
        buf_add(b, " ", 1);
}

/* ------------------------------------------------------------------ the table in memory */

enum event_kind { KIND_USER = 0, KIND_SEGMENT = 1, KIND_TIMER = 2 };
static const char *const kind_names[] = { "user", "segment", "timer" };
static const char *const kind_enums[] = { "TCPFSM_KIND_USER", "TCPFSM_KIND_SEGMENT", "TCPFSM_KIND_TIMER" };

struct decl {
    char *name;
    char *desc;
    int line;
    int kind;               /* events only */
};

struct decl_list {
    struct decl *items;
    size_t count, cap;
    const char *what;       /* "state", "event", ... for messages */
    size_t max;
};

struct row {
    int line;
    char *field[7];         /* ID FROM EVENT GUARD TO ACTIONS RFC, as written */
    unsigned id;
    int from, event, guard, guard_holds, to;   /* guard: 0 none, else 1 + guard index */
    uint32_t actions;
    int action_order[ACTIONS_MAX];             /* action indexes as written */
    int action_count;
    int id_is_first;        /* first row with this id number (for the identifier check) */
};
enum { F_ID, F_FROM, F_EVENT, F_GUARD, F_TO, F_ACTIONS, F_RFC };

struct diag {
    int line;
    size_t seq;
    char *msg;
};

struct table {
    const char *path;
    int last_line;
    struct decl_list states, events, guards, actions;
    struct row *rows;
    size_t row_count, row_cap;
    struct diag *diags;
    size_t diag_count, diag_cap;
};

static void error_at(struct table *t, int line, const char *fmt, ...)
{
    struct buf b = { NULL, 0, 0 };
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (t->diag_count == t->diag_cap) {
        t->diag_cap = t->diag_cap ? t->diag_cap * 2 : 16;
        t->diags = xrealloc(t->diags, t->diag_cap * sizeof *t->diags);
    }
    t->diags[t->diag_count].line = line;
    t->diags[t->diag_count].seq = t->diag_count;
    t->diags[t->diag_count].msg = b.data;
    t->diag_count++;
}

static int diag_order(const void *a, const void *b)
{
    const struct diag *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

static void table_free(struct table *t)
{
    struct decl_list *lists[4];
    size_t i, j;
    lists[0] = &t->states;
    lists[1] = &t->events;
    lists[2] = &t->guards;
    lists[3] = &t->actions;
    for (i = 0; i < 4; i++) {
        for (j = 0; j < lists[i]->count; j++) {
            free(lists[i]->items[j].name);
            free(lists[i]->items[j].desc);
        }
        free(lists[i]->items);
    }
    for (i = 0; i < t->row_count; i++)
        for (j = 0; j < 7; j++)
            free(t->rows[i].field[j]);
    free(t->rows);
    for (i = 0; i < t->diag_count; i++)
        free(t->diags[i].msg);
    free(t->diags);
}

static int decl_find(const struct decl_list *l, const char *name)
{
    size_t i;
    for (i = 0; i < l->count; i++)
        if (strcmp(l->items[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* ------------------------------------------------------------------ stage 1: lines */

struct token {
    const char *text;
    size_t len;
    int quoted;
};

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_name(const struct token *tk)
{
    size_t i;
    if (tk->quoted || tk->len == 0 || tk->len > NAME_LEN_MAX || !is_alpha(tk->text[0]))
        return 0;
    for (i = 1; i < tk->len; i++)
        if (!is_alpha(tk->text[i]) && !is_digit(tk->text[i]) && tk->text[i] != '_')
            return 0;
    return 1;
}

static int token_is(const struct token *tk, const char *word)
{
    return !tk->quoted && tk->len == strlen(word) && memcmp(tk->text, word, tk->len) == 0;
}

/* Splits a line into fields. Returns the number of fields (only the first `max` are stored), or
   -1 after reporting an error. '#' outside a quoted description starts a comment. */
static int tokenize(struct table *t, int line, const char *s, size_t n, struct token *tok, int max)
{
    size_t i = 0;
    int count = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            error_at(t, line, "expected printable text, found the byte 0x%02x", c);
            return -1;
        }
    }
    i = 0;
    for (;;) {
        struct token tk;
        while (i < n && is_blank(s[i]))
            i++;
        if (i >= n || s[i] == '#')
            break;
        if (s[i] == '"') {
            const char *close = memchr(s + i + 1, '"', n - i - 1);
            if (close == NULL) {
                error_at(t, line, "unterminated quote: expected a closing '\"' before the end of the line");
                return -1;
            }
            tk.text = s + i + 1;
            tk.len = (size_t)(close - tk.text);
            tk.quoted = 1;
            i = (size_t)(close - s) + 1;
            if (i < n && !is_blank(s[i]) && s[i] != '#') {
                error_at(t, line, "expected a blank after the closing '\"'");
                return -1;
            }
        } else {
            size_t start = i;
            while (i < n && !is_blank(s[i]) && s[i] != '#') {
                if (s[i] == '"') {
                    error_at(t, line, "unexpected '\"' inside a field: expected a blank before a quoted description");
                    return -1;
                }
                i++;
            }
            tk.text = s + start;
            tk.len = i - start;
            tk.quoted = 0;
        }
        if (count < max)
            tok[count] = tk;
        count++;
    }
    return count;
}

struct line_kind {
    const char *keyword;
    int fields;
    const char *syntax;
};

static const struct line_kind line_kinds[] = {
    { "state", 3, "state NAME \"description\"" },
    { "event", 4, "event NAME KIND \"description\"" },
    { "guard", 3, "guard NAME \"description\"" },
    { "action", 3, "action NAME \"description\"" },
    { "row", 8, "row ID FROM EVENT GUARD TO ACTIONS RFC" },
};

static void declare(struct table *t, struct decl_list *l, int line, const struct token *name,
                    const struct token *desc, int kind)
{
    char *text;
    int previous;
    if (!is_name(name)) {
        error_at(t, line, "expected a %s name (a letter, then letters, digits or '_'; at most %d characters), got '%.*s'",
                 l->what, NAME_LEN_MAX, (int)name->len, name->text);
        return;
    }
    if (!desc->quoted) {
        error_at(t, line, "expected a quoted \"description\", got '%.*s'", (int)desc->len, desc->text);
        return;
    }
    if (desc->len == 0) {
        error_at(t, line, "expected a non-empty \"description\"");
        return;
    }
    text = xstrndup(desc->text, desc->len);
    if (strstr(text, "/*") != NULL || strstr(text, "*/") != NULL) {
        error_at(t, line, "expected a description without '/*' or '*/' (it is copied into C comments)");
        free(text);
        return;
    }
    {
        char *name_text = xstrndup(name->text, name->len);
        previous = decl_find(l, name_text);
        if (previous >= 0) {
            error_at(t, line, "duplicate %s '%s': expected one declaration, already declared at line %d",
                     l->what, name_text, l->items[previous].line);
            free(name_text);
            free(text);
            return;
        }
        if (l->count == l->max) {
            error_at(t, line, "too many %ss: expected at most %lu", l->what, (unsigned long)l->max);
            free(name_text);
            free(text);
            return;
        }
        if (l->count == l->cap) {
            l->cap = l->cap ? l->cap * 2 : 16;
            l->items = xrealloc(l->items, l->cap * sizeof *l->items);
        }
        l->items[l->count].name = name_text;
        l->items[l->count].desc = text;
        l->items[l->count].line = line;
        l->items[l->count].kind = kind;
        l->count++;
    }
}

static void parse_line(struct table *t, int line, const char *s, size_t n)
{
    struct token tok[FIELDS_MAX];
    const struct line_kind *kind = NULL;
    int count, i;

    count = tokenize(t, line, s, n, tok, FIELDS_MAX);
    if (count <= 0)
        return;     /* blank line, comment, or an error already reported */
    for (i = 0; i < (int)(sizeof line_kinds / sizeof line_kinds[0]); i++)
        if (token_is(&tok[0], line_kinds[i].keyword))
            kind = &line_kinds[i];
    if (kind == NULL) {
        error_at(t, line, "unknown keyword '%.*s': expected state, event, guard, action or row",
                 (int)tok[0].len, tok[0].text);
        return;
    }
    if (count < kind->fields) {
        error_at(t, line, "truncated line: expected %d fields (%s), got %d", kind->fields, kind->syntax, count);
        return;
    }
    if (count > kind->fields) {
        error_at(t, line, "too many fields: expected %d fields (%s), got %d", kind->fields, kind->syntax, count);
        return;
    }
    if (strcmp(kind->keyword, "state") == 0) {
        declare(t, &t->states, line, &tok[1], &tok[2], 0);
    } else if (strcmp(kind->keyword, "event") == 0) {
        int k;
        for (k = 0; k < 3; k++)
            if (token_is(&tok[2], kind_names[k]))
                break;
        if (k == 3) {
            error_at(t, line, "unknown event kind '%.*s': expected user, segment or timer",
                     (int)tok[2].len, tok[2].text);
            return;
        }
        declare(t, &t->events, line, &tok[1], &tok[3], k);
    } else if (strcmp(kind->keyword, "guard") == 0) {
        declare(t, &t->guards, line, &tok[1], &tok[2], 0);
    } else if (strcmp(kind->keyword, "action") == 0) {
        declare(t, &t->actions, line, &tok[1], &tok[2], 0);
    } else {
        struct row *r;
        for (i = 1; i < 8; i++)
            if (tok[i].quoted) {
                error_at(t, line, "expected a bare field (%s), got the quoted string \"%.*s\"",
                         kind->syntax, (int)tok[i].len, tok[i].text);
                return;
            }
        if (t->row_count == t->row_cap) {
            t->row_cap = t->row_cap ? t->row_cap * 2 : 64;
            t->rows = xrealloc(t->rows, t->row_cap * sizeof *t->rows);
        }
        r = &t->rows[t->row_count++];
        memset(r, 0, sizeof *r);
        r->line = line;
        for (i = 0; i < 7; i++)
            r->field[i] = xstrndup(tok[i + 1].text, tok[i + 1].len);
    }
}

/* T<number>, number in 1..65535. */
static int parse_row_id(const char *s, unsigned *id)
{
    unsigned long v = 0;
    if (s[0] != 'T' || s[1] == '\0')
        return 0;
    for (s++; *s; s++) {
        if (!is_digit(*s))
            return 0;
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > ROW_ID_MAX)
            return 0;
    }
    if (v == 0)
        return 0;
    *id = (unsigned)v;
    return 1;
}

/* RFC<digits>:<section> or RFC<digits>; a section is dot-separated letters/digits, e.g. 3.10.7.4. */
static int valid_rfc(const char *s)
{
    if (strncmp(s, "RFC", 3) != 0 || !is_digit(s[3]))
        return 0;
    s += 3;
    while (is_digit(*s))
        s++;
    if (*s == '\0')
        return 1;
    if (*s != ':')
        return 0;
    s++;
    for (;;) {
        if (!is_digit(*s) && !is_alpha(*s))
            return 0;
        while (is_digit(*s) || is_alpha(*s))
            s++;
        if (*s == '\0')
            return 1;
        if (*s != '.')
            return 0;
        s++;
    }
}

static void resolve_row(struct table *t, struct row *r, int *id_line)
{
    int ok = 1;
    const char *g = r->field[F_GUARD];

    if (!parse_row_id(r->field[F_ID], &r->id)) {
        error_at(t, r->line, "bad row id '%s': expected T<number> with a number from 1 to %u",
                 r->field[F_ID], ROW_ID_MAX);
        ok = 0;
    } else if (id_line[r->id] != 0) {
        error_at(t, r->line, "duplicate row id %s: expected a new id, id %u is already used at line %d",
                 r->field[F_ID], r->id, id_line[r->id]);
    } else {
        id_line[r->id] = r->line;
        r->id_is_first = 1;
    }
    r->from = decl_find(&t->states, r->field[F_FROM]);
    if (r->from < 0) {
        error_at(t, r->line, "unknown state '%s' in FROM: expected a declared state", r->field[F_FROM]);
        ok = 0;
    }
    r->event = decl_find(&t->events, r->field[F_EVENT]);
    if (r->event < 0) {
        error_at(t, r->line, "unknown event '%s': expected a declared event", r->field[F_EVENT]);
        ok = 0;
    }
    if (strcmp(g, "-") == 0) {
        r->guard = 0;
        r->guard_holds = 0;
    } else {
        int negated = g[0] == '!';
        int index = decl_find(&t->guards, g + negated);
        if (index < 0) {
            error_at(t, r->line, "unknown guard '%s': expected '-', a declared guard NAME or !NAME", g);
            ok = 0;
        } else {
            r->guard = index + 1;
            r->guard_holds = !negated;
        }
    }
    r->to = decl_find(&t->states, r->field[F_TO]);
    if (r->to < 0) {
        error_at(t, r->line, "unknown state '%s' in TO: expected a declared state", r->field[F_TO]);
        ok = 0;
    }
    r->actions = 0;
    r->action_count = 0;
    if (strcmp(r->field[F_ACTIONS], "-") != 0) {
        const char *p = r->field[F_ACTIONS];
        for (;;) {
            const char *comma = strchr(p, ',');
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            char *name = xstrndup(p, len);
            int a = decl_find(&t->actions, name);
            if (len == 0) {
                error_at(t, r->line, "empty action in '%s': expected comma-separated action names, or '-' for none",
                         r->field[F_ACTIONS]);
                ok = 0;
            } else if (a < 0) {
                error_at(t, r->line, "unknown action '%s': expected a declared action (comma-separated, or '-' for none)",
                         name);
                ok = 0;
            } else if (r->actions & (UINT32_C(1) << a)) {
                error_at(t, r->line, "action '%s' listed twice: expected each action at most once", name);
                ok = 0;
            } else {
                r->actions |= UINT32_C(1) << a;
                r->action_order[r->action_count++] = a;
            }
            free(name);
            if (comma == NULL)
                break;
            p = comma + 1;
        }
    }
    if (!valid_rfc(r->field[F_RFC])) {
        error_at(t, r->line, "bad RFC field '%s': expected RFC<digits>:<section> (e.g. RFC9293:3.10.7.4) or RFC<digits>",
                 r->field[F_RFC]);
        ok = 0;
    }
    (void)ok;
}

/* Every C identifier the generator makes from a name must be distinct (e.g. a state EV_OPEN and
   an event OPEN would both give TCPFSM_EV_OPEN; guards foo and FOO both TCPFSM_GUARD_FOO). */
struct ident {
    char *c_name;
    int line;               /* 0: reserved by the generator */
    const char *what;
    const char *name;
};

static void ident_add(struct ident **v, size_t *n, size_t *cap, const char *prefix, const char *name,
                      int upper, int line, const char *what)
{
    struct buf b = { NULL, 0, 0 };
    buf_puts(&b, prefix);
    if (upper)
        buf_upper(&b, name);
    else
        buf_puts(&b, name);
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *v = xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[*n].c_name = b.data;
    (*v)[*n].line = line;
    (*v)[*n].what = what;
    (*v)[*n].name = name;
    (*n)++;
}

static void check_identifiers(struct table *t)
{
    static const char *const reserved[] = {
        "TCPFSM_STATE_COUNT", "TCPFSM_EVENT_COUNT", "TCPFSM_GUARD_NONE", "TCPFSM_GUARD_COUNT",
        "TCPFSM_ACTION_COUNT", "TCPFSM_ROW_NONE", "TCPFSM_ROW_COUNT", "TCPFSM_ROW_ID_MAX",
        "TCPFSM_KIND_USER", "TCPFSM_KIND_SEGMENT", "TCPFSM_KIND_TIMER", "TCPFSM_TABLE_H",
        "TCPFSM_RELATION_H",
    };
    struct ident *v = NULL;
    size_t n = 0, cap = 0, i, j;
    for (i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        ident_add(&v, &n, &cap, "", reserved[i], 0, 0, "the generator");
    for (i = 0; i < t->states.count; i++)
        ident_add(&v, &n, &cap, "TCPFSM_", t->states.items[i].name, 0, t->states.items[i].line, "state");
    for (i = 0; i < t->events.count; i++)
        ident_add(&v, &n, &cap, "TCPFSM_EV_", t->events.items[i].name, 0, t->events.items[i].line, "event");
    for (i = 0; i < t->guards.count; i++)
        ident_add(&v, &n, &cap, "TCPFSM_GUARD_", t->guards.items[i].name, 1, t->guards.items[i].line, "guard");
    for (i = 0; i < t->actions.count; i++) {
        ident_add(&v, &n, &cap, "TCPFSM_ACT_", t->actions.items[i].name, 1, t->actions.items[i].line, "action");
        ident_add(&v, &n, &cap, "TCPFSM_ACTI_", t->actions.items[i].name, 1, t->actions.items[i].line, "action");
    }
    for (i = 0; i < t->row_count; i++)
        if (t->rows[i].id_is_first)
            ident_add(&v, &n, &cap, "TCPFSM_ROW_", t->rows[i].field[F_ID], 0, t->rows[i].line, "row");
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            if (i == j || strcmp(v[i].c_name, v[j].c_name) != 0)
                continue;
            if (v[i].line < v[j].line || (v[i].line == v[j].line && i < j)) {
                if (v[i].line == 0)
                    error_at(t, v[j].line, "%s '%s' makes the C identifier %s, which the generator reserves: expected another name",
                             v[j].what, v[j].name, v[j].c_name);
                else
                    error_at(t, v[j].line, "%s '%s' makes the C identifier %s, as %s '%s' at line %d does: expected distinct names",
                             v[j].what, v[j].name, v[j].c_name, v[i].what, v[i].name, v[i].line);
                break;
            }
        }
    }
    for (i = 0; i < n; i++)
        free(v[i].c_name);
    free(v);
}

static void parse_text(struct table *t, const char *text, size_t len)
{
    size_t pos = 0;
    int line = 0;
    int *id_line;
    size_t i;

    while (pos < len) {
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        line++;
        if (nl == NULL)
            error_at(t, line, "truncated line: expected a newline at the end of the file");
        pos += n + (nl != NULL);
        if (n > 0 && start[n - 1] == '\r')
            n--;
        parse_line(t, line, start, n);
    }
    t->last_line = line;
    if (t->diag_count)
        return;     /* a broken line would make its names look undeclared: stop here */

    id_line = xrealloc(NULL, (ROW_ID_MAX + 1) * sizeof *id_line);
    memset(id_line, 0, (ROW_ID_MAX + 1) * sizeof *id_line);
    for (i = 0; i < t->row_count; i++)
        resolve_row(t, &t->rows[i], id_line);
    free(id_line);
    check_identifiers(t);
}

/* ------------------------------------------------------------------ stage 2: the whole table */

static const char *guard_text(const struct table *t, const struct row *r, struct buf *b)
{
    b->len = 0;
    if (r->guard == 0)
        buf_puts(b, "-");
    else
        buf_printf(b, "%s%s", r->guard_holds ? "" : "!", t->guards.items[r->guard - 1].name);
    return b->data;
}

static void check_table(struct table *t)
{
    int eof_line = t->last_line > 0 ? t->last_line : 1;
    size_t i;
    int *cells;     /* per (from, event): up to two row indexes + 1, 0 = empty */
    size_t ns = t->states.count, ne = t->events.count;

    if (ns + ne + t->guards.count + t->actions.count + t->row_count == 0) {
        error_at(t, eof_line, "empty table: expected state, event, action and row lines");
        return;
    }
    if (ns == 0)
        error_at(t, eof_line, "expected at least one state line (the first state must be CLOSED)");
    else if (strcmp(t->states.items[0].name, "CLOSED") != 0)
        error_at(t, t->states.items[0].line, "expected the first state to be CLOSED, got '%s'",
                 t->states.items[0].name);
    if (ne == 0)
        error_at(t, eof_line, "expected at least one event line");
    if (t->actions.count == 0)
        error_at(t, eof_line, "expected at least one action line");
    if (t->row_count == 0)
        error_at(t, eof_line, "expected at least one row line");
    if (t->diag_count)
        return;

    /* "The relation must be deterministic: for one (FROM, EVENT) there is either a single
       unguarded row, or rows guarded by G and/or !G for one guard G." */
    cells = xrealloc(NULL, ns * ne * 2 * sizeof *cells);
    memset(cells, 0, ns * ne * 2 * sizeof *cells);
    for (i = 0; i < t->row_count; i++) {
        struct row *r = &t->rows[i];
        int *cell = &cells[((size_t)r->from * ne + (size_t)r->event) * 2];
        int k, clash = 0;
        for (k = 0; k < 2 && cell[k] != 0 && !clash; k++) {
            const struct row *o = &t->rows[cell[k] - 1];
            struct buf g1 = { NULL, 0, 0 }, g2 = { NULL, 0, 0 };
            clash = 1;
            if (o->guard == 0 || r->guard == 0)
                error_at(t, r->line, "row %s overlaps row %s (line %d) on (%s, %s): expected a single unguarded row, or rows guarded by G and !G",
                         r->field[F_ID], o->field[F_ID], o->line, r->field[F_FROM], r->field[F_EVENT]);
            else if (o->guard != r->guard)
                error_at(t, r->line, "row %s tests guard '%s' but row %s (line %d) tests '%s' on (%s, %s): expected one guard per (FROM, EVENT)",
                         r->field[F_ID], guard_text(t, r, &g1), o->field[F_ID], o->line, guard_text(t, o, &g2),
                         r->field[F_FROM], r->field[F_EVENT]);
            else if (o->guard_holds == r->guard_holds)
                error_at(t, r->line, "duplicate row for (%s, %s, %s): expected one row, row %s (line %d) already covers it",
                         r->field[F_FROM], r->field[F_EVENT], guard_text(t, r, &g1), o->field[F_ID], o->line);
            else
                clash = 0;
            free(g1.data);
            free(g2.data);
        }
        if (!clash && k < 2)
            cell[k] = (int)i + 1;
    }
    free(cells);
}

/* ------------------------------------------------------------------ stage 3: reachability */

static void check_graph(struct table *t)
{
    size_t ns = t->states.count, i;
    char *to_closed = xrealloc(NULL, ns), *from_closed = xrealloc(NULL, ns);
    int changed = 1;
    memset(to_closed, 0, ns);
    memset(from_closed, 0, ns);
    to_closed[0] = 1;       /* state 0 is CLOSED (checked in stage 2) */
    from_closed[0] = 1;
    while (changed) {
        changed = 0;
        for (i = 0; i < t->row_count; i++) {
            const struct row *r = &t->rows[i];
            if (to_closed[r->to] && !to_closed[r->from])
                to_closed[r->from] = 1, changed = 1;
            if (from_closed[r->from] && !from_closed[r->to])
                from_closed[r->to] = 1, changed = 1;
        }
    }
    for (i = 1; i < ns; i++) {
        const struct decl *s = &t->states.items[i];
        if (!to_closed[i])
            error_at(t, s->line, "state %s has no way out: expected a chain of rows from %s back to CLOSED",
                     s->name, s->name);
        if (!from_closed[i])
            error_at(t, s->line, "state %s is unreachable: expected a chain of rows from CLOSED to %s",
                     s->name, s->name);
    }
    free(to_closed);
    free(from_closed);
}

/* ------------------------------------------------------------------ emitters */

static void put_state(struct buf *b, const struct table *t, int s)
{
    buf_printf(b, "TCPFSM_%s", t->states.items[s].name);
}

static void put_event(struct buf *b, const struct table *t, int e)
{
    buf_printf(b, "TCPFSM_EV_%s", t->events.items[e].name);
}

static void put_guard(struct buf *b, const struct table *t, int g)
{
    if (g == 0) {
        buf_puts(b, "TCPFSM_GUARD_NONE");
    } else {
        buf_puts(b, "TCPFSM_GUARD_");
        buf_upper(b, t->guards.items[g - 1].name);
    }
}

/* Action bits of a row, in the order the row lists them. */
static void put_actions(struct buf *b, const struct table *t, const struct row *r, const char *prefix,
                        const char *separator)
{
    int k;
    if (r->action_count == 0) {
        buf_puts(b, "0");
        return;
    }
    for (k = 0; k < r->action_count; k++) {
        if (k)
            buf_puts(b, separator);
        buf_puts(b, prefix);
        buf_upper(b, t->actions.items[r->action_order[k]].name);
    }
}

static void put_action_names(struct buf *b, const struct table *t, const struct row *r, const char *separator)
{
    int k;
    for (k = 0; k < r->action_count; k++) {
        if (k)
            buf_puts(b, separator);
        buf_puts(b, t->actions.items[r->action_order[k]].name);
    }
}

/* SYN_SENT -> SYN-SENT, the RFC spelling. */
static void put_rfc_state_name(struct buf *b, const char *name)
{
    for (; *name; name++)
        buf_add(b, *name == '_' ? "-" : name, 1);
}

static size_t max_name_len(const struct decl_list *l)
{
    size_t i, m = 0;
    for (i = 0; i < l->count; i++)
        if (strlen(l->items[i].name) > m)
            m = strlen(l->items[i].name);
    return m;
}

static unsigned max_row_id(const struct table *t)
{
    size_t i;
    unsigned m = 0;
    for (i = 0; i < t->row_count; i++)
        if (t->rows[i].id > m)
            m = t->rows[i].id;
    return m;
}

static void emit_table_h(struct buf *b, const struct table *t, const char *banner)
{
    size_t i, w;
    buf_printf(b, "/* %s */\n", banner);
    buf_puts(b, "#ifndef TCPFSM_TABLE_H\n#define TCPFSM_TABLE_H\n\n#include <stdint.h>\n\n");

    buf_puts(b, "/* States, in declaration order; the first is CLOSED = 0. */\nenum tcpfsm_state {\n");
    w = max_name_len(&t->states) + 7;
    for (i = 0; i < t->states.count; i++) {
        size_t start = b->len;
        buf_printf(b, "    TCPFSM_%s = %lu,", t->states.items[i].name, (unsigned long)i);
        buf_pad(b, b->len - start, w + 14);
        buf_printf(b, " /* %s */\n", t->states.items[i].desc);
    }
    buf_printf(b, "    TCPFSM_STATE_COUNT = %lu\n};\n\n", (unsigned long)t->states.count);

    buf_puts(b, "/* Events, in declaration order. */\nenum tcpfsm_event {\n");
    w = max_name_len(&t->events) + 10;
    for (i = 0; i < t->events.count; i++) {
        size_t start = b->len;
        buf_printf(b, "    TCPFSM_EV_%s = %lu,", t->events.items[i].name, (unsigned long)i);
        buf_pad(b, b->len - start, w + 14);
        buf_printf(b, " /* %s: %s */\n", kind_names[t->events.items[i].kind], t->events.items[i].desc);
    }
    buf_printf(b, "    TCPFSM_EVENT_COUNT = %lu\n};\n\n", (unsigned long)t->events.count);

    buf_puts(b, "enum tcpfsm_event_kind { TCPFSM_KIND_USER = 0, TCPFSM_KIND_SEGMENT = 1, TCPFSM_KIND_TIMER = 2 };\n\n");

    buf_puts(b, "/* Guards: conditions a cell may test. TCPFSM_GUARD_NONE: the cell is unguarded. */\n"
                "enum tcpfsm_guard {\n    TCPFSM_GUARD_NONE = 0,\n");
    w = max_name_len(&t->guards) + 13;
    for (i = 0; i < t->guards.count; i++) {
        size_t start = b->len;
        buf_puts(b, "    TCPFSM_GUARD_");
        buf_upper(b, t->guards.items[i].name);
        buf_printf(b, " = %lu,", (unsigned long)i + 1);
        buf_pad(b, b->len - start, w + 14);
        buf_printf(b, " /* %s */\n", t->guards.items[i].desc);
    }
    buf_printf(b, "    TCPFSM_GUARD_COUNT = %lu\n};\n\n", (unsigned long)t->guards.count + 1);

    buf_puts(b, "/* Actions: TCPFSM_ACTI_x is the bit index, TCPFSM_ACT_x the bit. */\nenum tcpfsm_action_index {\n");
    w = max_name_len(&t->actions) + 12;
    for (i = 0; i < t->actions.count; i++) {
        size_t start = b->len;
        buf_puts(b, "    TCPFSM_ACTI_");
        buf_upper(b, t->actions.items[i].name);
        buf_printf(b, " = %lu,", (unsigned long)i);
        buf_pad(b, b->len - start, w + 14);
        buf_printf(b, " /* %s */\n", t->actions.items[i].desc);
    }
    buf_printf(b, "    TCPFSM_ACTION_COUNT = %lu\n};\n", (unsigned long)t->actions.count);
    for (i = 0; i < t->actions.count; i++) {
        size_t start = b->len;
        buf_puts(b, "#define TCPFSM_ACT_");
        buf_upper(b, t->actions.items[i].name);
        buf_pad(b, b->len - start, w + 11);
        buf_puts(b, " (UINT32_C(1) << TCPFSM_ACTI_");
        buf_upper(b, t->actions.items[i].name);
        buf_puts(b, ")\n");
    }

    buf_puts(b, "\n/* Row ids: stable numbers, never reused. TCPFSM_ROW_NONE: no transition. */\n"
                "enum tcpfsm_row_id {\n    TCPFSM_ROW_NONE = 0");
    for (i = 0; i < t->row_count; i++)
        buf_printf(b, ",\n    TCPFSM_ROW_%s = %u", t->rows[i].field[F_ID], t->rows[i].id);
    buf_puts(b, "\n};\n");
    buf_printf(b, "#define TCPFSM_ROW_COUNT %lu        /* number of rows */\n", (unsigned long)t->row_count);
    buf_printf(b, "#define TCPFSM_ROW_ID_MAX %u       /* largest row id */\n\n", max_row_id(t));

    buf_puts(b,
        "/* One possible outcome of a (state, event) cell. row == 0: no transition (event ignored). */\n"
        "struct tcpfsm_transition { uint16_t row; uint8_t next; uint32_t actions; };\n"
        "/* A cell: guard == TCPFSM_GUARD_NONE for unguarded cells, whose row is in when[0].\n"
        "   Otherwise when[1] applies when the guard holds and when[0] when it does not. */\n"
        "struct tcpfsm_cell { uint8_t guard; struct tcpfsm_transition when[2]; };\n\n"
        "extern const struct tcpfsm_cell tcpfsm_table[TCPFSM_STATE_COUNT][TCPFSM_EVENT_COUNT];\n"
        "extern const char *const tcpfsm_state_names[TCPFSM_STATE_COUNT];   /* RFC spelling, \"SYN-SENT\" */\n"
        "extern const char *const tcpfsm_event_names[TCPFSM_EVENT_COUNT];\n"
        "extern const uint8_t     tcpfsm_event_kinds[TCPFSM_EVENT_COUNT];   /* enum tcpfsm_event_kind */\n"
        "extern const char *const tcpfsm_guard_names[TCPFSM_GUARD_COUNT];   /* [0] = \"-\" */\n"
        "extern const char *const tcpfsm_action_names[TCPFSM_ACTION_COUNT];\n\n"
        "/* One table row. guard_holds: 1 for a row on GUARD, 0 for a row on !GUARD or an unguarded row. */\n"
        "struct tcpfsm_row_info { uint16_t id; uint8_t from, event, guard, guard_holds, to; uint32_t actions; const char *rfc; };\n"
        "extern const struct tcpfsm_row_info tcpfsm_rows[TCPFSM_ROW_COUNT];  /* in table order */\n\n"
        "#endif /* TCPFSM_TABLE_H */\n");
}

static void put_transition(struct buf *b, const struct table *t, const struct row *r)
{
    buf_printf(b, "{ .row = TCPFSM_ROW_%s, .next = ", r->field[F_ID]);
    put_state(b, t, r->to);
    buf_puts(b, ", .actions = ");
    put_actions(b, t, r, "TCPFSM_ACT_", " | ");
    buf_puts(b, " }");
}

static void emit_table_c(struct buf *b, const struct table *t, const char *banner)
{
    size_t s, e, i, ns = t->states.count, ne = t->events.count;
    buf_printf(b, "/* %s */\n", banner);
    buf_puts(b, "#include \"tcpfsm_table.h\"\n\n");

    buf_puts(b, "const struct tcpfsm_cell tcpfsm_table[TCPFSM_STATE_COUNT][TCPFSM_EVENT_COUNT] = {\n");
    for (s = 0; s < ns; s++) {
        int any = 0;
        for (e = 0; e < ne; e++) {
            const struct row *holds = NULL, *fails = NULL, *plain = NULL;
            for (i = 0; i < t->row_count; i++) {
                const struct row *r = &t->rows[i];
                if ((size_t)r->from != s || (size_t)r->event != e)
                    continue;
                if (r->guard == 0)
                    plain = r;
                else if (r->guard_holds)
                    holds = r;
                else
                    fails = r;
            }
            if (!plain && !holds && !fails)
                continue;
            if (!any) {
                buf_puts(b, "    [");
                put_state(b, t, (int)s);
                buf_puts(b, "] = {\n");
                any = 1;
            }
            buf_puts(b, "        [");
            put_event(b, t, (int)e);
            buf_puts(b, "] = { .guard = ");
            if (plain) {
                buf_puts(b, "TCPFSM_GUARD_NONE, .when = { [0] = ");
                put_transition(b, t, plain);
                buf_puts(b, " } },\n");
            } else {
                put_guard(b, t, (holds ? holds : fails)->guard);
                buf_puts(b, ", .when = {\n");
                if (fails) {
                    buf_puts(b, "            [0] = ");
                    put_transition(b, t, fails);
                    buf_puts(b, ",\n");
                }
                if (holds) {
                    buf_puts(b, "            [1] = ");
                    put_transition(b, t, holds);
                    buf_puts(b, ",\n");
                }
                buf_puts(b, "        } },\n");
            }
        }
        if (any)
            buf_puts(b, "    },\n");
    }
    buf_puts(b, "};\n\n");

    buf_puts(b, "const char *const tcpfsm_state_names[TCPFSM_STATE_COUNT] = {\n");
    for (s = 0; s < ns; s++) {
        buf_puts(b, "    [");
        put_state(b, t, (int)s);
        buf_puts(b, "] = \"");
        put_rfc_state_name(b, t->states.items[s].name);
        buf_puts(b, "\",\n");
    }
    buf_puts(b, "};\n\nconst char *const tcpfsm_event_names[TCPFSM_EVENT_COUNT] = {\n");
    for (e = 0; e < ne; e++)
        buf_printf(b, "    [TCPFSM_EV_%s] = \"%s\",\n", t->events.items[e].name, t->events.items[e].name);
    buf_puts(b, "};\n\nconst uint8_t tcpfsm_event_kinds[TCPFSM_EVENT_COUNT] = {\n");
    for (e = 0; e < ne; e++)
        buf_printf(b, "    [TCPFSM_EV_%s] = %s,\n", t->events.items[e].name, kind_enums[t->events.items[e].kind]);
    buf_puts(b, "};\n\nconst char *const tcpfsm_guard_names[TCPFSM_GUARD_COUNT] = {\n"
                "    [TCPFSM_GUARD_NONE] = \"-\",\n");
    for (i = 0; i < t->guards.count; i++) {
        buf_puts(b, "    [");
        put_guard(b, t, (int)i + 1);
        buf_printf(b, "] = \"%s\",\n", t->guards.items[i].name);
    }
    buf_puts(b, "};\n\nconst char *const tcpfsm_action_names[TCPFSM_ACTION_COUNT] = {\n");
    for (i = 0; i < t->actions.count; i++) {
        buf_puts(b, "    [TCPFSM_ACTI_");
        buf_upper(b, t->actions.items[i].name);
        buf_printf(b, "] = \"%s\",\n", t->actions.items[i].name);
    }
    buf_puts(b, "};\n\nconst struct tcpfsm_row_info tcpfsm_rows[TCPFSM_ROW_COUNT] = {\n");
    for (i = 0; i < t->row_count; i++) {
        const struct row *r = &t->rows[i];
        buf_printf(b, "    { .id = TCPFSM_ROW_%s, .from = ", r->field[F_ID]);
        put_state(b, t, r->from);
        buf_puts(b, ", .event = ");
        put_event(b, t, r->event);
        buf_puts(b, ", .guard = ");
        put_guard(b, t, r->guard);
        buf_printf(b, ", .guard_holds = %d, .to = ", r->guard ? r->guard_holds : 0);
        put_state(b, t, r->to);
        buf_puts(b, ", .actions = ");
        put_actions(b, t, r, "TCPFSM_ACT_", " | ");
        buf_printf(b, ", .rfc = \"%s\" },\n", r->field[F_RFC]);
    }
    buf_puts(b, "};\n");
}

/* The conditions of a row on (from, event, guard_holds), in ACSL. */
static void put_acsl_condition(struct buf *b, const struct table *t, const struct row *r)
{
    buf_puts(b, "from == ");
    put_state(b, t, r->from);
    buf_puts(b, " && event == ");
    put_event(b, t, r->event);
    if (r->guard)
        buf_puts(b, r->guard_holds ? " && guard_holds != 0" : " && guard_holds == 0");
}

static void emit_relation_h(struct buf *b, const struct table *t, const char *banner, const char *table_path)
{
    size_t i;
    int pass;
    static const char *const heads[3] = {
        "predicate tcpfsm_relation(integer from, integer event, integer guard_holds, integer to) =",
        "predicate tcpfsm_has_row(integer from, integer event, integer guard_holds) =",
        "predicate tcpfsm_row(integer id, integer from, integer event, integer guard_holds, integer to) =",
    };
    buf_printf(b, "/* %s */\n", banner);
    buf_puts(b, "#ifndef TCPFSM_RELATION_H\n#define TCPFSM_RELATION_H\n\n#include \"tcpfsm_table.h\"\n\n");
    buf_printf(b,
        "/* The transition relation of %s as ACSL predicates, one disjunct per row.\n"
        "   guard_holds: whether the guard of the (from, event) cell holds (ignored by unguarded rows).\n"
        "   A step from `old` on `ev` to `new` is faithful when tcpfsm_relation(old, ev, g, new) holds,\n"
        "   or !tcpfsm_has_row(old, ev, g) and new == old. tcpfsm_row_actions(id, a): row id's action bits are a. */\n",
        table_path);
    buf_puts(b, "/*@\n");
    for (pass = 0; pass < 3; pass++) {
        buf_printf(b, "  %s\n", heads[pass]);
        for (i = 0; i < t->row_count; i++) {
            const struct row *r = &t->rows[i];
            buf_puts(b, i == 0 ? "       (" : "    || (");
            if (pass == 2)
                buf_printf(b, "id == TCPFSM_ROW_%s && ", r->field[F_ID]);
            put_acsl_condition(b, t, r);
            if (pass != 1) {
                buf_puts(b, " && to == ");
                put_state(b, t, r->to);
            }
            buf_printf(b, ")  // %s\n", r->field[F_ID]);
        }
        buf_puts(b, "    ;\n");
    }
    /* The action bits of each row, for the contracts that state which actions a row applies. */
    buf_puts(b, "  predicate tcpfsm_row_actions(integer id, integer actions) =\n");
    for (i = 0; i < t->row_count; i++) {
        const struct row *r = &t->rows[i];
        buf_puts(b, i == 0 ? "       (" : "    || (");
        /* the bits as a number (provers compare numbers at once; shifts they must compute) */
        buf_printf(b, "id == TCPFSM_ROW_%s && actions == 0x%05lx)  // %s: ", r->field[F_ID],
                   (unsigned long)r->actions, r->field[F_ID]);
        if (r->action_count == 0)
            buf_puts(b, "-");
        put_action_names(b, t, r, " ");
        buf_puts(b, "\n");
    }
    buf_puts(b, "    ;\n");
    buf_puts(b, "*/\n\n#endif /* TCPFSM_RELATION_H */\n");
}

static void emit_promela(struct buf *b, const struct table *t, const char *banner)
{
    size_t i, w;
    buf_printf(b, "/* %s */\n\n", banner);
    w = max_name_len(&t->states) + 3;
    for (i = 0; i < t->states.count; i++) {
        size_t start = b->len;
        buf_printf(b, "#define ST_%s", t->states.items[i].name);
        buf_pad(b, b->len - start, w + 8);
        buf_printf(b, " %lu\n", (unsigned long)i);
    }
    buf_printf(b, "#define STATE_COUNT %lu\n\n", (unsigned long)t->states.count);
    w = max_name_len(&t->events) + 3;
    for (i = 0; i < t->events.count; i++) {
        size_t start = b->len;
        buf_printf(b, "#define EV_%s", t->events.items[i].name);
        buf_pad(b, b->len - start, w + 8);
        buf_printf(b, " %lu\n", (unsigned long)i);
    }
    buf_printf(b, "#define EVENT_COUNT %lu\n\n", (unsigned long)t->events.count);
    buf_puts(b, "/* guard bit g is (1 << g) in a guards byte */\n");
    w = max_name_len(&t->guards) + 6;
    for (i = 0; i < t->guards.count; i++) {
        size_t start = b->len;
        buf_puts(b, "#define GUARD_");
        buf_upper(b, t->guards.items[i].name);
        buf_pad(b, b->len - start, w + 8);
        buf_printf(b, " %lu\n", (unsigned long)i + 1);
    }
    buf_puts(b, "\n/* action bits, as in C */\n");
    w = max_name_len(&t->actions) + 4;
    for (i = 0; i < t->actions.count; i++) {
        size_t start = b->len;
        buf_puts(b, "#define ACT_");
        buf_upper(b, t->actions.items[i].name);
        buf_pad(b, b->len - start, w + 8);
        buf_printf(b, " %lu\n", 1ul << i);
    }
    buf_printf(b, "\n#define ROW_COUNT %lu\n\n", (unsigned long)t->row_count);
    buf_puts(b,
        "/* st: byte state (updated), ev: event, guards: bitmask of holding guards,\n"
        "   row: set to the row id taken (0: none), acts: set to the action bits */\n"
        "inline tcpfsm_step(st, ev, guards, row, acts) {\n"
        "  d_step {\n"
        "    if\n");
    for (i = 0; i < t->row_count; i++) {
        const struct row *r = &t->rows[i];
        buf_printf(b, "    :: (st == ST_%s && ev == EV_%s", t->states.items[r->from].name,
                   t->events.items[r->event].name);
        if (r->guard) {
            buf_puts(b, " && (guards & (1 << GUARD_");
            buf_upper(b, t->guards.items[r->guard - 1].name);
            buf_puts(b, r->guard_holds ? ")) != 0" : ")) == 0");
        }
        buf_printf(b, ") -> row = %u; acts = ", r->id);
        put_actions(b, t, r, "ACT_", " | ");
        buf_printf(b, "; st = ST_%s   /* %s */\n", t->states.items[r->to].name, r->field[F_ID]);
    }
    buf_puts(b,
        "    :: else -> row = 0; acts = 0\n"
        "    fi\n"
        "  }\n"
        "}\n");
}

static void emit_dot(struct buf *b, const struct table *t, const char *banner)
{
    size_t i;
    buf_printf(b, "/* %s */\n", banner);
    buf_puts(b, "/* One edge per state-changing row; rows that stay in their state are omitted. */\n");
    buf_puts(b, "digraph tcpfsm {\n"
                "    rankdir=TB;\n"
                "    node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
                "    edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (i = 0; i < t->states.count; i++) {
        buf_printf(b, "    \"%s\" [label=\"", t->states.items[i].name);
        put_rfc_state_name(b, t->states.items[i].name);
        buf_puts(b, "\"];\n");
    }
    for (i = 0; i < t->row_count; i++) {
        const struct row *r = &t->rows[i];
        if (r->from == r->to)
            continue;
        buf_printf(b, "    \"%s\" -> \"%s\" [label=\"%s %s", t->states.items[r->from].name,
                   t->states.items[r->to].name, r->field[F_ID], r->field[F_EVENT]);
        if (r->guard)
            buf_printf(b, " [%s]", r->field[F_GUARD]);
        if (r->action_count) {
            buf_puts(b, " / ");
            put_action_names(b, t, r, ",");
        }
        buf_puts(b, "\"];\n");
    }
    buf_puts(b, "}\n");
}

static void emit_markdown(struct buf *b, const struct table *t, const char *banner)
{
    size_t i;
    buf_printf(b, "<!-- %s -->\n", banner);
    buf_puts(b, "| Row | From | Event | Guard | To | Actions | RFC |\n"
                "| --- | --- | --- | --- | --- | --- | --- |\n");
    for (i = 0; i < t->row_count; i++) {
        const struct row *r = &t->rows[i];
        buf_printf(b, "| %s | %s | %s | %s | %s | ", r->field[F_ID], r->field[F_FROM], r->field[F_EVENT],
                   r->field[F_GUARD], r->field[F_TO]);
        if (r->action_count)
            put_action_names(b, t, r, ", ");
        else
            buf_puts(b, "-");
        buf_printf(b, " | %s |\n", r->field[F_RFC]);
    }
}

/* ------------------------------------------------------------------ files */

static char *path_join(const char *dir, const char *rel)
{
    struct buf b = { NULL, 0, 0 };
    buf_printf(&b, "%s/%s", dir, rel);
    return b.data;
}

/* mkdir -p */
static int make_dirs(const char *path, FILE *err)
{
    char *p = xstrndup(path, strlen(path));
    size_t i, n = strlen(p);
    struct stat st;
    for (i = 1; i <= n; i++) {
        if (p[i] == '/' || p[i] == '\0') {
            char saved = p[i];
            p[i] = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                fprintf(err, "tcpfsm-gen: cannot create directory %s: %s\n", p, strerror(errno));
                free(p);
                return -1;
            }
            p[i] = saved;
        }
    }
    if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(err, "tcpfsm-gen: %s is not a directory\n", p);
        free(p);
        return -1;
    }
    free(p);
    return 0;
}

static int read_file(const char *path, struct buf *b, FILE *err)
{
    char chunk[8192];
    size_t n;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(err, "%s: cannot read the table: %s\n", path, strerror(errno));
        return -1;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(b, chunk, n);
    if (ferror(f)) {
        fprintf(err, "%s: cannot read the table: %s\n", path, strerror(errno));
        fclose(f);
        return -1;
    }
    fclose(f);
    if (b->data == NULL)
        buf_add(b, "", 0);
    return 0;
}

/* Writes `data` to a new temporary next to `final_path`; returns its malloc'ed name, or NULL. */
static char *write_temporary(const char *final_path, const char *data, size_t len, FILE *err)
{
    char *tmp;
    const char *slash = strrchr(final_path, '/');
    struct buf b = { NULL, 0, 0 };
    mode_t mask;
    int fd;
    size_t done = 0;

    if (slash)
        buf_printf(&b, "%.*s/.%s.tmp.XXXXXX", (int)(slash - final_path), final_path, slash + 1);
    else
        buf_printf(&b, ".%s.tmp.XXXXXX", final_path);
    tmp = b.data;
    fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(err, "tcpfsm-gen: cannot create a temporary for %s: %s\n", final_path, strerror(errno));
        free(tmp);
        return NULL;
    }
    mask = umask(0);
    umask(mask);
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        done += (size_t)w;
    }
    if (done < len || fchmod(fd, 0666 & ~mask) != 0 || close(fd) != 0) {
        fprintf(err, "tcpfsm-gen: cannot write %s: %s\n", tmp, strerror(errno));
        if (done < len)
            close(fd);
        unlink(tmp);
        free(tmp);
        return NULL;
    }
    return tmp;
}

/* Renders the DOT file `dot_file` to SVG with `dot -Tsvg` into `svg_file`. */
static int run_dot(const char *dot_program, const char *dot_file, const char *svg_file, FILE *err)
{
    pid_t pid;
    int status;
    fflush(NULL);
    pid = fork();
    if (pid < 0) {
        fprintf(err, "tcpfsm-gen: cannot run %s: %s\n", dot_program, strerror(errno));
        return -1;
    }
    if (pid == 0) {
        execl(dot_program, "dot", "-Tsvg", "-o", svg_file, dot_file, (char *)NULL);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(err, "tcpfsm-gen: waiting for %s: %s\n", dot_program, strerror(errno));
            return -1;
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(err, "tcpfsm-gen: %s -Tsvg failed (status %d): docs/tcpfsm.svg not written\n", dot_program, status);
        return -1;
    }
    return 0;
}

/* The banner goes into C, Promela, DOT, HTML and XML comments: keep it valid in all of them. */
static int banner_safe(const char *path)
{
    const char *p;
    for (p = path; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return 0;
    return strstr(path, "/*") == NULL && strstr(path, "*/") == NULL && strstr(path, "--") == NULL;
}

int tcpfsm_gen_find_dot(char *path, size_t size)
{
    const char *env = getenv("PATH");
    const char *p = env;
    if (env == NULL || *env == '\0')
        return 0;
    while (*p) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        if (n > 0 && n + 5 < size) {
            struct stat st;
            memcpy(path, p, n);
            memcpy(path + n, "/dot", 5);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0)
                return 1;
        }
        if (colon == NULL)
            break;
        p = colon + 1;
    }
    return 0;
}

int tcpfsm_gen_run(const char *table_path, const char *outdir, const char *dot_program, FILE *err)
{
    struct table t;
    struct buf text = { NULL, 0, 0 }, banner = { NULL, 0, 0 };
    struct buf content[TCPFSM_GEN_OUTPUT_COUNT];
    char *final_path[TCPFSM_GEN_OUTPUT_COUNT];
    char *tmp_path[TCPFSM_GEN_OUTPUT_COUNT];
    int count = TCPFSM_GEN_OUTPUT_COUNT - 1;     /* the SVG only with dot */
    int result = 1, i;
    size_t k;

    memset(&t, 0, sizeof t);
    memset(content, 0, sizeof content);
    memset(final_path, 0, sizeof final_path);
    memset(tmp_path, 0, sizeof tmp_path);
    t.path = table_path;
    t.states.what = "state";
    t.states.max = STATES_MAX;
    t.events.what = "event";
    t.events.max = EVENTS_MAX;
    t.guards.what = "guard";
    t.guards.max = GUARDS_MAX;
    t.actions.what = "action";
    t.actions.max = ACTIONS_MAX;

    if (!banner_safe(table_path)) {
        fprintf(err, "%s: expected a table path without control characters, '/*', '*/' or '--' "
                     "(it is printed in comments of every generated file)\n", table_path);
        return 1;
    }
    if (read_file(table_path, &text, err) != 0)
        return 1;

    parse_text(&t, text.data, text.len);
    if (t.diag_count == 0)
        check_table(&t);
    if (t.diag_count == 0)
        check_graph(&t);
    if (t.diag_count) {
        qsort(t.diags, t.diag_count, sizeof *t.diags, diag_order);
        for (k = 0; k < t.diag_count; k++)
            fprintf(err, "%s:%d: %s\n", table_path, t.diags[k].line, t.diags[k].msg);
        goto out;
    }

    buf_printf(&banner, "generated from %s by tcpfsm-gen, do not edit", table_path);
    emit_table_h(&content[0], &t, banner.data);
    emit_table_c(&content[1], &t, banner.data);
    emit_relation_h(&content[2], &t, banner.data, table_path);
    emit_promela(&content[3], &t, banner.data);
    emit_dot(&content[4], &t, banner.data);
    emit_markdown(&content[5], &t, banner.data);

    for (i = 0; i < TCPFSM_GEN_OUTPUT_COUNT; i++) {
        char *dir;
        const char *slash;
        final_path[i] = path_join(outdir, tcpfsm_gen_outputs[i]);
        slash = strrchr(tcpfsm_gen_outputs[i], '/');
        dir = xstrndup(final_path[i], strlen(outdir) + 1 + (size_t)(slash - tcpfsm_gen_outputs[i]));
        if (make_dirs(dir, err) != 0) {
            free(dir);
            goto out;
        }
        free(dir);
    }
    for (i = 0; i < count; i++) {
        tmp_path[i] = write_temporary(final_path[i], content[i].data, content[i].len, err);
        if (tmp_path[i] == NULL)
            goto out;
    }
    if (dot_program != NULL) {
        /* Graphviz is installed: render docs/tcpfsm.dot (its temporary) to SVG, then put the
           banner after the XML declaration (which must stay first). */
        struct buf raw = { NULL, 0, 0 }, svg = { NULL, 0, 0 };
        char *raw_path = write_temporary(final_path[6], "", 0, err);
        const char *body;
        if (raw_path == NULL)
            goto out;
        if (run_dot(dot_program, tmp_path[4], raw_path, err) != 0 || read_file(raw_path, &raw, err) != 0) {
            unlink(raw_path);
            free(raw_path);
            free(raw.data);
            goto out;
        }
        unlink(raw_path);
        free(raw_path);
        body = raw.data;
        if (strncmp(body, "<?xml", 5) == 0) {
            const char *nl = strchr(body, '\n');
            size_t n = nl ? (size_t)(nl - body) + 1 : strlen(body);
            buf_add(&svg, body, n);
            body += n;
        }
        buf_printf(&svg, "<!-- %s -->\n", banner.data);
        buf_puts(&svg, body);
        free(raw.data);
        content[6] = svg;
        tmp_path[6] = write_temporary(final_path[6], content[6].data, content[6].len, err);
        if (tmp_path[6] == NULL)
            goto out;
        count = TCPFSM_GEN_OUTPUT_COUNT;
    }
    /* else: no Graphviz, so docs/tcpfsm.svg is not written (an existing one is left untouched). */

    for (i = 0; i < count; i++) {
        if (rename(tmp_path[i], final_path[i]) != 0) {
            fprintf(err, "tcpfsm-gen: cannot rename %s to %s: %s\n", tmp_path[i], final_path[i], strerror(errno));
            goto out;
        }
        free(tmp_path[i]);
        tmp_path[i] = NULL;
    }
    result = 0;

out:
    for (i = 0; i < TCPFSM_GEN_OUTPUT_COUNT; i++) {
        if (tmp_path[i] != NULL) {
            unlink(tmp_path[i]);
            free(tmp_path[i]);
        }
        free(final_path[i]);
        free(content[i].data);
    }
    free(text.data);
    free(banner.data);
    table_free(&t);
    return result;
}
