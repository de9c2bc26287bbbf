//! The `WasmClient` class behind the JS `BraintrustClient`: it converts
//! arguments, runs the attempt loop that the core's retry policy drives, and
//! converts results and errors back.

use super::bindings::{json_parse, AbortSignal};
use super::errors::to_js;
use super::fetch::{self, Failure, Received, Transport};
use super::view::Js;
use crate::core::error::Error;
use crate::core::json::JsonView;
use crate::core::log::Event;
use crate::core::model::{CREATE_AI_SECRET, DELETE_AI_SECRET, PATCH_AI_SECRET};
use crate::core::request::{self, Expect, HttpRequest, Operation};
use crate::core::response;
use crate::core::retry::{self, Outcome};
use crate::core::secret::SecretString;
use crate::core::validate::{self, ClientConfig, Env, RequestOptions};
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

struct Inner {
    config: ClientConfig,
    fetch: Option<Function>,
    logger: Option<Object>,
}

impl Inner {
    /// Tells the optional logger about `event`; a throwing logger is ignored.
    fn log(&self, req: &HttpRequest, event: Event, status: Option<u16>) {
        let Some(logger) = &self.logger else { return };
        let level = event.level();
        if level < self.config.log_level {
            return;
        }
        let f: Function =
            match Reflect::get(logger, &JsValue::from_str(level.method())).ok().and_then(|f| f.dyn_into().ok()) {
                Some(f) => f,
                None => return,
            };
        let fields = Object::new();
        let put = |k: &str, v: JsValue| {
            let _ = Reflect::set(&fields, &JsValue::from_str(k), &v);
        };
        put("method", JsValue::from_str(req.method.as_str()));
        put("path", JsValue::from_str(&req.path));
        if let Some(s) = status {
            put("status", JsValue::from(s));
        }
        match event {
            Event::Sending { attempt } | Event::Succeeded { attempt, .. } | Event::Retrying { attempt, .. } => {
                put("attempt", JsValue::from(attempt))
            }
            Event::Failed { attempts, .. } => put("attempts", JsValue::from(attempts)),
        }
        if let Event::Retrying { delay_ms, .. } = event {
            put("delayMs", JsValue::from(delay_ms as f64));
        }
        if let Event::Succeeded { elapsed_ms, .. } = event {
            put("elapsedMs", JsValue::from(elapsed_ms as f64));
        }
        let line = event.line(req.method.as_str(), &req.path);
        let _ = f.call2(logger, &JsValue::from_str(&line), &fields);
    }
}

#[wasm_bindgen]
pub struct WasmClient {
    inner: Rc<Inner>,
}

fn env_var(env: &Js, name: &str) -> Option<String> {
    env.get(name).as_string().filter(|s| !s.is_empty())
}

fn read_env(env: &Js) -> Env {
    Env {
        api_key: env_var(env, "BRAINTRUST_API_KEY").map(SecretString::new),
        base_url: env_var(env, "BRAINTRUST_BASE_URL"),
        api_url: env_var(env, "BRAINTRUST_API_URL"),
    }
}

fn optional_function(v: &Js, field: &str) -> Result<Option<Function>, Error> {
    if v.0.is_undefined() || v.0.is_null() {
        Ok(None)
    } else if v.0.is_function() {
        Ok(Some(v.0.clone().unchecked_into()))
    } else {
        Err(Error::validation(field, "must be a function."))
    }
}

fn logger(v: &Js) -> Result<Option<Object>, Error> {
    if v.0.is_undefined() || v.0.is_null() {
        return Ok(None);
    }
    let ok = v.0.is_object() && ["debug", "info", "warn", "error"].iter().all(|m| v.get(m).0.is_function());
    if !ok {
        return Err(Error::validation(
            "logger",
            "must be an object with debug, info, warn and error functions (console works).",
        ));
    }
    Ok(Some(v.0.clone().unchecked_into()))
}

fn signal(options: &Js) -> Result<Option<AbortSignal>, Error> {
    let s = options.get("signal");
    if s.0.is_undefined() || s.0.is_null() {
        return Ok(None);
    }
    let listener = s.get("addEventListener");
    if !listener.0.is_function() || s.get("aborted").0.as_bool().is_none() {
        return Err(Error::validation("signal", "must be an AbortSignal."));
    }
    Ok(Some(s.0.unchecked_into()))
}

#[wasm_bindgen]
impl WasmClient {
    /// Validates options; throws a `ValidationError` synchronously.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue, env: JsValue) -> Result<WasmClient, JsValue> {
        let opts = Js(options);
        let make = || -> Result<Inner, Error> {
            let config = validate::client_options(&opts, &read_env(&Js(env)))?;
            let fetch = optional_function(&opts.get("fetch"), "fetch")?;
            let logger = logger(&opts.get("logger"))?;
            Ok(Inner { config, fetch, logger })
        };
        make().map(|inner| WasmClient { inner: Rc::new(inner) }).map_err(|e| to_js(&e, 0, None))
    }

    pub fn create(&self, params: JsValue, options: JsValue) -> Promise {
        self.call(options, || Ok(Operation::Create(validate::body(&Js(params), CREATE_AI_SECRET, "params")?)))
    }

    pub fn replace(&self, params: JsValue, options: JsValue) -> Promise {
        self.call(options, || Ok(Operation::Replace(validate::body(&Js(params), CREATE_AI_SECRET, "params")?)))
    }

    pub fn retrieve(&self, id: JsValue, options: JsValue) -> Promise {
        self.call(options, || Ok(Operation::Retrieve(validate::id(&Js(id), "id")?)))
    }

    pub fn update(&self, id: JsValue, patch: JsValue, options: JsValue) -> Promise {
        self.call(options, || {
            let id = validate::id(&Js(id), "id")?;
            Ok(Operation::Update(id, validate::body(&Js(patch), PATCH_AI_SECRET, "patch")?))
        })
    }

    pub fn delete(&self, id: JsValue, options: JsValue) -> Promise {
        self.call(options, || Ok(Operation::Delete(validate::id(&Js(id), "id")?)))
    }

    #[wasm_bindgen(js_name = deleteByName)]
    pub fn delete_by_name(&self, params: JsValue, options: JsValue) -> Promise {
        self.call(options, || Ok(Operation::DeleteByName(validate::body(&Js(params), DELETE_AI_SECRET, "params")?)))
    }

    pub fn list(&self, query: JsValue, options: JsValue) -> Promise {
        self.call(options, || Ok(Operation::List(validate::list_query(&Js(query))?)))
    }

    /// Validates everything first (a rejected promise, nothing sent), then runs.
    fn call(&self, options: JsValue, op: impl FnOnce() -> Result<Operation, Error>) -> Promise {
        let options = Js(options);
        let prepared = op().and_then(|op| Ok((op, validate::request_options(&options)?, signal(&options)?)));
        match prepared {
            Err(e) => Promise::reject(&to_js(&e, 0, None)),
            Ok((op, ro, signal)) => future_to_promise(run(self.inner.clone(), op, ro, signal)),
        }
    }
}

fn header_pairs(r: &Received) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(Some(iter)) = js_sys::try_iter(&r.headers) {
        for entry in iter.flatten() {
            let pair: Array = entry.unchecked_into();
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                out.push((k, v));
            }
        }
    }
    out
}

fn header(r: &Received, name: &str) -> Option<String> {
    r.headers.get(name).ok().flatten()
}

/// Removes a `secret` field if a server sent one. Only when present: a
/// `delete` would turn every result into a slow dictionary-mode object.
fn drop_secret(v: &JsValue) {
    let key = JsValue::from_str("secret");
    if Reflect::has(v, &key).unwrap_or(false) {
        let _ = Reflect::delete_property(v.unchecked_ref::<Object>(), &key);
    }
}

/// Parses and checks a 2xx body; drops any `secret` field a server might send.
fn decode(req: &HttpRequest, r: &Received) -> Result<JsValue, Error> {
    let value = json_parse(&r.text)
        .map_err(|_| response::invalid_body(r.status, "response is not JSON", &r.text_string(), &req.redactor))?;
    response::check(&Js(value.clone()), req.expect)
        .map_err(|p| response::invalid_body(r.status, &p, &r.text_string(), &req.redactor))?;
    match req.expect {
        Expect::AiSecret => drop_secret(&value),
        Expect::List => {
            for item in Js(value.clone()).get("objects").items() {
                drop_secret(&item.0);
            }
        }
    }
    Ok(value)
}

async fn run(
    inner: Rc<Inner>,
    op: Operation,
    ro: RequestOptions,
    signal: Option<AbortSignal>,
) -> Result<JsValue, JsValue> {
    let is_delete = matches!(op, Operation::Delete(_) | Operation::DeleteByName(_));
    let req = request::build(&inner.config, op, &ro);
    let max_retries = ro.max_retries.unwrap_or(inner.config.max_retries);
    let timeout_ms = ro.timeout_ms.unwrap_or(inner.config.timeout_ms);
    let max_body = ro.max_response_bytes.unwrap_or(inner.config.max_response_bytes);
    let transport = Transport {
        fetch: inner.fetch.as_ref(),
        credentials: inner.config.credentials,
        timeout_ms,
        signal: signal.as_ref(),
        max_body,
    };
    let fail = |e: &Error, attempts: u32, cause: Option<JsValue>| {
        inner.log(&req, Event::Failed { class: e.class_name(), attempts }, None);
        to_js(e, attempts, cause)
    };
    let aborted = || signal.as_ref().is_some_and(|s| s.aborted());
    let mut attempts = 0u32;
    // Whether an earlier attempt may have done the work (lost response).
    let mut earlier_may_have_succeeded = false;
    loop {
        if aborted() {
            return Err(fail(&Error::UserAbort, attempts, None));
        }
        attempts += 1;
        inner.log(&req, Event::Sending { attempt: attempts }, None);
        let started = js_sys::Date::now();
        let (error, cause, outcome, received) = match fetch::send(&req, &transport).await {
            Ok(r) if response::is_success(r.status) => {
                let decoded = decode(&req, &r).map_err(|e| fail(&e, attempts, None))?;
                let elapsed_ms = (js_sys::Date::now() - started) as u64;
                inner.log(&req, Event::Succeeded { status: r.status, attempt: attempts, elapsed_ms }, Some(r.status));
                return Ok(decoded);
            }
            Ok(r) => {
                let mut e = response::api_error(r.status, &header_pairs(&r), &r.text_string(), &req.redactor);
                if let Error::Api(a) = &mut e {
                    a.may_have_succeeded = is_delete && r.status == 404 && earlier_may_have_succeeded;
                }
                (e, None, Outcome::Status(r.status), Some(r))
            }
            Err(Failure::UserAbort) => return Err(fail(&Error::UserAbort, attempts, None)),
            Err(Failure::TooLarge { status }) => {
                return Err(fail(&response::too_large(status, max_body), attempts, None));
            }
            Err(Failure::Timeout) => {
                (Error::Timeout { timeout_ms, may_have_succeeded: true }, None, Outcome::Timeout, None)
            }
            Err(Failure::Connection { detail, cause, may_have_succeeded }) => {
                (Error::Connection { detail, may_have_succeeded }, cause, Outcome::Connection, None)
            }
        };
        let get = |name: &str| received.as_ref().and_then(|r| header(r, name));
        if attempts > max_retries || !retry::is_retryable(outcome, get("x-should-retry").as_deref()) {
            return Err(fail(&error, attempts, cause));
        }
        earlier_may_have_succeeded |= error.may_have_succeeded() || matches!(outcome, Outcome::Status(s) if s >= 500);
        let delay = retry::delay_ms(
            attempts - 1,
            get("retry-after-ms").as_deref(),
            get("retry-after").as_deref(),
            js_sys::Date::now(),
            js_sys::Math::random(),
        );
        let (status, described) = match outcome {
            Outcome::Status(s) => (Some(s), crate::core::text::uint(s as u64)),
            Outcome::Connection => (None, "connection error".into()),
            Outcome::Timeout => (None, "timed out".into()),
        };
        let event =
            Event::Retrying { outcome: &described, attempt: attempts, of: max_retries + 1, delay_ms: delay as u64 };
        inner.log(&req, event, status);
        fetch::sleep(delay, signal.as_ref()).await;
    }
}
