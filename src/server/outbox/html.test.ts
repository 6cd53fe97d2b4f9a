import { describe, expect, it } from "vitest";
import { brandedEmailHtml } from "./html";

describe("an email's HTML", () => {
  it("heads the email with the studio's name on its colour", () => {
    const html = brandedEmailHtml({ studioName: "Riverside Running", brandColor: "#1d4ed8", text: "Hello" });
    expect(html).toContain('<td style="background:#1d4ed8;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold">Riverside Running</td>');
  });

  it("falls back to Stride's green without a colour, or with one white text cannot be read on", () => {
    expect(brandedEmailHtml({ studioName: "S", brandColor: null, text: "" })).toContain("background:#0f5e3f;color:#ffffff");
    expect(brandedEmailHtml({ studioName: "S", brandColor: "#ffff00", text: "" })).toContain("background:#0f5e3f;color:#ffffff");
  });

  it("escapes what people typed and makes links clickable", () => {
    const html = brandedEmailHtml({ studioName: "<b>Evil</b> & Co", brandColor: null, text: "Hi <script>x</script>\nOpen https://stride.example/invite/abc?x=1&y=2 now" });
    expect(html).toContain("&lt;b&gt;Evil&lt;/b&gt; &amp; Co");
    expect(html).toContain("Hi &lt;script&gt;x&lt;/script&gt;<br>");
    expect(html).toContain('<a href="https://stride.example/invite/abc?x=1&amp;y=2" style="color:#0f5e3f">https://stride.example/invite/abc?x=1&amp;y=2</a>');
    expect(html).not.toContain("<script>");
  });
});
