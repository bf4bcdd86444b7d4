// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel command line.  The parameter handlers are the kernel's own
 * (__setup/early_param entries compiled from the tree land in the
 * kshim_setup section); this file only walks the line the way init/main.c
 * does at boot: early parameters first, by exact name, then every
 * "name=value" word against the __setup prefixes.  Words are split on
 * blanks; double quotes group a value, as in the kernel's next_arg().
 */
#include <ctype.h>
#include <stdlib.h>

#include <kshim/kernel.h>
#include "kshim_internal.h"

extern const struct kshim_setup_param __start_kshim_setup[] __attribute__((weak));
extern const struct kshim_setup_param __stop_kshim_setup[] __attribute__((weak));

/* parameter names treat '-' and '_' alike */
static bool param_eqn(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ca = a[i] == '-' ? '_' : a[i], cb = b[i] == '-' ? '_' : b[i];

		if (ca != cb)
			return false;
	}
	return true;
}

/* Split the next word off *p in place: "name" or "name=value". */
static char *next_word(char **p, char **val)
{
	char *s = *p, *w;
	bool quoted = false;

	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return NULL;
	w = s;
	*val = NULL;
	for (; *s && (quoted || !isspace((unsigned char)*s)); s++) {
		if (*s == '"')
			quoted = !quoted;
		else if (*s == '=' && !*val)
			*val = s + 1;
	}
	if (*s)
		*s++ = 0;
	*p = s;
	return w;
}

/*
 * parse_early_param() works on a copy of the line that lives through init:
 * handlers keep pointers into it (pci= keeps its disable_acs_redir= and
 * config_acs= strings), so ours lives until the run ends.
 */
static char *early;

void kshim_params_release(void)
{
	free(early);
	early = NULL;
}

void kshim_parse_cmdline(char *cmdline)
{
	const struct kshim_setup_param *p;
	char *cur, *word, *val;

	kshim_params_release();
	early = strdup(cmdline);
	/* pass 1 (parse_early_param): early_param() handlers, on the copy */
	for (cur = early; early && (word = next_word(&cur, &val));) {
		size_t n = val ? (size_t)(val - 1 - word) : strlen(word);

		for (p = __start_kshim_setup; p < __stop_kshim_setup; p++)
			if (p->early && strlen(p->str) == n && param_eqn(word, p->str, n) &&
			    p->setup_func(val))
				pr_warn("Malformed early option '%.*s'\n", (int)n, word);
	}

	/* pass 2 (obsolete_checksetup): __setup() prefixes, on the line kept for the run */
	for (cur = cmdline; (word = next_word(&cur, &val));) {
		if (val)
			val[-1] = '=';	/* __setup handlers see "name=value" split after their prefix */
		for (p = __start_kshim_setup; p < __stop_kshim_setup; p++) {
			size_t n = strlen(p->str);

			if (!param_eqn(word, p->str, n) || strlen(word) < n)
				continue;
			if (p->early)
				continue;	/* handled in pass 1 */
			if (p->setup_func(word + n))
				break;
		}
	}
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long v = strtoull(ptr, &end, 0);

	switch (*end) {
	case 'G': case 'g':
		v <<= 10;
		/* fallthrough */
	case 'M': case 'm':
		v <<= 10;
		/* fallthrough */
	case 'K': case 'k':
		v <<= 10;
		end++;
	}
	if (retptr)
		*retptr = end;
	return v;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return strtoul(cp, endp, base);
}

char *skip_spaces(const char *str)
{
	while (isspace((unsigned char)*str))
		str++;
	return (char *)str;
}
