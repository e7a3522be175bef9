import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales.mjs";
import { MESSAGES } from "./messages";

type TTree = { [key: string]: string | TTree };

/** Every message as "Namespace.key.path" → text. */
const flatten = (tree: TTree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  );

/**
 * The ICU arguments and rich-text tags of a message: "{name}", "{count, plural, one {…} other {…}}" → count (and
 * whatever the branches use), "<link>…</link>" → <link>. A small reader of the ICU syntax the catalogs use.
 */
const placeholders = (message: string) => {
  const found = new Set<string>();
  const readMessage = (text: string) => {
    for (const [, tag] of text.matchAll(/<(\w+)>/g)) found.add(`<${tag}>`);
    let index = 0;
    while ((index = text.indexOf("{", index)) !== -1) {
      const end = matchingBrace(text, index);
      readArgument(text.slice(index + 1, end));
      index = end + 1;
    }
  };
  const readArgument = (body: string) => {
    const [name = "", kind, ...rest] = body.split(",");
    found.add(name.trim());
    if (!kind || !["plural", "select", "selectordinal"].includes(kind.trim())) return;
    const options = rest.join(",");
    let index = 0;
    while ((index = options.indexOf("{", index)) !== -1) {
      const end = matchingBrace(options, index);
      readMessage(options.slice(index + 1, end));
      index = end + 1;
    }
  };
  readMessage(message);
  return [...found].sort();
};

const matchingBrace = (text: string, open: number) => {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === "{") depth++;
    if (text[index] === "}" && --depth === 0) return index;
  }
  throw new Error(`Unbalanced braces in "${text}"`);
};

const english = flatten(MESSAGES.en as unknown as TTree);

describe.each(LOCALES.filter((locale) => locale !== "en"))("the %s catalog", (locale) => {
  const translated = flatten(MESSAGES[locale] as unknown as TTree);

  it("has exactly the English catalog's keys, none left empty", () => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(translated)) expect(text.trim(), key).not.toBe("");
  });

  it("uses the same placeholders and tags in every message, so no value goes missing in translation", () => {
    for (const [key, text] of Object.entries(english)) expect(placeholders(translated[key] ?? ""), key).toEqual(placeholders(text));
  });
});

it.each(LOCALES)("formats every %s message (valid ICU, every placeholder filled)", (locale) => {
  const errors: string[] = [];
  const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (error) => errors.push(error.message) });
  const messages = flatten(MESSAGES[locale] as unknown as TTree);
  expect(Object.keys(messages).length).toBeGreaterThan(200);
  for (const [key, text] of Object.entries(messages)) {
    const values = Object.fromEntries(placeholders(text).map((name) => (name.startsWith("<") ? [name.slice(1, -1), (chunks: unknown) => chunks] : [name, name === "kind" ? "client" : 2])));
    const formatted = t.rich(key as never, values as never);
    expect(formatted, key).toBeTruthy();
  }
  expect(errors).toEqual([]);
});
