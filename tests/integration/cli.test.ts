// The operator's command line, run as a real process against the test database.
import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { sixtyRows } from "../support/csv";

describe("command line", () => {
  it("creates a showroom, imports 57 of 60 rows with 3 row errors, and creates nothing on a second import", async () => {
    const slug = `cli-${randomBytes(3).toString("hex")}`;
    const created = await cli("tenant:create", "--slug", slug, "--name", "CLI Motor", "--json");
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug, name: "CLI Motor" });

    const file = path.join(await mkdtemp(path.join(tmpdir(), "cli-")), "stok.csv");
    await writeFile(file, sixtyRows());
    const first = await cli("vehicles:import", "--tenant", slug, file);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("57 created, 0 updated, 0 unchanged, 3 rejected");
    expect(first.stdout).toMatch(/row 11 \(S-010\): year: must be between 1950/);
    expect(first.stdout).toContain("row 31 (S-030): price: 'murah' is not an amount");
    expect(first.stdout).toMatch(/row 51 \(S-050\): transmission/);

    const second = await cli("vehicles:import", "--tenant", slug, file, "--json");
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 57 });
  }, 120_000);

  it("creates a staff account that belongs to its showroom", async () => {
    const slug = `cli-${randomBytes(3).toString("hex")}`;
    await cli("tenant:create", "--slug", slug, "--name", "CLI Dua");
    const result = await cli(
      "user:create",
      "--email",
      `${slug}@example.test`,
      "--password",
      "rahasia-123",
      "--role",
      "sales",
      "--tenant",
      slug,
      "--whatsapp",
      "0812-1111-2222",
      "--json",
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ email: `${slug}@example.test`, role: "sales" });
  }, 60_000);

  it("explains bad input and exits non-zero", async () => {
    const reserved = await cli("tenant:create", "--slug", "admin", "--name", "Nope");
    expect(reserved.code).toBe(1);
    expect(reserved.stderr).toContain('"admin" is reserved by the platform');

    const unknownTenant = await cli("vehicles:import", "--tenant", "no-such-showroom", "x.csv");
    expect(unknownTenant.code).toBe(2);
    expect(unknownTenant.stderr).toContain('No showroom with slug "no-such-showroom"');

    const badRole = await cli(
      "user:create",
      "--email",
      "x@example.test",
      "--password",
      "rahasia-123",
      "--role",
      "boss",
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role must be one of super_admin, owner, admin, sales");

    const unknownCommand = await cli("tenant:explode");
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Unknown command "tenant:explode"');
  }, 120_000);
});
