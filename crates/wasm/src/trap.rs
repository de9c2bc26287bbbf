//! Recovery from a trap. With `panic = "abort"` a trap (out of memory, or a
//! bug ending in `unreachable`) unwinds nothing: the shadow stack pointer and
//! any state the trapped code held stay as they were, so the instance must
//! not be used for long after one. js/surface.js catches the trap, lets the
//! calls still in flight finish, then calls [`restart`]: wasm-bindgen's
//! generated JS makes a fresh instance from the same module before the next
//! call.

use wasm_bindgen::prelude::*;

/// Schedules a fresh instance for the next call into the module. It runs in
/// the trapped instance, so it does nothing but tell the JS side.
#[wasm_bindgen]
pub fn restart() {
    wasm_bindgen::handler::schedule_reinit();
}
