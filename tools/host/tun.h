/* tools/host/tun.h - attach to a TUN device (IFF_TUN | IFF_NO_PI: raw IPv4 packets). */
#ifndef HOST_TUN_H
#define HOST_TUN_H

/* The file descriptor (non-blocking), or -1 with errno set. */
int tun_open(const char *name);

#endif
