//! The wasm-bindgen-test suite in Node (see tests/wasm_common).
#![cfg(target_arch = "wasm32")]

mod wasm_common;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;
use braintrust_ai_secrets::wasm::WasmClient;

wasm_suite!();
