// `bun console/create-operator.ts --email you@example.com`: creates an operator account on the engine
// with its bootstrap token (ENGINE_URL, ENGINE_ADMIN_TOKEN). The password comes from
// OPERATOR_PASSWORD or the first line of stdin; it is never printed.
import { parseArgs } from 'node:util';
import { EngineApi } from './engine/api';
import { engineRequester, EngineRequestError, EngineUnavailableError } from './engine/client';

const { values } = parseArgs({ options: { email: { type: 'string' } } });
const email = values.email ?? '';
const engineUrl = process.env.ENGINE_URL || 'http://127.0.0.1:3000';
const token = process.env.ENGINE_ADMIN_TOKEN ?? '';
if (email === '' || token === '') {
  console.error('usage: ENGINE_ADMIN_TOKEN=... [ENGINE_URL=...] [OPERATOR_PASSWORD=...] bun console/create-operator.ts --email you@example.com');
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.env.OPERATOR_PASSWORD) return process.env.OPERATOR_PASSWORD;
  process.stderr.write('password (at least 10 characters): ');
  for await (const line of console) return line;
  return '';
}

try {
  const created = await new EngineApi(engineRequester(engineUrl)).createOperator(token, email, await readPassword());
  console.log(`operator ${created.email} created (id ${created.id})`);
} catch (error) {
  if (error instanceof EngineRequestError || error instanceof EngineUnavailableError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
