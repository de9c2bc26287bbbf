//! `JsonView` over `JsValue`, reading members through `Reflect` so input is
//! never copied wholesale into wasm.

#[allow(unused_imports)]
use crate::prelude::*;

use crate::core::json::{JsonView, Kind};
use js_sys::{Array, Object, JSON};
use wasm_bindgen::{JsCast, JsValue};

pub struct Js(pub JsValue);

impl JsonView for Js {
    fn kind(&self) -> Kind {
        // Each test is a call into JS: the common cases (strings, absent,
        // objects) are asked first.
        let v = &self.0;
        if v.is_string() {
            Kind::String
        } else if v.is_undefined() {
            Kind::Undefined
        } else if v.is_null() {
            Kind::Null
        } else if v.is_object() {
            if Array::is_array(v) {
                return Kind::Array;
            }
            let proto = Object::get_prototype_of(v);
            if proto.is_null() || proto == Object::get_prototype_of(&Object::new()) {
                Kind::Object
            } else {
                Kind::Other
            }
        } else if v.as_f64().is_some() {
            Kind::Number
        } else if v.as_bool().is_some() {
            Kind::Bool
        } else {
            Kind::Other
        }
    }

    fn get(&self, key: &str) -> Self {
        Js(super::bindings::get(&self.0, key))
    }

    fn keys(&self) -> Vec<String> {
        match self.0.dyn_ref::<Object>() {
            Some(o) => Object::keys(o).iter().filter_map(|k| k.as_string()).collect(),
            None => Vec::new(),
        }
    }

    fn as_string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn items(&self) -> Vec<Self> {
        match self.0.dyn_ref::<Array>() {
            Some(a) => a.iter().map(Js).collect(),
            None => Vec::new(),
        }
    }

    fn to_json(&self) -> Option<String> {
        JSON::stringify(&self.0).ok().and_then(|s| s.as_string())
    }
}
