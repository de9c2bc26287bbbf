//! One call of the resource, as the JS transport (js/transport.js) drives
//! it: the request to send, and after each attempt the core's verdict —
//! the decoded result, a delay before the next attempt, or the final error.
//! The transport only does I/O; every decision is made here and in the core.

use super::bindings::{
    date_now, delete, get, header_list, math_random, member_bool, number, parse_date, parse_json, parse_number, set,
    set_f64, set_str, text as string, Array, Object,
};
use super::client::Inner;
use super::errors::to_js;
use super::handle;
use super::view::Js;
use crate::core::error::ErrorKind;
use crate::core::json::{JsonView, Kind};
use crate::core::log::{Event, Level};
use crate::core::redact::Redactor;
use crate::core::request::{self, Expect, HttpRequest, Operation};
use crate::core::response;
use crate::core::retry::{self, Outcome};
use crate::core::validate::RequestOptions;
use crate::prelude::*;
use alloc::rc::Rc;
use wasm_bindgen::prelude::*;

/// How an attempt ended, as the transport reports it (js/transport.js has
/// the same numbers): a response, or a failure — 0 is a connection error
/// (fetch or the body read rejected for another reason).
const TIMEOUT: u8 = 1;
const ABORTED: u8 = 2;
const TOO_LARGE: u8 = 3;
const RESPONSE: u8 = 4;
const REDIRECTED: u8 = 5;

pub struct WasmCall {
    inner: Rc<Inner>,
    /// Holds the key and the secret; zeroed when the call is freed.
    req: HttpRequest,
    /// See `begin()`.
    request: Object,
    /// The caller's AbortSignal, if any.
    signal: Option<JsValue>,
    is_delete: bool,
    max_retries: u32,
    timeout_ms: u64,
    max_body: u64,
    attempts: u32,
    started: f64,
    /// Whether an earlier attempt may have done the work (lost response).
    earlier_may_have_succeeded: bool,
}

impl WasmCall {
    pub(super) fn new(inner: Rc<Inner>, op: Operation, ro: &RequestOptions, signal: Option<JsValue>) -> WasmCall {
        let is_delete = matches!(op, Operation::Delete(_) | Operation::DeleteByName(_));
        let req = request::build(&inner.config, op, ro);
        let init = Object::new();
        set_str(&init, "method", req.method.as_str());
        let headers = Object::new();
        for (k, v) in &req.headers {
            set_str(&headers, k, v.expose());
        }
        set(&init, "headers", &headers);
        if let Some(body) = &req.body {
            set_str(&init, "body", body.expose());
        }
        if let Some(c) = inner.config.credentials {
            set_str(&init, "credentials", c.as_str());
        }
        let timeout_ms = ro.timeout_ms.unwrap_or(inner.config.timeout_ms);
        let max_body = ro.max_response_bytes.unwrap_or(inner.config.max_response_bytes);
        let request = Object::new();
        set_str(&request, "url", &req.url);
        set(&request, "init", &init);
        if let Some(s) = &signal {
            set(&request, "signal", s);
        }
        if let Some(f) = &inner.fetch {
            set(&request, "fetch", f);
        }
        set_f64(&request, "timeoutMs", timeout_ms as f64);
        set_f64(&request, "maxBody", max_body as f64);
        WasmCall {
            max_retries: ro.max_retries.unwrap_or(inner.config.max_retries),
            timeout_ms,
            max_body,
            inner,
            req,
            request,
            signal,
            is_delete,
            attempts: 0,
            started: 0.0,
            earlier_may_have_succeeded: false,
        }
    }

    fn fail(&self, e: &ErrorKind, cause: Option<JsValue>) -> JsValue {
        let error = to_js(&self.inner.make_error, e, self.attempts, cause);
        // The wasm knows classes by number only: the log line takes the
        // name from the error itself.
        if self.inner.logs(Level::Error) {
            let class = text(&error, "name").unwrap_or_default();
            self.inner.log(&self.req, Event::Failed { class: &class, attempts: self.attempts }, None);
        }
        error
    }

    /// The delay before the next attempt, or `None` when this attempt's
    /// outcome is final. `headers` are the response's as they came (none for
    /// a failure): read before `api_error` redacts them, so that a value
    /// which happens to contain a secret cannot mask a retry hint.
    fn next_delay(&self, outcome: Outcome, headers: &[(String, String)]) -> Option<f64> {
        let header = |name: &str| response::header(headers, name);
        if self.attempts > self.max_retries || !retry::is_retryable(outcome, header("x-should-retry")) {
            return None;
        }
        Some(retry::delay_ms(
            self.attempts - 1,
            header("retry-after-ms"),
            header("retry-after"),
            date_now(),
            math_random(),
            parse_number,
            parse_date,
        ))
    }

    /// Waits `delay` before the next attempt, or fails with `e`.
    fn retry_or_fail(
        &self,
        e: ErrorKind,
        cause: Option<JsValue>,
        outcome: Outcome,
        delay: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let Some(delay) = delay else { return Err(self.fail(&e, cause)) };
        let (status, described) = match outcome {
            Outcome::Status(s) => (Some(s), crate::core::text::uint(s as u64)),
            Outcome::Connection => (None, "connection error".into()),
            Outcome::Timeout => (None, "timed out".into()),
        };
        let event = Event::Retrying {
            outcome: &described,
            attempt: self.attempts,
            of: self.max_retries + 1,
            delay_ms: delay as u64,
        };
        self.inner.log(&self.req, event, status);
        Ok(JsValue::from(delay))
    }

    fn decode(&self, status: u16, text: &JsValue) -> Result<JsValue, ErrorKind> {
        let body = || string(text).unwrap_or_default();
        let value = Js(parse_json(text));
        // Through the kind probe: `is_undefined` would be an import of its own.
        if value.kind() == Kind::Undefined {
            return Err(response::invalid_body(status, "response is not JSON", &body(), &self.req.redactor));
        }
        response::check(&value, self.req.expect)
            .map_err(|p| response::invalid_body(status, &p, &body(), &self.req.redactor))?;
        match self.req.expect {
            Expect::AiSecret => drop_secret(&value.0),
            Expect::List => {
                // `check` has seen `objects` is an array. By index, as in
                // `header_pairs`.
                let objects: Array = get(&value.0, "objects").unchecked_into();
                for i in 0..objects.length() {
                    drop_secret(&objects.get(i));
                }
            }
        }
        Ok(value.0)
    }
}

impl WasmCall {
    /// Starts an attempt and returns what the transport needs to send it,
    /// the same object each time: `{ url, init, signal, fetch, timeoutMs,
    /// maxBody }` — `init` is the RequestInit (the transport adds its
    /// per-attempt `signal`), `signal` the caller's AbortSignal, `fetch` the
    /// client's own fetch if any. Returns an `APIUserAbortError` instead if
    /// the caller aborted. (No getter of its own: each export costs a shim.)
    pub fn begin(&mut self) -> JsValue {
        if self.signal.as_ref().is_some_and(|s| member_bool(s, "aborted") == Some(true)) {
            return self.fail(&ErrorKind::UserAbort, None);
        }
        self.attempts += 1;
        self.inner.log(&self.req, Event::Sending { attempt: self.attempts }, None);
        if self.inner.logs(Level::Info) {
            self.started = date_now();
        }
        self.request.clone().into()
    }

    /// An attempt ended: `kind` is `RESPONSE` (with its `status`, `headers`
    /// and text as `body`) or how it failed (with the rejection as `body`,
    /// and the status for a body over the cap). Returns the decoded result,
    /// a retry delay (a number) or the error, which the transport throws.
    /// One export for both, as each export costs a shim.
    ///
    /// The per-call exports return errors instead of throwing them: a
    /// `Result` comes back through a return area in wasm memory that the
    /// glue reads word by word (returning: -0.30 KB gzip, wasm and glue). A
    /// decoded result is parsed JSON, never an `Error`, so `instanceof`
    /// tells them apart.
    pub fn settle(&mut self, kind: u8, status: JsValue, headers: JsValue, body: JsValue) -> JsValue {
        let verdict = if kind == RESPONSE {
            self.response(status, headers, body)
        } else {
            self.failure(kind, body, number(&status).unwrap_or(0.0) as u16)
        };
        verdict.unwrap_or_else(|e| e)
    }
}

// The exports js/transport.js drives a call with, by the address
// `WasmClient::prepare` returned (see src/wasm/handle.rs).

/// `WasmCall::begin` on the call at `call`.
///
/// # Safety
/// `call` is a live call's address, used by nothing else meanwhile (`handle::get_mut`).
#[wasm_bindgen(js_name = callBegin)]
pub unsafe fn call_begin(call: u32) -> JsValue {
    // SAFETY: the caller's contract.
    unsafe { handle::get_mut::<WasmCall>(call) }.begin()
}

/// `WasmCall::settle` on the call at `call`.
///
/// # Safety
/// As for `call_begin`.
#[wasm_bindgen(js_name = callSettle)]
pub unsafe fn call_settle(call: u32, kind: u8, status: JsValue, headers: JsValue, body: JsValue) -> JsValue {
    // SAFETY: the caller's contract.
    unsafe { handle::get_mut::<WasmCall>(call) }.settle(kind, status, headers, body)
}

/// Frees the call at `call`, zeroing the key and the secret it holds.
///
/// # Safety
/// As for `call_begin`; `call` is not used again.
#[wasm_bindgen(js_name = callFree)]
pub unsafe fn call_free(call: u32) {
    // SAFETY: the caller's contract.
    unsafe { handle::free::<WasmCall>(call) }
}

impl WasmCall {
    /// A response arrived: the decoded result, a retry delay (a number), or
    /// the error.
    fn response(&mut self, status: JsValue, headers: JsValue, text: JsValue) -> Result<JsValue, JsValue> {
        let status = match number(&status) {
            Some(s) if (100.0..1000.0).contains(&s) => s as u16,
            _ => {
                let e = ErrorKind::Connection {
                    detail: "fetch resolved to something that is not a Response".into(),
                    may_have_succeeded: true,
                };
                return Err(self.fail(&e, None));
            }
        };
        if response::is_success(status) {
            let value = self.decode(status, &text).map_err(|e| self.fail(&e, None))?;
            if self.inner.logs(Level::Info) {
                let elapsed_ms = (date_now() - self.started) as u64;
                let event = Event::Succeeded { status, attempt: self.attempts, elapsed_ms };
                self.inner.log(&self.req, event, Some(status));
            }
            return Ok(value);
        }
        let headers = header_pairs(&headers);
        let outcome = Outcome::Status(status);
        let delay = self.next_delay(outcome, &headers);
        let mut e = response::api_error(status, headers, &string(&text).unwrap_or_default(), &self.req.redactor);
        if let ErrorKind::Api(a) = &mut e {
            a.may_have_succeeded = self.is_delete && status == 404 && self.earlier_may_have_succeeded;
        }
        let verdict = self.retry_or_fail(e, None, outcome, delay);
        self.earlier_may_have_succeeded |= status >= 500;
        verdict
    }

    /// An attempt failed without a usable response (`kind`: 0 connection,
    /// 1 timeout, 2 aborted by the caller, 3 body over the cap, 5 a refused
    /// redirect): a retry delay, or the error.
    fn failure(&mut self, kind: u8, cause: JsValue, status: u16) -> Result<JsValue, JsValue> {
        let (e, cause, outcome) = match kind {
            ABORTED => return Err(self.fail(&ErrorKind::UserAbort, None)),
            TOO_LARGE => return Err(self.fail(&response::too_large(status, self.max_body), None)),
            REDIRECTED => return Err(self.fail(&response::redirected(), None)),
            TIMEOUT => {
                (ErrorKind::Timeout { timeout_ms: self.timeout_ms, may_have_succeeded: true }, None, Outcome::Timeout)
            }
            _ => {
                let (detail, cause, may_have_succeeded) = connection_failure(&cause, &self.req.redactor);
                (ErrorKind::Connection { detail, may_have_succeeded }, cause, Outcome::Connection)
            }
        };
        let may = e.may_have_succeeded();
        let delay = self.next_delay(outcome, &[]);
        let verdict = self.retry_or_fail(e, cause, outcome, delay);
        self.earlier_may_have_succeeded |= may;
        verdict
    }
}

fn header_pairs(headers: &JsValue) -> Vec<(String, String)> {
    // Read in place: a `Vec` of the strings, consumed pair by pair, linked
    // its `IntoIter` drop (0.06 KB gzip).
    let flat = header_list(headers);
    let n = flat.length();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < n {
        if let (Some(k), Some(v)) = (string(&flat.get(i)), string(&flat.get(i + 1))) {
            out.push((k, v));
        }
        i += 2;
    }
    out
}

/// Removes a `secret` field if a server sent one. Only when present: a
/// `delete` would turn every result into a slow dictionary-mode object.
fn drop_secret(v: &JsValue) {
    delete(v, "secret");
}

/// Codes that prove the request never left: nothing can have happened.
const NOT_SENT_CODES: &[&str] =
    &["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "ERR_INVALID_URL"];

/// `v[k]` when it is a string. Out of line: the six reads below share it.
#[inline(never)]
fn text(v: &JsValue, k: &str) -> Option<String> {
    string(&get(v, k))
}

/// Describes a rejected fetch; keeps it as `cause` only when nothing in it is secret.
fn connection_failure(e: &JsValue, redactor: &Redactor) -> (String, Option<JsValue>, bool) {
    let message = text(e, "message").unwrap_or_else(|| "fetch failed".into());
    let inner = get(e, "cause");
    let code = text(&inner, "code").or_else(|| text(e, "code"));
    let mut detail = redactor.redact(&message);
    if let Some(c) = &code {
        detail.push_str(" (");
        detail.push_str(&redactor.redact(c));
        detail.push(')');
    }
    let inner_message = text(&inner, "message").unwrap_or_default();
    if !inner_message.is_empty() && code.is_none() {
        detail.push_str(": ");
        detail.push_str(&redactor.redact(&inner_message));
    }
    let texts =
        [message, inner_message, text(e, "stack").unwrap_or_default(), text(&inner, "stack").unwrap_or_default()];
    let clean = texts.iter().all(|t| redactor.redact(t) == *t);
    let may_have_succeeded = !code.as_deref().is_some_and(|c| NOT_SENT_CODES.contains(&c));
    (detail, clean.then(|| e.clone()), may_have_succeeded)
}
