//! One HTTP attempt over `fetch`, and the backoff sleep. The attempt's
//! timeout covers the whole response, body included: the timer is cleared
//! only after the body is read, and it aborts the fetch, which also fails a
//! body read in progress. A caller's abort signal cancels the same way.

use super::bindings::{
    clear_timeout, get, global_fetch, set, set_timeout, AbortController, AbortSignal, Headers, ReadableStream,
    Response, TextDecoder,
};
use crate::core::redact::Redactor;
use crate::core::request::HttpRequest;
use crate::core::text::parse_decimal;
use crate::core::validate::Credentials;
use js_sys::{Function, Object, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub struct Received {
    pub status: u16,
    pub headers: Headers,
    /// The body as a JS string: parsed in JS on the success path without a
    /// round trip through wasm memory; copied into Rust only for errors.
    pub text: JsValue,
}

impl Received {
    pub fn text_string(&self) -> String {
        self.text.as_string().unwrap_or_default()
    }
}

pub enum Failure {
    /// `fetch` or the body read rejected for another reason than our abort.
    Connection {
        detail: String,
        cause: Option<JsValue>,
        may_have_succeeded: bool,
    },
    Timeout,
    UserAbort,
    /// The body is over `max_body` bytes; it was not buffered.
    TooLarge {
        status: u16,
    },
}

/// Why an exchange stopped: a JS rejection, or our own size cap.
enum Stop {
    Js(JsValue),
    TooLarge(u16),
}

impl From<JsValue> for Stop {
    fn from(e: JsValue) -> Self {
        Stop::Js(e)
    }
}

pub struct Transport<'a> {
    pub fetch: Option<&'a Function>,
    pub credentials: Option<Credentials>,
    pub timeout_ms: u64,
    pub signal: Option<&'a AbortSignal>,
    pub max_body: u64,
}

fn request_init(req: &HttpRequest, signal: &AbortSignal, credentials: Option<Credentials>) -> Object {
    let init = Object::new();
    set(&init, "method", &JsValue::from_str(req.method.as_str()));
    let headers = Object::new();
    for (k, v) in &req.headers {
        set(&headers, k, &JsValue::from_str(v.expose()));
    }
    set(&init, "headers", &headers);
    if let Some(body) = &req.body {
        set(&init, "body", &JsValue::from_str(body.expose()));
    }
    set(&init, "signal", signal);
    if let Some(c) = credentials {
        set(&init, "credentials", &JsValue::from_str(c.as_str()));
    }
    init
}

async fn exchange(fetch: Option<&Function>, url: &str, init: &Object, max_body: u64) -> Result<Received, Stop> {
    let promise = match fetch {
        Some(f) => Promise::resolve(&f.call2(&JsValue::UNDEFINED, &JsValue::from_str(url), init)?),
        None => global_fetch(url, init)?,
    };
    let response: Response = JsFuture::from(promise).await?.unchecked_into();
    let status = match response.status().as_f64() {
        Some(s) if (100.0..1000.0).contains(&s) => s as u16,
        _ => return Err(Stop::Js(js_sys::TypeError::new("fetch resolved to something that is not a Response").into())),
    };
    let headers = response.headers();
    let declared = headers.get("content-length").ok().flatten().and_then(|v| parse_decimal(v.trim()));
    let text = match declared {
        Some(n) if n > max_body as f64 => return Err(Stop::TooLarge(status)),
        // Framed by Content-Length: `text()` cannot run past it (fast path).
        Some(_) => JsFuture::from(response.text()?).await?,
        None => read_capped(&response, max_body).await.map_err(|e| match e {
            Stop::TooLarge(_) => Stop::TooLarge(status),
            other => other,
        })?,
    };
    // A compressed body can decode to more than Content-Length said. UTF-8
    // bytes are at least UTF-16 units, so this never rejects a body under the cap.
    if text.unchecked_ref::<js_sys::JsString>().length() as u64 > max_body {
        return Err(Stop::TooLarge(status));
    }
    Ok(Received { status, headers, text })
}

/// Reads a body of unknown length chunk by chunk, stopping past `max_body`.
async fn read_capped(response: &Response, max_body: u64) -> Result<JsValue, Stop> {
    let body = response.body();
    if body.is_null() || body.is_undefined() {
        return Ok(JsValue::from_str(""));
    }
    let reader = body.unchecked_into::<ReadableStream>().get_reader()?;
    let decoder = TextDecoder::new();
    let stream = Object::new();
    set(&stream, "stream", &JsValue::TRUE);
    let mut text = String::new();
    let mut total = 0f64;
    loop {
        let chunk = JsFuture::from(reader.read()?).await?;
        if get(&chunk, "done").is_truthy() {
            break;
        }
        let value = get(&chunk, "value");
        total += get(&value, "byteLength").as_f64().unwrap_or(0.0);
        if total > max_body as f64 {
            return Err(Stop::TooLarge(0));
        }
        text.push_str(&decoder.decode(&value, &stream));
    }
    text.push_str(&decoder.decode(&JsValue::UNDEFINED, &JsValue::UNDEFINED));
    Ok(JsValue::from_str(&text))
}

pub async fn send(req: &HttpRequest, t: &Transport<'_>) -> Result<Received, Failure> {
    let controller = AbortController::new();
    let abort = controller.abort_fn();
    let init = request_init(req, &controller.signal(), t.credentials);
    let timer = set_timeout(&abort, t.timeout_ms as f64);
    if let Some(s) = t.signal {
        s.add_event_listener("abort", &abort);
    }
    let result = exchange(t.fetch, &req.url, &init, t.max_body).await;
    clear_timeout(&timer);
    if let Some(s) = t.signal {
        s.remove_event_listener("abort", &abort);
    }
    result.map_err(|e| match e {
        Stop::TooLarge(status) => {
            // Stop the download instead of letting it run on unread.
            controller.abort();
            Failure::TooLarge { status }
        }
        Stop::Js(_) if t.signal.is_some_and(|s| s.aborted()) => Failure::UserAbort,
        Stop::Js(_) if controller.signal().aborted() => Failure::Timeout,
        Stop::Js(e) => connection_failure(&e, &req.redactor),
    })
}

/// Codes that prove the request never left: nothing can have happened.
const NOT_SENT_CODES: &[&str] =
    &["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "ERR_INVALID_URL"];

fn connection_failure(e: &JsValue, redactor: &Redactor) -> Failure {
    let message = get(e, "message").as_string().unwrap_or_else(|| "fetch failed".into());
    let inner = get(e, "cause");
    let code = get(&inner, "code").as_string().or_else(|| get(e, "code").as_string());
    let mut detail = redactor.redact(&message);
    if let Some(c) = &code {
        detail.push_str(" (");
        detail.push_str(&redactor.redact(c));
        detail.push(')');
    }
    let inner_message = get(&inner, "message").as_string().unwrap_or_default();
    if !inner_message.is_empty() && code.is_none() {
        detail.push_str(": ");
        detail.push_str(&redactor.redact(&inner_message));
    }
    // Keep the original error as `cause` only when nothing in it is secret.
    let texts = [
        message,
        inner_message,
        get(e, "stack").as_string().unwrap_or_default(),
        get(&inner, "stack").as_string().unwrap_or_default(),
    ];
    let clean = texts.iter().all(|t| redactor.redact(t) == *t);
    let may_have_succeeded = !code.as_deref().is_some_and(|c| NOT_SENT_CODES.contains(&c));
    Failure::Connection { detail, cause: clean.then(|| e.clone()), may_have_succeeded }
}

/// Waits `ms`, or less if `signal` aborts; leaves no timer or listener behind.
pub async fn sleep(ms: f64, signal: Option<&AbortSignal>) {
    let mut timer = JsValue::UNDEFINED;
    let mut wake: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _reject| {
        timer = set_timeout(&resolve, ms);
        if let Some(s) = signal {
            s.add_event_listener("abort", &resolve);
        }
        wake = Some(resolve);
    });
    let _ = JsFuture::from(promise).await;
    clear_timeout(&timer);
    if let (Some(s), Some(w)) = (signal, &wake) {
        s.remove_event_listener("abort", w);
    }
}
