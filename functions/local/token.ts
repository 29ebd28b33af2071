// `npm run token -- <email>`: prints a local-mode access token for a demo person, for curl and
// friends. Asks the running API; without one, opens the data folder itself.
import { openLocalSigner } from '../auth/local-keys.ts';
import { openDatabase } from '../db/open.ts';
import { findDevUser } from '../services/dev-users.ts';
import { readSettings } from '../settings.ts';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run token -- <email>   (e-mails: GET /auth/v1/dev/users)');
  process.exit(2);
}
const settings = readSettings();
const apiUrl = `http://127.0.0.1:${settings.port}`;

async function fromRunningApi(): Promise<string | null> {
  try {
    const response = await fetch(`${apiUrl}/auth/v1/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    if (response.status === 404) throw new Error(`No demo person has the e-mail ${email}`);
    if (!response.ok) throw new Error(`The API refused: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  } catch (error) {
    if (error instanceof TypeError) return null; // nothing listens there
    throw error;
  }
}

async function fromDataFolder(): Promise<string> {
  const db = await openDatabase(settings.databaseUrl, settings.dataDir);
  try {
    const user = await db.asService((q) => findDevUser(q, email as string));
    if (!user) throw new Error(`No demo person has the e-mail ${email}`);
    const signer = await openLocalSigner(settings.dataDir, `${apiUrl}/auth/v1`);
    return (await signer.sign(user)).token;
  } finally {
    await db.close();
  }
}

try {
  console.log((await fromRunningApi()) ?? (await fromDataFolder()));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
