//! One attempt over the platform's fetch, and the back-off sleep. Every
//! wait (fetch, each body chunk, the sleep) races a deadline and the
//! caller's abort, so a timeout or an abort settles the call whatever fetch
//! or the body does; the losing fetch is then cancelled through its own
//! `AbortController`, and the body's reader too (after the headers, Node's
//! fetch links its signal to the body only through a WeakRef that a full GC
//! can clear: nodejs/node#55428).

use crate::platform::{dictionary, get, global, method, prop, prop_fn, set, Props, Timer};
use bt_core::attempt::{FetchFailure, Outcome};
use bt_core::redact::Redactor;
use bt_core::request::HttpRequest;
use bt_core::validate::Credentials;
use js_sys::{Array, Function, Object, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit};

thread_local! {
    /// What the deadline and the abort watch resolve to.
    static TIMED_OUT: JsValue = Object::new().into();
    static ABORTED: JsValue = Object::new().into();
}

/// How a raced wait ended.
enum Raced {
    Value(JsValue),
    Rejected(JsValue),
    TimedOut,
    Aborted,
}

/// The caller's `AbortSignal` as a promise, its listener removed on drop.
pub struct AbortWatch {
    signal: JsValue,
    promise: Promise,
    listener: Option<Function>,
}

impl AbortWatch {
    pub fn new(signal: JsValue) -> AbortWatch {
        let mut listener = None;
        let promise = Promise::new(&mut |resolve, _| {
            let marker = ABORTED.with(JsValue::clone);
            let bound = resolve.bind1(&JsValue::NULL, &marker);
            if let Some(add) = method(&signal, "addEventListener") {
                let _ = add.call2(&signal, &"abort".into(), &bound);
            }
            listener = Some(JsValue::from(bound).unchecked_into());
        });
        AbortWatch { signal, promise, listener }
    }

    pub fn aborted(&self) -> bool {
        get(&self.signal, "aborted").as_bool() == Some(true)
    }
}

impl Drop for AbortWatch {
    fn drop(&mut self) {
        // A duck-typed signal may lack removeEventListener.
        if let (Some(remove), Some(l)) = (method(&self.signal, "removeEventListener"), &self.listener) {
            let _ = remove.call2(&self.signal, &"abort".into(), l);
        }
    }
}

/// Waits for `p`, or for the deadline, or for the caller's abort.
async fn race(p: &Promise, deadline: &Timer, abort: Option<&AbortWatch>) -> Raced {
    let all = Array::of2(p, &deadline.promise);
    if let Some(a) = abort {
        all.push(&a.promise);
    }
    match JsFuture::from(Promise::race(&all)).await {
        Ok(v) if TIMED_OUT.with(|m| js_sys::Object::is(&v, m)) => Raced::TimedOut,
        Ok(v) if ABORTED.with(|m| js_sys::Object::is(&v, m)) => Raced::Aborted,
        Ok(v) => Raced::Value(v),
        Err(e) => Raced::Rejected(e),
    }
}

/// Lets a promise settle unobserved (a cancel whose rejection means nothing).
fn quietly(p: JsValue) {
    if let Ok(p) = p.dyn_into::<Promise>() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}

fn cancel(target: &JsValue) {
    if let Some(c) = method(target, "cancel") {
        if let Ok(p) = c.call0(target) {
            quietly(p);
        }
    }
}

/// Sleeps `ms`; false when the caller aborted first.
pub async fn sleep(ms: f64, abort: Option<&AbortWatch>) -> bool {
    if abort.is_some_and(AbortWatch::aborted) {
        return false;
    }
    let slept = Timer::new(ms, &JsValue::TRUE);
    match abort {
        None => JsFuture::from(slept.promise.clone()).await.is_ok(),
        Some(a) => {
            let all = Array::of2(&slept.promise, &a.promise);
            !matches!(JsFuture::from(Promise::race(&all)).await, Ok(v) if ABORTED.with(|m| js_sys::Object::is(&v, m)))
        }
    }
}

/// What one attempt needs besides the request.
pub struct Send<'a> {
    pub fetch: Option<&'a Function>,
    pub credentials: Option<Credentials>,
    pub timeout_ms: u64,
    pub max_body: u64,
    pub abort: Option<&'a AbortWatch>,
    /// Which attempt this is (1 for the first).
    pub attempt: u32,
}

fn init(req: &HttpRequest, s: &Send, controller: &AbortController) -> RequestInit {
    let init = RequestInit::new();
    init.set_method(req.method.as_str());
    let headers = dictionary();
    for (k, v) in &req.headers {
        set(&headers, k, &JsValue::from_str(v.expose()));
    }
    if let Some(n) = req.retry_count(s.attempt) {
        set(&headers, bt_core::request::RETRY_COUNT_HEADER, &JsValue::from_str(&n));
    }
    init.set_headers(&headers);
    if let Some(body) = &req.body {
        init.set_body(&JsValue::from_str(body.expose()));
    }
    if let Some(c) = s.credentials {
        set(&init, "credentials", &c.as_str().into());
    }
    init.set_signal(Some(&controller.signal()));
    // Redirects are refused: one would re-send the body, secret and all, to
    // an address nobody configured (where fetch cannot refuse them, it is
    // asked not to follow them, and attempt() refuses the 3xx). With
    // `window: null`, Node's fetch then skips copying the request.
    init.set_redirect(crate::platform::redirect_mode());
    set(&init, "window", &JsValue::NULL);
    init
}

/// What a rejected fetch says.
fn failure(e: &JsValue) -> Outcome {
    let text = |v: &JsValue, k: &str| get(v, k).as_string();
    let cause = get(e, "cause");
    if text(&cause, "message").as_deref() == Some("unexpected redirect") {
        return Outcome::Redirected;
    }
    Outcome::Connection(FetchFailure {
        message: text(e, "message").or_else(|| e.as_string()),
        code: text(&cause, "code").or_else(|| text(e, "code")),
        cause_message: text(&cause, "message"),
        other_texts: [text(e, "stack"), text(&cause, "stack")].into_iter().flatten().collect(),
    })
}

/// A copy of a rejection safe to hand out as an error's `cause`: its name,
/// message and `code`, and its own `cause` the same way, one level deep.
/// Nothing else of it is kept: a wrapper's rejection can carry the request
/// (axios-style `config`, a `{ message, init }`), whose headers and body hold
/// the key and the secret. Only called once the core has found the texts
/// free of them; `redactor` scrubs the copied texts all the same.
pub fn clean_cause(e: &JsValue, redactor: &Redactor) -> JsValue {
    let copy = |v: &JsValue| -> js_sys::Error {
        let text = |k: &str| get(v, k).as_string().map(|t| redactor.redact(&t));
        let message = text("message").or_else(|| v.as_string().map(|t| redactor.redact(&t)));
        let out = js_sys::Error::new(&message.unwrap_or_default());
        if let Some(name) = text("name") {
            set(&out, "name", &name.into());
        }
        if let Some(code) = text("code") {
            set(&out, "code", &code.into());
        }
        out
    };
    let out = copy(e);
    let inner = get(e, "cause");
    if !inner.is_undefined() && !inner.is_null() {
        set(&out, "cause", &copy(&inner));
    }
    out.into()
}

/// One attempt: the outcome, and the JS value behind it: the rejection that
/// caused a connection error, or the Response.
pub async fn attempt(req: &HttpRequest, s: &Send<'_>) -> (Outcome, Option<JsValue>) {
    let Ok(controller) = AbortController::new() else {
        return (Outcome::Connection(FetchFailure::default()), None);
    };
    let deadline = Timer::new(s.timeout_ms as f64, &TIMED_OUT.with(JsValue::clone));
    let init = init(req, s, &controller);
    let sent = match s.fetch {
        Some(f) => f.call2(&JsValue::UNDEFINED, &JsValue::from_str(&req.url), &init).map(|p| Promise::resolve(&p)),
        None => global().fetch(&req.url, &init),
    };
    let pending = match sent {
        Ok(p) => p,
        Err(e) => return (failure(&e), Some(e)),
    };
    let res = match race(&pending, &deadline, s.abort).await {
        Raced::Value(v) => v,
        Raced::Rejected(e) if s.abort.is_some_and(AbortWatch::aborted) => return (Outcome::Aborted, Some(e)),
        Raced::Rejected(e) => return (failure(&e), Some(e)),
        Raced::TimedOut => {
            controller.abort();
            return (Outcome::Timeout, None);
        }
        Raced::Aborted => {
            controller.abort();
            return (Outcome::Aborted, None);
        }
    };
    // Not followed (redirect: "manual"): refused as fetch's "error" would.
    let raw_status = prop(&res, Props::status).as_f64();
    if prop(&res, Props::kind).as_string().as_deref() == Some("opaqueredirect")
        || raw_status.is_some_and(|s| [301.0, 302.0, 303.0, 307.0, 308.0].contains(&s))
    {
        controller.abort();
        return (Outcome::Redirected, None);
    }
    let status = raw_status.filter(|s| (100.0..1000.0).contains(s));
    let headers = prop(&res, Props::headers);
    let (Some(status), false) = (status, headers.is_undefined() || headers.is_null()) else {
        return (Outcome::NotAResponse, None);
    };
    let status = status as u16;
    // A success needs only its length; an error's headers are all reported
    // (retry hints, the request id, APIError.headers).
    let headers = if bt_core::response::is_success(status) {
        let length = prop_fn(&headers, Props::get_fn).and_then(|g| g.call1(&headers, &"content-length".into()).ok());
        length.and_then(|l| l.as_string()).map(|l| vec![("content-length".to_string(), l)]).unwrap_or_default()
    } else {
        header_pairs(&headers)
    };
    let outcome = match read_body(&res, &headers, s, &deadline).await {
        Body::Text(body) => Outcome::Response { status, headers, body },
        Body::TooLarge => Outcome::TooLarge { status },
        Body::Failed(e) => return (failure(&e), Some(e)),
        Body::TimedOut => Outcome::Timeout,
        Body::Aborted => Outcome::Aborted,
    };
    if matches!(outcome, Outcome::Timeout | Outcome::Aborted) {
        controller.abort();
        return (outcome, None);
    }
    (outcome, Some(res))
}

/// Every header as (name, value), in the order the Response gives them.
fn header_pairs(headers: &JsValue) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(Some(iter)) = js_sys::try_iter(headers) {
        for pair in iter.flatten() {
            let pair = Array::from(&pair);
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                out.push((k, v));
            }
        }
    }
    out
}

enum Body {
    Text(String),
    TooLarge,
    Failed(JsValue),
    TimedOut,
    Aborted,
}

/// The body as text, read under the size cap: by `Content-Length` before
/// reading, and chunk by chunk (a length can be absent, or understate a
/// compressed body).
async fn read_body(res: &JsValue, headers: &[(String, String)], s: &Send<'_>, deadline: &Timer) -> Body {
    let stream = prop(res, Props::body);
    let declared = bt_core::response::header(headers, "content-length").and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > s.max_body) {
        cancel(&stream); // never read: stop the download
        return Body::TooLarge;
    }
    let Some(get_reader) = prop_fn(&stream, Props::get_reader) else {
        // No body, or not a web stream (another fetch's Response).
        let Some(text) = method(res, "text").and_then(|t| t.call0(res).ok()) else { return Body::Text(String::new()) };
        return match race(&Promise::resolve(&text), deadline, s.abort).await {
            // UTF-8 bytes >= UTF-16 units, so a text longer than the cap in units is over it.
            Raced::Value(t) => match t.as_string() {
                Some(t) if t.encode_utf16().count() as u64 > s.max_body => Body::TooLarge,
                Some(t) => Body::Text(t),
                None => Body::Text(String::new()),
            },
            Raced::Rejected(e) => Body::Failed(e),
            Raced::TimedOut => Body::TimedOut,
            Raced::Aborted => Body::Aborted,
        };
    };
    let reader = match get_reader.call0(&stream) {
        Ok(r) => r,
        Err(e) => return Body::Failed(e),
    };
    let Some(read) = prop_fn(&reader, Props::read_fn) else { return Body::Text(String::new()) };
    let mut bytes = Vec::new();
    loop {
        let chunk = match read.call0(&reader) {
            Ok(p) => Promise::resolve(&p),
            Err(e) => return Body::Failed(e),
        };
        let next = match race(&chunk, deadline, s.abort).await {
            Raced::Value(v) => v,
            Raced::Rejected(e) => return Body::Failed(e),
            Raced::TimedOut => {
                cancel(&reader);
                return Body::TimedOut;
            }
            Raced::Aborted => {
                cancel(&reader);
                return Body::Aborted;
            }
        };
        if prop(&next, Props::done).as_bool() == Some(true) {
            break;
        }
        let value = prop(&next, Props::value);
        let Some(chunk) = value.dyn_ref::<Uint8Array>() else { continue };
        if (bytes.len() as u64) + (chunk.length() as u64) > s.max_body {
            cancel(&reader);
            return Body::TooLarge;
        }
        let at = bytes.len();
        bytes.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[at..]);
    }
    Body::Text(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}
