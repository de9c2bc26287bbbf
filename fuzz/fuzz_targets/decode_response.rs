//! Fuzzes response decoding: status classification, error-body excerpts and
//! redaction, and the AISecret / list checks, on arbitrary bytes.
//! Run: cargo +nightly fuzz run decode_response
#![no_main]

use core::error::Error;
use core::redact::Redactor;
use core::request::Expect;
use core::response::{api_error, decode, invalid_body, BODY_EXCERPT_BYTES};
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

    let e = api_error(status, &[("x-request-id".into(), body.to_string())], &body, &r);
    assert!(!e.message().contains(SENTINEL));

    if let Error::ResponseValidation { body, .. } = invalid_body(200, "problem", &body, &r) {
        assert!(body.len() <= BODY_EXCERPT_BYTES + '…'.len_utf8());
        assert!(!body.contains(SENTINEL));
    }
    for expect in [Expect::AiSecret, Expect::List] {
        if let Err(e) = decode(200, body.to_string(), expect, &r) {
            assert!(!e.message().contains(SENTINEL));
        }
    }
});
