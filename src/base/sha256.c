/* SHA-256 as FIPS 180-4 defines it: 64-byte blocks, big-endian words. */
#include "base/sha256.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t sha256_rotr(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void sha256_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 =
		    sha256_rotr(w[i - 15], 7) ^ sha256_rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 =
		    sha256_rotr(w[i - 2], 17) ^ sha256_rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = k + (sha256_rotr(e, 6) ^ sha256_rotr(e, 11) ^ sha256_rotr(e, 25)) +
			      ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];
		uint32_t t2 = (sha256_rotr(a, 2) ^ sha256_rotr(a, 13) ^ sha256_rotr(a, 22)) +
			      ((a & b) ^ (a & c) ^ (b & c));
		k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

/* The blocks p[0 .. 64 n) one after another, portably. */
static void sha256_blocks_c(uint32_t h[8], const unsigned char *p, size_t n)
{
	for (; n > 0; n--, p += 64)
		sha256_block(h, p);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

/* The same with the CPU's SHA instructions (Intel SHA extensions): four
 * rounds a pair of sha256rnds2, the message schedule by sha256msg1/2. */
__attribute__((target("sha,sse4.1"))) static void sha256_blocks_ni(uint32_t h[8],
								   const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i t = _mm_loadu_si128((const __m128i *)&h[0]);
	__m128i s1 = _mm_loadu_si128((const __m128i *)&h[4]);
	t = _mm_shuffle_epi32(t, 0xB1);         /* CDAB */
	s1 = _mm_shuffle_epi32(s1, 0x1B);       /* EFGH */
	__m128i s0 = _mm_alignr_epi8(t, s1, 8); /* ABEF */
	s1 = _mm_blend_epi16(s1, t, 0xF0);      /* CDGH */
	for (; n > 0; n--, p += 64) {
		__m128i abef = s0, cdgh = s1, w[4];
		for (int i = 0; i < 4; i++)
			w[i] =
			    _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), swap);
		for (int i = 0; i < 16; i++) {
			__m128i m = _mm_add_epi32(
			    w[i % 4], _mm_loadu_si128((const __m128i *)&sha256_k[4 * i]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, m);
			if (i < 12) /* the words of four groups on */
				w[i % 4] = _mm_sha256msg2_epu32(
				    _mm_add_epi32(
					_mm_sha256msg1_epu32(w[i % 4], w[(i + 1) % 4]),
					_mm_alignr_epi8(w[(i + 3) % 4], w[(i + 2) % 4], 4)),
				    w[(i + 3) % 4]);
			s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(m, 0x0E));
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	t = _mm_shuffle_epi32(s0, 0x1B);   /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);  /* DCHG */
	s0 = _mm_blend_epi16(t, s1, 0xF0); /* DCBA */
	s1 = _mm_alignr_epi8(s1, t, 8);    /* ABEF */
	_mm_storeu_si128((__m128i *)&h[0], s0);
	_mm_storeu_si128((__m128i *)&h[4], s1);
}

/* The instructions when the CPU has them (CPUID: leaf 7's EBX bit 29, SHA;
 * leaf 1's ECX bit 19, SSE4.1), decided once. */
static void (*sha256_blocks_pick(void))(uint32_t *, const unsigned char *, size_t)
{
	unsigned a, b, c, d;
	int sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b >> 29 & 1);
	int sse41 = __get_cpuid(1, &a, &b, &c, &d) && (c >> 19 & 1);
	if (getenv("NIANBAO_SHA256_PORTABLE") == NULL && sha && sse41)
		return sha256_blocks_ni;
	return sha256_blocks_c;
}
#else
static void (*sha256_blocks_pick(void))(uint32_t *, const unsigned char *, size_t)
{
	return sha256_blocks_c;
}
#endif

/* The digest of data, its full blocks by run. */
static void sha256_with(void (*run)(uint32_t *, const unsigned char *, size_t), const void *data,
			size_t len, char out[65])
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = data;
	size_t n = len;
	run(h, p, n / 64);
	p += n / 64 * 64;
	n %= 64;
	unsigned char last[128] = {0};
	memcpy(last, p, n);
	last[n] = 0x80;
	size_t blocks = n + 9 > 64 ? 2 : 1;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		last[blocks * 64 - 1 - i] = (unsigned char)(bits >> (8 * i));
	sha256_blocks_c(h, last, blocks);
	for (int i = 0; i < 8; i++)
		snprintf(out + 8 * i, 9, "%08x", h[i]);
}

void sha256_hex(const void *data, size_t len, char out[65])
{
	static void (*run)(uint32_t *, const unsigned char *, size_t);
	if (run == NULL)
		run = sha256_blocks_pick();
	sha256_with(run, data, len, out);
}

void sha256_hex_portable(const void *data, size_t len, char out[65])
{
	sha256_with(sha256_blocks_c, data, len, out);
}
