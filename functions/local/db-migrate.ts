// `DATABASE_URL=… npm run db:migrate`: applies supabase/migrations to any Postgres 15+ (creating the
// stand-ins for Supabase's roles and auth schema when it is not a Supabase database).
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { readSettings } from '../settings.ts';

const settings = readSettings();
const db = await openDatabase(settings.databaseUrl, settings.dataDir);
try {
  const result = await migrate(db);
  console.log(
    `${result.applied.length ? `Applied: ${result.applied.join(', ')}` : 'Nothing to apply'} (${result.total} migrations; Supabase stand-ins: ${result.standIns ? 'yes' : 'no'})`,
  );
} finally {
  await db.close();
}
