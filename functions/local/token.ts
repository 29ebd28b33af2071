// `npm run token -- <email>`: prints a local-mode access token for a demo person, for curl and
// friends. Asks the server that runs on this data folder (it records where it answers), whatever
// its port; without one, signs from the data folder itself for the port the next start will use.
// Which one it used goes to stderr, so that `$(npm run --silent token -- …)` stays the token alone.
import { openLocalSigner } from '../auth/local-keys.ts';
import { openDatabase } from '../db/open.ts';
import { findDevUser } from '../services/dev-users.ts';
import { readSettings } from '../settings.ts';
import { lockDataDir, lockOwner } from './data-lock.ts';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run token -- <email>   (e-mails: GET /auth/v1/dev/users)');
  process.exit(2);
}
const settings = readSettings();

async function fromRunningApi(apiUrl: string): Promise<string> {
  const response = await fetch(`${apiUrl}/auth/v1/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (response.status === 404) throw new Error(`No demo person has the e-mail ${email}`);
  if (!response.ok) throw new Error(`The API at ${apiUrl} refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function fromDataFolder(apiUrl: string): Promise<string> {
  // Holds the folder meanwhile: a server starting now waits for nothing and fails clearly instead.
  const lock = await lockDataDir(settings.dataDir);
  const db = await openDatabase(settings.databaseUrl, settings.dataDir);
  try {
    const user = await db.asService((q) => findDevUser(q, email as string));
    if (!user) throw new Error(`No demo person has the e-mail ${email}`);
    const signer = await openLocalSigner(settings.dataDir, `${apiUrl}/auth/v1`);
    return (await signer.sign(user)).token;
  } finally {
    await db.close();
    await lock.release();
  }
}

try {
  const running = await lockOwner(settings.dataDir);
  if (running?.url) {
    console.error(`• Токен от сервера ${running.url} (pid ${running.pid}, данные ${settings.dataDir})`);
    console.log(await fromRunningApi(running.url));
  } else {
    const apiUrl = `http://127.0.0.1:${settings.port}`;
    console.error(`• Сервер не запущен: токен подписан ключом из ${settings.dataDir} для ${apiUrl} (npm start с тем же PORT)`);
    console.log(await fromDataFolder(apiUrl));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
