//! wasm-bindgen-test suite shared by the Node and the headless-Chromium
//! runs. It drives `WasmClient` against the local emulator over real fetch.
//! `EMULATOR_URL` and `REFUSED_URL` are set at build time by scripts/test.mjs.

use braintrust_ai_secrets::WasmClient;
use js_sys::{Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

pub const EMU: &str = match option_env!("EMULATOR_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:1",
};
pub const REFUSED: &str = match option_env!("REFUSED_URL") {
    Some(u) => u,
    None => "http://127.0.0.1:1",
};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn raw_fetch(url: &str, init: &JsValue) -> Promise;
}

/// `createAiSecret(params, options)`.
pub fn create(c: &WasmClient, params: JsValue, options: JsValue) -> Promise {
    c.create(params, options, false)
}

fn js(src: &str) -> JsValue {
    JSON::parse(src).expect("test JSON")
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A stand-in for js/errors.js's table: a class per name, whose instances
/// carry that name and the props they were given.
pub fn classes() -> Object {
    Function::new_no_args(
        "const t = {}; for (const n of ['ValidationError', 'APIError', 'BadRequestError', 'AuthenticationError', \
         'PermissionDeniedError', 'NotFoundError', 'ConflictError', 'UnprocessableEntityError', 'RateLimitError', \
         'InternalServerError', 'APIConnectionError', 'APIConnectionTimeoutError', 'APIUserAbortError', \
         'ResponseValidationError']) t[n] = class extends Error { constructor(m, p) { super(m); this.name = n; Object.assign(this, p); } }; \
         return t;",
    )
    .call0(&JsValue::NULL)
    .unwrap()
    .unchecked_into()
}

/// A unique tag per test: sent as `x-test`, so counts and scripts stay per test.
pub fn tag(name: &str) -> String {
    let n = (js_sys::Math::random() * 1e9) as u64;
    let mut s = String::from(name);
    s.push('-');
    s.push_str(&n.to_string());
    s
}

pub fn client(extra: &str) -> WasmClient {
    let opts = js(extra);
    let _ = Reflect::set(&opts, &"baseURL".into(), &EMU.into());
    if get(&opts, "apiKey").is_undefined() {
        let _ = Reflect::set(&opts, &"apiKey".into(), &"test-key".into());
    }
    WasmClient::new(opts, JsValue::UNDEFINED, classes()).unwrap_or_else(|_| panic!("client"))
}

pub fn opts(tag: &str, extra: &str) -> JsValue {
    let o = js(extra);
    let h = Object::new();
    let _ = Reflect::set(&h, &"x-test".into(), &tag.into());
    let _ = Reflect::set(&o, &"headers".into(), &h);
    o
}

async fn control(method: &str, path: &str, body: Option<&str>) -> JsValue {
    let init = Object::new();
    let _ = Reflect::set(&init, &"method".into(), &method.into());
    if let Some(b) = body {
        let _ = Reflect::set(&init, &"body".into(), &b.into());
    }
    let url = [EMU, path].concat();
    let res = JsFuture::from(raw_fetch(&url, &init)).await.expect("control fetch");
    let json: Function = get(&res, "json").unchecked_into();
    JsFuture::from(json.call0(&res).unwrap().unchecked_into::<Promise>()).await.expect("control json")
}

/// Queues one scripted response for requests tagged `tag`.
pub async fn script(tag: &str, response: &str) {
    let r = js(response);
    let m = js("{\"headers\":{}}");
    let _ = Reflect::set(&get(&m, "headers"), &"x-test".into(), &tag.into());
    let _ = Reflect::set(&r, &"match".into(), &m);
    let body = Object::new();
    let list = js_sys::Array::of1(&r);
    let _ = Reflect::set(&body, &"responses".into(), &list);
    control("POST", "/_emulator/script", Some(&JSON::stringify(&body).unwrap().as_string().unwrap())).await;
}

/// API requests the emulator received with this tag.
pub async fn count(tag: &str) -> u32 {
    let log: js_sys::Array = control("GET", "/_emulator/requests", None).await.unchecked_into();
    log.iter()
        .filter(|r| get(r, "method").as_string().as_deref() != Some("OPTIONS"))
        .filter(|r| get(&get(r, "headers"), "x-test").as_string().as_deref() == Some(tag))
        .count() as u32
}

pub async fn ok(p: Promise) -> JsValue {
    match JsFuture::from(p).await {
        Ok(v) => v,
        Err(e) => panic!("expected success, got {:?}", get(&e, "message").as_string()),
    }
}

pub async fn err(p: Promise) -> JsValue {
    match JsFuture::from(p).await {
        Ok(v) => panic!("expected an error, got {:?}", JSON::stringify(&v).ok().and_then(|s| s.as_string())),
        Err(e) => e,
    }
}

pub fn name_of(e: &JsValue) -> String {
    get(e, "name").as_string().unwrap_or_default()
}

pub fn aborted_signal() -> JsValue {
    Function::new_no_args("const c = new AbortController(); c.abort(); return c.signal;").call0(&JsValue::NULL).unwrap()
}

#[macro_export]
macro_rules! wasm_suite {
    () => {
        use common::*;
        use wasm_bindgen_test::wasm_bindgen_test;

        #[wasm_bindgen_test]
        async fn create_returns_the_new_secret_without_its_value() {
            let t = tag("create");
            let c = client("{}");
            let params = JSON::parse(
                &[
                    "{\"name\":\"",
                    &t,
                    "\",\"type\":\"openai\",\"secret\":\"sk-wasm-test-value-1234\",\"metadata\":{\"env\":\"test\"}}",
                ]
                .concat(),
            )
            .unwrap();
            let s = ok(create(&c, params, opts(&t, "{}"))).await;
            assert_eq!(get(&s, "name").as_string().unwrap(), t);
            assert_eq!(get(&s, "id").as_string().unwrap().len(), 36);
            assert_eq!(get(&s, "org_id").as_string().unwrap().len(), 36);
            assert_eq!(get(&s, "type").as_string().unwrap(), "openai");
            assert_eq!(get(&get(&s, "metadata"), "env").as_string().unwrap(), "test");
            assert_eq!(get(&s, "preview_secret").as_string().unwrap(), "sk-…1234");
            assert!(get(&s, "secret").is_undefined());
            assert!(!JSON::stringify(&s).unwrap().as_string().unwrap().contains("wasm-test-value"));
            assert_eq!(count(&t).await, 1);
        }

        #[wasm_bindgen_test]
        async fn duplicate_name_returns_the_existing_secret_unmodified() {
            let t = tag("dup");
            let c = client("{}");
            let first = ok(create(
                &c,
                JSON::parse(&["{\"name\":\"", &t, "\",\"type\":\"openai\"}"].concat()).unwrap(),
                opts(&t, "{}"),
            ))
            .await;
            let second = ok(create(
                &c,
                JSON::parse(&["{\"name\":\"", &t, "\",\"type\":\"anthropic\"}"].concat()).unwrap(),
                opts(&t, "{}"),
            ))
            .await;
            assert_eq!(get(&first, "id"), get(&second, "id"));
            assert_eq!(get(&second, "type").as_string().unwrap(), "openai");
        }

        #[wasm_bindgen_test]
        async fn every_status_maps_to_its_error_class() {
            let cases = [
                (400, "BadRequestError"),
                (401, "AuthenticationError"),
                (403, "PermissionDeniedError"),
                (404, "NotFoundError"),
                (409, "ConflictError"),
                (422, "UnprocessableEntityError"),
                (429, "RateLimitError"),
                (500, "InternalServerError"),
                (503, "InternalServerError"),
                (418, "APIError"),
            ];
            let c = client("{}");
            for (status, class) in cases {
                let t = tag("status");
                script(&t, &["{\"status\":", &status.to_string(), ",\"body\":{\"error\":\"scripted\"}}"].concat())
                    .await;
                let e = err(create(&c, JSON::parse("{\"name\":\"x\"}").unwrap(), opts(&t, "{\"maxRetries\":0}"))).await;
                assert_eq!(name_of(&e), class, "status {status}");
                assert_eq!(get(&e, "status").as_f64(), Some(status as f64));
                assert_eq!(get(&get(&e, "body"), "error").as_string().as_deref(), Some("scripted"));
                assert_eq!(get(&e, "requestId").as_string().map(|s| s.starts_with("req_")), Some(true));
                assert_eq!(get(&e, "attempts").as_f64(), Some(1.0));
            }
        }

        #[wasm_bindgen_test]
        async fn a_wrong_key_is_an_authentication_error() {
            let t = tag("auth");
            let c = client("{\"apiKey\":\"sk-wrong-key-SENTINEL\"}");
            let e = err(create(
                &c,
                JSON::parse("{\"name\":\"x\",\"secret\":\"SECRET-SENTINEL-1\"}").unwrap(),
                opts(&t, "{}"),
            ))
            .await;
            assert_eq!(name_of(&e), "AuthenticationError");
            assert_eq!(get(&e, "body").as_string().as_deref(), Some("Invalid API key"));
            let msg = get(&e, "message").as_string().unwrap();
            assert!(msg.starts_with("401 Unauthorized") && !msg.contains("SENTINEL"), "{msg}");
        }

        #[wasm_bindgen_test]
        async fn bad_2xx_bodies_are_response_validation_errors() {
            let c = client("{}");
            for (body, needle) in [
                ("\"<html>not json</html>\"", "not JSON"),
                ("{\"id\":\"x\",\"name\":\"n\"}", "`org_id` is missing"),
                ("{\"id\":1,\"org_id\":\"o\",\"name\":\"n\"}", "`id` should be a string"),
            ] {
                let t = tag("shape");
                script(&t, &["{\"status\":200,\"body\":", body, "}"].concat()).await;
                let e = err(create(&c, JSON::parse("{\"name\":\"x\"}").unwrap(), opts(&t, "{}"))).await;
                assert_eq!(name_of(&e), "ResponseValidationError");
                let msg = get(&e, "message").as_string().unwrap();
                assert!(msg.contains(needle), "{msg}");
            }
        }

        #[wasm_bindgen_test]
        async fn a_refused_connection_is_a_connection_error() {
            setup_refused().await;
        }

        async fn setup_refused() {
            let opts = JSON::parse(&["{\"baseURL\":\"", REFUSED, "\",\"maxRetries\":0}"].concat()).unwrap();
            let c = WasmClient::new(opts, JsValue::UNDEFINED, classes()).unwrap_or_else(|_| panic!("client"));
            let e = err(create(&c, JSON::parse("{\"name\":\"x\"}").unwrap(), JsValue::UNDEFINED)).await;
            assert_eq!(name_of(&e), "APIConnectionError");
            assert_eq!(get(&e, "attempts").as_f64(), Some(1.0));
        }

        #[wasm_bindgen_test]
        async fn a_hung_server_times_out() {
            let t = tag("hang");
            script(&t, "{\"hang\":true}").await;
            let c = client("{\"timeout\":300}");
            let e = err(create(&c, JSON::parse("{\"name\":\"x\"}").unwrap(), opts(&t, "{\"maxRetries\":0}"))).await;
            assert_eq!(name_of(&e), "APIConnectionTimeoutError");
            assert_eq!(get(&e, "mayHaveSucceeded").as_bool(), Some(true));
        }

        #[wasm_bindgen_test]
        async fn a_stalled_body_times_out_too() {
            let t = tag("stall");
            script(&t, "{\"stallBody\":true,\"body\":{\"id\":\"x\"}}").await;
            let c = client("{\"timeout\":300}");
            let e = err(create(&c, JSON::parse("{\"name\":\"x\"}").unwrap(), opts(&t, "{\"maxRetries\":0}"))).await;
            assert_eq!(name_of(&e), "APIConnectionTimeoutError");
        }

        #[wasm_bindgen_test]
        async fn bad_input_is_rejected_before_any_request() {
            let t = tag("invalid");
            let c = client("{}");
            let cases = [
                ("{}", "name"),
                ("{\"name\":\"\"}", "name"),
                ("{\"name\":5}", "name"),
                ("{\"name\":\"n\",\"type\":1}", "type"),
                ("{\"name\":\"n\",\"secret\":false}", "secret"),
                ("{\"name\":\"n\",\"org_name\":{}}", "org_name"),
                ("{\"name\":\"n\",\"metadata\":[1]}", "metadata"),
                ("{\"name\":\"n\",\"metadata\":\"x\"}", "metadata"),
                ("{\"name\":\"n\",\"secert\":\"sk-SENTINEL\"}", "secert"),
                ("\"just a string\"", "params"),
            ];
            for (params, field) in cases {
                let e = err(create(&c, JSON::parse(params).unwrap(), opts(&t, "{}"))).await;
                assert_eq!(name_of(&e), "ValidationError", "{params}");
                assert_eq!(get(&e, "field").as_string().as_deref(), Some(field), "{params}");
                assert_eq!(get(&e, "attempts").as_f64(), Some(0.0));
            }
            let e = err(create(&c, JSON::parse("{\"name\":\"n\"}").unwrap(), opts(&t, "{\"timeout\":-5}"))).await;
            assert_eq!(get(&e, "field").as_string().as_deref(), Some("timeout"));
            for bad in ["{\"baseURL\":\"ftp://x\"}", "{\"timeout\":0}", "{\"maxRetries\":1.5}", "{\"apiKey\":7}"] {
                let e = WasmClient::new(JSON::parse(bad).unwrap(), JsValue::UNDEFINED, classes()).err().expect(bad);
                assert_eq!(name_of(&e), "ValidationError", "{bad}");
            }
            assert_eq!(count(&t).await, 0);
        }

        #[wasm_bindgen_test]
        async fn an_aborted_signal_sends_nothing() {
            let t = tag("abort");
            let c = client("{}");
            let o = opts(&t, "{}");
            let _ = Reflect::set(&o, &"signal".into(), &aborted_signal());
            let e = err(create(&c, JSON::parse("{\"name\":\"n\"}").unwrap(), o)).await;
            assert_eq!(name_of(&e), "APIUserAbortError");
            assert_eq!(get(&e, "attempts").as_f64(), Some(0.0));
            assert_eq!(count(&t).await, 0);
        }
    };
}
