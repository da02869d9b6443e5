/* tools/host/buf.c - the ring buffer. */
#include <stdlib.h>

#include "buf.h"

int buf_init(struct buf *b, size_t cap)
{
    b->d = malloc(cap);
    b->cap = cap;
    b->head = b->len = 0;
    return b->d != NULL ? 0 : -1;
}

void buf_free(struct buf *b)
{
    free(b->d);
    b->d = NULL;
    b->cap = b->len = 0;
}

size_t buf_room(const struct buf *b) { return b->cap - b->len; }

size_t buf_put(struct buf *b, const uint8_t *p, size_t n)
{
    size_t i;

    if (n > buf_room(b))
        n = buf_room(b);
    for (i = 0; i < n; i++)
        b->d[(b->head + b->len + i) % b->cap] = p[i];
    b->len += n;
    return n;
}

void buf_peek(const struct buf *b, size_t off, uint8_t *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = b->d[(b->head + off + i) % b->cap];
}

void buf_put_at(struct buf *b, size_t off, const uint8_t *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        b->d[(b->head + b->len + off + i) % b->cap] = p[i];
}

void buf_commit(struct buf *b, size_t n)
{
    b->len += n;
}

void buf_drop(struct buf *b, size_t n)
{
    b->head = (b->head + n) % b->cap;
    b->len -= n;
}
