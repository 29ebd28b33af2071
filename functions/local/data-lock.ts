// One local server per data folder. PGlite keeps the database in the folder and is not made for
// two processes: a second server on the same folder saw a copy of the data that was lost at the
// next restart. So the folder holds `server.lock.json` — which process owns it and where it
// answers — created atomically; a second `npm start`, `npm run reset` and `npm run token` read it.
// A lock whose process is gone (a crash, a killed terminal) is taken over.
import { mkdir, open, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LockOwner {
  pid: number;
  /** Where the server answers; null while it is still starting. */
  url: string | null;
  startedAt: string;
}

export interface DataLock {
  /** Records where the server answers, for `npm run token` and for a second start's message. */
  record(url: string): Promise<void>;
  release(): Promise<void>;
}

/** The folder is in use by another live process. */
export class DataDirBusy extends Error {
  readonly owner: LockOwner;
  constructor(dataDir: string, owner: LockOwner) {
    const where = owner.url ? `на ${owner.url}` : 'и ещё запускается';
    super(
      `Наставник уже работает с папкой данных ${dataDir} (pid ${owner.pid}) ${where}.\n` +
        `  Остановите его (Ctrl+C в его окне или kill ${owner.pid}), или запустите второй сервер со своей папкой:\n` +
        `  NASTAVNIK_DATA_DIR=.nastavnik-2 PORT=8788 npm start`,
    );
    this.name = 'DataDirBusy';
    this.owner = owner;
  }
}

const lockFile = (dataDir: string) => join(dataDir, 'server.lock.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(dataDir: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(lockFile(dataDir), 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, url: owner.url ?? null, startedAt: owner.startedAt ?? '' } : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The live process that holds the folder, if any. */
export async function lockOwner(dataDir: string): Promise<LockOwner | null> {
  const owner = await readOwner(dataDir);
  return owner && alive(owner.pid) ? owner : null;
}

/** Takes the folder for this process, or throws DataDirBusy naming the one that has it. */
export async function lockDataDir(dataDir: string): Promise<DataLock> {
  await mkdir(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  let owner: LockOwner = { pid: process.pid, url: null, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(owner));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await lockOwner(dataDir);
    if (holder) throw new DataDirBusy(dataDir, holder);
    if (attempt >= 2) throw new Error(`Could not take the data folder ${dataDir}: remove ${file} if no server runs`);
    // Left by a process that is gone: take it over (a start racing us for it may win; we then see it above).
    await unlink(file).catch(() => undefined);
  }
  let held = true;
  return {
    async record(url) {
      owner = { ...owner, url };
      if (held) await writeFile(file, JSON.stringify(owner), { mode: 0o600 });
    },
    async release() {
      if (!held) return;
      held = false;
      const current = await readOwner(dataDir);
      if (current?.pid === process.pid) await unlink(file).catch(() => undefined);
    },
  };
}
