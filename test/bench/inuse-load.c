// SPDX-License-Identifier: GPL-2.0
/*
 * Guest helper for test/bench/inuse.sh:
 *   inuse-load hold PROCS MAPS   fork PROCS idle processes holding MAPS
 *                                mappings between them, say "ready" when
 *                                all are set up; on SIGTERM kill and reap
 *                                them and exit
 *   inuse-load time CMD ARG...   run CMD with its output discarded; print
 *                                its wall time in ms and its exit status
 * Each child maps its share as one anonymous region whose pages alternate
 * between PROT_READ and PROT_NONE, so none merge: one mapping a page, and
 * nothing is touched, so they cost page tables only when read.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int hold_maps(long maps)
{
	long page = sysconf(_SC_PAGESIZE), i;
	char *base;

	if (maps <= 0)
		return 0;
	base = mmap(NULL, (size_t)(maps * page), PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED)
		return -errno;
	for (i = 0; i < maps; i += 2)
		if (mprotect(base + i * page, (size_t)page, PROT_READ))
			return -errno;
	return 0;
}

static int hold(long procs, long maps)
{
	int ready[2], parent = (int)getpid(), sig;
	pid_t *pids = calloc((size_t)procs + 1, sizeof(*pids));
	long i, share;
	sigset_t term;
	char byte;

	/* SIGTERM is taken by sigwait() below, in the parent only. */
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	if (!pids || pipe(ready))
		return 1;
	for (i = 0; i < procs; i++) {
		/* The remainder goes one each to the first children. */
		share = maps / procs + (i < maps % procs);
		pids[i] = fork();
		if (pids[i] < 0) {
			perror("inuse-load: fork");
			return 1;
		}
		if (pids[i])
			continue;
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(0);
		close(ready[0]);
		byte = hold_maps(share) ? 'E' : 'R';
		if (write(ready[1], &byte, 1) != 1)
			_exit(1);
		close(ready[1]);
		for (;;)
			pause();
	}
	sigprocmask(SIG_BLOCK, &term, NULL);
	close(ready[1]);
	for (i = 0; i < procs; i++)
		if (read(ready[0], &byte, 1) != 1 || byte != 'R') {
			fprintf(stderr, "inuse-load: child %ld failed\n", i);
			return 1;
		}
	printf("ready %ld processes, %ld mappings\n", procs, maps);
	fflush(stdout);
	sigwait(&term, &sig);
	/* Gone before the next load starts: no zombies left in /proc. */
	for (i = 0; i < procs; i++)
		kill(pids[i], SIGKILL);
	for (i = 0; i < procs; i++)
		waitpid(pids[i], NULL, 0);
	free(pids);
	return 0;
}

static int time_cmd(char **argv)
{
	struct timespec t0, t1;
	int status, null;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0)
		return 1;
	if (!pid) {
		null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.1f %d\n",
	       (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		       (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "hold"))
		return hold(atol(argv[2]), atol(argv[3]));
	if (argc >= 3 && !strcmp(argv[1], "time"))
		return time_cmd(argv + 2);
	fprintf(stderr, "usage: inuse-load hold PROCS MAPS | time CMD...\n");
	return 2;
}
