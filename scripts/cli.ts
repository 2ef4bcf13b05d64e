// `npm run cli -- <command>`: the operator's command line, calling the same lib/ code as the UI.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { translateMessage } from "@/lib/actions/result";
import { createPlatformAdmin } from "@/lib/admin/platform-admins";
import { rotateSecrets } from "@/lib/admin/rotate-secrets";
import { systemActor } from "@/lib/audit/record";
import { createUser, ROLES, type Role } from "@/lib/auth/users";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { type PreparedDatabase, prepareDatabase } from "@/lib/core/db/bootstrap";
import { db, disconnectDb } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { type Env, isProductionStart, parseEnv } from "@/lib/core/env";
import { DomainError } from "@/lib/core/errors";
import { isLocale, LOCALES, translator } from "@/lib/core/i18n/messages";
import { importVehiclesCsv } from "@/lib/inventory/csv-import";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { createTenant } from "@/lib/tenancy/tenants";
import {
  type CheckedNumber,
  ConnectInput,
  checkNumber,
  disconnectNumber,
  saveConnection,
} from "@/lib/whatsapp/connect";
import { ensureServerSecrets, loadDotEnv } from "./lib/secrets";

const USAGE = `Usage: npm run cli -- <command> [options] [--json]

Commands:
  tenant:create --slug SLUG --name NAME [--city CITY] [--whatsapp NUMBER]
                [--whatsapp-phone-number-id ID --whatsapp-access-token TOKEN [--waba-id WABA]]
  tenant:whatsapp --tenant SLUG --whatsapp-phone-number-id ID --whatsapp-access-token TOKEN [--waba-id WABA]
  tenant:whatsapp --tenant SLUG --disconnect
  admin:create --email EMAIL [--name NAME]   (a platform admin with a one-time password; 2FA at first sign-in)
  user:create --email EMAIL --password PASSWORD --role ${ROLES.join("|")} [--tenant SLUG] [--name NAME] [--whatsapp PHONE]
  vehicles:import --tenant SLUG FILE.csv [--lang en|id]   (row errors in English, or Indonesian)
  secrets:rotate        re-encrypt every stored secret with the newest key of ENCRYPTION_KEY ("new,old")
  db:migrate
  db:seed

Without DATABASE_URL the embedded PostgreSQL is used (started if it is not running).`;

class UsageError extends Error {}

const OPTIONS = {
  slug: { type: "string" },
  name: { type: "string" },
  city: { type: "string" },
  email: { type: "string" },
  password: { type: "string" },
  role: { type: "string" },
  tenant: { type: "string" },
  whatsapp: { type: "string" },
  lang: { type: "string", default: "en" },
  "whatsapp-phone-number-id": { type: "string" },
  "whatsapp-access-token": { type: "string" },
  "waba-id": { type: "string" },
  disconnect: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function required(values: Values, name: "slug" | "name" | "email" | "password" | "role" | "tenant"): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function tenantIdOf(slug: string): Promise<string> {
  const rows = await db().$queryRaw<{ id: string }[]>`SELECT id FROM app_find_tenant(${slug}, NULL)`;
  const id = rows[0]?.id;
  if (!id) throw new UsageError(`No showroom with slug "${slug}"`);
  return id;
}

type Output = { text: string; data: unknown };

/** The WhatsApp options, validated by the same schema as the dashboard's form; null when none were given. */
function whatsappInput(values: Values, options: { optional: boolean }): ConnectInput | null {
  const given = values["whatsapp-phone-number-id"] || values["whatsapp-access-token"] || values["waba-id"];
  if (!given && options.optional) return null;
  const parsed = ConnectInput.safeParse({
    phoneNumberId: values["whatsapp-phone-number-id"] ?? "",
    accessToken: values["whatsapp-access-token"] ?? "",
    wabaId: values["waba-id"] ?? "",
  });
  if (!parsed.success) {
    const names: Record<string, string> = {
      phoneNumberId: "--whatsapp-phone-number-id",
      accessToken: "--whatsapp-access-token",
      wabaId: "--waba-id",
    };
    const t = translator("en");
    throw new UsageError(
      parsed.error.issues
        .map((issue) => `${names[String(issue.path[0])] ?? "input"}: ${translateMessage(t, issue.message)}`)
        .join("; "),
    );
  }
  return parsed.data;
}

function connectedLine(checked: CheckedNumber): string {
  const subscription =
    checked.webhookSubscription === "subscribed"
      ? " Subscribed the app to the WABA's webhooks."
      : checked.webhookSubscription === "failed"
        ? " Subscribing the app to the WABA's webhooks failed: turn it on in Meta (Configuration > Webhook)."
        : "";
  return `Connected WhatsApp ${checked.displayPhoneNumber} (${checked.verifiedName}, quality ${checked.qualityRating ?? "unknown"}, limit ${checked.messagingLimitTier ?? "unknown"}).${subscription}`;
}

function connectedData(checked: CheckedNumber | null) {
  return checked
    ? {
        phoneNumberId: checked.phoneNumberId,
        wabaId: checked.wabaId,
        displayPhoneNumber: checked.displayPhoneNumber,
        verifiedName: checked.verifiedName,
        qualityRating: checked.qualityRating,
        messagingLimitTier: checked.messagingLimitTier,
        webhookSubscription: checked.webhookSubscription,
      }
    : null;
}

async function runCommand(command: string, values: Values, positionals: string[], env: Env): Promise<Output> {
  const actor = systemActor("cli");
  switch (command) {
    case "db:migrate":
      return { text: "Database is migrated.", data: { migrated: true } };
    case "db:seed": {
      if (!env.SEED_DEMO)
        throw new UsageError(
          "Demo data has known passwords: a production database (NODE_ENV=production or DATABASE_URL set) is seeded only with SEED_DEMO=true.",
        );
      if (isProductionStart(env))
        console.error("[autolumiku] SEED_DEMO=true: seeding demo accounts with known passwords");
      const seeded = await seedDemoIfEmpty((line) => console.error(line));
      return {
        text: seeded ? "Demo showrooms created." : "The database already has showrooms; nothing seeded.",
        data: { seeded },
      };
    }
    case "tenant:create": {
      // The number is checked with Meta before the showroom exists: a bad token creates nothing.
      const whatsapp = whatsappInput(values, { optional: true });
      const checked = whatsapp ? await checkNumber(whatsapp) : null;
      const tenant = await createTenant(
        {
          slug: required(values, "slug"),
          name: required(values, "name"),
          city: values.city,
          whatsappNumber: values.whatsapp,
        },
        actor,
      );
      const connected =
        whatsapp && checked
          ? await withTenant(tenant.id, (tx) =>
              saveConnection(tx, { tenantId: tenant.id, actor }, whatsapp, checked),
            )
          : null;
      return {
        text: [
          `Created showroom ${tenant.name} (/${tenant.slug}, id ${tenant.id}).`,
          ...(connected ? [connectedLine(connected)] : []),
        ].join("\n"),
        data: { id: tenant.id, slug: tenant.slug, name: tenant.name, whatsapp: connectedData(connected) },
      };
    }
    case "admin:create": {
      const admin = await createPlatformAdmin({ email: required(values, "email"), name: values.name });
      return {
        text: [
          `Created platform admin ${admin.email} (id ${admin.id}).`,
          `One-time password (shown once): ${admin.temporaryPassword}`,
          "Sign in at /admin/login: enrol an authenticator app, then choose a new password.",
        ].join("\n"),
        data: admin,
      };
    }
    case "tenant:whatsapp": {
      const tenantId = await tenantIdOf(required(values, "tenant"));
      if (values.disconnect) {
        const { disconnected } = await withTenant(tenantId, (tx) =>
          disconnectNumber(tx, { tenantId, actor }),
        );
        return {
          text: disconnected ? "WhatsApp number disconnected." : "No WhatsApp number was connected.",
          data: { disconnected },
        };
      }
      const whatsapp = whatsappInput(values, { optional: false });
      if (!whatsapp)
        throw new UsageError("name the number: --whatsapp-phone-number-id ID --whatsapp-access-token TOKEN");
      // Meta first, outside any transaction; then the save, audited like the dashboard's.
      const checked = await checkNumber(whatsapp);
      const connected = await withTenant(tenantId, (tx) =>
        saveConnection(tx, { tenantId, actor }, whatsapp, checked),
      );
      return { text: connectedLine(connected), data: connectedData(connected) };
    }
    case "user:create": {
      const role = required(values, "role");
      if (!(ROLES as readonly string[]).includes(role))
        throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
      const tenantId = values.tenant ? await tenantIdOf(values.tenant) : undefined;
      const email = required(values, "email");
      const user = await createUser(
        {
          email,
          password: required(values, "password"),
          role: role as Role,
          tenantId,
          name: values.name ?? email.split("@")[0] ?? email,
          whatsappNumber: values.whatsapp,
        },
        actor,
      );
      return { text: `Created ${user.role} ${user.email} (id ${user.id}).`, data: user };
    }
    case "vehicles:import": {
      const file = positionals[0];
      if (!file) throw new UsageError("name the CSV file: vehicles:import --tenant SLUG FILE.csv");
      const tenantId = await tenantIdOf(required(values, "tenant"));
      const csv = await readFile(file, "utf8").catch(() => {
        throw new UsageError(`Cannot read ${file}`);
      });
      const locale = values.lang;
      if (!isLocale(locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(", ")}`);
      const report = await importVehiclesCsv({ tenantId, actor, csv, locale });
      if (report.created + report.updated > 0) await revalidateCatalog(tenantId);
      const lines = [
        `Imported ${file}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected.`,
        ...report.rejected.map(
          (row) => `  row ${row.row}${row.stockCode ? ` (${row.stockCode})` : ""}: ${row.reason}`,
        ),
      ];
      return { text: lines.join("\n"), data: report };
    }
    case "secrets:rotate": {
      const report = await rotateSecrets({ kind: "system", name: "cli" });
      const summary = `Re-encrypted ${report.resealed} secrets with the newest key; ${report.current} already used it.`;
      if (report.unreadable.length > 0) {
        const list = report.unreadable.map((row) => `${row.table} ${row.id}`).join(", ");
        throw new Error(
          `${summary} ${report.unreadable.length} could not be opened with any key in ENCRYPTION_KEY and were left as they are (${list}); keep the old keys listed until they are fixed.`,
        );
      }
      return { text: summary, data: report };
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : "Name a command");
  }
}

function parseCliArgs() {
  return parseArgs({ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true, strict: true });
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;

  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  loadDotEnv();
  let database: PreparedDatabase | undefined;
  try {
    const given = parseEnv(process.env);
    // The same secrets as the server: to encrypt tokens it stores, to refresh its page cache, and
    // (AUTH_SECRET) to sign platform access, whose key the migrations install. A production CLI
    // never generates them.
    await ensureServerSecrets({
      dataDir: given.DATA_DIR,
      production: isProductionStart(given),
      missing: "skip",
    });
    const env = parseEnv(process.env);
    database = await prepareDatabase({ env, log: (line) => console.error(line), whenRunning: "reuse" });
    const output = await runCommand(command, values, rest, env);
    console.log(
      values.json
        ? JSON.stringify(
            output.data,
            (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
            2,
          )
        : output.text,
    );
    return 0;
  } catch (error) {
    // Domain errors carry message keys (the dashboard shows them translated): English here.
    const raw = error instanceof Error ? error.message : String(error);
    const message = error instanceof DomainError ? translateMessage(translator("en"), raw) : raw;
    if (values.json) console.log(JSON.stringify({ error: message }));
    else console.error(`Error: ${message}`);
    if (error instanceof UsageError) {
      if (!values.json) console.error(`\n${USAGE}`);
      return 2;
    }
    return 1;
  } finally {
    await disconnectDb().catch(() => {});
    await database?.stop().catch(() => {});
  }
}

main().then((code) => process.exit(code));
