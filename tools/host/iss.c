/* tools/host/iss.c - RFC 6528 initial sequence numbers with SipHash-2-4. */
#define _GNU_SOURCE
#include <sys/random.h>

#include "iss.h"

static uint64_t key[2];

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND \
    do { \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); \
    } while (0)

uint64_t iss_siphash(uint64_t k0, uint64_t k1, const uint8_t *m, unsigned len)
{
    uint64_t v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
    uint64_t v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
    uint64_t b = (uint64_t)len << 56, w;
    unsigned i, j;

    for (i = 0; i + 8 <= len; i += 8) {
        for (w = 0, j = 0; j < 8; j++)
            w |= (uint64_t)m[i + j] << (8 * j);
        v3 ^= w; SIPROUND; SIPROUND; v0 ^= w;
    }
    for (j = 0; i + j < len; j++)
        b |= (uint64_t)m[i + j] << (8 * j);
    v3 ^= b; SIPROUND; SIPROUND; v0 ^= b;
    v2 ^= 0xff;
    SIPROUND; SIPROUND; SIPROUND; SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

int iss_init(void)
{
    return getrandom(key, sizeof key, 0) == (ssize_t)sizeof key ? 0 : -1;
}

uint32_t iss_for(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport, uint64_t now_us)
{
    uint8_t m[12];

    m[0] = (uint8_t)(laddr >> 24); m[1] = (uint8_t)(laddr >> 16); m[2] = (uint8_t)(laddr >> 8); m[3] = (uint8_t)laddr;
    m[4] = (uint8_t)(lport >> 8); m[5] = (uint8_t)lport;
    m[6] = (uint8_t)(raddr >> 24); m[7] = (uint8_t)(raddr >> 16); m[8] = (uint8_t)(raddr >> 8); m[9] = (uint8_t)raddr;
    m[10] = (uint8_t)(rport >> 8); m[11] = (uint8_t)rport;
    return (uint32_t)(now_us / 4u) + (uint32_t)iss_siphash(key[0], key[1], m, sizeof m);
}
