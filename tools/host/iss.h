/* tools/host/iss.h - initial sequence numbers, RFC 6528: ISS = M + F(4-tuple, secret key), M a
   4-microsecond clock, F SipHash-2-4 keyed from getrandom() once per run. */
#ifndef HOST_ISS_H
#define HOST_ISS_H

#include <stdint.h>

/* Draw the secret key; returns 0, or -1 if getrandom() failed. */
int iss_init(void);
/* The ISS for a connection (addresses and ports in host byte order), `now_us` the monotonic clock. */
uint32_t iss_for(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport, uint64_t now_us);
/* SipHash-2-4 of `len` bytes under the 128-bit key k0,k1 (exposed for the unit test). */
uint64_t iss_siphash(uint64_t k0, uint64_t k1, const uint8_t *m, unsigned len);

#endif
