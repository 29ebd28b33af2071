// `npm run reset`: forget the local data (PGlite and the signing key); the next start loads the demo anew.
// Never under a running server: it would lose its database mid-flight.
import { rm } from 'node:fs/promises';
import { readSettings } from '../settings.ts';
import { lockOwner } from './data-lock.ts';

const settings = readSettings();
const running = await lockOwner(settings.dataDir);
if (running) {
  console.error(
    `✗ Сервер Наставника работает с этими данными (pid ${running.pid}${running.url ? `, ${running.url}` : ''}).\n` +
      `  Остановите его (Ctrl+C в его окне или kill ${running.pid}), затем повторите npm run reset.`,
  );
  process.exit(1);
}
await rm(settings.dataDir, { recursive: true, force: true });
console.log(`Удалены локальные данные: ${settings.dataDir}. Следующий npm start загрузит демо-школу заново.`);
if (settings.databaseUrl) console.log('DATABASE_URL не тронута: очистите эту базу её собственными средствами.');
