import { describe, expect, it } from "vitest";
import { normalizePhone } from "@/lib/core/phone";
import { checkSlug, slugify } from "@/lib/tenancy/slug";

describe("showroom slugs", () => {
  it("refuses names the platform uses for itself", () => {
    for (const name of ["admin", "dashboard", "login", "api", "www"])
      expect(checkSlug(name)).toBe("reserved");
  });
  it("refuses malformed slugs", () => {
    for (const name of ["", "-maju", "maju-", "Maju", "maju motor", "a".repeat(64)])
      expect(checkSlug(name)).toBe("format");
  });
  it("accepts ordinary slugs", () => {
    expect(checkSlug("maju-motor-2")).toBeNull();
  });
  it("makes slugs from names", () => {
    expect(slugify("Toyota Avanza 1.5 G (2019)")).toBe("toyota-avanza-1-5-g-2019");
    expect(slugify("Škoda Café")).toBe("skoda-cafe");
  });
});

describe("phone numbers", () => {
  it("stores Indonesian numbers with the country code first", () => {
    expect(normalizePhone("0812-3456-7890")).toBe("6281234567890");
    expect(normalizePhone("+62 812 3456 7890")).toBe("6281234567890");
    expect(normalizePhone("812 3456 7890")).toBe("6281234567890");
  });
  it("refuses what is not a phone number", () => {
    expect(normalizePhone("halo")).toBeNull();
    expect(normalizePhone("123")).toBeNull();
  });
});
