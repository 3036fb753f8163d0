/*
** json.c -- JSON writer (see json.h).
*/
#include "json.h"

#include "../text/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void lb_json_str(lb_buf *b, const char *str, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *s = (const unsigned char *)str;
  lb_buf_reserve(b, n + 2);
  lb_buf_addc(b, '"');
  size_t i = 0, run = 0;
  while (i < n) {
    unsigned c = s[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      i++;
      run++;
      continue;
    }
    if (run) lb_buf_add(b, s + i - run, run);
    run = 0;
    if (c >= 0x80) {
      size_t k = lb_utf8_seq(s + i, n - i);
      if (k) {
        lb_buf_add(b, s + i, k);
        i += k;
      } else {
        lb_buf_add(b, "\\ufffd", 6);
        i++;
      }
      continue;
    }
    switch (c) {
    case '"': lb_buf_add(b, "\\\"", 2); break;
    case '\\': lb_buf_add(b, "\\\\", 2); break;
    case '\n': lb_buf_add(b, "\\n", 2); break;
    case '\r': lb_buf_add(b, "\\r", 2); break;
    case '\t': lb_buf_add(b, "\\t", 2); break;
    case 0x1A: lb_buf_add(b, "\\ufffd", 6); break;
    default: {
      char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      lb_buf_add(b, e, 6);
    }
    }
    i++;
  }
  if (run) lb_buf_add(b, s + i - run, run);
  lb_buf_addc(b, '"');
}

void lb_json_cstr(lb_buf *b, const char *s) {
  if (!s)
    lb_buf_add(b, "null", 4);
  else
    lb_json_str(b, s, strlen(s));
}

void lb_json_num(lb_buf *b, double v) {
  if (!isfinite(v)) {
    lb_buf_add(b, "null", 4);
    return;
  }
  if (v == floor(v) && fabs(v) < 9007199254740992.0) {
    lb_json_int(b, (int64_t)v);
    return;
  }
  /* Fast path (lat/lon, scores: printf and sscanf below were 4% of
  ** extraction): the fewest decimals k <= 8 whose rounding r / 10^k gives v
  ** back exactly. r and 10^k are exact doubles and division rounds
  ** correctly, so that is what strtod makes of the digits; below 1e6 the
  ** decimals are far coarser than v's precision, so it is also what %g
  ** prints, and the output is the same as the loop's. */
  static const double P10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  double a = fabs(v);
  if (a >= 1e-4 && a < 1e6) {
    for (int k = 1; k <= 8; k++) {
      double r = nearbyint(a * P10[k]);
      if (r / P10[k] != a) continue;
      uint64_t u = (uint64_t)r, ip = u / (uint64_t)P10[k], fp = u % (uint64_t)P10[k];
      char tmp[32];
      size_t i = sizeof tmp;
      for (int j = 0; j < k; j++, fp /= 10) tmp[--i] = (char)('0' + fp % 10);
      tmp[--i] = '.';
      do {
        tmp[--i] = (char)('0' + ip % 10);
        ip /= 10;
      } while (ip);
      if (v < 0) tmp[--i] = '-';
      lb_buf_add(b, tmp + i, sizeof tmp - i);
      return;
    }
  }
  char tmp[64];
  for (int prec = 6; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    double back;
    if (sscanf(tmp, "%lf", &back) == 1 && back == v) break;
  }
  lb_buf_adds(b, tmp);
}

/* Integers are most of what a picture holds (offsets); printf cost 9% of the
** text pipeline's time in the bench, so they are formatted by hand. */
void lb_json_int(lb_buf *b, int64_t v) {
  char tmp[24];
  size_t i = sizeof tmp;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do {
    tmp[--i] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) tmp[--i] = '-';
  lb_buf_add(b, tmp + i, sizeof tmp - i);
}

void lb_json_span(lb_buf *b, uint32_t start, uint32_t end) {
  lb_buf_addc(b, '[');
  lb_json_int(b, start);
  lb_buf_addc(b, ',');
  lb_json_int(b, end);
  lb_buf_addc(b, ']');
}

void lb_json_key(lb_buf *b, const char *k) {
  lb_json_str(b, k, strlen(k));
  lb_buf_addc(b, ':');
}
