// The official client's README examples (braintrustdata/braintrust-api-js,
// README.md), checked by `tsc --noEmit --strict`. Two changes only, as a
// user migrating makes them: the package name in the import, and the
// resource (the README shows `projects`; this package has `aiSecrets`, so
// `Project` is `AISecret`). Not here: `client.post(...)` for undocumented
// endpoints and `@braintrust/api/shims/*` (README, "Differences").
import Braintrust from "braintrust-ai-secrets";
import http from "http";

// Usage
{
  const client = new Braintrust({
    apiKey: process.env["BRAINTRUST_API_KEY"], // This is the default and can be omitted
  });

  async function main() {
    const aiSecret = await client.aiSecrets.create({ name: "foobar" });

    console.log(aiSecret.id);
  }

  main();
}

// Request & Response types
{
  const client = new Braintrust({
    apiKey: process.env["BRAINTRUST_API_KEY"], // This is the default and can be omitted
  });

  async function main() {
    const params: Braintrust.AISecretCreateParams = { name: "foobar" };
    const aiSecret: Braintrust.AISecret = await client.aiSecrets.create(params);
  }

  main();
}

const client = new Braintrust();

// Handling errors
{
  async function main() {
    const aiSecret = await client.aiSecrets.create({ name: "foobar" }).catch(async (err) => {
      if (err instanceof Braintrust.APIError) {
        console.log(err.status); // 400
        console.log(err.name); // BadRequestError
        console.log(err.headers); // {server: 'nginx', ...}
      } else {
        throw err;
      }
    });
  }

  main();
}

// Retries
async function retries() {
  // Configure the default for all requests:
  const client = new Braintrust({
    maxRetries: 0, // default is 2
  });

  // Or, configure per-request:
  await client.aiSecrets.create({ name: "foobar" }, {
    maxRetries: 5,
  });
}

// Timeouts
async function timeouts() {
  // Configure the default for all requests:
  const client = new Braintrust({
    timeout: 20 * 1000, // 20 seconds (default is 1 minute)
  });

  // Override per-request:
  await client.aiSecrets.create({ name: "foobar" }, {
    timeout: 5 * 1000,
  });
}

// Auto-pagination
async function fetchAllAiSecrets(params: unknown) {
  const allAiSecrets = [];
  // Automatically fetches more pages as needed.
  for await (const aiSecret of client.aiSecrets.list()) {
    allAiSecrets.push(aiSecret);
  }
  return allAiSecrets;
}

async function onePageAtATime() {
  let page = await client.aiSecrets.list();
  for (const aiSecret of page.objects) {
    console.log(aiSecret);
  }

  // Convenience methods are provided for manually paginating:
  while (page.hasNextPage()) {
    page = await page.getNextPage();
    // ...
  }
}

// Accessing raw Response data (e.g., headers)
async function raw() {
  const client = new Braintrust();

  const response = await client.aiSecrets.create({ name: "foobar" }).asResponse();
  console.log(response.headers.get("X-My-Header"));
  console.log(response.statusText); // access the underlying Response object

  const { data: aiSecret, response: raw } = await client.aiSecrets.create({ name: "foobar" }).withResponse();
  console.log(raw.headers.get("X-My-Header"));
  console.log(aiSecret.id);
}

// Logging and middleware (the README imports undici's fetch; the global one is the same function)
{
  const client = new Braintrust({
    fetch: async (url: RequestInfo, init?: RequestInit): Promise<Response> => {
      console.log("About to make a request", url, init);
      const response = await fetch(url, init);
      console.log("Got response", response);
      return response;
    },
  });
}

// Configuring an HTTP(S) Agent (accepted; fetch has no agents)
async function agents() {
  // Configure the default for all requests (the README's is an HttpsProxyAgent):
  const client = new Braintrust({
    httpAgent: new http.Agent({ keepAlive: true }),
  });

  // Override per-request:
  await client.aiSecrets.create(
    { name: "foobar" },
    {
      httpAgent: new http.Agent({ keepAlive: false }),
    },
  );
}

export { retries, timeouts, fetchAllAiSecrets, onePageAtATime, raw, agents };
