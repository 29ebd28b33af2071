// `DATABASE_URL=… npm run db:seed`: loads the demo school into a migrated, empty database.
import { loadDemoSchoolIfEmpty } from '../db/demo-school.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { readSettings } from '../settings.ts';

const settings = readSettings();
const db = await openDatabase(settings.databaseUrl, settings.dataDir);
try {
  const { standIns } = await migrate(db);
  const loaded = await loadDemoSchoolIfEmpty(db, { createAuthUsers: standIns });
  console.log(loaded ? 'Demo school loaded.' : 'The database already holds an organisation: nothing loaded.');
} finally {
  await db.close();
}
