// SPDX-License-Identifier: GPL-2.0-only
/*
 * kextract - pull named top-level definitions out of a kernel source file,
 * unchanged, together with everything in the same file they refer to.
 *
 * The code isofuzz tests is the kernel's: this tool is how it gets from the
 * tree into the harness at build time without a copy ever living in the
 * repository.  It reads one C file (or header), splits it into top-level
 * items (function definitions and declarations, variables, struct/enum
 * definitions, macro invocations, #define lines), and emits, in file order,
 * the items named by a list plus the closure of same-file items they
 * reference.  Every emitted item is preceded by a #line directive so that
 * compiler diagnostics, sanitizer reports and stack traces name the kernel
 * file and line.
 *
 * The list (one directive per line, '#' starts a comment):
 *   file PATH          the kernel file, relative to the tree
 *   root NAME          emit the item(s) named NAME and their closure
 *   macro NAME         emit every top-level invocation of macro NAME
 *   optroot NAME       like root, but NAME may be absent (it differs between
 *                      kernel versions); when present the output ends with
 *                      "#define KEXTRACT_HAS_NAME 1" so glue code can tell
 *   shim NAME          never emit NAME: the shim provides it (closure stops)
 *   hooks MACRO        emit invocations of MACRO (e.g. DECLARE_PCI_FIXUP_HEADER)
 *                      whose last argument is an emitted function
 *   defines PREFIX     emit every #define whose name starts with PREFIX (a
 *                      header's register offsets and bit fields, e.g. DMAR_)
 *
 * Conditional directives (#if/#ifdef/#else/#endif...) are always emitted in
 * place, so the shim's CONFIG_ choices select between variants exactly as a
 * kernel build would.  #include lines are dropped: the shim stands in for
 * every header.
 *
 * Usage: kextract TREE LIST OUT
 * Exit status: 0 on success, 2 on a bad list or an unreadable file or a
 * root that does not exist in the file (the tree changed under us).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok_kind { T_IDENT, T_PUNCT, T_OTHER };

struct tok {
	enum tok_kind kind;
	size_t off, len;
	int line;
};

/* ---- names: a small string set ---- */

struct strset {
	char **v;
	size_t n, cap;
};

enum item_kind { I_CODE, I_DEFINE, I_COND, I_OTHER_PP };

struct item {
	enum item_kind kind;
	size_t start, end;	/* byte range in the file */
	int line;
	size_t tok_first, tok_end;	/* tokens of the item (code items) */
	char *name;		/* primary name, or NULL */
	char *alias;		/* second name: struct tag, or first macro arg */
	char *last_arg;		/* last argument of a macro invocation */
	struct strset *enumerators;	/* names an enum definition introduces */
	bool is_macro_call;
	bool emit;
};

static const char *src;
static size_t src_len;
static struct tok *toks;
static size_t nr_toks, cap_toks;
static struct item *items;
static size_t nr_items, cap_items;

static const char *list_path;

static void die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "kextract: ");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(code);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die(3, "out of memory");
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

static bool set_has(const struct strset *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], name))
			return true;
	return false;
}

static bool set_add(struct strset *s, const char *name)
{
	if (set_has(s, name))
		return false;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n++] = xstrndup(name, strlen(name));
	return true;
}

/* ---- lexing ---- */

static void add_tok(enum tok_kind kind, size_t off, size_t len, int line)
{
	if (nr_toks == cap_toks) {
		cap_toks = cap_toks ? 2 * cap_toks : 4096;
		toks = xrealloc(toks, cap_toks * sizeof(*toks));
	}
	toks[nr_toks++] = (struct tok){ kind, off, len, line };
}

static bool tok_is(const struct tok *t, const char *s)
{
	return t->len == strlen(s) && !memcmp(src + t->off, s, t->len);
}

static char *tok_str(const struct tok *t)
{
	return xstrndup(src + t->off, t->len);
}

static void add_item(enum item_kind kind, size_t start, size_t end, int line,
		     size_t tf, size_t te)
{
	if (nr_items == cap_items) {
		cap_items = cap_items ? 2 * cap_items : 1024;
		items = xrealloc(items, cap_items * sizeof(*items));
	}
	items[nr_items++] = (struct item){ .kind = kind, .start = start,
		.end = end, .line = line, .tok_first = tf, .tok_end = te };
}

/* Skip a comment starting at *i if there is one; keeps *line current. */
static bool skip_comment(size_t *i, int *line)
{
	if (src[*i] != '/' || *i + 1 >= src_len)
		return false;
	if (src[*i + 1] == '/') {
		while (*i < src_len && src[*i] != '\n')
			(*i)++;
		return true;
	}
	if (src[*i + 1] == '*') {
		*i += 2;
		while (*i + 1 < src_len && !(src[*i] == '*' && src[*i + 1] == '/')) {
			if (src[*i] == '\n')
				(*line)++;
			(*i)++;
		}
		*i += 2;
		return true;
	}
	return false;
}

/* A preprocessor directive: from '#' to the end of its (continued) line. */
static size_t scan_directive(size_t i, int *line)
{
	while (i < src_len && src[i] != '\n') {
		if (src[i] == '\\' && i + 1 < src_len && src[i + 1] == '\n') {
			(*line)++;
			i += 2;
			continue;
		}
		if (skip_comment(&i, line))
			continue;
		i++;
	}
	return i;
}

static enum item_kind directive_kind(size_t start, size_t end)
{
	size_t i = start + 1;
	size_t n;

	while (i < end && (src[i] == ' ' || src[i] == '\t'))
		i++;
	n = i;
	while (n < end && isalpha((unsigned char)src[n]))
		n++;
#define IS(w) (n - i == strlen(w) && !memcmp(src + i, w, n - i))
	if (IS("define") || IS("undef"))
		return I_DEFINE;
	if (IS("if") || IS("ifdef") || IS("ifndef") || IS("elif") ||
	    IS("else") || IS("endif"))
		return I_COND;
#undef IS
	return I_OTHER_PP;
}

static size_t match_paren(size_t p, size_t end);

/*
 * Is the item in progress a complete macro invocation without a trailing
 * semicolon, "NAME(...)" alone, as in DEFINE_GUARD(...) or PCI_OP_READ(...)?
 * Such an item ends at the end of its line.
 */
static bool bare_macro_call(size_t item_tok, int brace, int paren)
{
	return brace == 0 && paren == 0 && nr_toks >= item_tok + 3 &&
	       toks[item_tok].kind == T_IDENT && tok_is(&toks[item_tok + 1], "(") &&
	       match_paren(item_tok + 1, nr_toks) == nr_toks - 1;
}

/*
 * Lex the whole file.  Top-level code items end at a ';' at brace and paren
 * depth 0, or at the '}' closing a function body.  Directives outside code
 * items are items of their own; those inside belong to the enclosing item's
 * text.
 */
static void lex(void)
{
	size_t i = 0, item_start = 0, item_tok = 0;
	int line = 1, item_line = 0;
	int brace = 0, paren = 0;
	bool in_item = false, at_bol = true;
	bool body_is_function = false;
	long first_brace_tok = -1;

	while (i < src_len) {
		char c = src[i];

		if (c == '\n') {
			line++;
			i++;
			at_bol = true;
			continue;
		}
		if (isspace((unsigned char)c)) {
			i++;
			continue;
		}
		if (skip_comment(&i, &line))
			continue;
		if (at_bol && in_item && bare_macro_call(item_tok, brace, paren)) {
			add_item(I_CODE, item_start, toks[nr_toks - 1].off, item_line,
				 item_tok, nr_toks);
			in_item = false;
		}
		if (c == '#' && at_bol) {
			size_t start = i;
			int l0 = line;

			i = scan_directive(i, &line);
			if (!in_item) {
				enum item_kind k = directive_kind(start, i);

				add_item(k, start, i, l0, nr_toks, nr_toks);
				if (k == I_DEFINE) {
					/* lex the body for names: it may name other items */
					size_t save = nr_toks, j = start + 1;

					while (j < i) {
						if (isalpha((unsigned char)src[j]) || src[j] == '_') {
							size_t s = j;

							while (j < i && (isalnum((unsigned char)src[j]) || src[j] == '_'))
								j++;
							add_tok(T_IDENT, s, j - s, l0);
						} else {
							j++;
						}
					}
					items[nr_items - 1].tok_first = save;
					items[nr_items - 1].tok_end = nr_toks;
				}
			}
			continue;
		}
		at_bol = false;
		if (!in_item) {
			in_item = true;
			item_start = i;
			item_line = line;
			item_tok = nr_toks;
			brace = paren = 0;
			first_brace_tok = -1;
			body_is_function = false;
		}
		if (isalpha((unsigned char)c) || c == '_') {
			size_t s = i;

			while (i < src_len && (isalnum((unsigned char)src[i]) || src[i] == '_'))
				i++;
			add_tok(T_IDENT, s, i - s, line);
			continue;
		}
		if (isdigit((unsigned char)c)) {
			size_t s = i;

			while (i < src_len && (isalnum((unsigned char)src[i]) || src[i] == '_' ||
					       src[i] == '.'))
				i++;
			add_tok(T_OTHER, s, i - s, line);
			continue;
		}
		if (c == '"' || c == '\'') {
			size_t s = i++;

			while (i < src_len && src[i] != c) {
				if (src[i] == '\\')
					i++;
				else if (src[i] == '\n')
					line++;
				i++;
			}
			i++;
			add_tok(T_OTHER, s, i - s, line);
			continue;
		}
		/* punctuation: keep compound operators whole so '==' is not '=' */
		{
			static const char *ops[] = { "...", "<<=", ">>=", "->", "++",
				"--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
				"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##",
				NULL };
			size_t len = 1;

			for (int k = 0; ops[k]; k++) {
				size_t n = strlen(ops[k]);

				if (i + n <= src_len && !memcmp(src + i, ops[k], n)) {
					len = n;
					break;
				}
			}
			add_tok(T_PUNCT, i, len, line);
			i += len;
		}
		{
			struct tok *t = &toks[nr_toks - 1];

			if (t->len != 1)
				continue;
			switch (src[t->off]) {
			case '(':
			case '[':
				paren++;
				break;
			case ')':
			case ']':
				paren--;
				break;
			case '{':
				if (brace == 0 && paren == 0 && first_brace_tok < 0) {
					first_brace_tok = nr_toks - 1;
					body_is_function = false;
					if (nr_toks - 1 > item_tok) {
						struct tok *p = &toks[nr_toks - 2];
						bool has_eq = false;

						for (size_t k = item_tok; k < nr_toks - 1; k++)
							if (tok_is(&toks[k], "="))
								has_eq = true;
						if (!has_eq && (tok_is(p, ")") ||
						    (p->kind == T_IDENT && p->len > 2 &&
						     !memcmp(src + p->off, "__", 2))))
							body_is_function = true;
					}
				}
				brace++;
				break;
			case '}':
				brace--;
				if (brace == 0 && paren == 0 && body_is_function) {
					add_item(I_CODE, item_start, i, item_line, item_tok, nr_toks);
					in_item = false;
				}
				break;
			case ';':
				if (brace == 0 && paren == 0) {
					add_item(I_CODE, item_start, i, item_line, item_tok, nr_toks);
					in_item = false;
				}
				break;
			}
		}
	}
	if (in_item)
		die(2, "%s: item starting at line %d never ends (unbalanced braces?)",
		    list_path, item_line);
}

/* ---- naming items ---- */

static bool is_attribute(const struct tok *t)
{
	static const char *attrs[] = { "__attribute__", "__aligned", "__section",
		"__printf", "__scanf", "__alloc_size", "__acquires", "__releases",
		"__must_hold", "__cond_acquires", "__diag_ignore", "__counted_by",
		"__cleanup", "__malloc", "__nonstring", NULL };

	for (int k = 0; attrs[k]; k++)
		if (tok_is(t, attrs[k]))
			return true;
	return false;
}

static bool is_storage_attribute(const struct tok *t)
{
	static const char *a[] = { "__initdata", "__read_mostly", "__ro_after_init",
		"__maybe_unused", "__initconst", "__refdata", "__devinitdata",
		"__always_unused", "__used", "__visible", "__weak", NULL };

	for (int k = 0; a[k]; k++)
		if (tok_is(t, a[k]))
			return true;
	return false;
}

/* The index of the token matching the '(' at tok index p, within [p, end). */
static size_t match_paren(size_t p, size_t end)
{
	int depth = 0;

	for (size_t k = p; k < end; k++) {
		if (tok_is(&toks[k], "(") || tok_is(&toks[k], "[") || tok_is(&toks[k], "{"))
			depth++;
		else if (tok_is(&toks[k], ")") || tok_is(&toks[k], "]") || tok_is(&toks[k], "}"))
			if (--depth == 0)
				return k;
	}
	return end;
}

static void name_macro_call(struct item *it, size_t open)
{
	size_t close = match_paren(open, it->tok_end);
	size_t k, last_start = open + 1;
	int depth = 0;

	it->is_macro_call = true;
	if (open + 1 < close && toks[open + 1].kind == T_IDENT)
		it->alias = tok_str(&toks[open + 1]);
	for (k = open + 1; k < close; k++) {
		if (tok_is(&toks[k], "(") || tok_is(&toks[k], "{"))
			depth++;
		else if (tok_is(&toks[k], ")") || tok_is(&toks[k], "}"))
			depth--;
		else if (depth == 0 && tok_is(&toks[k], ","))
			last_start = k + 1;
	}
	if (last_start + 1 == close && toks[last_start].kind == T_IDENT)
		it->last_arg = tok_str(&toks[last_start]);
}

/* Does the '{' at token k open an enum body ("enum {" or "enum tag {")? */
static bool is_enum_body(const struct item *it, size_t k)
{
	return (k >= it->tok_first + 1 && tok_is(&toks[k - 1], "enum")) ||
	       (k >= it->tok_first + 2 && tok_is(&toks[k - 2], "enum"));
}

/* An enumerator is an identifier at depth 1 after '{' or ','. */
static void index_enumerators(struct item *it, size_t open, size_t close)
{
	int depth = 0;

	for (size_t k = open; k < close; k++) {
		if (tok_is(&toks[k], "(") || tok_is(&toks[k], "{"))
			depth++;
		else if (tok_is(&toks[k], ")") || tok_is(&toks[k], "}"))
			depth--;
		else if (depth == 1 && toks[k].kind == T_IDENT &&
			 (tok_is(&toks[k - 1], "{") || tok_is(&toks[k - 1], ","))) {
			char *name = tok_str(&toks[k]);

			if (!it->enumerators)
				it->enumerators = xrealloc(NULL, sizeof(*it->enumerators)),
				*it->enumerators = (struct strset){ 0 };
			set_add(it->enumerators, name);
			free(name);
		}
	}
}

static void name_code_item(struct item *it)
{
	size_t k, end = it->tok_end;
	long prev_ident = -1;

	for (k = it->tok_first; k < end; k++) {
		struct tok *t = &toks[k];

		if (t->kind == T_IDENT) {
			if ((tok_is(t, "struct") || tok_is(t, "union") || tok_is(t, "enum")) &&
			    k + 2 < end && toks[k + 1].kind == T_IDENT && tok_is(&toks[k + 2], "{") &&
			    !it->alias)
				it->alias = tok_str(&toks[k + 1]);
			if (!is_storage_attribute(t))
				prev_ident = k;
			continue;
		}
		if (tok_is(t, "(")) {
			if (prev_ident >= 0 && is_attribute(&toks[prev_ident])) {
				k = match_paren(k, end);
				prev_ident = -1;
				continue;
			}
			if (prev_ident == (long)k - 1) {
				it->name = tok_str(&toks[prev_ident]);
				/*
				 * NAME(...); at the start of an item (after an optional
				 * "static") is a macro invocation: DEFINE_MUTEX(x),
				 * DECLARE_PCI_FIXUP_HEADER(..., hook), __setup("x", fn).
				 */
				bool has_body = false;
				size_t close = match_paren(k, end);

				for (size_t j = close; j < end; j++)
					if (tok_is(&toks[j], "{"))
						has_body = true;
				if (!has_body && (k == it->tok_first + 1 ||
				    (k == it->tok_first + 2 && tok_is(&toks[it->tok_first], "static"))))
					name_macro_call(it, k);
				return;
			}
			return;
		}
		if (tok_is(t, "{")) {
			/* struct/union/enum body or initializer: skip it */
			size_t close = match_paren(k, end);

			if (is_enum_body(it, k))
				index_enumerators(it, k, close);
			k = close;
			prev_ident = -1;
			continue;
		}
		if (tok_is(t, "=") || tok_is(t, "[") || tok_is(t, ";") || tok_is(t, ":")) {
			if (prev_ident >= 0)
				it->name = tok_str(&toks[prev_ident]);
			return;
		}
		prev_ident = -1;
	}
}

static void name_define(struct item *it)
{
	/* tokens of a define: "define" NAME ... */
	if (it->tok_end - it->tok_first >= 2 &&
	    (tok_is(&toks[it->tok_first], "define") || tok_is(&toks[it->tok_first], "undef")))
		it->name = tok_str(&toks[it->tok_first + 1]);
}

/* ---- selection ---- */

static struct strset roots, optroots, shims, macros, hook_macros, define_prefixes, selected;

static bool has_define_prefix(const struct item *it)
{
	if (it->kind != I_DEFINE || !it->name)
		return false;
	for (size_t i = 0; i < define_prefixes.n; i++)
		if (!strncmp(it->name, define_prefixes.v[i], strlen(define_prefixes.v[i])))
			return true;
	return false;
}

/* Macros whose first argument is the object they define: DEFINE_MUTEX(x). */
static bool defines_first_arg(const char *macro)
{
	return !strncmp(macro, "DEFINE_", 7) || !strcmp(macro, "LIST_HEAD") ||
	       !strcmp(macro, "DECLARE_RWSEM") || !strcmp(macro, "DECLARE_BITMAP") ||
	       !strcmp(macro, "DECLARE_WAIT_QUEUE_HEAD");
}

static bool item_named(const struct item *it, const char *name)
{
	if (it->enumerators && set_has(it->enumerators, name))
		return true;
	/* a macro invocation is never named by its macro: DECLARE_X(a) is not "DECLARE_X" */
	return (it->name && !it->is_macro_call && !strcmp(it->name, name)) ||
	       (it->alias && !strcmp(it->alias, name) &&
		(!it->is_macro_call || defines_first_arg(it->name)));
}

static bool mark(struct item *it, struct strset *work)
{
	bool changed = false;

	if (it->emit)
		return false;
	it->emit = true;
	for (size_t k = it->tok_first; k < it->tok_end; k++) {
		if (toks[k].kind != T_IDENT)
			continue;
		char *name = tok_str(&toks[k]);

		if (!set_has(&shims, name) && set_add(work, name))
			changed = true;
		free(name);
	}
	return changed;
}

static void select_items(void)
{
	bool changed;

	for (size_t r = 0; r < roots.n; r++) {
		bool found = false;

		for (size_t i = 0; i < nr_items; i++)
			if (items[i].kind != I_COND && item_named(&items[i], roots.v[r]))
				found = true;
		if (!found)
			die(2, "%s: root '%s' not found in the kernel file", list_path, roots.v[r]);
		set_add(&selected, roots.v[r]);
	}
	for (size_t r = 0; r < optroots.n; r++)
		set_add(&selected, optroots.v[r]);
	do {
		changed = false;
		for (size_t i = 0; i < nr_items; i++) {
			struct item *it = &items[i];

			if (it->emit || it->kind == I_COND || it->kind == I_OTHER_PP)
				continue;
			bool want = false;

			if (it->name && set_has(&shims, it->name))
				continue;
			for (size_t s = 0; !want && s < selected.n; s++)
				if (item_named(it, selected.v[s]))
					want = true;
			if (it->is_macro_call && set_has(&macros, it->name))
				want = true;
			if (has_define_prefix(it))
				want = true;
			if (it->is_macro_call && it->last_arg && set_has(&hook_macros, it->name) &&
			    set_has(&selected, it->last_arg)) {
				/* only if the hook function itself is emitted */
				for (size_t j = 0; j < nr_items; j++)
					if (items[j].emit && !items[j].is_macro_call && items[j].name &&
					    !strcmp(items[j].name, it->last_arg))
						want = true;
			}
			if (want) {
				mark(it, &selected);
				changed = true;
			}
		}
	} while (changed);
}

/* ---- list and output ---- */

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, r;

	if (!f)
		die(2, "%s: %s", path, strerror(errno));
	do {
		if (cap - n < 65536) {
			cap = cap ? 2 * cap : 1 << 20;
			buf = xrealloc(buf, cap + 1);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	char *list, *file = NULL, path[4096];
	size_t list_len;
	FILE *out;
	int lineno = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: kextract TREE LIST OUT\n");
		return 2;
	}
	list_path = argv[2];
	list = read_file(list_path, &list_len);
	for (char *l = strtok(list, "\n"); l; l = strtok(NULL, "\n")) {
		char *hash = strchr(l, '#'), kw[32], arg[1024];

		lineno++;
		if (hash)
			*hash = 0;
		int n = sscanf(l, "%31s %1023s", kw, arg);

		if (n <= 0)
			continue;
		if (n != 2)
			die(2, "%s: directive '%s' needs an argument", list_path, kw);
		if (!strcmp(kw, "file"))
			file = xstrndup(arg, strlen(arg));
		else if (!strcmp(kw, "root"))
			set_add(&roots, arg);
		else if (!strcmp(kw, "optroot"))
			set_add(&optroots, arg);
		else if (!strcmp(kw, "shim"))
			set_add(&shims, arg);
		else if (!strcmp(kw, "macro"))
			set_add(&macros, arg);
		else if (!strcmp(kw, "hooks"))
			set_add(&hook_macros, arg);
		else if (!strcmp(kw, "defines"))
			set_add(&define_prefixes, arg);
		else
			die(2, "%s: unknown directive '%s'", list_path, kw);
	}
	if (!file)
		die(2, "%s: no 'file' directive", list_path);
	snprintf(path, sizeof(path), "%s/%s", argv[1], file);
	src = read_file(path, &src_len);
	lex();
	for (size_t i = 0; i < nr_items; i++) {
		if (items[i].kind == I_CODE)
			name_code_item(&items[i]);
		else if (items[i].kind == I_DEFINE)
			name_define(&items[i]);
	}
	select_items();

	out = fopen(argv[3], "w");
	if (!out)
		die(2, "%s: %s", argv[3], strerror(errno));
	fprintf(out, "/* Generated by kextract from %s: kernel code, unchanged. Do not edit. */\n",
		path);
	for (size_t i = 0; i < nr_items; i++) {
		struct item *it = &items[i];

		if (!it->emit && it->kind != I_COND)
			continue;
		fprintf(out, "#line %d \"%s\"\n", it->line, path);
		fwrite(src + it->start, 1, it->end - it->start + (it->kind == I_CODE), out);
		fputc('\n', out);
	}
	for (size_t r = 0; r < optroots.n; r++)
		for (size_t i = 0; i < nr_items; i++)
			if (items[i].emit && item_named(&items[i], optroots.v[r])) {
				fprintf(out, "#define KEXTRACT_HAS_%s 1\n", optroots.v[r]);
				break;
			}
	if (fclose(out))
		die(2, "%s: write failed", argv[3]);
	return 0;
}
