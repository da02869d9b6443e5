/* tools/host/buf.h - a byte ring buffer of fixed capacity (a connection's send or receive bytes). */
#ifndef HOST_BUF_H
#define HOST_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf { uint8_t *d; size_t cap, head, len; };

int buf_init(struct buf *b, size_t cap);
void buf_free(struct buf *b);
size_t buf_room(const struct buf *b);
/* Append up to n bytes; returns how many were taken. */
size_t buf_put(struct buf *b, const uint8_t *p, size_t n);
/* Copy n bytes starting `off` bytes after the head (off + n <= len). */
void buf_peek(const struct buf *b, size_t off, uint8_t *p, size_t n);
/* Write n bytes `off` bytes beyond the end (off + n <= room), without appending them: bytes held
   ahead of the stream until buf_commit makes them part of it. */
void buf_put_at(struct buf *b, size_t off, const uint8_t *p, size_t n);
/* Append the n bytes already written at the end by buf_put_at (n <= room). */
void buf_commit(struct buf *b, size_t n);
/* Drop n bytes from the head (n <= len). */
void buf_drop(struct buf *b, size_t n);

#endif
