/*
 * drill_cpp.c - the C preprocessor conditionals of packetdrill scripts.
 *
 * packetdrill scripts (the FreeBSD tcp-testsuite among them) choose between variants with the C
 * preprocessor: `#ifdef FreeBSD ... #else ... #endif`, `#if defined(linux) || defined(STANDARD)`.
 * This pass reads those directives and returns a copy of the script, of the same length, in which
 * every directive line and every line of a branch not taken is blanked (its newline kept), so the
 * parser sees only the taken branches and every line keeps its number.
 *
 * Directives read: #if, #ifdef, #ifndef, #elif, #else, #endif, #define NAME [VALUE], #undef NAME.
 * #if expressions: integers (decimal, 0x hex, 0 octal), names (undefined ones are 0), defined NAME,
 * defined(NAME), ( ), unary ! - +, * / %, + -, < <= > >=, == !=, &&, ||, as in C.
 * #include, #pragma, #line and #warning are not modelled: the script is reported as such (SKIP),
 * #error in a branch taken is an error, and anything else after '#' is malformed.
 *
 * A '#' only starts a directive at the beginning of a line (after blanks) outside comments,
 * `shell commands`, "strings" and %{ code }% blocks (where '#' starts a Python comment).
 */
#include "drill.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64
#define MAX_LOCAL_DEFINES 64
#define NAME_MAX_LEN 63

struct cond {
    int parent_active;   /* the enclosing region is taken */
    int taken;           /* a branch of this #if has been taken */
    int active;          /* the current branch is taken */
    int seen_else;
    int line;            /* of the #if, for "unterminated" errors */
};

struct symbol {
    char name[NAME_MAX_LEN + 1];
    char value[NAME_MAX_LEN + 1];
    int defined;
};

struct cpp {
    const char *path;
    char *err;
    size_t errlen;
    int failed;
    int line;
    struct symbol syms[DRILL_MAX_DEFINES + MAX_LOCAL_DEFINES];
    size_t nsyms;
    /* expression cursor */
    const char *e;
    size_t elen, epos;
};

static int cpp_fail(struct cpp *p, int line, const char *what)
{
    if (p->failed)
        return -1;
    p->failed = 1;
    if (p->errlen > 0)
        snprintf(p->err, p->errlen, "%s:%d: expected %s", p->path, line, what);
    return -1;
}

static int is_ident_start(int ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_'; }
static int is_ident(int ch) { return is_ident_start(ch) || (ch >= '0' && ch <= '9'); }
static int is_blank(int ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v'; }

static struct symbol *lookup(struct cpp *p, const char *name, size_t n)
{
    size_t i;
    for (i = 0; i < p->nsyms; i++)
        if (strlen(p->syms[i].name) == n && memcmp(p->syms[i].name, name, n) == 0)
            return &p->syms[i];
    return NULL;
}

static int define(struct cpp *p, const char *name, size_t n, const char *value, size_t vn)
{
    struct symbol *s = lookup(p, name, n);
    if (n == 0 || n > NAME_MAX_LEN || vn > NAME_MAX_LEN)
        return cpp_fail(p, p->line, "a symbol name and value of at most 63 characters");
    if (s == NULL) {
        if (p->nsyms == sizeof p->syms / sizeof p->syms[0])
            return cpp_fail(p, p->line, "at most 96 preprocessor symbols");
        s = &p->syms[p->nsyms++];
        memcpy(s->name, name, n);
        s->name[n] = '\0';
    }
    memcpy(s->value, value, vn);
    s->value[vn] = '\0';
    s->defined = 1;
    return 0;
}

/* ------------------------------------------------------------------ #if expressions */

static void ex_blanks(struct cpp *p)
{
    while (p->epos < p->elen && is_blank((unsigned char)p->e[p->epos]))
        p->epos++;
}

static int ex_peek(struct cpp *p)
{
    ex_blanks(p);
    return p->epos < p->elen ? (unsigned char)p->e[p->epos] : -1;
}

static int ex_take(struct cpp *p, const char *tok)
{
    size_t n = strlen(tok);
    ex_blanks(p);
    if (p->elen - p->epos >= n && memcmp(p->e + p->epos, tok, n) == 0) {
        p->epos += n;
        return 1;
    }
    return 0;
}

static int ex_or(struct cpp *p, long long *v, int depth);

/* A symbol's value as a number: "" and undefined are 0 (undefined) or an error (empty). */
static int value_of(struct cpp *p, const char *text, long long *v)
{
    char *end;
    if (text[0] == '\0')
        return cpp_fail(p, p->line, "a numeric value for a symbol used in #if (it is defined empty)");
    *v = strtoll(text, &end, 0);
    while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L')
        end++;
    if (*end != '\0')
        return cpp_fail(p, p->line, "a numeric value for a symbol used in #if");
    return 0;
}

static int ex_primary(struct cpp *p, long long *v, int depth)
{
    int ch = ex_peek(p);
    if (depth > 64)
        return cpp_fail(p, p->line, "a less deeply nested #if expression");
    if (ch == '(') {
        p->epos++;
        if (ex_or(p, v, depth + 1) < 0)
            return -1;
        if (!ex_take(p, ")"))
            return cpp_fail(p, p->line, "')' in the #if expression");
        return 0;
    }
    if (ch == '!' && !(p->epos + 1 < p->elen && p->e[p->epos + 1] == '=')) {
        p->epos++;
        if (ex_primary(p, v, depth + 1) < 0)
            return -1;
        *v = !*v;
        return 0;
    }
    if (ch == '-' || ch == '+') {
        p->epos++;
        if (ex_primary(p, v, depth + 1) < 0)
            return -1;
        if (ch == '-')
            *v = (long long)(0ULL - (unsigned long long)*v);
        return 0;
    }
    if (ch >= '0' && ch <= '9') {
        char num[32];
        size_t n = 0;
        while (p->epos < p->elen && is_ident((unsigned char)p->e[p->epos])) {
            if (n + 1 < sizeof num)
                num[n++] = p->e[p->epos];
            p->epos++;
        }
        num[n] = '\0';
        return value_of(p, num, v);
    }
    if (is_ident_start(ch)) {
        size_t start = p->epos, n;
        const struct symbol *s;
        while (p->epos < p->elen && is_ident((unsigned char)p->e[p->epos]))
            p->epos++;
        n = p->epos - start;
        if (n == 7 && memcmp(p->e + start, "defined", 7) == 0) {
            int paren = ex_take(p, "(");
            size_t ns;
            ex_blanks(p);
            ns = p->epos;
            if (p->epos >= p->elen || !is_ident_start((unsigned char)p->e[p->epos]))
                return cpp_fail(p, p->line, "a symbol name after 'defined' in #if");
            while (p->epos < p->elen && is_ident((unsigned char)p->e[p->epos]))
                p->epos++;
            s = lookup(p, p->e + ns, p->epos - ns);
            *v = s != NULL && s->defined;
            if (paren && !ex_take(p, ")"))
                return cpp_fail(p, p->line, "')' after defined(NAME in #if");
            return 0;
        }
        s = lookup(p, p->e + start, n);
        if (s == NULL || !s->defined) {
            *v = 0;
            return 0;
        }
        return value_of(p, s->value, v);
    }
    return cpp_fail(p, p->line, "a number, a symbol, defined(NAME), '!' or '(' in the #if expression");
}

static int ex_mul(struct cpp *p, long long *v, int depth)
{
    if (ex_primary(p, v, depth) < 0)
        return -1;
    for (;;) {
        long long r;
        int op = ex_peek(p);
        if (op != '*' && op != '/' && op != '%')
            return 0;
        p->epos++;
        if (ex_primary(p, &r, depth) < 0)
            return -1;
        if (op != '*' && r == 0)
            return cpp_fail(p, p->line, "no division by zero in the #if expression");
        if (op == '*')
            *v = (long long)((unsigned long long)*v * (unsigned long long)r);
        else if (r == -1)
            *v = op == '/' ? (long long)(0ULL - (unsigned long long)*v) : 0;
        else
            *v = op == '/' ? *v / r : *v % r;
    }
}

static int ex_add(struct cpp *p, long long *v, int depth)
{
    if (ex_mul(p, v, depth) < 0)
        return -1;
    for (;;) {
        long long r;
        int op = ex_peek(p);
        if (op != '+' && op != '-')
            return 0;
        p->epos++;
        if (ex_mul(p, &r, depth) < 0)
            return -1;
        *v = (long long)(op == '+' ? (unsigned long long)*v + (unsigned long long)r
                                   : (unsigned long long)*v - (unsigned long long)r);
    }
}

static int ex_rel(struct cpp *p, long long *v, int depth)
{
    if (ex_add(p, v, depth) < 0)
        return -1;
    for (;;) {
        long long r;
        int op;
        if (ex_take(p, "<="))
            op = 'l';
        else if (ex_take(p, ">="))
            op = 'g';
        else if (ex_peek(p) == '<' || ex_peek(p) == '>')
            op = p->e[p->epos++];
        else
            return 0;
        if (ex_add(p, &r, depth) < 0)
            return -1;
        *v = op == 'l' ? *v <= r : op == 'g' ? *v >= r : op == '<' ? *v < r : *v > r;
    }
}

static int ex_eq(struct cpp *p, long long *v, int depth)
{
    if (ex_rel(p, v, depth) < 0)
        return -1;
    for (;;) {
        long long r;
        int eq;
        if (ex_take(p, "=="))
            eq = 1;
        else if (ex_take(p, "!="))
            eq = 0;
        else
            return 0;
        if (ex_rel(p, &r, depth) < 0)
            return -1;
        *v = eq ? *v == r : *v != r;
    }
}

static int ex_and(struct cpp *p, long long *v, int depth)
{
    if (ex_eq(p, v, depth) < 0)
        return -1;
    while (ex_take(p, "&&")) {
        long long r;
        if (ex_eq(p, &r, depth) < 0)
            return -1;
        *v = *v && r;
    }
    return 0;
}

static int ex_or(struct cpp *p, long long *v, int depth)
{
    if (ex_and(p, v, depth) < 0)
        return -1;
    while (ex_take(p, "||")) {
        long long r;
        if (ex_and(p, &r, depth) < 0)
            return -1;
        *v = *v || r;
    }
    return 0;
}

/* Evaluate the expression text[0..n-1] of an #if or #elif. */
static int eval_if(struct cpp *p, const char *text, size_t n, int *result)
{
    long long v = 0;
    p->e = text;
    p->elen = n;
    p->epos = 0;
    if (ex_peek(p) < 0)
        return cpp_fail(p, p->line, "an expression after #if");
    if (ex_or(p, &v, 0) < 0)
        return -1;
    if (ex_peek(p) >= 0)
        return cpp_fail(p, p->line, "the end of the #if expression (operators: ! && || == != < > <= >= + - * / %)");
    *result = v != 0;
    return 0;
}

/* ------------------------------------------------------------------ directives */

/* Strip a trailing // or C comment from a directive's text. */
static size_t directive_end(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i + 1 < n; i++)
        if (s[i] == '/' && (s[i + 1] == '/' || s[i + 1] == '*'))
            return i;
    return n;
}

static size_t word_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_ident((unsigned char)s[i]))
        i++;
    return i;
}

/* One directive: text[0..n-1] is what follows '#'. */
static int directive(struct cpp *p, const char *text, size_t n, struct cond *stack, int *depth,
                     int *unmodelled_line, char *unmodelled, size_t ulen)
{
    size_t i = 0, w, rest;
    const char *arg;
    int active = *depth == 0 || stack[*depth - 1].active;
    n = directive_end(text, n);
    while (i < n && is_blank((unsigned char)text[i]))
        i++;
    w = word_len(text + i, n - i);
    arg = text + i + w;
    rest = n - i - w;
    while (rest > 0 && is_blank((unsigned char)arg[0])) {
        arg++;
        rest--;
    }
    while (rest > 0 && is_blank((unsigned char)arg[rest - 1]))
        rest--;
#define IS(word) (w == sizeof(word) - 1 && memcmp(text + i, word, w) == 0)
    if (w == 0 && i == n)
        return 0; /* the null directive "#" */
    if (IS("if") || IS("ifdef") || IS("ifndef")) {
        struct cond *c;
        int val = 0;
        if (*depth == MAX_DEPTH)
            return cpp_fail(p, p->line, "#if nested at most 64 deep");
        if (active) {
            if (IS("if")) {
                if (eval_if(p, arg, rest, &val) < 0)
                    return -1;
            } else {
                size_t nl = word_len(arg, rest);
                const struct symbol *s;
                if (nl == 0 || nl != rest || !is_ident_start((unsigned char)arg[0]))
                    return cpp_fail(p, p->line, IS("ifdef") ? "a symbol name after #ifdef" : "a symbol name after #ifndef");
                s = lookup(p, arg, nl);
                val = s != NULL && s->defined;
                if (IS("ifndef"))
                    val = !val;
            }
        }
        c = &stack[(*depth)++];
        c->parent_active = active;
        c->active = active && val;
        c->taken = c->active;
        c->seen_else = 0;
        c->line = p->line;
        return 0;
    }
    if (IS("elif") || IS("else") || IS("endif")) {
        struct cond *c;
        if (*depth == 0)
            return cpp_fail(p, p->line, IS("endif") ? "#if or #ifdef before #endif" : "#if or #ifdef before #else or #elif");
        c = &stack[*depth - 1];
        if (IS("endif")) {
            (*depth)--;
            return 0;
        }
        if (c->seen_else)
            return cpp_fail(p, p->line, "#endif after #else (nothing else may follow #else)");
        if (IS("else")) {
            c->seen_else = 1;
            c->active = c->parent_active && !c->taken;
            c->taken = c->taken || c->active;
            return 0;
        }
        if (c->parent_active && !c->taken) {
            int val;
            if (eval_if(p, arg, rest, &val) < 0)
                return -1;
            c->active = val;
            c->taken = val;
        } else {
            c->active = 0;
        }
        return 0;
    }
    if (!active)
        return 0; /* other directives in a branch not taken are not read */
    if (IS("define")) {
        size_t nl = word_len(arg, rest);
        const char *v;
        size_t vn;
        if (nl == 0 || !is_ident_start((unsigned char)arg[0]))
            return cpp_fail(p, p->line, "a symbol name after #define");
        if (nl < rest && arg[nl] == '(') {
            if (*unmodelled_line == 0) {
                *unmodelled_line = p->line;
                snprintf(unmodelled, ulen, "#define of a function-like macro");
            }
            return 0;
        }
        v = arg + nl;
        vn = rest - nl;
        while (vn > 0 && is_blank((unsigned char)v[0])) {
            v++;
            vn--;
        }
        return define(p, arg, nl, v, vn);
    }
    if (IS("undef")) {
        size_t nl = word_len(arg, rest);
        struct symbol *s;
        if (nl == 0 || nl != rest)
            return cpp_fail(p, p->line, "a symbol name after #undef");
        s = lookup(p, arg, nl);
        if (s != NULL)
            s->defined = 0;
        return 0;
    }
    if (IS("error"))
        return cpp_fail(p, p->line, "no #error in a branch taken (the script stops here under these definitions)");
    if (IS("include") || IS("pragma") || IS("line") || IS("warning")) {
        if (*unmodelled_line == 0) {
            *unmodelled_line = p->line;
            snprintf(unmodelled, ulen, "#%.*s", (int)w, text + i);
        }
        return 0;
    }
#undef IS
    return cpp_fail(p, p->line, "a preprocessor directive (#if #ifdef #ifndef #elif #else #endif #define #undef)");
}

enum ctx { CTX_NORMAL, CTX_LINE_COMMENT, CTX_BLOCK_COMMENT, CTX_SHELL, CTX_STRING, CTX_CODE };

char *drill_cpp(const char *path, const char *buf, size_t len, const struct drill_defines *defs,
                int *unmodelled_line, char *unmodelled, size_t ulen, char *err, size_t errlen)
{
    struct cpp *p = calloc(1, sizeof *p);
    struct cond stack[MAX_DEPTH];
    int depth = 0;
    enum ctx ctx = CTX_NORMAL;
    size_t i = 0, k;
    int at_line_start = 1;
    char *out;
    if (p == NULL) {
        if (errlen > 0)
            snprintf(err, errlen, "%s:1: expected enough memory", path);
        return NULL;
    }
    out = malloc(len ? len : 1);
    if (out == NULL) {
        free(p);
        if (errlen > 0)
            snprintf(err, errlen, "%s:1: expected enough memory", path);
        return NULL;
    }
    if (len)
        memcpy(out, buf, len);
    p->path = path;
    p->err = err;
    p->errlen = errlen;
    p->line = 1;
    for (k = 0; defs != NULL && k < defs->count && k < DRILL_MAX_DEFINES; k++) {
        const char *d = defs->def[k];
        const char *eq = strchr(d, '=');
        if (eq == NULL)
            define(p, d, strlen(d), "1", 1);
        else
            define(p, d, (size_t)(eq - d), eq + 1, strlen(eq + 1));
    }
    while (i < len && !p->failed) {
        unsigned char ch = (unsigned char)buf[i];
        int active = depth == 0 || stack[depth - 1].active;
        if (at_line_start && ctx == CTX_NORMAL) {
            size_t j = i, start, end;
            while (j < len && is_blank((unsigned char)buf[j]))
                j++;
            if (j < len && buf[j] == '#') {
                start = j + 1;
                end = start;
                /* a directive ends at the newline, unless escaped with a backslash */
                while (end < len && buf[end] != '\n') {
                    if (buf[end] == '\\' && end + 1 < len && buf[end + 1] == '\n') {
                        end += 2;
                        continue;
                    }
                    end++;
                }
                {
                    /* join continuation lines into one directive text */
                    size_t n = end - start, m = 0, q;
                    char *text = malloc(n ? n : 1);
                    int first_line = p->line;
                    if (text == NULL) {
                        cpp_fail(p, p->line, "enough memory");
                        break;
                    }
                    for (q = start; q < end; q++) {
                        if (buf[q] == '\\' && q + 1 < end && buf[q + 1] == '\n') {
                            q++;
                            continue;
                        }
                        text[m++] = buf[q];
                    }
                    directive(p, text, m, stack, &depth, unmodelled_line, unmodelled, ulen);
                    free(text);
                    for (q = i; q < end; q++) {
                        if (buf[q] == '\n')
                            p->line++;
                        else
                            out[q] = ' ';
                    }
                    (void)first_line;
                }
                i = end;
                at_line_start = 0;
                continue;
            }
        }
        at_line_start = 0;
        if (!active && ch != '\n')
            out[i] = ' ';
        switch (ctx) {
        case CTX_NORMAL:
            if (ch == '/' && i + 1 < len && buf[i + 1] == '/')
                ctx = CTX_LINE_COMMENT;
            else if (ch == '/' && i + 1 < len && buf[i + 1] == '*') {
                ctx = CTX_BLOCK_COMMENT;
                if (!active)
                    out[i + 1] = ' ';
                i++;
            } else if (ch == '`')
                ctx = CTX_SHELL;
            else if (ch == '"')
                ctx = CTX_STRING;
            else if (ch == '%' && i + 1 < len && buf[i + 1] == '{') {
                ctx = CTX_CODE;
                if (!active)
                    out[i + 1] = ' ';
                i++;
            }
            break;
        case CTX_LINE_COMMENT:
            if (ch == '\n')
                ctx = CTX_NORMAL;
            break;
        case CTX_BLOCK_COMMENT:
            if (ch == '*' && i + 1 < len && buf[i + 1] == '/') {
                ctx = CTX_NORMAL;
                if (!active)
                    out[i + 1] = ' ';
                i++;
            }
            break;
        case CTX_SHELL:
            if (ch == '`')
                ctx = CTX_NORMAL;
            break;
        case CTX_STRING:
            if (ch == '\\' && i + 1 < len && buf[i + 1] != '\n') {
                if (!active)
                    out[i + 1] = ' ';
                i++;
            } else if (ch == '"' || ch == '\n')
                ctx = CTX_NORMAL;
            break;
        case CTX_CODE:
            if (ch == '}' && i + 1 < len && buf[i + 1] == '%') {
                ctx = CTX_NORMAL;
                if (!active)
                    out[i + 1] = ' ';
                i++;
            }
            break;
        }
        if (i < len && buf[i] == '\n') {
            p->line++;
            at_line_start = 1;
        }
        i++;
    }
    if (!p->failed && depth > 0)
        cpp_fail(p, stack[depth - 1].line, "#endif to close the #if opened here");
    if (p->failed) {
        free(out);
        free(p);
        return NULL;
    }
    free(p);
    return out;
}
