import { describe, expect, it } from "vitest";
import { renderMail } from "./render-mail";

describe("renderMail", () => {
  const mail = renderMail({
    subject: `Order #7 for "Tom & Jerry's" <Ltd>`,
    blocks: ["Hello <script>alert(1)</script>,", "Line one\nLine two", { rows: [["Starter (Monthly)", "$5.99"], ["<b>Total</b>", "$6.48"]] }],
  });

  it("writes the same content as plain text, paragraphs apart, rows as label: value", () => {
    expect(mail.text).toBe("Hello <script>alert(1)</script>,\n\nLine one\nLine two\n\nStarter (Monthly): $5.99\n<b>Total</b>: $6.48");
  });

  it("escapes every value in the HTML part", () => {
    expect(mail.html).toContain("<title>Order #7 for &quot;Tom &amp; Jerry&#39;s&quot; &lt;Ltd&gt;</title>");
    expect(mail.html).toContain("Hello &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(mail.html).toContain("<td style=\"padding:2px 24px 2px 0\">&lt;b&gt;Total&lt;/b&gt;</td>");
    expect(mail.html).not.toMatch(/<script|<b>/);
  });

  it("keeps line breaks inside a paragraph", () => {
    expect(mail.html).toContain("Line one<br>Line two");
  });
});
