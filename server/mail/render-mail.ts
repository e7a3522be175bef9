import type { TLocale } from "@/lib/i18n/locales.mjs";

/**
 * A mail's content, written once and rendered as both parts, so the plain text and the HTML always say the same:
 * a paragraph, or label/value rows (order lines, totals, service details).
 */
export type MailBlock = string | { rows: readonly (readonly [label: string, value: string])[] };

export type RenderedMail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Every value that reaches the HTML part goes through here: names, product names and notes come from users. */
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

const textBlock = (block: MailBlock) => (typeof block === "string" ? block : block.rows.map(([label, value]) => `${label}: ${value}`).join("\n"));

const htmlBlock = (block: MailBlock) => {
  if (typeof block === "string") return `<p style="margin:0 0 16px">${escapeHtml(block).replace(/\n/g, "<br>")}</p>`;
  const rows = block.rows
    .map(([label, value]) => `<tr><td style="padding:2px 24px 2px 0">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`)
    .join("");
  return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`;
};

/**
 * Renders the plain-text and HTML parts. The HTML is deliberately plain (inline styles, no images or external
 * resources), so it reads the same in every mail client and nothing is fetched when it is opened.
 */
export const renderMail = ({ subject, blocks, locale = "en" }: { subject: string; blocks: readonly MailBlock[]; locale?: TLocale }): RenderedMail => ({
  subject,
  text: blocks.map(textBlock).join("\n\n"),
  html: [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1e293b">`,
    ...blocks.map(htmlBlock),
    "</body></html>",
  ].join(""),
});
