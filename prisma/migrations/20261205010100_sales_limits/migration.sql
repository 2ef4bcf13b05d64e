-- What sales staff may do to stock, per showroom (owners and admins are never limited):
--   * sales_may_mark_sold: whether a salesperson may mark a car sold (on by default: closing a
--     deal is their daily work);
--   * sales_max_price_cut_pct: how far below the approved price a salesperson may cut (5 % by
--     default; 0 forbids cuts, 100 allows any).
-- vehicles.approved_price is the price an owner, admin or the system last set (or the first
-- price): sales cuts are measured from it, so five cuts of 5 % never add up to 25 %.
ALTER TABLE "tenants" ADD COLUMN "sales_may_mark_sold" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "sales_max_price_cut_pct" INTEGER NOT NULL DEFAULT 5;

ALTER TABLE "tenants" ADD CONSTRAINT "tenants_sales_price_cut_pct_range"
  CHECK ("sales_max_price_cut_pct" BETWEEN 0 AND 100);

ALTER TABLE "vehicles" ADD COLUMN "approved_price" BIGINT;

UPDATE "vehicles" SET "approved_price" = "price";
