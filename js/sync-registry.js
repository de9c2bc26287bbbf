// Where `braintrust-ai-secrets/sync` (js/sync-preload.js) leaves the sync
// module it imported statically, for the browser entry to take instead of
// importing it on first use.
export const preloaded = { module: undefined };
