//! Fuzzes response decoding: status classification, error-body excerpts and
//! redaction, and the AISecret / list shape checks, on arbitrary bytes.
//! Run: cargo +nightly fuzz run decode_response
#![no_main]

use braintrust_ai_secrets::core::json::{JsonView, Kind};
use braintrust_ai_secrets::core::redact::Redactor;
use braintrust_ai_secrets::core::request::Expect;
use braintrust_ai_secrets::core::response::{api_error, check, invalid_body, BODY_EXCERPT_BYTES};
use braintrust_ai_secrets::core::testing::V;
use libfuzzer_sys::fuzz_target;

const SENTINEL: &str = "sk-FUZZ-SENTINEL";

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]) % 1000;
    let body = String::from_utf8_lossy(&data[2..]);
    let mut r = Redactor::new();
    r.add(SENTINEL);

    let e = api_error(status, vec![("x-request-id".into(), body.to_string())], &body, &r);
    let message = e.message();
    assert!(!message.contains(SENTINEL));
    let _ = e.class().name();

    let e = invalid_body(200, "problem", &body, &r);
    if let braintrust_ai_secrets::core::error::ErrorKind::ResponseValidation { body, .. } = &e {
        assert!(body.len() <= BODY_EXCERPT_BYTES + '…'.len_utf8());
        assert!(!body.contains(SENTINEL));
    }

    if let Ok(value) = serde_json::from_str::<serde_json::Value>(&body) {
        let view = V(Some(value));
        if check(&view, Expect::AiSecret).is_ok() {
            assert_eq!(view.kind(), Kind::Object);
            assert_eq!(view.get("id").kind(), Kind::String);
        }
        let _ = check(&view, Expect::List);
    }
});
