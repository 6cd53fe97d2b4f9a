// A studio's brand colour: the portal's header and buttons, the emails' header and the
// installed app's theme. White text sits on it, so it must pass WCAG AA for normal text.

/** WCAG AA for normal-size text: 4.5 to 1. */
export const MIN_CONTRAST_WITH_WHITE = 4.5;

/** Stride's own green, used when a studio has chosen none. */
export const DEFAULT_BRAND_COLOR = "#0f5e3f";

const HEX = /^#[0-9a-f]{6}$/;

/** "#RRGGBB" or "#rrggbb" (spaces around allowed) as lowercase "#rrggbb"; null for anything else. */
export function normalizeHexColor(text: string): string | null {
  const hex = text.trim().toLowerCase();
  return HEX.test(hex) ? hex : null;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Can white text be read on this colour (WCAG AA, 4.5:1)? */
export function isReadableUnderWhiteText(hex: string): boolean {
  return contrastRatio(hex, "#ffffff") >= MIN_CONTRAST_WITH_WHITE;
}

/** Why a typed brand colour cannot be used, as a sentence, or null when it can. */
export function brandColorProblem(text: string): string | null {
  const hex = normalizeHexColor(text);
  if (!hex) return "Enter the colour as # and six hex digits, e.g. #0f5e3f.";
  if (!isReadableUnderWhiteText(hex)) {
    const ratio = contrastRatio(hex, "#ffffff");
    return `White text on ${hex} has a contrast of ${ratio.toFixed(1)}:1; pick a darker colour (at least 4.5:1).`;
  }
  return null;
}

function mix(hex: string, toward: string, amount: number): string {
  const a = channels(hex);
  const b = channels(toward);
  return `#${a.map((c, i) => Math.round(c + (b[i]! - c) * amount).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The portal's brand shades from one colour, the way globals.css defines Stride's: 700 is the
 * colour itself (white text on it), 600 and 800 a little lighter and darker, 50 and 100 pale tints.
 */
export function brandShades(hex: string): Record<"50" | "100" | "600" | "700" | "800", string> {
  return { "50": mix(hex, "#ffffff", 0.93), "100": mix(hex, "#ffffff", 0.83), "600": mix(hex, "#ffffff", 0.12), "700": hex, "800": mix(hex, "#000000", 0.22) };
}
