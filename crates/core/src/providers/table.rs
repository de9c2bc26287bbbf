//! What Braintrust's AI proxy expects of each provider type's `metadata` and
//! `secret`, as data: read from the proxy's public source
//! (packages/proxy/schema/secrets.ts and schema/models.ts). The one copy in
//! the project; tests compare it with ../shared/spec/provider-metadata.json,
//! and the JS `providers` export is this table serialised.

use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

/// What a metadata field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Boolean,
    /// An absolute URL.
    Url,
    /// An absolute URL or the empty string.
    UrlOrEmpty,
    StringList,
    StringMap,
    ModelSpecs,
    Enum(&'static [&'static str]),
}

impl Kind {
    /// The facts file's name for the kind.
    pub fn name(self) -> &'static str {
        match self {
            Kind::String => "string",
            Kind::Boolean => "boolean",
            Kind::Url => "url",
            Kind::UrlOrEmpty => "url_or_empty",
            Kind::StringList => "string[]",
            Kind::StringMap => "record<string,string>",
            Kind::ModelSpecs => "record<string,ModelSpec>",
            Kind::Enum(_) => "enum",
        }
    }
}

/// One metadata field.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    /// Must be present (and not null).
    pub required: bool,
    /// May be absent or null.
    pub nullish: bool,
    /// Must not be the empty string.
    pub non_empty: bool,
    /// What the proxy uses when the field is absent.
    pub default: Option<&'static str>,
    /// The proxy drops a value of the wrong kind instead of failing: a
    /// warning, not an error.
    pub lenient: bool,
    pub help: Option<&'static str>,
}

/// As JS sees it: camelCase keys, the kind by its facts-file name, an
/// enum's values beside it.
impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut f = s.serialize_struct("Field", 9)?;
        f.serialize_field("name", self.name)?;
        f.serialize_field("kind", self.kind.name())?;
        f.serialize_field(
            "values",
            &match self.kind {
                Kind::Enum(v) => Some(v),
                _ => None,
            },
        )?;
        f.serialize_field("required", &self.required)?;
        f.serialize_field("nullish", &self.nullish)?;
        f.serialize_field("nonEmpty", &self.non_empty)?;
        f.serialize_field("default", &self.default)?;
        f.serialize_field("lenient", &self.lenient)?;
        f.serialize_field("help", &self.help)?;
        f.end()
    }
}

/// Pairs as a JS object.
fn as_map<S: Serializer>(pairs: &&[(&str, &str)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs.iter() {
        m.serialize_entry(k, v)?;
    }
    m.end()
}

const fn field(name: &'static str, kind: Kind) -> Field {
    Field { name, kind, required: false, nullish: true, non_empty: false, default: None, lenient: false, help: None }
}
const fn required(name: &'static str, kind: Kind) -> Field {
    Field { required: true, nullish: false, ..field(name, kind) }
}
const fn defaulted(name: &'static str, kind: Kind, default: &'static str) -> Field {
    Field { nullish: false, default: Some(default), ..field(name, kind) }
}
const fn help(f: Field, help: &'static str) -> Field {
    Field { help: Some(help), ..f }
}
const fn non_empty(f: Field) -> Field {
    Field { non_empty: true, ..f }
}

/// A secret that must be a JSON object with these non-empty string keys
/// when the auth type is `auth_type`.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretShape {
    pub auth_type: &'static str,
    pub keys: &'static [&'static str],
}

/// Fields that must be present (non-blank) when the auth type is `auth_type`.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthRequires {
    pub auth_type: &'static str,
    pub fields: &'static [&'static str],
}

/// The types that share one metadata schema.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    pub types: &'static [&'static str],
    pub fields: &'static [Field],
    /// The metadata field that names the auth type (`authType` for vertex).
    pub auth_field: Option<&'static str>,
    pub secret_shapes: &'static [SecretShape],
    pub auth_requires: &'static [AuthRequires],
    /// Names users write instead of the right one, and what is meant.
    #[serde(serialize_with = "as_map")]
    pub wrong_names: &'static [(&'static str, &'static str)],
}

/// Fields every type accepts.
pub const BASE_FIELDS: &[Field] = &[
    help(field("models", Kind::StringList), "the models this key serves"),
    help(field("customModels", Kind::ModelSpecs), "models the proxy does not know, by name"),
    field("excludeDefaultModels", Kind::Boolean),
    help(field("additionalHeaders", Kind::StringMap), "headers sent with every request to the provider"),
    defaulted("supportsStreaming", Kind::Boolean, "true"),
    field("overrideModel", Kind::String),
    field("overrideSystemPrompt", Kind::String),
];

const AUTH_KEY: &[&str] = &["api_key", "oauth_bearer", "workload_identity_federation"];
const API_BASE: Field = help(field("api_base", Kind::UrlOrEmpty), "the provider's base URL; empty for the default");
const AUTH_SOURCE: Field = field("auth_source", Kind::String);

pub const PROVIDERS: &[Provider] = &[
    Provider {
        types: &[
            "perplexity",
            "google",
            "replicate",
            "together",
            "baseten",
            "groq",
            "lepton",
            "fireworks",
            "cerebras",
            "xAI",
            "openrouter",
            "js",
        ],
        fields: &[],
        auth_field: None,
        secret_shapes: &[],
        auth_requires: &[],
        wrong_names: &[],
    },
    Provider {
        types: &["braintrust", "mistral", "cohere"],
        fields: &[API_BASE],
        auth_field: None,
        secret_shapes: &[],
        auth_requires: &[],
        wrong_names: &[],
    },
    Provider {
        types: &["ollama"],
        fields: &[Field { lenient: true, ..API_BASE }],
        auth_field: None,
        secret_shapes: &[],
        auth_requires: &[],
        wrong_names: &[],
    },
    Provider {
        types: &["anthropic"],
        fields: &[defaulted("auth_type", Kind::Enum(AUTH_KEY), "api_key"), AUTH_SOURCE],
        auth_field: Some("auth_type"),
        secret_shapes: &[],
        auth_requires: &[],
        wrong_names: &[],
    },
    Provider {
        types: &["openai"],
        fields: &[
            API_BASE,
            defaulted("auth_type", Kind::Enum(AUTH_KEY), "api_key"),
            AUTH_SOURCE,
            field("organization_id", Kind::String),
            help(field("endpoint_path", Kind::String), "empty: api_base is the full URL"),
            field("auth_format", Kind::Enum(&["bearer", "api_key"])),
        ],
        auth_field: Some("auth_type"),
        secret_shapes: &[],
        auth_requires: &[],
        wrong_names: &[],
    },
    Provider {
        types: &["azure"],
        fields: &[
            help(required("api_base", Kind::Url), "the resource's endpoint, https://<name>.openai.azure.com"),
            defaulted("api_version", Kind::String, "2023-07-01-preview"),
            field("deployment", Kind::String),
            defaulted("auth_type", Kind::Enum(&["api_key", "entra_api", "entra_oidc", "entra_bearer"]), "api_key"),
            AUTH_SOURCE,
            defaulted("no_named_deployment", Kind::Boolean, "false"),
        ],
        auth_field: Some("auth_type"),
        secret_shapes: &[
            SecretShape { auth_type: "entra_api", keys: &["client_id", "client_secret", "tenant_id", "scope"] },
            SecretShape { auth_type: "entra_oidc", keys: &["client_id", "connection_id", "scope", "tenant_id"] },
        ],
        auth_requires: &[],
        wrong_names: &[],
    },
    Provider {
        types: &["azure_ai_gateway"],
        fields: &[
            required("api_base", Kind::Url),
            defaulted("auth_type", Kind::Enum(&["api_key"]), "api_key"),
            AUTH_SOURCE,
        ],
        auth_field: Some("auth_type"),
        secret_shapes: &[],
        auth_requires: &[],
        wrong_names: &[],
    },
    Provider {
        types: &["bedrock"],
        fields: &[
            help(non_empty(required("region", Kind::String)), "the AWS region, such as us-east-1"),
            defaulted("auth_type", Kind::Enum(&["iam_credentials", "api_key", "assume_role"]), "iam_credentials"),
            help(field("access_key", Kind::String), "the AWS access key id; the secret access key goes in secret"),
            field("session_token", Kind::String),
            field("external_id", Kind::String),
            field("role_arn", Kind::String),
            API_BASE,
        ],
        auth_field: Some("auth_type"),
        secret_shapes: &[],
        auth_requires: &[
            AuthRequires { auth_type: "iam_credentials", fields: &["access_key"] },
            AuthRequires { auth_type: "assume_role", fields: &["external_id", "role_arn"] },
        ],
        wrong_names: &[
            ("aws_access_key_id", "access_key (the secret access key goes in secret)"),
            ("aws_secret_access_key", "secret: the secret access key is the secret value, not metadata"),
            ("aws_session_token", "session_token"),
        ],
    },
    Provider {
        types: &["vertex"],
        fields: &[
            help(non_empty(required("project", Kind::String)), "the Google Cloud project id"),
            help(field("location", Kind::String), "empty means unset"),
            help(
                required(
                    "authType",
                    Kind::Enum(&[
                        "access_token",
                        "oauth_bearer",
                        "service_account_key",
                        "workload_identity_federation",
                    ]),
                ),
                "camelCase, unlike other providers' auth_type",
            ),
            API_BASE,
            field("connection_id", Kind::String),
            field("scopes", Kind::StringList),
            field("workload_identity_provider", Kind::String),
        ],
        auth_field: Some("authType"),
        secret_shapes: &[],
        auth_requires: &[],
        wrong_names: &[],
    },
    Provider {
        types: &["databricks"],
        fields: &[
            required("api_base", Kind::Url),
            defaulted("auth_type", Kind::Enum(&["pat", "service_principal_oauth"]), "pat"),
        ],
        auth_field: Some("auth_type"),
        secret_shapes: &[SecretShape { auth_type: "service_principal_oauth", keys: &["client_id", "client_secret"] }],
        auth_requires: &[],
        wrong_names: &[],
    },
];

/// The whole table, as the JS `providers` export.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    pub types: &'static [&'static str],
    pub base_fields: &'static [Field],
    pub schemas: &'static [Provider],
    #[serde(serialize_with = "as_map")]
    pub canonical_names: &'static [(&'static str, &'static str)],
}

pub const TABLE: Table =
    Table { types: TYPES, base_fields: BASE_FIELDS, schemas: PROVIDERS, canonical_names: CANONICAL_NAMES };

/// The usual secret name of each type (`OPENAI_API_KEY` → `openai`).
pub const CANONICAL_NAMES: &[(&str, &str)] = &[
    ("OPENAI_API_KEY", "openai"),
    ("ANTHROPIC_API_KEY", "anthropic"),
    ("GEMINI_API_KEY", "google"),
    ("MISTRAL_API_KEY", "mistral"),
    ("TOGETHER_API_KEY", "together"),
    ("FIREWORKS_API_KEY", "fireworks"),
    ("PERPLEXITY_API_KEY", "perplexity"),
    ("XAI_API_KEY", "xAI"),
    ("GROQ_API_KEY", "groq"),
    ("LEPTON_API_KEY", "lepton"),
    ("CEREBRAS_API_KEY", "cerebras"),
    ("REPLICATE_API_KEY", "replicate"),
    ("BASETEN_API_KEY", "baseten"),
    ("COHERE_API_KEY", "cohere"),
    ("OPENROUTER_API_KEY", "openrouter"),
    ("AWS_DEFAULT_CREDENTIALS", "bedrock"),
    ("GOOGLE_DEFAULT_CREDENTIALS", "vertex"),
    ("AZURE_DEFAULT_CREDENTIALS", "azure"),
    ("AZURE_AI_GATEWAY_API_KEY", "azure_ai_gateway"),
    ("DATABRICKS_DEFAULT_CREDENTIALS", "databricks"),
    ("OLLAMA_DEFAULT_CREDENTIALS", "ollama"),
];

/// Every provider type, in the proxy's order.
pub const TYPES: &[&str] = &[
    "openai",
    "braintrust",
    "anthropic",
    "google",
    "mistral",
    "bedrock",
    "vertex",
    "together",
    "fireworks",
    "baseten",
    "perplexity",
    "xAI",
    "groq",
    "azure",
    "azure_ai_gateway",
    "databricks",
    "lepton",
    "cerebras",
    "ollama",
    "replicate",
    "cohere",
    "openrouter",
    "js",
];

/// The schema of `kind`, if it is a provider type (exact casing).
pub fn provider(kind: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().find(|p| p.types.contains(&kind))
}

/// The usual secret name for `kind`.
pub fn canonical_name(kind: &str) -> Option<&'static str> {
    CANONICAL_NAMES.iter().find(|(_, t)| *t == kind).map(|(n, _)| *n)
}
