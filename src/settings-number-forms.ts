/**
 * Numbers in .env as a Dutch maintainer may write them. A thousands dot ("1.000" days) would be read
 * as 1; a decimal comma ("1,5") would not be read at all. A whole number with a thousands dot or comma
 * is refused with the number to write; a decimal comma is read as a decimal point; and where a setting
 * may hold a fraction, a dot or comma followed by exactly three digits ("1.000", "2,500") could mean
 * either, so it is refused with both ways to write it (a leading 0, as in "0.550", is no thousand).
 */
export function readNumberForm(text: string, options: { integer?: boolean; max?: number }): { text: string } | { problem: string } {
  const grouped = /^[1-9]\d{0,2}([.,])\d{3}(?:\1\d{3})*$/.exec(text);
  if (grouped) {
    const mark = grouped[1] as "." | ",";
    const whole = text.split(mark).join("");
    if (options.integer || text.split(mark).length > 2) {
      return { problem: `schrijf het getal zonder ${mark === "." ? "punt" : "komma"}, dus ${whole} in plaats van ${text}` };
    }
    const fraction = Number(text.replace(",", "."));
    const written = Number.isInteger(fraction) ? `${fraction}.0` : String(fraction);
    if (options.max !== undefined && Number(whole) > options.max) {
      return { problem: `"${text}" kan ${whole} of ${fraction} betekenen, en hoogstens ${options.max} mag: schrijf ${written}` };
    }
    return { problem: `"${text}" kan ${whole} of ${fraction} betekenen: schrijf ${whole} of ${written}` };
  }
  if (/^-?\d+,\d+$/.test(text)) return { text: text.replace(",", ".") };
  return { text };
}
