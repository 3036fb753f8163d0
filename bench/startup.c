/*
** startup.c -- `make bench`'s start-up timer: runs a command N times
** (fork, exec, wait; output to /dev/null) and prints the median wall time
** in milliseconds. A shell loop with `date` around each run adds the cost of
** forking `date` to every sample (~2 ms here), which is the same order as
** what is measured.
**
**   build/bench/startup 21 bin/lagebild extract build/bench/empty.txt
**
** With -cpu first it prints the median CPU time (user + system, from the
** child's rusage: microseconds, where GNU time's are hundredths) instead,
** for the big-document rows (bench/row_bigdoc.sh).
*/
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  int cpu = argc > 1 && strcmp(argv[1], "-cpu") == 0;
  if (cpu) argc--, argv++;
  int n = argc > 2 ? atoi(argv[1]) : 0;
  if (n < 1 || n > 1000) {
    fprintf(stderr, "usage: startup [-cpu] RUNS(1..1000) PROGRAM [ARG...]\n");
    return 2;
  }
  double t[1000];
  for (int i = 0; i < n; i++) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t p = fork();
    if (p < 0) {
      perror("fork");
      return 1;
    }
    if (p == 0) {
      int fd = open("/dev/null", O_WRONLY);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
      }
      execv(argv[2], argv + 2);
      _exit(127);
    }
    int st;
    struct rusage ru;
    if (wait4(p, &st, 0, &ru) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
      fprintf(stderr, "startup: %s failed (status %d)\n", argv[2], st);
      return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    t[i] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    if (cpu)
      t[i] = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
             (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
  }
  qsort(t, (size_t)n, sizeof *t, cmp);
  printf("%.1f\n", n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2);
  return 0;
}
