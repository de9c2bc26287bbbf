//! The `WasmClient` behind the JS `BraintrustClient`: it validates options
//! and, per call, arguments, and hands out a `WasmCall` that the JS
//! transport (js/transport.js) drives. Everything here is synchronous.

use super::bindings::{is_function, log, member_bool, member_is_function, set_f64, set_str, text, Function, Object};
use super::call::WasmCall;
use super::errors::to_js;
use super::handle;
use super::view::Js;
use crate::core::error::Error;
use crate::core::json::{JsonView, Kind};
use crate::core::log::{Event, Level};
use crate::core::model::{CREATE_AI_SECRET, DELETE_AI_SECRET, PATCH_AI_SECRET};
use crate::core::request::{HttpRequest, Operation};
use crate::core::secret::SecretString;
use crate::core::validate::{self, ClientConfig, Env};
use crate::prelude::*;
use alloc::rc::Rc;
use wasm_bindgen::prelude::*;

pub(super) struct Inner {
    pub(super) config: ClientConfig,
    /// surface.js's `(className, message, props) => Error` (see `to_js`).
    pub(super) make_error: Function,
    pub(super) fetch: Option<Function>,
    logger: Option<Object>,
}

impl Inner {
    /// Whether events of `level` reach a logger (so that a call without one
    /// skips the work, such as reading the clock, that only feeds it).
    pub(super) fn logs(&self, level: Level) -> bool {
        self.logger_for(level).is_some()
    }

    /// The logger, if events of `level` go to it.
    fn logger_for(&self, level: Level) -> Option<&Object> {
        self.logger.as_ref().filter(|_| level >= self.config.log_level)
    }

    /// Tells the optional logger about `event`; a throwing logger is ignored.
    pub(super) fn log(&self, req: &HttpRequest, event: Event, status: Option<u16>) {
        let level = event.level();
        let Some(logger) = self.logger_for(level) else { return };
        let fields = Object::new();
        let number = |k: &str, n: f64| set_f64(&fields, k, n);
        set_str(&fields, "method", req.method.as_str());
        set_str(&fields, "path", &req.path);
        if let Some(s) = status {
            number("status", s as f64);
        }
        match event {
            Event::Sending { attempt } | Event::Succeeded { attempt, .. } | Event::Retrying { attempt, .. } => {
                number("attempt", attempt as f64)
            }
            Event::Failed { attempts, .. } => number("attempts", attempts as f64),
        }
        if let Event::Retrying { delay_ms, .. } = event {
            number("delayMs", delay_ms as f64);
        }
        if let Event::Succeeded { elapsed_ms, .. } = event {
            number("elapsedMs", elapsed_ms as f64);
        }
        log(logger, level.method(), &event.line(req.method.as_str(), &req.path), &fields);
    }
}

pub struct WasmClient {
    inner: Rc<Inner>,
}

fn env_var(env: &Js, name: &str) -> Option<String> {
    text(&env.get(name).0).filter(|s| !s.is_empty())
}

fn read_env(env: &Js) -> Env {
    Env {
        api_key: env_var(env, "BRAINTRUST_API_KEY").map(SecretString::new),
        base_url: env_var(env, "BRAINTRUST_BASE_URL"),
        api_url: env_var(env, "BRAINTRUST_API_URL"),
    }
}

fn optional_function(v: &Js, field: &str) -> Result<Option<Function>, Error> {
    if matches!(v.kind(), Kind::Undefined | Kind::Null) {
        Ok(None)
    } else if is_function(&v.0) {
        Ok(Some(v.0.clone().unchecked_into()))
    } else {
        Err(Error::validation(field, "must be a function."))
    }
}

fn logger(v: &Js) -> Result<Option<Object>, Error> {
    // Any object (`typeof` "object": console, a class instance) with the four
    // methods; functions and primitives are not loggers.
    let ok = match v.kind() {
        Kind::Undefined | Kind::Null => return Ok(None),
        Kind::Array | Kind::Object => true,
        Kind::Other => !is_function(&v.0),
        _ => false,
    } && ["debug", "info", "warn", "error"].iter().all(|m| member_is_function(&v.0, m));
    if !ok {
        return Err(Error::validation(
            "logger",
            "must be an object with debug, info, warn and error functions (console works).",
        ));
    }
    Ok(Some(v.0.clone().unchecked_into()))
}

fn signal(options: &Js) -> Result<Option<JsValue>, Error> {
    let s = options.get("signal");
    if matches!(s.kind(), Kind::Undefined | Kind::Null) {
        return Ok(None);
    }
    if !member_is_function(&s.0, "addEventListener") || member_bool(&s.0, "aborted").is_none() {
        return Err(Error::validation("signal", "must be an AbortSignal."));
    }
    Ok(Some(s.0))
}

impl WasmClient {
    /// Validates options; `Err` is the `ValidationError`. `make_error` is
    /// surface.js's `(className, message, props) => Error`, over
    /// js/errors.js's classes.
    pub fn new(options: JsValue, env: JsValue, make_error: JsValue) -> Result<WasmClient, JsValue> {
        let make_error: Function = make_error.unchecked_into();
        let opts = Js(options);
        let make = |make_error: Function| -> Result<Inner, Error> {
            let config = validate::client_options(&opts, &read_env(&Js(env)))?;
            let fetch = optional_function(&opts.get("fetch"), "fetch")?;
            let logger = logger(&opts.get("logger"))?;
            Ok(Inner { config, make_error, fetch, logger })
        };
        make(make_error.clone())
            .map(|inner| WasmClient { inner: Rc::new(inner) })
            .map_err(|e| to_js(&make_error, &e, 0, None))
    }

    /// Validates one call (`op`: 0 create, 1 replace, 2 retrieve, 3 update,
    /// 4 delete, 5 delete by name, 6 list) and its options. Returns the
    /// `WasmCall`'s address (src/wasm/handle.rs), or the `ValidationError`
    /// (returned, not thrown: see `WasmCall::settle`), before anything is sent.
    pub fn prepare(&self, op: u8, a: JsValue, b: JsValue, options: JsValue) -> JsValue {
        let options = Js(options);
        let operation = || -> Result<Operation, Error> {
            let (a, b) = (Js(a), Js(b));
            Ok(match op {
                0 => Operation::Create(validate::body(&a, CREATE_AI_SECRET, "params")?),
                1 => Operation::Replace(validate::body(&a, CREATE_AI_SECRET, "params")?),
                2 => Operation::Retrieve(validate::id(&a, "id")?),
                3 => Operation::Update(validate::id(&a, "id")?, validate::body(&b, PATCH_AI_SECRET, "patch")?),
                4 => Operation::Delete(validate::id(&a, "id")?),
                5 => Operation::DeleteByName(validate::body(&a, DELETE_AI_SECRET, "params")?),
                _ => Operation::List(validate::list_query(&a)?),
            })
        };
        let call = || -> Result<JsValue, Error> {
            let op = operation()?;
            let ro = validate::request_options(&options)?;
            let signal = signal(&options)?;
            Ok(handle::into_js(WasmCall::new(self.inner.clone(), op, &ro, signal)))
        };
        call().unwrap_or_else(|e| to_js(&self.inner.make_error, &e, 0, None))
    }
}

// The exports js/surface.js drives a client with: it holds the address
// `clientNew` returns (see src/wasm/handle.rs) in a private field, and
// frees it when the `BraintrustClient` is garbage-collected. Calls in flight
// keep their own `Rc` of the client's state.

/// `WasmClient::new`; returns the client's address, or the error.
#[wasm_bindgen(js_name = clientNew)]
pub fn client_new(options: JsValue, env: JsValue, make_error: JsValue) -> JsValue {
    WasmClient::new(options, env, make_error).map_or_else(|e| e, handle::into_js)
}

/// `WasmClient::prepare` on the client at `client`.
///
/// # Safety
/// `client` is a live client's address (`handle::get`).
#[wasm_bindgen(js_name = clientPrepare)]
pub unsafe fn client_prepare(client: u32, op: u8, a: JsValue, b: JsValue, options: JsValue) -> JsValue {
    // SAFETY: the caller's contract.
    unsafe { handle::get::<WasmClient>(client) }.prepare(op, a, b, options)
}

/// Frees the client at `client`.
///
/// # Safety
/// As for `client_prepare`, with no call of it running (JS frees a client
/// once it is unreachable); `client` is not used again.
#[wasm_bindgen(js_name = clientFree)]
pub unsafe fn client_free(client: u32) {
    // SAFETY: the caller's contract.
    unsafe { handle::free::<WasmClient>(client) }
}
