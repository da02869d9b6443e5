/* tests/bench/lwip/arch/cc.h - lwIP's compiler/platform port for the bench: libc, x86-64. */
#ifndef BENCH_LWIP_CC_H
#define BENCH_LWIP_CC_H

#include <stdio.h>
#include <stdlib.h>

#define LWIP_PLATFORM_DIAG(x) do { printf x; } while (0)
#define LWIP_PLATFORM_ASSERT(x) do { fprintf(stderr, "lwIP assertion: %s\n", x); abort(); } while (0)
#define LWIP_RAND() ((u32_t)rand())

#endif
