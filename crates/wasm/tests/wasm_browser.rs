//! The wasm-bindgen-test suite in headless Chromium (see tests/common).
#![cfg(target_arch = "wasm32")]

mod common;
use braintrust_ai_secrets::WasmClient;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

wasm_suite!();
