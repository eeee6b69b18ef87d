/* SHA-256 (FIPS 180-4), for recording which file a report was read from. */
#ifndef NIANBAO_SHA256_H
#define NIANBAO_SHA256_H
#include <stddef.h>

/* The digest of data as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
