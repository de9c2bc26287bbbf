//! `WasmClient`, the JS `BraintrustClient`'s wasm half: it validates options
//! and, per call, arguments (before anything is sent), and runs the call.

use crate::call::Call;
use crate::convert::{is_absent, read, to_js, Refused};
use crate::platform::{get, method};
use bt_core::attempt::Attempts;
use bt_core::error::Error;
use bt_core::log::{Event, Level};
use bt_core::redact::Redactor;
use bt_core::request::{build, HttpRequest};
use bt_core::secret::SecretString;
use bt_core::validate::{client_options, request_options, CheckMode, ClientConfig, Env, Operation};
use js_sys::{Function, Object, Promise};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

pub struct Inner {
    pub config: ClientConfig,
    /// js/errors.js's classes by name.
    pub classes: Object,
    pub fetch: Option<Function>,
    logger: Option<JsValue>,
}

impl Inner {
    /// Whether events of `level` reach a logger.
    pub fn logs(&self, level: Level) -> bool {
        self.logger.is_some() && level >= self.config.log_level
    }

    /// Tells the optional logger about `event`; a throwing logger is ignored.
    pub fn log(&self, req: &HttpRequest, event: Event) {
        let level = event.level();
        let Some(logger) = self.logger.as_ref().filter(|_| self.logs(level)) else { return };
        let Some(f) = method(logger, level.method()) else { return };
        let method = req.method.as_str();
        let fields = to_js(&event.fields(method, &req.path)).unwrap_or(JsValue::UNDEFINED);
        let _ = f.call2(logger, &JsValue::from_str(&event.line(method, &req.path)), &fields);
    }
}

fn env(v: &JsValue) -> Env {
    let var = |name: &str| get(v, name).as_string().filter(|s| !s.is_empty());
    Env {
        api_key: var("BRAINTRUST_API_KEY").map(SecretString::new),
        base_url: var("BRAINTRUST_BASE_URL"),
        api_url: var("BRAINTRUST_API_URL"),
    }
}

fn fetch_option(v: JsValue) -> Result<Option<Function>, Error> {
    if is_absent(&v) {
        return Ok(None);
    }
    v.dyn_into::<Function>().map(Some).map_err(|_| Error::validation("fetch", "must be a function."))
}

fn logger_option(v: JsValue) -> Result<Option<JsValue>, Error> {
    if is_absent(&v) {
        return Ok(None);
    }
    // An object (console, a class instance) with the four methods; functions
    // and primitives are not loggers.
    let ok = v.is_object() && ["debug", "info", "warn", "error"].iter().all(|m| method(&v, m).is_some());
    if !ok {
        return Err(Error::validation(
            "logger",
            "must be an object with debug, info, warn and error functions (console works).",
        ));
    }
    Ok(Some(v))
}

fn signal_option(v: JsValue) -> Result<Option<JsValue>, Error> {
    if is_absent(&v) {
        return Ok(None);
    }
    if method(&v, "addEventListener").is_none() || get(&v, "aborted").as_bool().is_none() {
        return Err(Error::validation("signal", "must be an AbortSignal."));
    }
    Ok(Some(v))
}

#[wasm_bindgen]
pub struct WasmClient {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl WasmClient {
    /// Validates options; throws the `ValidationError`. `env` holds Node's
    /// environment defaults (browsers pass none); `classes` is js/errors.js's
    /// table of error classes by name.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue, env_vars: JsValue, classes: Object) -> Result<WasmClient, JsValue> {
        let env = env(&env_vars);
        let make = || -> Result<Inner, Refused> {
            let input = read(&options, "options", &["fetch", "logger", "httpAgent"])?;
            let config = client_options(&input.json, &env)?;
            let fetch = fetch_option(input.taken("fetch"))?;
            if fetch.is_none() {
                config.refuse_fetch_bad_port()?;
            }
            let logger = logger_option(input.taken("logger"))?;
            Ok(Inner { config, classes: classes.clone(), fetch, logger })
        };
        make().map(|inner| WasmClient { inner: Rc::new(inner) }).map_err(|r| {
            // Options unread: only the environment's key is known.
            let mut redactor = Redactor::new();
            if let Some(key) = &env.api_key {
                redactor.add(key.expose());
            }
            r.to_js(&classes, &redactor)
        })
    }

    /// The base URL calls go to, as the official `client.baseURL`.
    #[wasm_bindgen(getter = baseURL)]
    pub fn base_url(&self) -> String {
        self.inner.config.base_url.clone()
    }

    /// Retries after the first attempt, as the official `client.maxRetries`.
    #[wasm_bindgen(getter = maxRetries)]
    pub fn max_retries(&self) -> u32 {
        self.inner.config.max_retries
    }

    /// The per-attempt timeout in milliseconds, as the official `client.timeout`.
    #[wasm_bindgen(getter)]
    pub fn timeout(&self) -> f64 {
        self.inner.config.timeout_ms as f64
    }

    /// The API key, as the official `client.apiKey`: a copy only when asked
    /// (the JS getter is on the prototype, so neither `JSON.stringify` nor
    /// `util.inspect` of a client reads it).
    #[wasm_bindgen(getter = apiKey)]
    pub fn api_key(&self) -> Option<String> {
        self.inner.config.api_key.as_ref().map(|k| k.expose().to_string())
    }

    /// Validates one call and its options, then runs it. A rejected promise
    /// with the `ValidationError` when the input is wrong: nothing is sent.
    fn run(&self, op: impl FnOnce() -> Result<Operation, Refused>, options: &JsValue, keep_response: bool) -> Promise {
        let prepare = || -> Result<Call, Refused> {
            let op = op()?;
            // JS values JSON cannot carry; only `signal` is used.
            let input = read(options, "options", &["signal", "httpAgent", "__streamClass"])?;
            let ro = request_options(&input.json)?;
            let signal = signal_option(input.taken("signal"))?;
            let c = &self.inner.config;
            let mode = ro.validate_metadata.unwrap_or(c.validate_metadata);
            let checks = cfg!(feature = "providers") && mode != CheckMode::Off;
            let report = if checks { op.provider_report() } else { None };
            if let Some(refusal) = report.as_ref().and_then(|r| op.provider_refusal(r, mode)) {
                return Err(refusal.into());
            }
            let attempts = Attempts::new(
                ro.max_retries.unwrap_or(c.max_retries),
                ro.timeout_ms.unwrap_or(c.timeout_ms),
                ro.max_response_bytes.unwrap_or(c.max_response_bytes),
                op.is_delete(),
            );
            let req = build(c, op, &ro);
            // What is sent anyway: warnings, and under "warn" the errors too.
            for p in report.iter().flat_map(|r| r.errors.iter().chain(&r.warnings)) {
                self.inner.log(&req, Event::Checked { field: &p.field, message: &p.message });
            }
            Ok(Call { inner: self.inner.clone(), req, attempts, signal, keep_response })
        };
        match prepare() {
            Ok(call) => wasm_bindgen_futures::future_to_promise(call.run()),
            Err(r) => Promise::reject(&r.to_js(&self.inner.classes, &self.inner.config.redactor())),
        }
    }

    /// POST /v1/ai_secret.
    pub fn create(&self, params: JsValue, options: JsValue, keep_response: bool) -> Promise {
        self.run(|| Ok(Operation::create(&read(&params, "params", &[])?.json)?), &options, keep_response)
    }

    /// PUT /v1/ai_secret.
    pub fn replace(&self, params: JsValue, options: JsValue, keep_response: bool) -> Promise {
        self.run(|| Ok(Operation::replace(&read(&params, "params", &[])?.json)?), &options, keep_response)
    }

    /// GET /v1/ai_secret/{id}.
    pub fn retrieve(&self, id: JsValue, options: JsValue, keep_response: bool) -> Promise {
        self.run(|| Ok(Operation::retrieve(&read(&id, "id", &[])?.json)?), &options, keep_response)
    }

    /// PATCH /v1/ai_secret/{id}.
    pub fn update(&self, id: JsValue, patch: JsValue, options: JsValue, keep_response: bool) -> Promise {
        self.run(
            || Ok(Operation::update(&read(&id, "id", &[])?.json, &read(&patch, "patch", &[])?.json)?),
            &options,
            keep_response,
        )
    }

    /// DELETE /v1/ai_secret/{id}.
    pub fn delete(&self, id: JsValue, options: JsValue, keep_response: bool) -> Promise {
        self.run(|| Ok(Operation::delete(&read(&id, "id", &[])?.json)?), &options, keep_response)
    }

    /// DELETE /v1/ai_secret with a body.
    #[wasm_bindgen(js_name = deleteByName)]
    pub fn delete_by_name(&self, params: JsValue, options: JsValue, keep_response: bool) -> Promise {
        self.run(|| Ok(Operation::delete_by_name(&read(&params, "params", &[])?.json)?), &options, keep_response)
    }

    /// GET /v1/ai_secret: one page.
    pub fn list(&self, query: JsValue, options: JsValue, keep_response: bool) -> Promise {
        self.run(|| Ok(Operation::list(&read(&query, "query", &[])?.json)?), &options, keep_response)
    }

    /// A list query read once and validated, as JSON text (or the
    /// `ValidationError`): `iterAiSecrets` adds `starting_after` to a copy of
    /// it for each page, and never reads the caller's object again. A
    /// promise, as the calls are.
    #[wasm_bindgen(js_name = listQuery)]
    pub fn list_query(&self, query: JsValue) -> Promise {
        let checked = read(&query, "query", &[]).and_then(|input| {
            Operation::list(&input.json)?;
            Ok(JsValue::from_str(&input.json))
        });
        match checked {
            Ok(json) => Promise::resolve(&json),
            Err(r) => Promise::reject(&r.to_js(&self.inner.classes, &self.inner.config.redactor())),
        }
    }
}
