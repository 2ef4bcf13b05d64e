// Bulk seeding of the benchmark database: 1,000 showrooms x 300 cars written by a few set-based SQL
// statements as the embedded superuser (who bypasses row-level security), plus one real photo made
// by the app's own pipeline and shared by every car. The app's per-row code would take hours here.
import { rmdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";
import { renderDemoCarPhoto } from "@/lib/images/demo-photo";
import { readVariants, storeVehiclePhoto } from "@/lib/images/photos";
import { DEMO_CARS, DEMO_COLORS } from "@/lib/seed/demo-data";
import { seededRandom } from "@/lib/seed/random";
import { getStorage, LocalDiskStorage } from "@/lib/storage";
import { defaultOpeningHours } from "@/lib/tenancy/tenants";

export const BENCH_TENANTS = 1000;
export const VEHICLES_PER_TENANT = 300;
export const benchSlug = (n: number): string => `bench-${String(n).padStart(4, "0")}`;

type Log = (line: string) => void;

/** Where showrooms are, weighted roughly like Indonesia's used-car trade (Jabodetabek first). */
const CITIES = [
  {
    name: "Jakarta Selatan",
    province: "DKI Jakarta",
    plate: "B",
    nearby: ["Depok", "Tangerang Selatan"],
    weight: 6,
  },
  {
    name: "Jakarta Barat",
    province: "DKI Jakarta",
    plate: "B",
    nearby: ["Tangerang", "Jakarta Utara"],
    weight: 5,
  },
  { name: "Jakarta Timur", province: "DKI Jakarta", plate: "B", nearby: ["Bekasi", "Depok"], weight: 5 },
  { name: "Tangerang", province: "Banten", plate: "B", nearby: ["Jakarta Barat", "Serang"], weight: 4 },
  { name: "Bekasi", province: "Jawa Barat", plate: "B", nearby: ["Jakarta Timur", "Karawang"], weight: 4 },
  { name: "Bogor", province: "Jawa Barat", plate: "F", nearby: ["Depok", "Sukabumi"], weight: 3 },
  { name: "Bandung", province: "Jawa Barat", plate: "D", nearby: ["Cimahi", "Garut"], weight: 4 },
  { name: "Semarang", province: "Jawa Tengah", plate: "H", nearby: ["Kendal", "Salatiga"], weight: 3 },
  { name: "Yogyakarta", province: "DI Yogyakarta", plate: "AB", nearby: ["Sleman", "Bantul"], weight: 3 },
  { name: "Surakarta", province: "Jawa Tengah", plate: "AD", nearby: ["Sukoharjo", "Klaten"], weight: 2 },
  { name: "Surabaya", province: "Jawa Timur", plate: "L", nearby: ["Sidoarjo", "Gresik"], weight: 4 },
  { name: "Malang", province: "Jawa Timur", plate: "N", nearby: ["Batu", "Pasuruan"], weight: 2 },
  { name: "Denpasar", province: "Bali", plate: "DK", nearby: ["Badung", "Gianyar"], weight: 2 },
  { name: "Medan", province: "Sumatera Utara", plate: "BK", nearby: ["Binjai", "Deli Serdang"], weight: 3 },
  { name: "Palembang", province: "Sumatera Selatan", plate: "BG", nearby: ["Prabumulih"], weight: 2 },
  { name: "Pekanbaru", province: "Riau", plate: "BM", nearby: ["Kampar"], weight: 2 },
  { name: "Padang", province: "Sumatera Barat", plate: "BA", nearby: ["Bukittinggi"], weight: 1 },
  { name: "Bandar Lampung", province: "Lampung", plate: "BE", nearby: ["Metro"], weight: 1 },
  { name: "Balikpapan", province: "Kalimantan Timur", plate: "KT", nearby: ["Samarinda"], weight: 1 },
  { name: "Banjarmasin", province: "Kalimantan Selatan", plate: "DA", nearby: ["Banjarbaru"], weight: 1 },
  { name: "Pontianak", province: "Kalimantan Barat", plate: "KB", nearby: ["Singkawang"], weight: 1 },
  { name: "Makassar", province: "Sulawesi Selatan", plate: "DD", nearby: ["Gowa", "Maros"], weight: 2 },
  { name: "Manado", province: "Sulawesi Utara", plate: "DB", nearby: ["Bitung"], weight: 1 },
];

/** How often each model turns up on a used-car lot; unlisted models count 1. */
const MODEL_WEIGHTS: Record<string, number> = {
  Avanza: 8,
  "Kijang Innova": 6,
  Xpander: 6,
  Brio: 6,
  Xenia: 5,
  Calya: 4,
  Sigra: 4,
  Ayla: 4,
  Jazz: 4,
  "HR-V": 4,
  Ertiga: 4,
  Fortuner: 3,
  Rush: 3,
  Mobilio: 3,
  Terios: 3,
  "Pajero Sport": 3,
  Yaris: 2,
  "CR-V": 2,
  City: 2,
  L300: 2,
  XL7: 2,
  Carry: 2,
  Livina: 2,
  Civic: 2,
};
const COLOR_WEIGHTS: Record<string, number> = {
  Putih: 30,
  Hitam: 25,
  Silver: 18,
  "Abu-abu": 12,
  Merah: 6,
  Biru: 5,
  Coklat: 4,
};

const PREFIXES = [
  "Mobilindo",
  "Surya",
  "Sinar",
  "Cahaya",
  "Berkah",
  "Sentosa",
  "Makmur",
  "Prima",
  "Mitra",
  "Nusantara",
  "Garuda",
  "Mandiri",
  "Abadi",
  "Maju",
  "Jaya",
  "Sejahtera",
  "Rajawali",
  "Permata",
  "Bintang",
  "Mega",
];
const SUFFIXES = ["Motor", "Auto", "Mobil", "Autogallery", "Otomotif", "Car Center"];
const STREETS = [
  "Jl. Sudirman",
  "Jl. Ahmad Yani",
  "Jl. Gatot Subroto",
  "Jl. Diponegoro",
  "Jl. Gajah Mada",
  "Jl. Hayam Wuruk",
  "Jl. Pemuda",
  "Jl. Merdeka",
];
const TAGLINES = [
  "Mobil bekas berkualitas, surat lengkap",
  "Harga jujur, kondisi terjamin",
  "Kredit mudah, DP ringan",
  "Pilihan keluarga sejak 2005",
  "Tukar tambah dan kredit diproses cepat",
];
const PALETTES = [
  { primary: "#1d4ed8", secondary: "#0f172a", accent: "#f59e0b" },
  { primary: "#047857", secondary: "#1f2937", accent: "#facc15" },
  { primary: "#b91c1c", secondary: "#111827", accent: "#fb923c" },
  { primary: "#7c3aed", secondary: "#1e1b4b", accent: "#22d3ee" },
  { primary: "#0f766e", secondary: "#042f2e", accent: "#f97316" },
  { primary: "#be185d", secondary: "#1f2937", accent: "#fde047" },
];

/** [lo, hi) slices of [0, 1) per item, so SQL can pick by weight with a range join on random(). */
function weighted<T>(items: readonly T[], weightOf: (item: T) => number): (T & { lo: number; hi: number })[] {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let lo = 0;
  return items.map((item, index) => {
    const hi = index === items.length - 1 ? 2 : lo + weightOf(item) / total;
    const slice = { ...item, lo, hi };
    lo = hi;
    return slice;
  });
}

function tenantRows() {
  const next = seededRandom(20261124);
  const cities = weighted(CITIES, (city) => city.weight);
  return Array.from({ length: BENCH_TENANTS }, (_, index) => {
    const n = index + 1;
    const roll = next();
    const city = cities.find((slice) => roll >= slice.lo && roll < slice.hi) ?? cities[0];
    if (!city) throw new Error("no cities");
    const name = `${PREFIXES[Math.floor(next() * PREFIXES.length)]} ${SUFFIXES[Math.floor(next() * SUFFIXES.length)]} ${city.name}`;
    const phone = `62812${String(n).padStart(7, "0")}`;
    return {
      slug: benchSlug(n),
      name,
      city: city.name,
      province: city.province,
      address: `${STREETS[n % STREETS.length]} No. ${(n % 300) + 1}, ${city.name}`,
      phone,
      whatsapp_number: phone,
      email: `halo@${benchSlug(n)}.test`,
      tagline: TAGLINES[n % TAGLINES.length],
      theme: { ...PALETTES[n % PALETTES.length], font: "inter" },
      opening_hours: defaultOpeningHours(),
      credit_rate_bps: 550 + (n % 5) * 50,
    };
  });
}

export interface BenchDataState {
  tenants: number;
  vehicles: number;
  photos: number;
}

export async function benchDataState(client: pg.Client): Promise<BenchDataState> {
  const { rows } = await client.query<{ tenants: string; vehicles: string; photos: string }>(
    `SELECT (SELECT count(*) FROM tenants WHERE slug LIKE 'bench-%') AS tenants,
            (SELECT count(*) FROM vehicles) AS vehicles,
            (SELECT count(*) FROM vehicle_photos) AS photos`,
  );
  const row = rows[0];
  return {
    tenants: Number(row?.tenants ?? 0),
    vehicles: Number(row?.vehicles ?? 0),
    photos: Number(row?.photos ?? 0),
  };
}

export function isComplete(state: BenchDataState): boolean {
  const vehicles = BENCH_TENANTS * VEHICLES_PER_TENANT;
  return state.tenants === BENCH_TENANTS && state.vehicles === vehicles && state.photos === vehicles;
}

const uploadsRoot = (): string => path.resolve(getEnv().DATA_DIR, "uploads");

/** Local disk keeps a folder per showroom and car; the bench's are removed once empty. */
async function removeEmptyFolders(root: string, relative: string): Promise<void> {
  for (let folder = relative; folder !== "." && folder !== "/"; folder = path.dirname(folder)) {
    try {
      await rmdir(path.join(root, folder));
    } catch {
      return; // not empty (or gone): leave it and everything above it
    }
  }
}

/** Empties the bench database (it holds nothing but bench data) and removes the shared photo files. */
async function clearBenchData(client: pg.Client, log: Log): Promise<void> {
  const { rows } = await client.query<{ variants: unknown }>(
    "SELECT DISTINCT ON (storage_key) variants FROM vehicle_photos ORDER BY storage_key",
  );
  const storage = getStorage();
  for (const row of rows) {
    for (const variant of readVariants(row.variants)) {
      await storage.delete(variant.key);
      if (storage instanceof LocalDiskStorage)
        await removeEmptyFolders(uploadsRoot(), path.dirname(variant.key));
    }
  }
  log("emptying the bench database");
  await client.query(
    "TRUNCATE tenants, tenant_domains, users, vehicles, vehicle_photos, vehicle_events, leads, audit_logs CASCADE",
  );
}

const VEHICLES_SQL = `
WITH base AS (
  SELECT t.id AS tenant_id, t.city AS tenant_city, n
  FROM tenants t CROSS JOIN generate_series(1, $1::int) AS n
  WHERE t.slug LIKE 'bench-%'
  ORDER BY t.slug, n
),
draws AS MATERIALIZED (
  -- Volatile random() in the select list is drawn once per row; the ordered input keeps it repeatable.
  SELECT b.*, extract(year FROM current_date)::int AS this_year,
         random() AS r_car, random() AS r_age, random() AS r_color, random() AS r_km, random() AS r_price,
         random() AS r_trans, random() AS r_status, random() AS r_city, random() AS r_other, random() AS r_plate,
         random() AS r_neg, random() AS r_owners, random() AS r_tax, random() AS r_month, random() AS r_days,
         substr($2::text, 1 + floor(random() * length($2::text))::int, 1) || substr($2::text, 1 + floor(random() * length($2::text))::int, 1)
           || CASE WHEN random() < 0.5 THEN substr($2::text, 1 + floor(random() * length($2::text))::int, 1) ELSE '' END AS plate_suffix
  FROM base b
),
shaped AS (
  SELECT d.*, car.brand, car.model, car.variant, car.body_type, car.fuel, car.engine_cc, car.seats, car.new_price,
         car.automatic_share, car.features, col.name AS color_name, col.en AS color_en, city.plate AS plate_letters, city.nearby,
         d.this_year - 1 - floor(d.r_age * 12)::int AS year,
         'STK-' || lpad(d.n::text, 4, '0') AS stock_code,
         1000 + floor(d.r_plate * 8999)::int AS plate_digits,
         current_date - floor(d.r_days * 240)::int AS in_stock_since
  FROM draws d
  JOIN bench_cars car ON d.r_car >= car.lo AND d.r_car < car.hi
  JOIN bench_colors col ON d.r_color >= col.lo AND d.r_color < col.hi
  JOIN bench_cities city ON city.name = d.tenant_city
),
aged AS (
  SELECT s.*, s.this_year - s.year AS age,
         (round((s.this_year - s.year) * (9000 + s.r_km * 9000) / 1000) * 1000 + 1000)::int AS mileage_km,
         -- Unique per showroom, so "newest first" has no ties and every query returns the same page.
         (s.in_stock_since + time '08:00' + s.n * interval '1 second') AS stocked_at
  FROM shaped s
)
INSERT INTO vehicles (tenant_id, stock_code, slug, brand, model, variant, year, transmission, fuel, engine_cc, mileage_km, color,
                      body_type, seats, price, negotiable, plate_number, plate_region, plate_parity, tax_valid_until, stnk_valid_until,
                      previous_owners, city, status, featured, description_id, description_en, features, in_stock_since, created_at, updated_at)
SELECT a.tenant_id, a.stock_code,
       trim(both '-' FROM regexp_replace(lower(a.brand || ' ' || a.model || ' ' || a.variant || ' ' || a.year), '[^a-z0-9]+', '-', 'g')) || '-' || lower(a.stock_code),
       a.brand, a.model, a.variant, a.year,
       (CASE WHEN a.r_trans < a.automatic_share THEN 'automatic' ELSE 'manual' END)::transmission,
       a.fuel::fuel, a.engine_cc, a.mileage_km, a.color_name, a.body_type::body_type, a.seats,
       -- Roughly 9% a year off the new price, rounded to the half million the way showrooms price.
       greatest(500000, round(a.new_price * power(0.91, a.age) * (0.95 + a.r_price * 0.1) / 500000) * 500000)::bigint,
       a.r_neg < 0.7,
       a.plate_letters || ' ' || a.plate_digits || ' ' || a.plate_suffix, a.plate_letters,
       (CASE WHEN a.plate_digits % 2 = 0 THEN 'even' ELSE 'odd' END)::plate_parity,
       make_date(a.this_year + CASE WHEN a.r_tax < 0.7 THEN 1 ELSE 0 END, 1 + floor(a.r_month * 12)::int, 15),
       -- The STNK is renewed every five years from first registration.
       make_date(a.year + 5 * ceil((a.age + 0.5) / 5)::int, 6, 1),
       1 + floor(a.r_owners * 2)::int,
       CASE WHEN a.r_city < 0.8 THEN a.tenant_city ELSE a.nearby[1 + floor(a.r_other * cardinality(a.nearby))::int] END,
       (CASE WHEN a.n <= 8 OR a.r_status < 0.72 THEN 'available' WHEN a.r_status < 0.84 THEN 'booked'
             WHEN a.r_status < 0.95 THEN 'sold' ELSE 'draft' END)::vehicle_status,
       a.n <= 6,
       format('%s %s %s tahun %s, warna %s, kilometer %s. Surat lengkap, pajak hidup, siap pakai.',
              a.brand, a.model, a.variant, a.year, lower(a.color_name), replace(to_char(a.mileage_km, 'FM999,999,999'), ',', '.')),
       format('%s %s %s %s in %s, %s km. Complete papers, tax paid, ready to drive.',
              a.year, a.brand, a.model, a.variant, lower(a.color_en), to_char(a.mileage_km, 'FM999,999,999')),
       a.features, a.in_stock_since, a.stocked_at, a.stocked_at
FROM aged a`;

async function insertShowroomsAndCars(client: pg.Client, log: Log): Promise<void> {
  const cars = weighted(DEMO_CARS, (car) => MODEL_WEIGHTS[car.model] ?? 1).map((car) => ({
    brand: car.brand,
    model: car.model,
    variant: car.variant,
    body_type: car.bodyType,
    fuel: car.fuel,
    engine_cc: car.engineCc,
    seats: car.seats,
    new_price: car.newPrice,
    automatic_share: car.automaticShare,
    features: car.features,
    lo: car.lo,
    hi: car.hi,
  }));
  const colors = weighted(DEMO_COLORS, (color) => COLOR_WEIGHTS[color.name] ?? 1).map(
    ({ name, en, lo, hi }) => ({ name, en, lo, hi }),
  );
  await client.query("BEGIN");
  try {
    // One transaction: an interrupted seed leaves nothing half-made behind.
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SELECT setseed(0.20261124)");
    await client.query(
      `CREATE TEMP TABLE bench_cars ON COMMIT DROP AS SELECT * FROM json_to_recordset($1::json) AS x(brand text, model text, variant text,
         body_type text, fuel text, engine_cc int, seats int, new_price bigint, automatic_share float8, features text[], lo float8, hi float8)`,
      [JSON.stringify(cars)],
    );
    await client.query(
      "CREATE TEMP TABLE bench_colors ON COMMIT DROP AS SELECT * FROM json_to_recordset($1::json) AS x(name text, en text, lo float8, hi float8)",
      [JSON.stringify(colors)],
    );
    await client.query(
      "CREATE TEMP TABLE bench_cities ON COMMIT DROP AS SELECT * FROM json_to_recordset($1::json) AS x(name text, plate text, nearby text[])",
      [JSON.stringify(CITIES.map(({ name, plate, nearby }) => ({ name, plate, nearby })))],
    );
    let started = performance.now();
    await client.query(
      `INSERT INTO tenants (slug, name, city, province, address, phone, whatsapp_number, email, tagline, theme, opening_hours, credit_rate_bps)
       SELECT slug, name, city, province, address, phone, whatsapp_number, email, tagline, theme, opening_hours, credit_rate_bps
       FROM json_to_recordset($1::json) AS x(slug text, name text, city text, province text, address text, phone text, whatsapp_number text,
            email text, tagline text, theme jsonb, opening_hours jsonb, credit_rate_bps int)`,
      [JSON.stringify(tenantRows())],
    );
    log(`${BENCH_TENANTS} showrooms inserted in ${seconds(started)}`);
    started = performance.now();
    const inserted = await client.query(VEHICLES_SQL, [VEHICLES_PER_TENANT, "ABCDEFGHJKLMNPRSTUVWXYZ"]);
    log(`${(inserted.rowCount ?? 0).toLocaleString("en-US")} vehicles inserted in ${seconds(started)}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** One photo through the app's real path (pipeline, storage, row), then that row copied to every car. */
async function insertPhotos(client: pg.Client, log: Log): Promise<void> {
  const { rows } = await client.query<{
    id: string;
    tenant_id: string;
    body_type: string | null;
    brand: string;
    model: string;
  }>(
    `SELECT v.id, v.tenant_id, v.body_type::text AS body_type, v.brand, v.model FROM vehicles v JOIN tenants t ON t.id = v.tenant_id
     WHERE t.slug = $1 ORDER BY v.stock_code LIMIT 1`,
    [benchSlug(1)],
  );
  const source = rows[0];
  if (!source) throw new Error("no bench vehicle to photograph");
  let started = performance.now();
  const bytes = await renderDemoCarPhoto({
    bodyType: source.body_type ?? "mpv",
    colorHex: "#f4f4f2",
    label: `${source.brand} ${source.model}`,
    seed: 1,
    angle: "front",
  });
  const photo = await withTenant(
    source.tenant_id,
    (tx) => storeVehiclePhoto(tx, { tenantId: source.tenant_id, vehicleId: source.id, bytes, isMain: true }),
    { timeout: 120_000 },
  );
  log(
    `one photo made by the app's pipeline (${readVariants(photo.variants).length} variants) in ${seconds(started)}`,
  );
  started = performance.now();
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL synchronous_commit = off");
    const copied = await client.query(
      `INSERT INTO vehicle_photos (tenant_id, vehicle_id, position, is_main, storage_key, variants, width, height, bytes, blur_data_url, created_at)
       SELECT v.tenant_id, v.id, 0, true, p.storage_key, p.variants, p.width, p.height, p.bytes, p.blur_data_url, v.created_at
       FROM vehicles v CROSS JOIN (SELECT * FROM vehicle_photos WHERE id = $1) p
       WHERE v.id <> p.vehicle_id`,
      [photo.id],
    );
    await client.query("COMMIT");
    log(
      `photo row copied to ${(copied.rowCount ?? 0).toLocaleString("en-US")} vehicles in ${seconds(started)}`,
    );
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Seeds unless the database already holds the complete bench data set; returns whether it seeded. */
export async function seedBenchIfNeeded(options: {
  client: pg.Client;
  force: boolean;
  log: Log;
}): Promise<boolean> {
  const { client, log } = options;
  const state = await benchDataState(client);
  if (!options.force && isComplete(state)) {
    log(
      `bench database already holds ${state.tenants.toLocaleString("en-US")} bench showrooms and ${state.vehicles.toLocaleString("en-US")} vehicles; not reseeding (--reseed forces it)`,
    );
    return false;
  }
  if (state.tenants || state.vehicles || state.photos) {
    log(
      options.force
        ? "reseeding (--reseed)"
        : `bench data incomplete (${state.tenants} showrooms, ${state.vehicles} vehicles, ${state.photos} photos); reseeding`,
    );
    await clearBenchData(client, log);
  }
  const started = performance.now();
  log(
    `seeding ${BENCH_TENANTS.toLocaleString("en-US")} showrooms x ${VEHICLES_PER_TENANT} vehicles with bulk SQL`,
  );
  await insertShowroomsAndCars(client, log);
  await insertPhotos(client, log);
  const analyzed = performance.now();
  await client.query("ANALYZE");
  log(`ANALYZE in ${seconds(analyzed)}; seeding took ${seconds(started)} in all`);
  return true;
}
