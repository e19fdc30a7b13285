/**
 * The small set of rules the settings need (text, number, choice, yes/no, web address, id list), with
 * the problem said in Dutch for the maintainer who edits .env. Every command reads the settings first,
 * so this stays a few plain functions: a general validation library costs a question ~0.1 s to load.
 */
import { readNumberForm } from "./settings-number-forms.js";

/** Turns the text of one variable into its value, or throws a SettingProblem saying what is wrong. */
export type Rule<T> = (raw: string) => T;
export type Setting<T> = { rule: Rule<unknown>; fallback: () => T };
export type Values<S extends Record<string, Setting<unknown>>> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

export class SettingProblem extends Error {}

/** The value when the variable is set; `fallback` when it is absent or empty. */
export function withDefault<T>(rule: Rule<T>, fallback: T): Setting<T> {
  return { rule, fallback: () => (Array.isArray(fallback) ? ([...fallback] as T) : fallback) };
}

export function optional<T>(rule: Rule<T>): Setting<T | undefined> {
  return { rule, fallback: () => undefined };
}

export function text(options: { pattern?: RegExp; message?: string; minLength?: number } = {}): Rule<string> {
  return (raw) => {
    if (raw.length < (options.minLength ?? 1)) throw new SettingProblem(options.message ?? `moet minstens ${options.minLength} tekens lang zijn`);
    if (options.pattern && !options.pattern.test(raw)) throw new SettingProblem(options.message ?? "heeft niet de verwachte vorm");
    return raw;
  };
}

/** An http(s) address, as written without the spaces around it and with its scheme in lower case. */
export function webAddress(): Rule<string> {
  return (raw) => {
    const text = raw.trim();
    try {
      new URL(text);
    } catch {
      throw new SettingProblem("moet een webadres zijn, bijvoorbeeld https://voorbeeld.nl");
    }
    if (!/^https?:\/\/[^/]/i.test(text)) throw new SettingProblem("moet beginnen met http:// of https://");
    return text.replace(/^https?:/i, (scheme) => scheme.toLowerCase());
  };
}

/**
 * The address people open (PUBLIC_BASE_URL): every link is made by adding a path to it, so a query,
 * a fragment or a user name in it would make each one broken ("…?x=1/tolk#sleutel=…").
 */
export function publicAddress(): Rule<string> {
  const address = webAddress();
  return (raw) => {
    const text = address(raw);
    const url = new URL(text);
    if (url.search || url.hash || url.username || url.password) throw new SettingProblem("alleen het adres, zonder ?…, #… of gebruikersnaam, bijvoorbeeld https://vraag.ons-netwerk.nl");
    return text;
  };
}

export function number(options: { integer?: boolean; min?: number; max?: number; positive?: boolean } = {}): Rule<number> {
  return (raw) => {
    // A Dutch thousands dot ("1.000" days) would be read as 1, a decimal comma not at all.
    const form = readNumberForm(raw.trim(), options);
    if ("problem" in form) throw new SettingProblem(form.problem);
    const value = Number(form.text);
    if (!raw.trim() || !Number.isFinite(value)) throw new SettingProblem("moet een getal zijn");
    if (options.integer && !Number.isInteger(value)) throw new SettingProblem("moet een heel getal zijn");
    if (options.positive && value <= 0) throw new SettingProblem("moet groter dan 0 zijn");
    if (options.min !== undefined && value < options.min) throw new SettingProblem(`moet minstens ${options.min} zijn`);
    if (options.max !== undefined && value > options.max) throw new SettingProblem(`mag hoogstens ${options.max} zijn`);
    return value;
  };
}

export function oneOf<const T extends string>(choices: readonly T[]): Rule<T> {
  return (raw) => {
    if ((choices as readonly string[]).includes(raw)) return raw as T;
    throw new SettingProblem(`moet een van deze zijn: ${choices.join(", ")}`);
  };
}

const YES = new Set(["true", "1", "yes", "ja"]);
const NO = new Set(["false", "0", "no", "nee"]);

export function yesNo(): Rule<boolean> {
  return (raw) => {
    const word = raw.trim().toLowerCase();
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
    throw new SettingProblem("moet true of false zijn (ja/nee mag ook)");
  };
}

/** A comma-separated list; each item checked by `item`. Empty: no items. */
export function list(item: Rule<string>): Rule<string[]> {
  return (raw) =>
    raw
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map(item);
}

/**
 * Reads every setting of the schema from env (absent and empty mean "not set"); returns the values,
 * or every problem found, each as "NAME: what is wrong".
 */
export function readSettings<S extends Record<string, Setting<unknown>>>(schema: S, env: Record<string, string | undefined>): { values: Values<S> } | { problems: Array<{ name: string; message: string }> } {
  const values: Record<string, unknown> = {};
  const problems: Array<{ name: string; message: string }> = [];
  for (const [name, setting] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw === "") {
      values[name] = setting.fallback();
      continue;
    }
    try {
      values[name] = setting.rule(raw);
    } catch (error) {
      if (!(error instanceof SettingProblem)) throw error;
      problems.push({ name, message: error.message });
    }
  }
  return problems.length ? { problems } : { values: values as Values<S> };
}
