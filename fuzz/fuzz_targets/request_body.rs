//! Fuzzes the request side: params JSON → validation → the body sent. What
//! is accepted must be sent as given: the body parses back to the input.
//! Run: cargo +nightly fuzz run request_body
#![no_main]

use core::request::build;
use core::validate::{client_options, Env, Operation, RequestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let config = client_options("{}", &Env::default()).expect("default options");
    if let Ok(op) = Operation::create(text) {
        let req = build(&config, op, &RequestOptions::default());
        let sent: serde_json::Value = serde_json::from_str(req.body.as_ref().expect("a body").expose()).expect("JSON");
        let given: serde_json::Value = serde_json::from_str(text).expect("accepted input is JSON");
        assert_eq!(sent, given);
    }
    let _ = Operation::list(text);
    let _ = client_options(text, &Env::default());
});
