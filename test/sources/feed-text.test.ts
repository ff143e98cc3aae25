import { describe, expect, it } from "vitest";
import { decodeFeedText } from "../../src/sources/feed-text.js";

describe("decodeFeedText", () => {
  it("decodes doubly escaped entities from CDATA descriptions", () => {
    expect(decodeFeedText("<p>Тема &amp;laquo;Видение 2040&amp;raquo;</p>")).toBe("Тема «Видение 2040»");
    expect(decodeFeedText("&amp;quot;Trend&amp;quot; &amp;mdash; агентство")).toBe('"Trend" — агентство');
  });

  it("keeps an escaped angle bracket as text, not markup", () => {
    expect(decodeFeedText("Рост &lt;5%&gt; за &amp;laquo;квартал&amp;raquo;")).toBe("Рост <5%> за «квартал»");
  });

  it("drops tags, keeps words apart across blocks and breaks, normalizes spaces", () => {
    expect(decodeFeedText("<p>Один</p><p>два<br>три</p><script>x</script>\u00A0")).toBe("Один два три");
    expect(decodeFeedText("  Просто\u00A0текст ")).toBe("Просто текст");
  });
});
