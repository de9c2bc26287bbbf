//! The wasm-bindgen-test suite in headless Chromium (see tests/wasm_common).
#![cfg(target_arch = "wasm32")]

mod wasm_common;
use braintrust_ai_secrets::wasm::WasmClient;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

wasm_suite!();
