//! The bench's stack floor: one create as the least any client on this
//! project's stack does it. The params arrive as JSON text and are typed by
//! serde (unknown keys refused), the body is written by serde_json, fetch
//! and `Response.text()` are awaited through `JsFuture` with a per-call
//! `AbortController` and timer (as the reference row of raw fetch has), and
//! the typed response goes back through `JSON.parse`. No validation beyond
//! the types, no retries, no races, no logging: what the package costs
//! above this row is its own features; what this row costs above raw fetch
//! is the stack's.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, RequestRedirect, Response};

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Create {
    name: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<Box<RawValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org_name: Option<String>,
}

#[derive(Deserialize, Serialize)]
struct AiSecret {
    id: String,
    created: Option<String>,
    updated_at: Option<String>,
    org_id: String,
    name: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    metadata: Option<Box<RawValue>>,
    preview_secret: Option<String>,
}

#[wasm_bindgen]
extern "C" {
    type Global;
    #[wasm_bindgen(method, catch)]
    fn fetch(this: &Global, url: &str, init: &RequestInit) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(method, js_name = setTimeout)]
    fn set_timeout(this: &Global, handler: &js_sys::Function, ms: f64) -> JsValue;
    #[wasm_bindgen(method, js_name = clearTimeout)]
    fn clear_timeout(this: &Global, id: &JsValue);
}

struct Config {
    url: String,
    authorization: String,
    /// The bench's instant fetch, in place of the global one.
    fetch: Option<js_sys::Function>,
}

#[wasm_bindgen]
pub struct FloorClient {
    config: Rc<Config>,
}

fn fail(what: &str) -> JsValue {
    js_sys::Error::new(what).into()
}

async fn create(config: Rc<Config>, params: String) -> Result<JsValue, JsValue> {
    let body: Create = serde_json::from_str(&params).map_err(|e| fail(&e.to_string()))?;
    let body = serde_json::to_string(&body).map_err(|_| fail("unwritable body"))?;
    let headers = Headers::new()?;
    headers.set("authorization", &config.authorization)?;
    headers.set("content-type", "application/json")?;
    let controller = AbortController::new()?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&body));
    init.set_signal(Some(&controller.signal()));
    init.set_redirect(RequestRedirect::Error);
    let global: Global = js_sys::global().unchecked_into();
    let abort = js_sys::Function::from(controller.abort_fn());
    let timer = global.set_timeout(&abort, 60_000.0);
    let result = async {
        let sent = match &config.fetch {
            Some(f) => {
                js_sys::Promise::resolve(&f.call2(&JsValue::UNDEFINED, &JsValue::from_str(&config.url), &init)?)
            }
            None => global.fetch(&config.url, &init)?,
        };
        let res: Response = JsFuture::from(sent).await?.unchecked_into();
        if !res.ok() {
            return Err(fail(&format!("status {}", res.status())));
        }
        let text = JsFuture::from(res.text()?).await?.as_string().unwrap_or_default();
        let secret: AiSecret = serde_json::from_str(&text).map_err(|e| fail(&e.to_string()))?;
        let out = serde_json::to_string(&secret).map_err(|_| fail("unwritable result"))?;
        js_sys::JSON::parse(&out)
    }
    .await;
    global.clear_timeout(&timer);
    result
}

/// `controller.abort` bound to its controller, as the timer's callback.
trait AbortFn {
    fn abort_fn(&self) -> JsValue;
}

impl AbortFn for AbortController {
    fn abort_fn(&self) -> JsValue {
        let abort = js_sys::Reflect::get(self, &"abort".into()).unwrap_or(JsValue::UNDEFINED);
        abort.unchecked_into::<js_sys::Function>().bind0(self).into()
    }
}

#[wasm_bindgen]
impl FloorClient {
    #[wasm_bindgen(constructor)]
    pub fn new(base_url: &str, api_key: &str, fetch: Option<js_sys::Function>) -> FloorClient {
        let config =
            Config { url: format!("{base_url}/v1/ai_secret"), authorization: format!("Bearer {api_key}"), fetch };
        FloorClient { config: Rc::new(config) }
    }

    /// POST /v1/ai_secret with `params` (JSON text).
    pub fn create(&self, params: String) -> js_sys::Promise {
        wasm_bindgen_futures::future_to_promise(create(self.config.clone(), params))
    }
}
