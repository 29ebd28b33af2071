// `npm run reset`: forget the local data (PGlite and the signing key); the next start loads the demo anew.
import { rm } from 'node:fs/promises';
import { readSettings } from '../settings.ts';

const settings = readSettings();
await rm(settings.dataDir, { recursive: true, force: true });
console.log(`Удалены локальные данные: ${settings.dataDir}. Следующий npm start загрузит демо-школу заново.`);
if (settings.databaseUrl) console.log('DATABASE_URL не тронута: очистите эту базу её собственными средствами.');
