// Node's environment defaults, read at each client construction so that a
// changed environment is honoured. Only the Node entry points use this:
// browsers never read the environment.
export const readEnv = () => ({
  BRAINTRUST_API_KEY: process.env.BRAINTRUST_API_KEY,
  BRAINTRUST_BASE_URL: process.env.BRAINTRUST_BASE_URL,
  BRAINTRUST_API_URL: process.env.BRAINTRUST_API_URL,
});
