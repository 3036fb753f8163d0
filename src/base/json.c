/*
** json.c -- JSON writer (see json.h).
*/
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;
    if (c == 0xED && s[1] >= 0xA0) return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;
    if (c == 0xF4 && s[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

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
      size_t k = utf8_seq(s + i, n - i);
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
