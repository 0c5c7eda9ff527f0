// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

static char prog[128] = "memmap";
static int quiet;
static int verbose;

void log_set_prog(const char *tool, const char *cmd)
{
	if (cmd)
		snprintf(prog, sizeof(prog), "%s %s", tool, cmd);
	else
		snprintf(prog, sizeof(prog), "%s", tool);
}

const char *log_prog(void)
{
	return prog;
}

void log_set_quiet(int q)
{
	quiet = q;
}

void log_set_verbose(int level)
{
	verbose = level;
}

int log_verbose(void)
{
	return verbose;
}

/* Length of the well-formed UTF-8 sequence at s, or 0 when it is not. */
static size_t utf8_len(const unsigned char *s)
{
	size_t len, i;
	unsigned int cp;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and past U+10FFFF are not text. */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	/* U+0080..U+009F are the C1 controls: CSI is one of them. */
	if (cp < 0xa0)
		return 0;
	return len;
}

size_t log_escape(char *out, size_t size, const char *in)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t n = 0, len;
	char esc[5];

	while (*s) {
		len = 1;
		esc[0] = '\0';
		if (*s == '\n')
			strcpy(esc, "\\n");
		else if (*s == '\r')
			strcpy(esc, "\\r");
		else if (*s == '\t')
			strcpy(esc, "\\t");
		else if (*s < 0x20 || *s == 0x7f)
			snprintf(esc, sizeof(esc), "\\x%02x", *s);
		else if (*s >= 0x80 && !(len = utf8_len(s))) {
			snprintf(esc, sizeof(esc), "\\x%02x", *s);
			len = 1;
		}
		if (esc[0]) {
			if (n + strlen(esc) < size)
				memcpy(out + n, esc, strlen(esc));
			n += strlen(esc);
		} else {
			if (n + len < size)
				memcpy(out + n, s, len);
			n += len;
		}
		s += len;
	}
	if (size)
		out[n < size ? n : size - 1] = '\0';
	return n;
}

/*
 * Every message goes through here.  Messages name what the user typed,
 * and a name with a newline in it would forge a second message, one
 * with an escape sequence would drive the terminal: the whole line is
 * escaped, so no caller has to remember to.
 */
static void print_line(const char *prefix, const char *fmt, va_list ap)
{
	char *msg = NULL, *safe = NULL;
	size_t len;

	if (vasprintf(&msg, fmt, ap) < 0) {
		msg = NULL;
		goto out;
	}
	len = log_escape(NULL, 0, msg) + 1;
	safe = malloc(len);
	if (!safe)
		goto out;
	log_escape(safe, len, msg);
out:
	fprintf(stderr, "%s%s%s\n", prefix ? prefix : "", prefix ? ": " : "",
		safe ? safe : "out of memory printing a message");
	free(safe);
	free(msg);
}

void pr_debug(const char *fmt, ...)
{
	va_list ap;

	if (!verbose)
		return;
	va_start(ap, fmt);
	print_line(prog, fmt, ap);
	va_end(ap);
}

void pr_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_line(prog, fmt, ap);
	va_end(ap);
}

void pr_info(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	print_line(NULL, fmt, ap);
	va_end(ap);
}
