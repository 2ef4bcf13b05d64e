// A realistic stock file for import tests.
export const HEADER =
  "stock_code,brand,model,variant,year,transmission,fuel,mileage_km,color,body_type,price,status,city,plate_number,description";
const MODELS = [
  ["Toyota", "Avanza", "1.5 G", "mpv"],
  ["Honda", "Jazz", "1.5 RS", "hatchback"],
  ["Mitsubishi", "Xpander", "Ultimate", "mpv"],
  ["Daihatsu", "Terios", "R", "suv"],
] as const;

/** 60 rows; rows 11, 31 and 51 (spreadsheet numbering) carry one mistake each. */
export function sixtyRows(): string {
  const lines = [HEADER];
  for (let n = 1; n <= 60; n += 1) {
    const [brand, model, variant, body] = MODELS[n % MODELS.length] ?? MODELS[0];
    const year = n === 10 ? "1890" : String(2012 + (n % 12));
    const price = n === 30 ? "murah" : n % 2 ? `Rp ${(100 + n).toString()}.500.000` : `${150 + n} jt`;
    const transmission = n === 50 ? "setengah otomatis" : n % 3 ? "matic" : "MT";
    lines.push(
      [
        `S-${String(n).padStart(3, "0")}`,
        brand,
        model,
        variant,
        year,
        transmission,
        n % 5 ? "bensin" : "diesel",
        `${20 + n}rb`,
        "Putih",
        body,
        price,
        "tersedia",
        "Jakarta",
        `B ${1000 + n} ABC`,
        `"Mulus, ${n} km/jam, siap pakai"`,
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
