//! Rust objects that JS holds by address: a client or a call crosses as a
//! plain number, and the exports that take one turn it back into a
//! reference. No wasm-bindgen class: each one cost a JS wrapper object, a
//! `FinalizationRegistry` entry and an `Rc<RefCell>` allocation per object,
//! a borrow check per method, and 0.9 KB gzip of wasm and glue for the two.
//! The JS side keeps each address where users cannot reach it (a private
//! field of the client, a local of the transport's loop) and frees it once,
//! after its last use.

use crate::prelude::*;
use wasm_bindgen::JsValue;

/// Moves `value` to the heap and returns its address for JS.
pub fn into_js<T>(value: T) -> JsValue {
    JsValue::from(Box::into_raw(Box::new(value)) as usize as u32)
}

/// The object at `addr`, shared: a client, whose methods JS may re-enter
/// (a getter on the params can make another call on the same client).
///
/// # Safety
/// `addr` came from `into_js::<T>` and has not been passed to `free`.
pub unsafe fn get<'a, T>(addr: u32) -> &'a T {
    // SAFETY: the caller's contract.
    unsafe { &*(addr as usize as *const T) }
}

/// The object at `addr`, exclusively: a call, which only the transport's
/// loop for it ever reaches, one step at a time.
///
/// # Safety
/// As for `get`, and no other reference to the object is live.
pub unsafe fn get_mut<'a, T>(addr: u32) -> &'a mut T {
    // SAFETY: the caller's contract.
    unsafe { &mut *(addr as usize as *mut T) }
}

/// Drops the object at `addr` (zeroing the secrets it holds).
///
/// # Safety
/// As for `get_mut`; `addr` is not used again.
pub unsafe fn free<T>(addr: u32) {
    // SAFETY: the caller's contract; the box is given back exactly once.
    drop(unsafe { Box::from_raw(addr as usize as *mut T) })
}
