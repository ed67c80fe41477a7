// Runs the official SDKs' own stream accumulators over the recorded streams in tests/fixtures/sse and writes what each
// builds as the expectation of our accumulator (tests/fixtures/accumulated). Usage: node generate.mjs <repo root>
import fs from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const root = process.argv[2];
const sse = path.join(root, 'tests/fixtures/sse');
const out = path.join(root, 'tests/fixtures/accumulated');
fs.mkdirSync(out, { recursive: true });

// A fetch that answers every request with the recorded body as an event stream.
const answer = (body) => async () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
const versions = {};
for (const name of ['openai', '@anthropic-ai/sdk']) {
  versions[name] = JSON.parse(fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "node_modules", name, "package.json"))).version;
}

const results = [];
for (const file of fs.readdirSync(sse).filter((f) => f.endsWith('.sse')).sort()) {
  const body = fs.readFileSync(path.join(sse, file));
  let sdk, built;
  try {
    if (file.startsWith('anthropic-messages-')) {
      sdk = `@anthropic-ai/sdk ${versions['@anthropic-ai/sdk']} MessageStream.finalMessage()`;
      const client = new Anthropic({ apiKey: 'x', fetch: answer(body), maxRetries: 0 });
      built = await client.messages.stream({ model: 'x', max_tokens: 1, messages: [] }).finalMessage();
    } else if (/^(openai|xai|groq|openrouter)-chat-/.test(file)) {
      sdk = `openai ${versions.openai} ChatCompletionStream.finalChatCompletion()`;
      const client = new OpenAI({ apiKey: 'x', fetch: answer(body), maxRetries: 0 });
      built = await client.chat.completions.stream({ model: 'x', messages: [] }).finalChatCompletion();
    } else if (/^(openai|xai)-responses-/.test(file)) {
      sdk = `openai ${versions.openai} ResponseStream.finalResponse()`;
      const client = new OpenAI({ apiKey: 'x', fetch: answer(body), maxRetries: 0 });
      built = await client.responses.stream({ model: 'x', input: 'x' }).finalResponse();
    } else {
      continue;
    }
  } catch (e) {
    results.push({ file, sdk, error: String(e.message ?? e).slice(0, 200) });
    continue;
  }

  const name = file.replace(/\.sse$/, '.json');
  fs.writeFileSync(path.join(out, name), JSON.stringify(built, null, 2) + '\n');
  results.push({ file, sdk, expectation: name });
}

fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(results.map((r) => `${r.file}: ${r.error ? 'ERROR ' + r.error : 'ok'}`).join('\n'));
