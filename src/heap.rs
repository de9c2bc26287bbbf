//! The wasm module's allocator: power-of-two size classes, each with a free
//! list, carved from a bump region that grows by whole pages.
//!
//! Why not talc or dlmalloc: they cost 1.9 KB and 10 KB of wasm, and their
//! coalescing buys nothing here. The shell's allocations are small and short
//! (a call's request, a response's text), so a freed block is soon reused by
//! one of the same class. Memory is bounded by the peak number of live blocks
//! per class; it does not grow under a steady load. Allocation and free are
//! O(1). The price is up to 2x padding per block. A freed block is zeroed,
//! so no copy of a secret outlives the string that held it.
//!
//! The logic is plain address arithmetic over a `Grow` source, so native tests
//! run it on a byte arena; on wasm32 the source is `memory.grow`.

/// Blocks are at least this big and this aligned: room for the free-list link.
const MIN_BLOCK: usize = 16;
const PAGE: usize = 65_536;
const CLASSES: usize = usize::BITS as usize;

/// Where new memory comes from.
pub trait Grow {
    /// Adds `pages` pages; returns the address where they start.
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

/// The size class of a request: `log2` of its block size, or `None` when no
/// block could hold it.
fn class(size: usize, align: usize) -> Option<usize> {
    let n = size.max(align).max(MIN_BLOCK).checked_next_power_of_two()?;
    Some(n.trailing_zeros() as usize)
}

pub struct Heap<G> {
    grow: G,
    /// First free block of each class (0: none); a free block's first word
    /// links to the next.
    free: [usize; CLASSES],
    /// The untouched part of the region: `next..end`.
    next: usize,
    end: usize,
}

impl<G: Grow> Heap<G> {
    pub const fn new(grow: G) -> Self {
        Heap { grow, free: [0; CLASSES], next: 0, end: 0 }
    }

    /// A block for `size` bytes aligned to `align`, or 0 when memory is out.
    ///
    /// # Safety
    /// Every block on a free list must be one this heap handed out and that
    /// the caller gave back with `free`.
    pub unsafe fn alloc(&mut self, size: usize, align: usize) -> usize {
        // `get_mut`, not `[c]` (`c` is always in range): no bounds check, so
        // no panic path and its location data in the wasm.
        let Some(c) = class(size, align) else { return 0 };
        let Some(list) = self.free.get_mut(c) else { return 0 };
        let head = *list;
        // Blocks are MIN_BLOCK-aligned; a rarer, stricter alignment takes a
        // fresh block rather than searching the list.
        if head != 0 && head % align == 0 {
            // SAFETY: `head` is a free block of this class (see `free`).
            *list = unsafe { *(head as *const usize) };
            return head;
        }
        self.carve(1 << c, align.max(MIN_BLOCK))
    }

    /// Takes `n` bytes from the region, growing it when it runs out.
    fn carve(&mut self, n: usize, align: usize) -> usize {
        let fits = |next: usize, end: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            (start.checked_add(n)? <= end).then_some(start)
        };
        if let Some(start) = fits(self.next, self.end) {
            self.next = start + n;
            return start;
        }
        let Some(want) = n.checked_add(align).and_then(|w| w.checked_add(PAGE - 1)) else { return 0 };
        let pages = want / PAGE;
        let Some(at) = self.grow.grow(pages) else { return 0 };
        // Contiguous with the region: extend it; else start anew (the old
        // tail is left unused).
        if at != self.end {
            self.next = at;
        }
        self.end = at + pages * PAGE;
        match fits(self.next, self.end) {
            Some(start) => {
                self.next = start + n;
                start
            }
            None => 0,
        }
    }

    /// Puts a block back on its class's list.
    ///
    /// # Safety
    /// `ptr` came from `alloc` with the same `size` and `align` and is not
    /// used again until `alloc` returns it.
    pub unsafe fn free(&mut self, ptr: usize, size: usize, align: usize) {
        let Some(list) = class(size, align).and_then(|c| self.free.get_mut(c)) else { return };
        // Zeroed first, whatever it held: a `String` that grew left its old
        // buffer here with a copy of its text, which `zeroize` on the final
        // string never reaches (a secret, or metadata that repeats it).
        // SAFETY: the caller's block of `size` bytes, no longer in use.
        unsafe { core::ptr::write_bytes(ptr as *mut u8, 0, size) };
        // SAFETY: the block is at least MIN_BLOCK bytes, aligned, and ours.
        unsafe { *(ptr as *mut usize) = *list };
        *list = ptr;
    }
}

#[cfg(target_arch = "wasm32")]
mod global {
    use super::{Grow, Heap, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    pub struct MemoryGrow;

    impl Grow for MemoryGrow {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            match core::arch::wasm32::memory_grow(0, pages) {
                usize::MAX => None,
                old => Some(old * PAGE),
            }
        }
    }

    pub struct Global(UnsafeCell<Heap<MemoryGrow>>);

    // SAFETY: wasm32 without the atomics feature runs one thread, and the
    // allocator is never re-entered (it calls nothing that allocates).
    #[cfg(not(target_feature = "atomics"))]
    unsafe impl Sync for Global {}

    impl Global {
        pub const fn new() -> Self {
            Global(UnsafeCell::new(Heap::new(MemoryGrow)))
        }
    }

    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            // SAFETY: one thread, no re-entry (see `Sync`); blocks come back
            // only through `dealloc` with their layout.
            unsafe { (*self.0.get()).alloc(l.size(), l.align()) as *mut u8 }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, l: Layout) {
            // SAFETY: the caller hands back a block of this layout.
            unsafe { (*self.0.get()).free(ptr as usize, l.size(), l.align()) }
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use global::Global;

#[cfg(test)]
mod tests {
    use super::*;

    /// A byte arena standing in for wasm memory, grown a page at a time.
    struct Arena {
        base: usize,
        pages: usize,
        cap: usize,
        /// Another user of memory.grow between ours (a gap in the region).
        foreign: bool,
    }

    impl Grow for Arena {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            if self.foreign {
                self.pages += 1;
            }
            if self.pages + pages > self.cap {
                return None;
            }
            let at = self.base + self.pages * PAGE;
            self.pages += pages;
            Some(at)
        }
    }

    fn heap(buf: &mut Vec<u8>, cap: usize, foreign: bool) -> Heap<Arena> {
        *buf = vec![0u8; (cap + 1) * PAGE];
        let base = (buf.as_ptr() as usize + PAGE - 1) & !(PAGE - 1);
        Heap::new(Arena { base, pages: 0, cap, foreign })
    }

    /// xorshift: deterministic sizes and orders without a dependency.
    fn rng(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn classes_round_up_to_powers_of_two() {
        assert_eq!(class(0, 1), Some(4));
        assert_eq!(class(16, 8), Some(4));
        assert_eq!(class(17, 1), Some(5));
        assert_eq!(class(3, 64), Some(6));
        assert_eq!(class(65_536, 8), Some(16));
        assert_eq!(class(usize::MAX, 1), None);
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_keep_their_bytes() {
        for foreign in [false, true] {
            let mut buf = Vec::new();
            let mut h = heap(&mut buf, 256, foreign);
            let mut seed = 0x9e37_79b9_7f4a_7c15;
            let mut live: Vec<(usize, usize, usize, u8)> = Vec::new();
            for step in 0..20_000u32 {
                let r = rng(&mut seed);
                if r % 2 == 0 && !live.is_empty() {
                    let (p, size, align, fill) = live.swap_remove((r as usize / 2) % live.len());
                    // SAFETY: `p` is a live block of `size` bytes in the arena.
                    let bytes = unsafe { core::slice::from_raw_parts(p as *const u8, size) };
                    assert!(bytes.iter().all(|b| *b == fill), "block overwritten");
                    unsafe { h.free(p, size, align) };
                    // Zeroed on free, but for the free-list link in its first word.
                    // SAFETY: the arena's bytes, still mapped; nothing uses the block.
                    let bytes = unsafe { core::slice::from_raw_parts(p as *const u8, size) };
                    let link = size.min(core::mem::size_of::<usize>());
                    assert!(bytes.iter().skip(link).all(|b| *b == 0), "a freed block keeps its bytes");
                    continue;
                }
                // Mostly small, sometimes up to 200 KB (a response body).
                let size = if r % 97 == 0 { (r >> 8) as usize % 200_000 } else { (r >> 8) as usize % 300 };
                let align = 1 << ((r >> 40) % 8);
                let p = unsafe { h.alloc(size, align) };
                assert_ne!(p, 0, "out of memory at step {step}");
                assert_eq!(p % align, 0);
                let fill = step as u8;
                // SAFETY: a fresh block of at least `size` bytes.
                unsafe { core::ptr::write_bytes(p as *mut u8, fill, size) };
                for (q, qs, _, _) in &live {
                    assert!(p + size <= *q || q + qs <= p, "blocks overlap");
                }
                live.push((p, size, align, fill));
            }
        }
    }

    #[test]
    fn a_steady_load_reuses_memory_instead_of_growing() {
        let mut buf = Vec::new();
        let mut h = heap(&mut buf, 64, false);
        let mut seed = 7;
        // The same 64 requests each round (64 calls in flight), in a new order.
        let mut sizes: Vec<usize> = (0..64).map(|_| rng(&mut seed) as usize % 5_000).collect();
        let mut pages = 0;
        for round in 0..5_000 {
            for i in (1..sizes.len()).rev() {
                sizes.swap(i, rng(&mut seed) as usize % (i + 1));
            }
            let blocks: Vec<(usize, usize)> = sizes.iter().map(|&size| (unsafe { h.alloc(size, 8) }, size)).collect();
            for (p, size) in blocks {
                assert_ne!(p, 0);
                unsafe { h.free(p, size, 8) };
            }
            if round == 0 {
                pages = h.grow.pages;
            }
            assert_eq!(h.grow.pages, pages, "memory grew under a steady load (round {round})");
        }
    }

    #[test]
    fn out_of_memory_is_null_not_a_panic() {
        let mut buf = Vec::new();
        let mut h = heap(&mut buf, 2, false);
        assert_eq!(unsafe { h.alloc(3 * PAGE, 8) }, 0);
        assert_eq!(unsafe { h.alloc(usize::MAX - 8, 8) }, 0);
        assert_ne!(unsafe { h.alloc(100, 8) }, 0);
    }
}
