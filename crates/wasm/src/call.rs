//! One call of the resource: the attempt loop that the core's verdicts
//! drive. The key and the secret it holds (in its `HttpRequest`) are zeroed
//! when the call ends.

use crate::client::Inner;
use crate::convert::decoded;
use crate::errors::to_js_error;
use crate::platform::Js;
use crate::transport::{self, AbortWatch, Send};
use bt_core::attempt::{Attempts, Outcome, Verdict};
use bt_core::error::Error;
use bt_core::log::{Event, Level};
use bt_core::request::HttpRequest;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

pub struct Call {
    pub inner: Rc<Inner>,
    pub req: HttpRequest,
    pub attempts: Attempts,
    /// The caller's AbortSignal, if any.
    pub signal: Option<JsValue>,
    /// Resolve to `[result, response]`, for `asResponse()` and
    /// `withResponse()` (js/surface.js).
    pub keep_response: bool,
}

impl Call {
    fn fail(&self, e: &Error, cause: Option<JsValue>) -> JsValue {
        let n = self.attempts.count();
        self.inner.log(&self.req, Event::Failed { class: e.class().name(), attempts: n });
        to_js_error(&self.inner.classes, e, n, cause)
    }

    /// Runs the call to its result or its error.
    pub async fn run(mut self) -> Result<JsValue, JsValue> {
        let abort = self.signal.clone().map(AbortWatch::new);
        loop {
            if abort.as_ref().is_some_and(AbortWatch::aborted) {
                return Err(self.fail(&Error::UserAbort, None));
            }
            let attempt = self.attempts.begin();
            self.inner.log(&self.req, Event::Sending { attempt });
            let started = self.inner.logs(Level::Info).then(js_sys::Date::now);
            let send = Send {
                fetch: self.inner.fetch.as_ref(),
                credentials: self.inner.config.credentials,
                timeout_ms: self.attempts.timeout_ms,
                max_body: self.attempts.max_body,
                abort: abort.as_ref(),
                attempt,
            };
            let (outcome, js) = transport::attempt(&self.req, &send).await;
            let status = match &outcome {
                Outcome::Response { status, .. } => *status,
                _ => 0,
            };
            match self.attempts.settle(outcome, &self.req, &Js) {
                Verdict::Done(d) => {
                    let mut value = decoded(&d).map_err(|e| self.fail(&e, None))?;
                    if self.keep_response {
                        value = js_sys::Array::of2(&value, &js.unwrap_or(JsValue::NULL)).into();
                    }
                    if let Some(t0) = started {
                        let elapsed_ms = (js_sys::Date::now() - t0).max(0.0) as u64;
                        self.inner.log(&self.req, Event::Succeeded { status, attempt, elapsed_ms });
                    }
                    return Ok(value);
                }
                Verdict::Fail { error, keep_cause } => {
                    let cause = js.filter(|_| keep_cause).map(|c| transport::clean_cause(&c, &self.req.redactor));
                    return Err(self.fail(&error, cause));
                }
                Verdict::Retry { delay_ms, outcome, status } => {
                    let of = self.attempts.max_retries + 1;
                    let event = Event::Retrying { outcome: &outcome, status, attempt, of, delay_ms: delay_ms as u64 };
                    self.inner.log(&self.req, event);
                    if !transport::sleep(delay_ms, abort.as_ref()).await {
                        return Err(self.fail(&Error::UserAbort, None));
                    }
                }
            }
        }
    }
}
