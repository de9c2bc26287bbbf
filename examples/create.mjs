// Creates an AI secret and prints it. Reads BRAINTRUST_API_KEY and
// BRAINTRUST_BASE_URL (npm run demo points them at the local emulator).
import { createAiSecret, BraintrustError } from "braintrust-ai-secrets";

try {
  const secret = await createAiSecret({
    name: `openai-demo-${Date.now()}`,
    type: "openai",
    secret: "sk-demo-not-a-real-key-0123456789",
    metadata: { team: "ml-platform", env: "demo" },
  });
  console.log("Created AI secret:");
  console.log(JSON.stringify(secret, null, 2));
} catch (e) {
  if (e instanceof BraintrustError) {
    console.error(`${e.name}: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
