// The environment's defaults, read at each client construction so that a
// changed environment is honoured. The Node and edge entries use this (an
// edge runtime has `process.env`); browsers never read the environment.
// Values are trimmed, and a blank one counts as unset, as the official
// client reads them (a `BRAINTRUST_BASE_URL=" "` falls back to the default).
const env = (name) => globalThis.process?.env?.[name]?.trim() || undefined;

export const readEnv = () => ({
  BRAINTRUST_API_KEY: env("BRAINTRUST_API_KEY"),
  BRAINTRUST_BASE_URL: env("BRAINTRUST_BASE_URL"),
  BRAINTRUST_API_URL: env("BRAINTRUST_API_URL"),
});
