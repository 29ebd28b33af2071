// `npm start`: the whole product on this machine. The API with the demo school on PGlite (or on
// DATABASE_URL), and the extension built for it.
import { readSettings } from '../settings.ts';
import { buildExtension } from './build-extension.ts';
import { DataDirBusy } from './data-lock.ts';
import { PortInUse, startLocalServer } from './server.ts';

const settings = readSettings();
const log = (line: string) => console.log(`• ${line}`);
const server = await startLocalServer({ ...settings, log }).catch((error: unknown) => {
  // The folder is taken or the port is busy: say what to do, not a stack trace.
  if (error instanceof DataDirBusy || error instanceof PortInUse) {
    console.error(`\n✗ ${error.message}`);
    process.exit(1);
  }
  throw error;
});
log(`API: ${server.url} (проверка: ${server.url}/health)`);

let extensionDir = '';
if (process.env.NASTAVNIK_SKIP_EXTENSION_BUILD !== '1') {
  log('Собираю расширение для этого API (WXT)…');
  extensionDir = await buildExtension(server.url);
  log(`Расширение собрано: ${extensionDir}`);
}

console.log(`
Что дальше / Next:
  1. Chrome → chrome://extensions → «Режим разработчика» → «Загрузить распакованное» →
     ${extensionDir || '(run without NASTAVNIK_SKIP_EXTENSION_BUILD to build it)'}
     (или \`npm run dev\`: WXT откроет браузер с расширением и будет пересобирать его на лету).
  2. В настройках расширения выберите демо-пользователя и нажмите «Войти».
  3. Токен для запросов к API: npm run token -- <email>   (например a.korolev2@school17.example.ru — куратор)
  Данные: ${settings.databaseUrl ? 'DATABASE_URL' : settings.dataDir} · начать заново: npm run reset
  Остановить: Ctrl+C
`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
