/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Basic kernel types, compiler annotations and small helpers the compiled
 * kernel functions use, mapped onto hosted C.  Annotations that only matter
 * to the kernel's build (sparse, sections, init memory) expand to nothing.
 */
#ifndef KSHIM_TYPES_H
#define KSHIM_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <limits.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;
typedef unsigned __int128 __u128;
typedef u16 __le16;
typedef u32 __le32;
typedef u64 __le64;
typedef u64 phys_addr_t;
typedef u64 resource_size_t;
typedef u64 dma_addr_t;
typedef s64 ktime_t;
typedef unsigned int gfp_t;
typedef struct { int counter; } atomic_t;

#define __bitwise
#define __force
#define __iomem
#define __user
#define __rcu
#define __init
#define __initdata
#define __initconst
#define __exit
#define __ref
#define __refdata
#define __read_mostly
#define __ro_after_init
#define __maybe_unused __attribute__((unused))
#define __always_unused __attribute__((unused))
#define __used __attribute__((used))
#define __weak __attribute__((weak))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __must_check
#define __visible
#define __cold
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define noinline __attribute__((noinline))
#define noinstr
#define notrace
#define asmlinkage
#define fallthrough __attribute__((fallthrough))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))
#define barrier() __asm__ __volatile__("" ::: "memory")

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define min_t(t, a, b) ((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b) ((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define BIT(n) (1UL << (n))
#define BIT_ULL(n) (1ULL << (n))
#define GENMASK(h, l) (((~0UL) >> (63 - (h))) & (~0UL << (l)))
#define GENMASK_ULL(h, l) (((~0ULL) >> (63 - (h))) & (~0ULL << (l)))
#define FIELD_GET(mask, reg) \
	((__typeof__(mask))(((reg) & (mask)) >> __builtin_ctzll(mask)))
#define FIELD_PREP(mask, val) \
	(((__typeof__(mask))(val) << __builtin_ctzll(mask)) & (mask))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define BITS_PER_LONG 64
#define BITS_PER_BYTE 8
#define BITS_TO_LONGS(n) DIV_ROUND_UP(n, BITS_PER_LONG)
#define SZ_4K 0x1000
#define L1_CACHE_BYTES 64
#define PAGE_SIZE 4096UL
#define PAGE_SHIFT 12
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define U8_MAX 0xff
#define U16_MAX 0xffff
#define U32_MAX 0xffffffffU
#define BUILD_BUG_ON(c) _Static_assert(!(c), #c)

/* error pointers, as the kernel encodes them */
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }
static inline bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }

#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)

/* time: fixups report their duration; the shim's clock stands still */
static inline ktime_t ktime_get(void) { return 0; }
#define ktime_sub(a, b) ((a) - (b))
#define ktime_to_ns(t) (t)
extern bool initcall_debug;
/* no tasks: fixup_debug_start() names one only under initcall_debug */
#define current ((void *)0)
#define task_pid_nr(t) 1

/* deferred work and RCU callbacks never run: objects live until the run ends */
struct work_struct { int unused; };
struct rcu_head { void *unused; };
struct completion { int done; };
typedef struct { int refs; } refcount_t;
#define init_completion(c) ((c)->done = 0)
#define rcu_read_lock() do { } while (0)
#define rcu_read_unlock() do { } while (0)
#define rcu_dereference(p) (p)
#define rcu_dereference_check(p, c) (p)
#define rcu_assign_pointer(p, v) ((p) = (v))
#define RCU_INIT_POINTER(p, v) ((p) = (v))
#define synchronize_rcu() do { } while (0)
#define list_add_rcu list_add
#define list_add_tail_rcu list_add_tail
#define list_del_rcu list_del
#define list_for_each_entry_rcu(pos, head, member, ...) list_for_each_entry(pos, head, member)

/* the run is the kernel's boot: init code runs with the system booting */
enum system_states { SYSTEM_BOOTING, SYSTEM_RUNNING };
#define system_state SYSTEM_BOOTING

/* a flexible array's allocation size (include/linux/overflow.h), unchecked */
#define struct_size(p, member, count) \
	(sizeof(*(p)) + sizeof(*(p)->member) * (size_t)(count))
#define flex_array_size(p, member, count) (sizeof(*(p)->member) * (size_t)(count))

/* red-black trees: the VT-d device tree is filled only by probe_device */
struct rb_node { struct rb_node *rb_left, *rb_right; };
struct rb_root { struct rb_node *rb_node; };
#define RB_ROOT ((struct rb_root){ NULL })

typedef int irqreturn_t;
#define IRQ_NONE 0
#define IRQ_HANDLED 1

/* locks: the shim is single-threaded, each run owns the whole "kernel" */
struct mutex { int unused; };
struct rw_semaphore { int unused; };
typedef struct { int unused; } spinlock_t;
typedef struct { int unused; } raw_spinlock_t;
#define DEFINE_MUTEX(m) struct mutex m
#define DECLARE_RWSEM(s) struct rw_semaphore s
#define DEFINE_SPINLOCK(l) spinlock_t l
#define DEFINE_RAW_SPINLOCK(l) raw_spinlock_t l
#define mutex_lock(m) ((void)(m))
#define mutex_unlock(m) ((void)(m))
#define down_read(s) ((void)(s))
#define up_read(s) ((void)(s))
#define down_write(s) ((void)(s))
#define rwsem_is_locked(s) ((void)(s), 1)
#define mutex_init(m) ((void)(m))
#define up_write(s) ((void)(s))
#define spin_lock_init(l) ((void)(l))
#define raw_spin_lock_init(l) ((void)(l))
#define spin_lock(l) ((void)(l))
#define raw_spin_lock(l) ((void)(l))
#define raw_spin_unlock(l) ((void)(l))
#define spin_unlock(l) ((void)(l))
#define raw_spin_lock_irqsave(l, f) ((void)(l), (f) = 0)
#define raw_spin_unlock_irqrestore(l, f) ((void)(l), (void)(f))
#define spin_lock_irqsave(l, f) ((void)(l), (f) = 0)
#define spin_unlock_irqrestore(l, f) ((void)(l), (void)(f))
#define might_sleep() do { } while (0)
#define lockdep_assert_held(l) do { } while (0)
#define msleep(ms) ((void)(ms))
#define udelay(us) ((void)(us))
#define cond_resched() do { } while (0)

#endif
