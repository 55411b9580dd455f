/* Reference M/M/c in plain C with GSL: the same model, heap and draws as the Swift kernel benchmark
 * (KernelQueue in Sources/Experiments/Bench/KernelQueue.swift), to measure how close the Swift engine comes.
 * Exponentials are drawn as lumpsim draws them (Sources/Stochastics/RandomStream+Variates.swift): GSL's
 * quantile at a GSL uniform in (0, 1), so the same seed gives the same waits to the last digit.
 * Build: cc -O2 -o mmc mmc.c $(pkg-config --cflags --libs gsl)
 * Run:   ./mmc [runs] [first seed]   (λ = 9, μ = 1, c = 10, 200,000 customers per run; run r uses
 *        seed first + r, 1 by default) */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { double time; uint64_t order; int kind; } event;

static event *heap;
static size_t count, capacity;
static uint64_t sequence;

/* An exponential with the given mean, drawn as lumpsim's RandomSource.exponential draws it. */
static double exponential(gsl_rng *rng, double mean) {
  return gsl_cdf_exponential_Qinv(gsl_rng_uniform_pos(rng), mean);
}

static int precedes(const event *a, const event *b) {
  return a->time < b->time || (a->time == b->time && a->order < b->order);
}

static void schedule(double time, int rank, int kind) {
  event e = {time, ((uint64_t)rank << 56) | sequence++, kind};
  if (count == capacity) { capacity *= 2; heap = realloc(heap, capacity * sizeof(event)); }
  size_t child = count++;
  while (child > 0) {
    size_t parent = (child - 1) / 2;
    if (!precedes(&e, &heap[parent])) break;
    heap[child] = heap[parent];
    child = parent;
  }
  heap[child] = e;
}

static event pop(void) {
  event top = heap[0], moving = heap[--count];
  size_t parent = 0;
  for (;;) {
    size_t child = 2 * parent + 1;
    if (child >= count) break;
    if (child + 1 < count && precedes(&heap[child + 1], &heap[child])) child++;
    if (!precedes(&heap[child], &moving)) break;
    heap[parent] = heap[child];
    parent = child;
  }
  if (count > 0) heap[parent] = moving;
  return top;
}

int main(int argc, char **argv) {
  int runs = argc > 1 ? atoi(argv[1]) : 30;
  unsigned long first = argc > 2 ? strtoul(argv[2], NULL, 10) : 1;
  const double lambda = 9, mu = 1;
  const int servers = 10, customers = 200000;
  capacity = 64;
  heap = malloc(capacity * sizeof(event));
  size_t qcap = 4096;
  double *since = malloc(qcap * sizeof(double));
  long events = 0;
  double wait_sum = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int r = 0; r < runs; r++) {
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, first + (unsigned long)r);
    count = 0; sequence = 0;
    int busy = 0, arrived = 0;
    size_t head = 0, waiting = 0;
    schedule(exponential(rng, 1 / lambda), 1, 0);
    while (count > 0) {
      event e = pop();
      double now = e.time;
      events++;
      if (e.kind == 0) {
        if (++arrived < customers) schedule(now + exponential(rng, 1 / lambda), 1, 0);
        if (busy < servers) { busy++; schedule(now + exponential(rng, 1 / mu), 0, 1); }
        else {
          if (waiting == qcap) {
            double *larger = malloc(2 * qcap * sizeof(double));
            for (size_t i = 0; i < waiting; i++) larger[i] = since[(head + i) & (qcap - 1)];
            free(since); since = larger; head = 0; qcap *= 2;
          }
          since[(head + waiting++) & (qcap - 1)] = now;
        }
      } else if (waiting > 0) {
        wait_sum += now - since[head];
        head = (head + 1) & (qcap - 1);
        waiting--;
        schedule(now + exponential(rng, 1 / mu), 0, 1);
      } else {
        busy--;
      }
    }
    gsl_rng_free(rng);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
  printf("%.3f ms per run; %.2f M events/s (mean wait %.4f)\n", seconds / runs * 1000, events / seconds / 1e6,
         wait_sum / ((double)customers * runs));
  return 0;
}
