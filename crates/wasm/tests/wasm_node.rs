//! The wasm-bindgen-test suite in Node (see tests/common).
#![cfg(target_arch = "wasm32")]

mod common;
use braintrust_ai_secrets::WasmClient;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

wasm_suite!();
