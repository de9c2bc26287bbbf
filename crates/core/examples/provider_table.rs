//! Prints the provider table (crates/core/src/providers/table.rs) as JSON:
//! scripts/build.mjs writes it into the package as `providers`, so the JS
//! table is this one, and the wasm needs no code to serialise it.

fn main() {
    match serde_json::to_string(&braintrust_ai_secrets_core::providers::table::TABLE) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("provider_table: {e}");
            std::process::exit(1);
        }
    }
}
