/*
** startup.c -- `make bench`'s start-up timer: runs a command N times
** (fork, exec, wait; output to /dev/null) and prints the median wall time
** in milliseconds. A shell loop with `date` around each run adds the cost of
** forking `date` to every sample (~2 ms here), which is the same order as
** what is measured.
**
**   build/bench/startup 21 bin/lagebild extract build/bench/empty.txt
*/
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  int n = argc > 2 ? atoi(argv[1]) : 0;
  if (n < 1 || n > 1000) {
    fprintf(stderr, "usage: startup RUNS(1..1000) PROGRAM [ARG...]\n");
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
    if (waitpid(p, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
      fprintf(stderr, "startup: %s failed (status %d)\n", argv[2], st);
      return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    t[i] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
  }
  qsort(t, (size_t)n, sizeof *t, cmp);
  printf("%.1f\n", n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2);
  return 0;
}
