// Demo car photos drawn locally (nothing is downloaded): a studio backdrop and a side-view car
// whose shape follows its body type, painted in its colour.
import sharp from "sharp";

export type DemoAngle = "front" | "side" | "rear";

interface Shape {
  /** Top of the lower body, its bottom, and the roof line. */
  beltY: number;
  sillY: number;
  roofY: number;
  /** Where the cabin starts and ends along the body (0..1 of its length). */
  cabinFrom: number;
  cabinTo: number;
  length: number;
  /** A pickup's open bed behind the cabin. */
  bed?: boolean;
}

const SHAPES: Record<string, Shape> = {
  sedan: { beltY: 545, sillY: 655, roofY: 420, cabinFrom: 0.28, cabinTo: 0.74, length: 820 },
  hatchback: { beltY: 545, sillY: 655, roofY: 415, cabinFrom: 0.3, cabinTo: 0.93, length: 700 },
  lcgc: { beltY: 540, sillY: 655, roofY: 405, cabinFrom: 0.26, cabinTo: 0.94, length: 720 },
  suv: { beltY: 520, sillY: 665, roofY: 380, cabinFrom: 0.26, cabinTo: 0.95, length: 820 },
  mpv: { beltY: 530, sillY: 660, roofY: 375, cabinFrom: 0.2, cabinTo: 0.96, length: 840 },
  pickup: { beltY: 525, sillY: 665, roofY: 385, cabinFrom: 0.24, cabinTo: 0.52, length: 860, bed: true },
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

function shade(hex: string, amount: number): string {
  const value = Number.parseInt(hex.replace("#", ""), 16);
  const channel = (shift: number) =>
    Math.max(0, Math.min(255, Math.round(((value >> shift) & 255) * (1 + amount))));
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, "0")).join("")}`;
}

function carSvg(shape: Shape, color: string): string {
  const left = 640 - shape.length / 2;
  const right = left + shape.length;
  const cabinLeft = left + shape.length * shape.cabinFrom;
  const cabinRight = left + shape.length * shape.cabinTo;
  const rake = (shape.beltY - shape.roofY) * 0.55;
  const wheelR = shape.sillY - shape.beltY > 130 ? 66 : 58;
  const frontWheel = left + shape.length * 0.17;
  const rearWheel = left + shape.length * 0.8;
  const body = `M ${left + 18} ${shape.sillY} L ${left} ${shape.beltY + 40} Q ${left + 6} ${shape.beltY + 4} ${left + 60} ${shape.beltY} L ${right - 40} ${shape.beltY - 6} Q ${right} ${shape.beltY} ${right} ${shape.beltY + 45} L ${right - 10} ${shape.sillY} Z`;
  const cabin = `M ${cabinLeft} ${shape.beltY} L ${cabinLeft + rake} ${shape.roofY + 8} Q ${cabinLeft + rake + 10} ${shape.roofY} ${cabinLeft + rake + 40} ${shape.roofY} L ${cabinRight - 40} ${shape.roofY} Q ${cabinRight - 10} ${shape.roofY} ${cabinRight - 6} ${shape.roofY + 20} L ${cabinRight} ${shape.beltY} Z`;
  const glassTop = shape.roofY + 18;
  const pillar = cabinLeft + (cabinRight - cabinLeft) * 0.5;
  const windowFront = `M ${cabinLeft + 22} ${shape.beltY - 10} L ${cabinLeft + rake + 8} ${glassTop} L ${pillar - 8} ${glassTop} L ${pillar - 8} ${shape.beltY - 10} Z`;
  const windowRear = `M ${pillar + 8} ${shape.beltY - 10} L ${pillar + 8} ${glassTop} L ${cabinRight - 30} ${glassTop} Q ${cabinRight - 18} ${glassTop + 4} ${cabinRight - 16} ${shape.beltY - 10} Z`;
  const wheel = (x: number) => `
    <circle cx="${x}" cy="${shape.sillY}" r="${wheelR + 6}" fill="#101114"/>
    <circle cx="${x}" cy="${shape.sillY}" r="${wheelR}" fill="#23252b"/>
    <circle cx="${x}" cy="${shape.sillY}" r="${wheelR * 0.62}" fill="url(#rim)"/>
    <circle cx="${x}" cy="${shape.sillY}" r="${wheelR * 0.16}" fill="#6c717a"/>`;
  const bed = shape.bed
    ? `<rect x="${cabinRight + 6}" y="${shape.beltY - 38}" width="${right - cabinRight - 20}" height="40" rx="6" fill="${shade(color, -0.18)}"/>`
    : "";
  return `
    <ellipse cx="640" cy="${shape.sillY + wheelR + 4}" rx="${shape.length * 0.56}" ry="26" fill="#000" opacity="0.22" filter="url(#soft)"/>
    <path d="${cabin}" fill="${shade(color, -0.08)}"/>
    ${bed}
    <path d="${body}" fill="url(#paint)"/>
    <path d="${windowFront}" fill="url(#glass)"/>
    <path d="${windowRear}" fill="url(#glass)"/>
    <line x1="${left + 40}" y1="${shape.beltY + 38}" x2="${right - 30}" y2="${shape.beltY + 32}" stroke="${shade(color, 0.35)}" stroke-width="4" opacity="0.6"/>
    <rect x="${right - 34}" y="${shape.beltY + 12}" width="26" height="16" rx="5" fill="#b91c1c"/>
    <rect x="${left + 6}" y="${shape.beltY + 14}" width="34" height="16" rx="6" fill="#fef3c7"/>
    ${wheel(frontWheel)}
    ${wheel(rearWheel)}`;
}

export interface DemoPhotoOptions {
  bodyType: string | null;
  colorHex: string;
  label: string;
  seed: number;
  angle?: DemoAngle;
  width?: number;
}

export async function renderDemoCarPhoto(options: DemoPhotoOptions): Promise<Buffer> {
  const shape = SHAPES[options.bodyType ?? "sedan"] ?? SHAPES.sedan;
  if (!shape) throw new Error("no car shape");
  const hue = (options.seed * 47) % 360;
  const angle = options.angle ?? "side";
  const mirror = angle === "rear" ? `transform="translate(1280 0) scale(-1 1)"` : "";
  const wall = angle === "front" ? "#e8ecf2" : angle === "side" ? "#eef0ea" : "#ece9f1";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="960" viewBox="0 0 1280 960">
  <defs>
    <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${wall}"/><stop offset="1" stop-color="#fafafa"/></linearGradient>
    <linearGradient id="floor" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#d5d8de"/><stop offset="1" stop-color="#b8bcc4"/></linearGradient>
    <linearGradient id="paint" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(options.colorHex, 0.22)}"/><stop offset="0.55" stop-color="${options.colorHex}"/><stop offset="1" stop-color="${shade(options.colorHex, -0.35)}"/></linearGradient>
    <linearGradient id="glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#9fb4c8"/><stop offset="1" stop-color="#2c3a4a"/></linearGradient>
    <radialGradient id="rim"><stop offset="0" stop-color="#e5e7eb"/><stop offset="1" stop-color="#8b9099"/></radialGradient>
    <radialGradient id="spot" cx="0.5" cy="0.35" r="0.6"><stop offset="0" stop-color="hsl(${hue} 40% 96%)"/><stop offset="1" stop-color="hsl(${hue} 20% 90%)" stop-opacity="0"/></radialGradient>
    <filter id="soft"><feGaussianBlur stdDeviation="14"/></filter>
  </defs>
  <rect width="1280" height="960" fill="url(#wall)"/>
  <rect width="1280" height="960" fill="url(#spot)"/>
  <rect y="700" width="1280" height="260" fill="url(#floor)"/>
  <g ${mirror}>${carSvg(shape, options.colorHex)}</g>
  <rect x="40" y="860" width="${Math.min(1200, 24 + options.label.length * 22)}" height="60" rx="12" fill="#0f172a" opacity="0.78"/>
  <text x="62" y="901" font-family="DejaVu Sans, Arial, sans-serif" font-size="34" font-weight="700" fill="#fff">${escapeXml(options.label)}</text>
</svg>`;
  return sharp(Buffer.from(svg))
    .resize({ width: options.width ?? 1280 })
    .jpeg({ quality: 85 })
    .toBuffer();
}
