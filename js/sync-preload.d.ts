// `import "braintrust-ai-secrets/sync"` exports nothing: it loads the sync module with the importing script.
export {};
