// SPDX-License-Identifier: GPL-2.0
/*
 * Guest-side checks for device-dax compound pages, written for
 * vmemmap_head_only (one vmemmap page per compound page, whose aligned
 * tail struct pages read as "fake heads"):
 *
 *   dietstress gup DEV ALIGN N         pin (gup_test, debugfs) pages at
 *                                      subpage offsets 0, 1, 64, 65 and
 *                                      511 (at 1G also 1024, 32768, 32769
 *                                      and 262143) of N compound pages:
 *                                      each
 *                                      dump_page() names the same head and
 *                                      order, the pin shows in the pin
 *                                      count and is gone after, the head's
 *                                      reference count is back; then bulk
 *                                      pins (fast, slow, longterm) of the
 *                                      first 2 MiB of each
 *   dietstress odirect DEV ALIGN BLKDEV
 *                                      O_DIRECT writes from and reads into
 *                                      buffers mapped from DEV at those
 *                                      offsets and across a compound
 *                                      boundary, data verified both ways
 *   dietstress poison DEV ALIGN K OFF  madvise(MADV_HWPOISON) on subpage
 *                                      OFF of compound page K in a child,
 *                                      which must die of SIGBUS
 *                                      (BUS_MCEERR_AR) and nothing else
 *   dietstress hugetlb N               the gup checks on N HugeTLB 2 MiB
 *                                      pages (MAP_HUGETLB), data verified
 *
 * DEV may be "-" with hugetlb.  ALIGN is 2M or 1G.  Prints one line per
 * finding; exit 0 when everything held, 1 otherwise, 2 on bad usage.
 * Needs debugfs at /sys/kernel/debug and a kernel with CONFIG_GUP_TEST.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef MADV_HWPOISON
#define MADV_HWPOISON 100
#endif
#ifndef MAP_HUGETLB
#define MAP_HUGETLB 0x40000
#endif
#ifndef BUS_MCEERR_AR
#define BUS_MCEERR_AR 4
#endif

#define PAGE 4096UL

/* The gup_test ABI (mm/gup_test.h in the kernel tree). */
struct gup_test {
	uint64_t get_delta_usec;
	uint64_t put_delta_usec;
	uint64_t addr;
	uint64_t size;
	uint32_t nr_pages_per_call;
	uint32_t gup_flags;
	uint32_t test_flags;
	uint32_t which_pages[8];
};

#define GUP_FAST_BENCHMARK _IOWR('g', 1, struct gup_test)
#define PIN_FAST_BENCHMARK _IOWR('g', 2, struct gup_test)
#define PIN_LONGTERM_BENCHMARK _IOWR('g', 3, struct gup_test)
#define GUP_BASIC_TEST _IOWR('g', 4, struct gup_test)
#define PIN_BASIC_TEST _IOWR('g', 5, struct gup_test)
#define DUMP_USER_PAGES_TEST _IOWR('g', 6, struct gup_test)
#define GUP_TEST_FLAG_DUMP_PAGES_USE_PIN 0x1

/*
 * Subpage offsets: the head, the tails in the head's vmemmap page (1), at
 * the start of the next ones (64: a fake head with one vmemmap page per
 * compound page) and inside them.  A 1G page's memmap spans 8 sections
 * (128 MiB each): 1024 is still in the first, 32768 starts the second,
 * 32769 follows it and 262143 is the last subpage.
 */
static const unsigned long offsets[] = { 0,    1,     64,    65,    511,
					 1024, 32768, 32769, 262143 };
#define NR_OFFSETS_2M 5
#define NR_OFFSETS_1G (sizeof(offsets) / sizeof(offsets[0]))

static unsigned long nr_offsets(unsigned long align)
{
	return align >= (1UL << 30) ? NR_OFFSETS_1G : NR_OFFSETS_2M;
}

static int failures;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
	va_list ap;

	failures++;
	printf("FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static int parse_align(const char *s, unsigned long *align)
{
	if (!strcmp(s, "2M"))
		*align = 2UL << 20;
	else if (!strcmp(s, "1G"))
		*align = 1UL << 30;
	else
		return -1;
	return 0;
}

/* What dump_page() said about one page. */
struct dump {
	char page[32], head[32];
	int refcount;
	unsigned long pfn;
	unsigned int order;
	int pincount;
	bool has_head;
};

/*
 * Collect what the kernel logged since the last call: /dev/kmsg gives one
 * record per read and EAGAIN once it is drained.  printk() stores the
 * record before the ioctl returns, so nothing is waited for.
 */
static void kmsg_drain(int kfd, char *out, size_t len)
{
	char rec[2048];
	size_t used = 0;
	ssize_t n;

	if (out)
		out[0] = '\0';
	for (;;) {
		char *msg;

		n = read(kfd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue; /* overwritten records: read on */
		if (n <= 0)
			break;
		rec[n] = '\0';
		msg = strchr(rec, ';');
		if (!msg || !out)
			continue;
		msg++;
		n = strcspn(msg, "\n");
		if (used + n + 2 < len) {
			memcpy(out + used, msg, n);
			used += n;
			out[used++] = '\n';
			out[used] = '\0';
		}
	}
}

/*
 * 6.12's dump_page() prints no pointers: "page: refcount:..." and, for a
 * large folio, "head: order:... pincount:N", then the folio's first two
 * struct pages in hex ("head: " lines, four words each).  The second
 * struct page's compound_head word (line 3, word 2) is the head's
 * address with bit 0 set: that names the head.  A fake head (a tail that
 * reads as a copy of the head) is dumped as if it were the head, and
 * that word still names the real one.
 */
static int parse_dump_612(const char *log, struct dump *d)
{
	const char *l;
	int line = 0;

	l = strstr(log, "page: refcount:");
	if (!l || sscanf(l,
			 "page: refcount:%d mapcount:%*d mapping:%*s "
			 "index:%*s pfn:%lx",
			 &d->refcount, &d->pfn) != 2)
		return -1;
	snprintf(d->page, sizeof(d->page), "pfn:%#lx", d->pfn);
	l = strstr(log, "\nhead: order:");
	if (!l)
		return 0;
	if (sscanf(l + 1,
		   "head: order:%u mapcount:%*d entire_mapcount:%*d "
		   "nr_pages_mapped:%*d pincount:%d",
		   &d->order, &d->pincount) != 2)
		return -1;
	for (l = strstr(log, "\nhead: "); l; l = strstr(l + 1, "\nhead: ")) {
		unsigned long long w1, w2;

		if (!strncmp(l + 7, "order:", 6))
			continue;
		if (++line != 3)
			continue;
		if (sscanf(l + 7, "%llx %llx", &w1, &w2) != 2 || !(w2 & 1))
			return -1;
		snprintf(d->head, sizeof(d->head), "%llx", w2 - 1);
		d->has_head = true;
		break;
	}
	return d->has_head ? 0 : -1;
}

static int parse_dump(const char *log, struct dump *d)
{
	const char *l;

	*d = (struct dump){ .pincount = -1 };
	if (strstr(log, "page: refcount:"))
		return parse_dump_612(log, d);
	/* 6.1: "page:%p refcount:..." and "head:%p order:..." */
	l = strstr(log, "page:");
	if (!l || sscanf(l,
			 "page:%31s refcount:%d mapcount:%*d mapping:%*s "
			 "index:%*s pfn:%lx",
			 d->page, &d->refcount, &d->pfn) != 3)
		return -1;
	/* "head:" also starts the hex dump lines ("head: 0123..."). */
	for (l = strstr(log, "head:"); l; l = strstr(l + 1, "head:")) {
		if ((l == log || l[-1] == '\n') && l[5] != ' ' &&
		    sscanf(l,
			   "head:%31s order:%u compound_mapcount:%*d "
			   "compound_pincount:%d",
			   d->head, &d->order, &d->pincount) == 3) {
			d->has_head = true;
			break;
		}
	}
	return 0;
}

static int dump_one(int gfd, int kfd, void *addr, bool pin, struct dump *d)
{
	struct gup_test g = {
		.addr = (uintptr_t)addr,
		.size = PAGE,
		.nr_pages_per_call = 1,
		.test_flags = pin ? GUP_TEST_FLAG_DUMP_PAGES_USE_PIN : 0,
		.which_pages = { 1 }
	};
	static char log[16384];

	kmsg_drain(kfd, NULL, 0);
	if (ioctl(gfd, DUMP_USER_PAGES_TEST, &g)) {
		fail("DUMP_USER_PAGES_TEST at %p: %s", addr, strerror(errno));
		return -1;
	}
	kmsg_drain(kfd, log, sizeof(log));
	if (parse_dump(log, d)) {
		fail("no dump_page() output for %p:\n%s", addr, log);
		return -1;
	}
	if (strstr(d->page, "ptrval")) {
		fail("pointers are not hashed yet: heads cannot be told apart");
		return -1;
	}
	return 0;
}

/*
 * Pin (or get) the n pages from addr in one call and dump the first and
 * the last: while they are all held the head's pin count is n.  For
 * subpages that 6.1's dump_page() will not relate to their head (it
 * takes a page MAX_ORDER_NR_PAGES, 1024, or more past its head for a
 * corrupt one and prints no head line), the head shows the pin instead.
 */
static int dump_span(int gfd, int kfd, void *addr, unsigned long n, bool pin,
		     struct dump *first, struct dump *last)
{
	struct gup_test g = {
		.addr = (uintptr_t)addr,
		.size = n * PAGE,
		.nr_pages_per_call = 1024,
		.test_flags = pin ? GUP_TEST_FLAG_DUMP_PAGES_USE_PIN : 0,
		.which_pages = { 1, n }
	};
	static char log[32768];
	char *second;

	kmsg_drain(kfd, NULL, 0);
	if (ioctl(gfd, DUMP_USER_PAGES_TEST, &g)) {
		fail("DUMP_USER_PAGES_TEST of %lu pages at %p: %s", n, addr,
		     strerror(errno));
		return -1;
	}
	kmsg_drain(kfd, log, sizeof(log));
	/* One "---- page #I, ..." line before each dump. */
	second = strstr(log, "---- page #");
	second = second ? strstr(second + 1, "---- page #") : NULL;
	if (!second) {
		fail("no second dump for %lu pages at %p:\n%s", n, addr, log);
		return -1;
	}
	second[-1] = '\0';
	if (parse_dump(log, first) || parse_dump(second, last)) {
		fail("no dump_page() output for %lu pages at %p:\n%s", n, addr,
		     log);
		return -1;
	}
	return 0;
}

/*
 * The pin of subpage off of the compound page at c seen at its head: pin
 * pages 0..off together, the head's pin count must be off + 1 and the
 * last page the right pfn; afterwards the head is as before.
 */
static void check_pin_at_head(int gfd, int kfd, char *c, unsigned long off,
			      const struct dump *head, const char *what,
			      unsigned long k)
{
	struct dump h, sub, after;

	if (dump_span(gfd, kfd, c, off + 1, true, &h, &sub))
		return;
	if (!h.has_head || strcmp(h.head, head->head) ||
	    h.pincount != (int)(off + 1) || sub.pfn != head->pfn + off)
		fail("%s %lu +%lu: pages 0..%lu pinned: head %s pin count %d "
		     "last pfn %#lx, want %s %lu %#lx",
		     what, k, off, off, h.head, h.pincount, sub.pfn, head->head,
		     off + 1, head->pfn + off);
	if (dump_one(gfd, kfd, c, false, &after))
		return;
	if (after.pincount != 0 || after.refcount != head->refcount)
		fail("%s %lu +%lu: after unpin head pin count %d refcount %d "
		     "(want 0, %d)",
		     what, k, off, after.pincount, after.refcount,
		     head->refcount);
}

static unsigned int order_of(unsigned long align)
{
	unsigned int order = 0;

	while ((PAGE << order) < align)
		order++;
	return order;
}

static void bulk(int gfd, const char *name, unsigned long cmd, void *addr,
		 unsigned long size)
{
	struct gup_test g = { .addr = (uintptr_t)addr,
			      .size = size,
			      .nr_pages_per_call = 64 };

	if (ioctl(gfd, cmd, &g))
		fail("%s of %lu bytes at %p: %s", name, size, addr,
		     strerror(errno));
	else if (g.size != size)
		fail("%s at %p: %llu of %lu bytes", name, addr,
		     (unsigned long long)g.size, size);
}

/*
 * The gup checks on n compound pages of align bytes mapped at base.
 * Returns the number of failures found.
 */
static int check_compounds(char *base, unsigned long align, unsigned long n,
			   const char *what)
{
	unsigned long pages = align / PAGE, k, i;
	char prev_head[32] = "";
	int gfd, kfd, before = failures;

	gfd = open("/sys/kernel/debug/gup_test", O_RDWR);
	kfd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (gfd < 0 || kfd < 0) {
		fail("open gup_test / kmsg: %s", strerror(errno));
		return 1;
	}
	lseek(kfd, 0, SEEK_END);
	for (k = 0; k < n; k++) {
		char *c = base + k * align;
		struct dump head, d, got;

		/*
		 * The head's state; GUP faults the page in.  Nothing is
		 * written: the caller's data stays as it was.
		 */
		if (dump_one(gfd, kfd, c, false, &head))
			continue;
		if (!head.has_head || head.order != order_of(align) ||
		    head.pfn % pages) {
			fail("%s %lu: head pfn %#lx compound %d order %u", what,
			     k, head.pfn, head.has_head, head.order);
			continue;
		}
		if (!strcmp(head.head, prev_head))
			fail("%s %lu: same head as the compound page before",
			     what, k);
		snprintf(prev_head, sizeof(prev_head), "%s", head.head);
		for (i = 0; i < nr_offsets(align); i++) {
			char *p = c + offsets[i] * PAGE;

			if (dump_one(gfd, kfd, p, true, &d) ||
			    dump_one(gfd, kfd, p, false, &got))
				continue;
			if (!d.has_head && offsets[i] >= 1024) {
				check_pin_at_head(gfd, kfd, c, offsets[i],
						  &head, what, k);
				continue;
			}
			if (!d.has_head || strcmp(d.head, head.head) ||
			    d.order != head.order ||
			    d.pfn != head.pfn + offsets[i])
				fail("%s %lu +%lu: head %s order %u pfn %#lx, "
				     "want %s %u %#lx",
				     what, k, offsets[i], d.head, d.order,
				     d.pfn, head.head, head.order,
				     head.pfn + offsets[i]);
			if (d.pincount != 1)
				fail("%s %lu +%lu: pin count %d while pinned",
				     what, k, offsets[i], d.pincount);
			if (got.pincount != 0 || got.refcount != head.refcount)
				fail("%s %lu +%lu: after unpin pin count %d "
				     "refcount %d (want 0, %d)",
				     what, k, offsets[i], got.pincount,
				     got.refcount, head.refcount);
		}
		/* Whole runs of pages, fast and slow paths, 2 MiB at most. */
		bulk(gfd, "PIN_FAST_BENCHMARK", PIN_FAST_BENCHMARK, c,
		     2UL << 20);
		bulk(gfd, "PIN_BASIC_TEST", PIN_BASIC_TEST, c, 2UL << 20);
		bulk(gfd, "PIN_LONGTERM_BENCHMARK", PIN_LONGTERM_BENCHMARK, c,
		     2UL << 20);
		bulk(gfd, "GUP_FAST_BENCHMARK", GUP_FAST_BENCHMARK, c,
		     2UL << 20);
		if (!dump_one(gfd, kfd, c + 64 * PAGE, false, &got) &&
		    (got.pincount != 0 || got.refcount != head.refcount))
			fail("%s %lu: after the bulk pins pin count %d "
			     "refcount %d (want 0, %d)",
			     what, k, got.pincount, got.refcount,
			     head.refcount);
		printf("%s %lu: head pfn %#lx order %u refcount %d, %lu "
		       "offsets up to %lu agree\n",
		       what, k, head.pfn, head.order, head.refcount,
		       nr_offsets(align), offsets[nr_offsets(align) - 1]);
	}
	close(kfd);
	close(gfd);
	return failures - before;
}

static char *map_dev(const char *dev, unsigned long len, int *fdp)
{
	int fd = open(dev, O_RDWR);
	char *p;

	if (fd < 0) {
		fail("open %s: %s", dev, strerror(errno));
		return NULL;
	}
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		fail("mmap %lu bytes of %s: %s", len, dev, strerror(errno));
		close(fd);
		return NULL;
	}
	if (fdp)
		*fdp = fd;
	else
		close(fd);
	return p;
}

static void pattern(unsigned char *p, unsigned long len, unsigned int seed)
{
	unsigned long i;

	for (i = 0; i < len; i += 8) {
		uint64_t w = (seed + 1) * 0x9e3779b97f4a7c15ULL ^ i;

		memcpy(p + i, &w, 8);
	}
}

static int cmd_gup(const char *dev, unsigned long align, unsigned long n)
{
	char *p = map_dev(dev, n * align, NULL);

	if (!p)
		return 1;
	check_compounds(p, align, n, "compound");
	munmap(p, n * align);
	return !!failures;
}

/*
 * O_DIRECT between the block device and buffers inside the dax mapping:
 * the block layer pins the user pages (GUP) and the device DMA is a
 * memcpy; each transfer is checked against a private copy.
 */
static int cmd_odirect(const char *dev, unsigned long align, const char *blkdev)
{
	unsigned long pages = align / PAGE;
	struct {
		unsigned long page, len;
		bool only_1g;
	} cases[] = {
		{ 0, 256 * 1024 },
		{ 1, 8192 },
		{ 64, 4096 },
		{ 65, 12288 },
		{ 511, 12288 },
		/* Across the boundary between compound pages 0 and 1. */
		{ pages - 64, 512 * 1024 },
		/* Past the first section of a 1G page's memmap. */
		{ 1024, 8192, true },
		{ 32767, 8192, true },
		{ 32768, 4096, true },
		{ 32769, 12288, true },
		{ 262143, 4096, true },
	};
	unsigned char *map, *copy = NULL, *tmp = NULL;
	unsigned long i;
	int bfd;

	map = (unsigned char *)map_dev(dev, 2 * align, NULL);
	bfd = open(blkdev, O_RDWR | O_DIRECT);
	if (!map || bfd < 0 || posix_memalign((void **)&copy, PAGE, 1 << 20) ||
	    posix_memalign((void **)&tmp, PAGE, 1 << 20)) {
		fail("set up O_DIRECT to %s: %s", blkdev, strerror(errno));
		return 1;
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned char *buf = map + cases[i].page * PAGE;
		unsigned long len = cases[i].len;
		off_t off = (off_t)(i * (1 << 20)) % (3 << 20);
		ssize_t n;

		if (cases[i].only_1g && align < (1UL << 30))
			continue;
		/* dax buffer -> disk */
		pattern(copy, len, i);
		memcpy(buf, copy, len);
		n = pwrite(bfd, buf, len, off);
		if (n != (ssize_t)len) {
			fail("O_DIRECT write of %lu bytes from page %lu: %zd %s",
			     len, cases[i].page, n, strerror(errno));
			continue;
		}
		memset(tmp, 0, len);
		if (pread(bfd, tmp, len, off) != (ssize_t)len ||
		    memcmp(tmp, copy, len))
			fail("disk holds other data than dax page %lu wrote",
			     cases[i].page);
		/* disk -> dax buffer */
		pattern(copy, len, i + 100);
		memcpy(tmp, copy, len);
		if (pwrite(bfd, tmp, len, off) != (ssize_t)len) {
			fail("O_DIRECT write from a private buffer: %s",
			     strerror(errno));
			continue;
		}
		memset(buf, 0, len);
		n = pread(bfd, buf, len, off);
		if (n != (ssize_t)len || memcmp(buf, copy, len))
			fail("O_DIRECT read of %lu bytes into dax page %lu: "
			     "%zd, data %s",
			     len, cases[i].page, n,
			     memcmp(buf, copy, len) ? "differs" : "intact");
		else
			printf("O_DIRECT %lu bytes at dax page %lu: both "
			       "ways intact\n",
			       len, cases[i].page);
	}
	close(bfd);
	munmap(map, 2 * align);
	free(copy);
	free(tmp);
	return !!failures;
}

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	/* 10: the machine-check flavour of SIGBUS, as memory failure sends. */
	_exit(si->si_code == BUS_MCEERR_AR ? 10 : 11);
}

static int cmd_poison(const char *dev, unsigned long align, unsigned long k,
		      unsigned long off)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fail("fork: %s", strerror(errno));
		return 1;
	}
	if (!pid) {
		struct sigaction sa = { .sa_sigaction = on_sigbus,
					.sa_flags = SA_SIGINFO };
		char *p = map_dev(dev, (k + 1) * align, NULL);
		char *page;

		if (!p)
			_exit(3);
		page = p + k * align + off * PAGE;
		sigaction(SIGBUS, &sa, NULL);
		memset(page, 0x5a, PAGE);
		if (madvise(page, PAGE, MADV_HWPOISON))
			printf("madvise(MADV_HWPOISON): %s\n", strerror(errno));
		else
			printf("madvise(MADV_HWPOISON) returned without "
			       "SIGBUS\n");
		fflush(stdout);
		_exit(4);
	}
	if (waitpid(pid, &status, 0) != pid) {
		fail("waitpid: %s", strerror(errno));
		return 1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 10) {
		printf("compound %lu +%lu: SIGBUS (BUS_MCEERR_AR)\n", k, off);
		return 0;
	}
	fail("compound %lu +%lu: child %s %d, want SIGBUS BUS_MCEERR_AR", k,
	     off, WIFEXITED(status) ? "exited" : "killed by signal",
	     WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	return 1;
}

static int cmd_hugetlb(unsigned long n)
{
	unsigned long len = n * (2UL << 20);
	unsigned char *p, *copy;
	unsigned long k;

	p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
	if (p == MAP_FAILED) {
		fail("mmap %lu HugeTLB pages: %s", n, strerror(errno));
		return 1;
	}
	check_compounds((char *)p, 2UL << 20, n, "hugetlb");
	copy = malloc(2UL << 20);
	for (k = 0; copy && k < n; k++) {
		pattern(copy, 2UL << 20, k);
		memcpy(p + k * (2UL << 20), copy, 2UL << 20);
	}
	for (k = 0; copy && k < n; k++) {
		pattern(copy, 2UL << 20, k);
		if (memcmp(p + k * (2UL << 20), copy, 2UL << 20))
			fail("HugeTLB page %lu lost its data", k);
	}
	free(copy);
	munmap(p, len);
	return !!failures;
}

int main(int argc, char **argv)
{
	unsigned long align = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && !strcmp(argv[1], "hugetlb"))
		return cmd_hugetlb(strtoul(argv[2], NULL, 0));
	if (argc < 4 || parse_align(argv[3], &align))
		goto usage;
	if (!strcmp(argv[1], "gup") && argc == 5)
		return cmd_gup(argv[2], align, strtoul(argv[4], NULL, 0));
	if (!strcmp(argv[1], "odirect") && argc == 5)
		return cmd_odirect(argv[2], align, argv[4]);
	if (!strcmp(argv[1], "poison") && argc == 6)
		return cmd_poison(argv[2], align, strtoul(argv[4], NULL, 0),
				  strtoul(argv[5], NULL, 0));
usage:
	fprintf(stderr, "usage: dietstress gup DEV 2M|1G N | odirect DEV "
			"2M|1G BLKDEV | poison DEV 2M|1G K OFF | hugetlb N\n");
	return 2;
}
