import { adminUrl, postgresAvailable } from './database.ts';

/** Says once which engine the database suites run on, so a fallback to PGlite is never silent. */
export default async function setup(): Promise<void> {
  const real = await postgresAvailable();
  console.log(
    real
      ? `[db] database suites run on the real Postgres at ${new URL(adminUrl).host}`
      : '[db] no Postgres at 127.0.0.1:5432 (or DATABASE_URL): database suites run on PGlite',
  );
}
