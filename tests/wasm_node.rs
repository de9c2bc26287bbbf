//! The wasm-bindgen-test suite in Node (see tests/wasm_common).
#![cfg(target_arch = "wasm32")]

mod wasm_common;
use braintrust_ai_secrets::wasm::WasmClient;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

wasm_suite!();
