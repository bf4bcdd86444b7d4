// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench/throughput: what one fuzz input costs, and how much of that is the
 * kernel's code.  The fuzz target itself (harness/fuzz/target_pipeline.c,
 * linked in unchanged, with libFuzzer's runtime so that the kernel code's
 * comparison hooks cost what they cost when fuzzing) runs every input of a
 * fixed set, several passes in one process.  The linker's --wrap puts a
 * timer around each stage the target calls (bench/CMakeLists.txt): grammar
 * decode, g_build, kshim_run, the fast check, Z3, finding_write; and, inside
 * kshim_run, around each of run.c's boot steps that enter the kernel's
 * code.  Nothing is changed in the harness or the shim for this, and an
 * ordinary build pays nothing for it.
 *
 * Where "the kernel code" starts and ends:
 * the boot steps kmod-stubs/run.c takes between its set-up and its
 * observation: kshim_parse_cmdline (the kernel's __setup handlers),
 * kshim_amd_detect and kshim_vtd_early (detection and the table walks),
 * pci_request_acs, kshim_enumerate (probe.c's slot scan, fixups), kshim_amd_late
 * and kshim_vtd_late (IOMMU and IR init), kshim_probe_groups (device_group).
 * Those steps include what the kernel calls back into the shim while it runs
 * (config space, kmalloc and zeroed pages, printk, MMIO): the hardware and
 * libraries under the kernel, which a real machine pays too, though at
 * other prices; bench/profile.sh splits the stage into the kernel's own
 * frames (with the sanitizer and comparison hooks they call) and the
 * shim's.  Set-up (pristine state, loading config spaces, tables and
 * register files), the observation of what the kernel decided and the
 * teardown are the shim's; so are the steps' own few lines of glue (the
 * bus walk around pci_scan_slot).
 *
 * Times are the monotonic clock's (a vDSO read, 25 ns; the thread's CPU
 * time is a system call and would cost more than some stages), pass by
 * pass.  The first pass starts with no findings, so every new kind of
 * violation pays for Z3 and a finding, as at the start of a campaign; the
 * later passes find them known, as a running campaign mostly does.  Each
 * input's time in each stage is its median over the later passes, so that
 * a pass preempted by another process on this shared machine does not
 * count; the figures are the means of those medians over the inputs.
 *
 * usage: bench_throughput [-p PASSES] [-m MUTANTS] [-w DIR] [CORPUS_DIR]
 * Inputs: the files of CORPUS_DIR (e.g. a campaign's corpus), or else the
 * seeds `isofuzz fuzz` starts from (the project's bundles and DMAR corpus,
 * generated platforms; not ../shared/data, so the set is the same on every
 * checkout) and, from each, MUTANTS (default 7) successive grammar
 * mutations from fixed seeds.  Inputs that crash (a sanitizer report) are
 * left out.  -w DIR writes the set that runs into DIR (an existing folder),
 * so that another build runs exactly the same inputs.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "finding.h"
#include "seed.h"
#include "solver.h"

#define MAX_LEN 65536		/* isofuzz fuzz's -max_len */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the stages' timers ------------------------------------------------ */

enum stage { DECODE, BUILD, SETUP, KERNEL, TEARDOWN, FAST, Z3, FINDING, OTHER, TOTAL,
	     NR_STAGES };
static const char *const stage_name[NR_STAGES] = {
	"decode", "g_build", "shim set-up", "kernel code", "observe+teardown", "fast check",
	"z3", "finding write", "other", "total"
};

static double spent[NR_STAGES];		/* seconds, this input */
static unsigned z3_calls, findings_written, bugged_runs;

static unsigned long readings;	/* of now(), this pass */

/* the monotonic clock (vDSO, ~25 ns here); thread CPU time is a system call, 25 times dearer */
static double now(void)
{
	struct timespec ts;

	readings++;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct g_node *__real_g_platform_from_input(const uint8_t *data, size_t len);
int __real_g_build(const struct g_node *platform, struct platform *p);
int __real_kshim_run(const struct platform *platform, struct observation *obs);
int __real_solver_check(const struct platform *p, const struct observation *obs,
			const struct sv_options *opt, struct sv_verdict *v);
int __real_finding_write(const char *dir, const struct finding *f);

struct g_node *__wrap_g_platform_from_input(const uint8_t *data, size_t len)
{
	double t = now();
	struct g_node *n = __real_g_platform_from_input(data, len);

	spent[DECODE] += now() - t;
	return n;
}

int __wrap_g_build(const struct g_node *platform, struct platform *p)
{
	double t = now();
	int ret = __real_g_build(platform, p);

	spent[BUILD] += now() - t;
	return ret;
}

int __wrap_solver_check(const struct platform *p, const struct observation *obs,
			const struct sv_options *opt, struct sv_verdict *v)
{
	double t = now();
	int ret = __real_solver_check(p, obs, opt, v);

	spent[opt->mode == SV_MODE_FAST ? FAST : Z3] += now() - t;
	z3_calls += opt->mode != SV_MODE_FAST;
	return ret;
}

int __wrap_finding_write(const char *dir, const struct finding *f)
{
	double t = now();
	int ret = __real_finding_write(dir, f);

	spent[FINDING] += now() - t;
	findings_written += ret == 1;
	return ret;
}

/*
 * The kernel's boot steps.  They nest (the kernel's own code calls
 * pci_request_acs), so only the outermost counts.  A BUG() or the watchdog
 * longjmps out of a step: kshim_run's wrapper then closes it at its return.
 */
static int depth;
static double kernel_from, first_entry, last_exit;

static void kernel_enter(void)
{
	if (depth++)
		return;
	kernel_from = now();
	if (first_entry == 0)
		first_entry = kernel_from;
}

static void kernel_leave(void)
{
	if (--depth)
		return;
	last_exit = now();
	spent[KERNEL] += last_exit - kernel_from;
}

int __wrap_kshim_run(const struct platform *platform, struct observation *obs)
{
	double t = now(), end;
	int ret;

	first_entry = 0;
	ret = __real_kshim_run(platform, obs);
	end = now();
	if (depth) {
		bugged_runs++;
		depth = 1;
		kernel_leave();
	}
	if (first_entry) {
		spent[SETUP] += first_entry - t;
		spent[TEARDOWN] += end - last_exit;
	} else {
		spent[SETUP] += end - t;
	}
	return ret;
}

#define KERNEL_STEP(ret_t, name, params, args)				\
	ret_t __real_##name params;					\
	ret_t __wrap_##name params					\
	{								\
		kernel_enter();						\
		ret_t r = __real_##name args;				\
		kernel_leave();						\
		return r;						\
	}
#define KERNEL_STEP_VOID(name, params, args)				\
	void __real_##name params;					\
	void __wrap_##name params					\
	{								\
		kernel_enter();						\
		__real_##name args;					\
		kernel_leave();						\
	}

struct device;
struct iommu_ops;
KERNEL_STEP_VOID(kshim_parse_cmdline, (char *cmdline), (cmdline))
KERNEL_STEP_VOID(pci_request_acs, (void), ())
KERNEL_STEP(int, kshim_enumerate, (const struct platform *p), (p))
KERNEL_STEP(int, kshim_probe_groups, (const struct iommu_ops *(*drv)(struct device *)), (drv))
#ifdef KSHIM_VTD
KERNEL_STEP_VOID(kshim_vtd_early, (void), ())
KERNEL_STEP_VOID(kshim_vtd_late, (void), ())
#endif
#ifdef KSHIM_AMD
KERNEL_STEP_VOID(kshim_amd_detect, (void), ())
KERNEL_STEP_VOID(kshim_amd_late, (void), ())
#endif

/* ---- the inputs --------------------------------------------------------- */

struct input {
	uint8_t *data;
	size_t len;
};

static struct input *inputs;
static size_t nr_inputs, cap_inputs;

static void add_input(const uint8_t *data, size_t len)
{
	if (nr_inputs == cap_inputs) {
		cap_inputs = cap_inputs ? 2 * cap_inputs : 256;
		inputs = realloc(inputs, cap_inputs * sizeof(*inputs));
		if (!inputs) {
			perror("bench_throughput");
			exit(3);
		}
	}
	inputs[nr_inputs].data = malloc(len ? len : 1);
	if (!inputs[nr_inputs].data) {
		perror("bench_throughput");
		exit(3);
	}
	memcpy(inputs[nr_inputs].data, data, len);
	inputs[nr_inputs++].len = len;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* every regular file of dir, in name order; the count */
static size_t read_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, by_name);
	size_t before = nr_inputs;
	static uint8_t buf[MAX_LEN];

	if (n < 0) {
		fprintf(stderr, "bench_throughput: %s: %m\n", dir);
		exit(2);
	}
	for (int i = 0; i < n; i++) {
		char path[4096];
		struct stat st;
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		if (names[i]->d_name[0] != '.' && !stat(path, &st) && S_ISREG(st.st_mode) &&
		    (f = fopen(path, "rb"))) {
			size_t len = fread(buf, 1, sizeof(buf), f);

			fclose(f);
			add_input(buf, len);
		}
		free(names[i]);
	}
	free(names);
	return nr_inputs - before;
}

/*
 * Drop the inputs that crash (a sanitizer report in the kernel's code
 * aborts the process; libFuzzer's fork mode carries on without them): each
 * runs once in a child first.  The count dropped is printed.
 */
static size_t drop_crashing(void)
{
	size_t kept = 0, dropped = 0;

	for (size_t i = 0; i < nr_inputs; i++) {
		int status = 0;
		pid_t pid = fork();

		if (pid == 0) {
			freopen("/dev/null", "w", stderr);
			LLVMFuzzerTestOneInput(inputs[i].data, inputs[i].len);
			_exit(0);
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0) {
			perror("bench_throughput: fork");
			exit(3);
		}
		if (WIFEXITED(status) && !WEXITSTATUS(status)) {
			inputs[kept++] = inputs[i];
		} else {
			free(inputs[i].data);
			dropped++;
		}
	}
	nr_inputs = kept;
	return dropped;
}

/* the inputs as files dir/NNNNN, so that another build runs the same set */
static void write_inputs(const char *dir)
{
	for (size_t i = 0; i < nr_inputs; i++) {
		char path[4096];
		FILE *f;

		snprintf(path, sizeof(path), "%s/%05zu", dir, i);
		f = fopen(path, "wb");
		if (!f || fwrite(inputs[i].data, 1, inputs[i].len, f) != inputs[i].len || fclose(f)) {
			fprintf(stderr, "bench_throughput: %s: %m\n", path);
			exit(2);
		}
	}
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

/* the campaign's seeds, then mutants of each from fixed seeds */
static void make_inputs(unsigned mutants)
{
	static const char *const dirs[] = {
		ISOFUZZ_SOURCE_DIR "/tests/bundles", ISOFUZZ_SOURCE_DIR "/tests/handmade",
		ISOFUZZ_BINARY_DIR "/corpus/dmar",
	};
	char tmp[] = "/tmp/isofuzz-bench-seeds.XXXXXX";
	static uint8_t buf[MAX_LEN];
	unsigned count;
	size_t seeds;

	if (!mkdtemp(tmp) || seed_corpus(tmp, SEED_PIPELINE, dirs, 3, &count)) {
		fprintf(stderr, "bench_throughput: %s: could not write the seeds\n", tmp);
		exit(3);
	}
	seeds = read_dir(tmp);
	nftw(tmp, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	for (size_t i = 0; i < seeds; i++) {
		size_t len = inputs[i].len;

		memcpy(buf, inputs[i].data, len);
		for (unsigned j = 0; j < mutants; j++) {
			size_t n = g_platform_mutate(buf, len, sizeof(buf), 1000 * i + j);

			if (!n)
				break;
			len = n;
			add_input(buf, len);
		}
	}
}

/* ---- passes and figures -------------------------------------------------- */

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, n, sizeof(*v), cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double cpu_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* one pass over every input: each input's stages into row[input]; not inlined, as
 * bench/profile.sh tells the passes' samples by this frame */
static __attribute__((noinline)) void run_pass(int pass, double (*row)[NR_STAGES])
{
	double wall = now(), cpu = cpu_time();

	readings = 0;
	for (size_t i = 0; i < nr_inputs; i++) {
		double t;

		memset(spent, 0, sizeof(spent));
		t = now();
		LLVMFuzzerTestOneInput(inputs[i].data, inputs[i].len);
		spent[TOTAL] = now() - t;
		spent[OTHER] = spent[TOTAL];
		for (int s = 0; s < OTHER; s++)
			spent[OTHER] -= spent[s];
		memcpy(row[i], spent, sizeof(spent));
	}
	/* a pass whose wall time is well above its CPU time was preempted */
	fprintf(stderr, "pass %d: %.3f s wall, %.3f s CPU\n", pass, now() - wall, cpu_time() - cpu);
}

/* what one reading of the timer costs, in seconds (median of 5 x 10000) */
static double timer_cost(void)
{
	double v[5];

	for (int k = 0; k < 5; k++) {
		double t = now();

		for (int i = 0; i < 10000; i++)
			now();
		v[k] = (now() - t) / 10001;
	}
	return median(v, 5);
}

static void print_breakdown(const double us[NR_STAGES])
{
	for (int s = 0; s < NR_STAGES; s++)
		printf("  %-18s %10.1f us  %5.1f%%\n", stage_name[s], us[s], 100 * us[s] / us[TOTAL]);
}

int main(int argc, char **argv)
{
	char findings[] = "/tmp/isofuzz-bench-findings.XXXXXX";
	int passes = 15, c;
	unsigned mutants = 7;
	double first[NR_STAGES] = { 0 }, med[NR_STAGES] = { 0 }, (*times)[NR_STAGES], *col;
	unsigned first_z3 = 0, first_findings = 0;
	size_t dropped;
	const char *save = NULL;

	while ((c = getopt(argc, argv, "p:m:w:h")) != -1) {
		switch (c) {
		case 'w':
			save = optarg;
			break;
		case 'p':
			passes = atoi(optarg);
			break;
		case 'm':
			mutants = strtoul(optarg, NULL, 10);
			break;
		default:
			fprintf(c == 'h' ? stdout : stderr,
				"usage: bench_throughput [-p PASSES] [-m MUTANTS] [-w DIR] [CORPUS_DIR]\n");
			return c == 'h' ? 0 : 2;
		}
	}
	if (passes < 1 || argc - optind > 1) {
		fprintf(stderr, "usage: bench_throughput [-p PASSES] [-m MUTANTS] [-w DIR] [CORPUS_DIR]\n");
		return 2;
	}
	if (optind < argc)
		read_dir(argv[optind]);
	else
		make_inputs(mutants);
	dropped = drop_crashing();
	if (!nr_inputs) {
		fprintf(stderr, "bench_throughput: no inputs\n");
		return 2;
	}
	if (save)
		write_inputs(save);
	if (!mkdtemp(findings)) {
		perror(findings);
		return 3;
	}
	/* as isofuzz fuzz runs the target: findings written, Z3 on new kinds */
	setenv("ISOFUZZ_FINDINGS", findings, 1);
	LLVMFuzzerInitialize(&argc, &argv);

	times = calloc((size_t)(passes + 1) * nr_inputs, sizeof(*times));
	col = calloc(passes, sizeof(double));
	if (!times || !col)
		return 3;
	for (int p = 0; p <= passes; p++) {
		run_pass(p, times + p * nr_inputs);
		if (!p) {
			first_z3 = z3_calls;
			first_findings = findings_written;
		}
	}

	printf("bench_throughput: %zu inputs (%s; %zu more crash and are left out), linux %s, "
	       "%s build\n",
	       nr_inputs, optind < argc ? argv[optind] : "seeds and their mutants", dropped,
	       kshim_kernel_version,
#if __has_feature(address_sanitizer)
	       "ASan+UBSan"
#else
	       "unsanitized"
#endif
	       );

	/* the first pass: every new kind of finding pays for Z3 and its write */
	for (size_t i = 0; i < nr_inputs; i++)
		for (int s = 0; s < NR_STAGES; s++)
			first[s] += times[i][s] * 1e6 / nr_inputs;
	printf("\nfirst pass (no finding known yet): %.0f execs/s per core, %u Z3 checks, "
	       "%u findings written\n", 1e6 / first[TOTAL], first_z3, first_findings);
	print_breakdown(first);

	/* later passes: each input's median over them, so that a preempted pass does not count */
	for (size_t i = 0; i < nr_inputs; i++)
		for (int s = 0; s < NR_STAGES; s++) {
			for (int p = 0; p < passes; p++)
				col[p] = times[(p + 1) * nr_inputs + i][s];
			med[s] += median(col, passes) * 1e6 / nr_inputs;
		}
	printf("\nlater passes (findings known, as in a running campaign): each input's median "
	       "of %d passes\n", passes);
	printf("  full pipeline       %10.0f execs/s per core\n", 1e6 / med[TOTAL]);
	printf("  kernel code alone   %10.1f us per input (%.0f inputs/s)\n", med[KERNEL],
	       1e6 / med[KERNEL]);
	printf("  overhead ratio      %10.2f (full pipeline / kernel code)\n", med[TOTAL] / med[KERNEL]);
	printf("  Z3 checks %u; runs ended by BUG() or the watchdog %u (all passes)\n",
	       z3_calls - first_z3, bugged_runs);
	printf("per input (wall time of one core, mean over the inputs):\n");
	print_breakdown(med);
	printf("timer: %.1f readings per input at %.0f ns each (in the figures above)\n",
	       (double)readings / nr_inputs, 1e9 * timer_cost());

	nftw(findings, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	for (size_t i = 0; i < nr_inputs; i++)
		free(inputs[i].data);
	free(inputs);
	free(times);
	free(col);
	return 0;
}
