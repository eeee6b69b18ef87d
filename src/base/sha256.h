/* SHA-256 (FIPS 180-4), for recording which file a report was read from. */
#ifndef NIANBAO_SHA256_H
#define NIANBAO_SHA256_H
#include <stddef.h>

/* The digest of data as 64 lowercase hex digits and a NUL: with the CPU's
 * SHA instructions where it has them (NIANBAO_SHA256_PORTABLE set: never). */
void sha256_hex(const void *data, size_t len, char out[65]);
/* The same by the portable code alone, which the other is checked
 * against. */
void sha256_hex_portable(const void *data, size_t len, char out[65]);

#endif
