#ifndef LUMPSIM_CGSL_SHIM_H
#define LUMPSIM_CGSL_SHIM_H

/* Let GSL's small accessors (gsl_rng_uniform, gsl_rng_get) inline into Swift as they do in C. */
#ifndef HAVE_INLINE
#define HAVE_INLINE 1
#endif

#include <stdint.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

/* Swift 6 rejects GSL's global generator-type variables as not concurrency-safe;
   these accessors hand out the (immutable) type descriptors instead. */
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }

/* GSL aborts the process on a domain error by default; lumpsim validates its inputs before
   drawing, so it turns the handler off once and checks results itself. */
static inline void cgsl_disable_error_handler(void) { gsl_set_error_handler_off(); }

/* ---------------------------------------------------------------------------------------------
   A counter-based generator, registered as a GSL generator type so GSL's own variate functions
   draw from it. Output n of key k is the SplitMix64 finaliser of k + (n + 1) * golden gamma.
   Seeking to any position costs nothing, which is what a child's intrinsic randomness needs:
   draw j of episode e of a child depends on (child key, e, j) only, never on when it happens,
   so two runs that differ only in budget or policy see exactly the same children. */

typedef struct {
  uint64_t key;
  uint64_t counter;
} cgsl_counter_state;

static inline uint64_t cgsl_counter_next(cgsl_counter_state *s) {
  uint64_t z = s->key + (s->counter + 1u) * UINT64_C(0x9E3779B97F4A7C15);
  s->counter += 1u;
  z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline void cgsl_counter_set(void *vstate, unsigned long int seed) {
  cgsl_counter_state *s = (cgsl_counter_state *)vstate;
  s->key = (uint64_t)seed;
  s->counter = 0u;
}

static inline unsigned long int cgsl_counter_get(void *vstate) {
  return (unsigned long int)(cgsl_counter_next((cgsl_counter_state *)vstate) >> 32);
}

static inline double cgsl_counter_get_double(void *vstate) {
  return (double)(cgsl_counter_next((cgsl_counter_state *)vstate) >> 11) * 0x1.0p-53;
}

static inline const gsl_rng_type *cgsl_rng_counter(void) {
  static const gsl_rng_type type = {
    "lumpsim-counter",
    0xFFFFFFFFUL, 0UL,
    sizeof(cgsl_counter_state),
    &cgsl_counter_set,
    &cgsl_counter_get,
    &cgsl_counter_get_double
  };
  return &type;
}

/* Moves a counter generator to position `position` of the stream keyed by `key`. */
static inline void cgsl_counter_seek(gsl_rng *r, uint64_t key, uint64_t position) {
  cgsl_counter_state *s = (cgsl_counter_state *)r->state;
  s->key = key;
  s->counter = position;
}

/* The position a counter generator has reached (draws consumed since its key was set). */
static inline uint64_t cgsl_counter_position(const gsl_rng *r) {
  return ((const cgsl_counter_state *)r->state)->counter;
}

#endif
