//! `JsonView` over `serde_json::Value`, for native tests.

use super::json::{JsonView, Kind};
use serde_json::Value;

#[derive(Clone, Debug)]
pub struct V(pub Option<Value>);

pub fn v(value: Value) -> V {
    V(Some(value))
}

impl JsonView for V {
    fn kind(&self) -> Kind {
        match &self.0 {
            None => Kind::Undefined,
            Some(Value::Null) => Kind::Null,
            Some(Value::Bool(_)) => Kind::Bool,
            Some(Value::Number(_)) => Kind::Number,
            Some(Value::String(_)) => Kind::String,
            Some(Value::Array(_)) => Kind::Array,
            Some(Value::Object(_)) => Kind::Object,
        }
    }
    fn get(&self, key: &str) -> Self {
        V(self.0.as_ref().and_then(|v| v.get(key)).cloned())
    }
    fn keys(&self) -> Vec<String> {
        match &self.0 {
            Some(Value::Object(m)) => m.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }
    fn as_string(&self) -> Option<String> {
        self.0.as_ref()?.as_str().map(str::to_owned)
    }
    fn as_f64(&self) -> Option<f64> {
        self.0.as_ref()?.as_f64()
    }
    fn length(&self) -> u32 {
        match &self.0 {
            Some(Value::Array(a)) => a.len() as u32,
            _ => 0,
        }
    }
    fn item(&self, i: u32) -> Self {
        match &self.0 {
            Some(Value::Array(a)) => V(a.get(i as usize).cloned()),
            _ => V(None),
        }
    }
    fn to_json(&self) -> Option<String> {
        serde_json::to_string(self.0.as_ref()?).ok()
    }
}
