//! A ModelSpec: what each `customModels` entry holds (the proxy's
//! schema/models.ts).

/// A ModelSpec (a `customModels` entry): required enums, then optional
/// fields by kind.
pub const MODEL_FORMATS: &[&str] = &["openai", "anthropic", "google", "window", "js", "converse"];
pub const MODEL_FLAVORS: &[&str] = &["chat", "completion", "embedding"];
pub const MODEL_BOOLEANS: &[&str] = &[
    "multimodal",
    "o1_like",
    "reasoning",
    "reasoning_budget",
    "experimental",
    "deprecated",
    "supports_streaming",
    "streaming_only",
];
pub const MODEL_NUMBERS: &[&str] = &[
    "input_cost_per_token",
    "output_cost_per_token",
    "input_cost_per_mil_tokens",
    "output_cost_per_mil_tokens",
    "input_cache_read_cost_per_mil_tokens",
    "input_cache_write_cost_per_mil_tokens",
    "input_cache_write_5m_cost_per_mil_tokens",
    "input_cache_write_1h_cost_per_mil_tokens",
    "max_input_tokens",
    "max_output_tokens",
];
pub const MODEL_STRINGS: &[&str] = &["displayName", "deprecation_date", "parent", "description"];
pub const MODEL_STRING_LISTS: &[&str] = &["fallback_models", "locations", "supported_regions"];
/// Lists of provider types.
pub const MODEL_TYPE_LISTS: &[&str] = &["endpoint_types", "available_providers"];
