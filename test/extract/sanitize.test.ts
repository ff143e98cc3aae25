import { describe, expect, it } from "vitest";
import { sanitizeFragment } from "../../src/extract/sanitize.js";

const BASE = "https://ru.trend.az/azerbaijan/business/4108303.html";

describe("sanitizeFragment", () => {
  it("keeps paragraph-level markup and makes links and images absolute", () => {
    expect(
      sanitizeFragment(
        '<p>Текст <strong>жирный</strong>, <em>курсив</em>,<br><a href="/other/1.html" onclick="x()">ссылка</a> <img src="../img/a.jpg" alt="фото" onload="x()"></p>',
        BASE,
      ),
    ).toBe(
      '<p>Текст <strong>жирный</strong>, <em>курсив</em>,<br /><a href="https://ru.trend.az/other/1.html">ссылка</a> <img alt="фото" src="https://ru.trend.az/azerbaijan/img/a.jpg" /></p>',
    );
  });

  it("drops scripts, styles, iframes and forms with their content, and unknown tags but not their text", () => {
    const html =
      '<div class="x" style="color:red"><span>до</span><script>alert(1)</script><style>p{}</style><iframe src="https://evil.example/"></iframe><form><input value="v">форма</form> после</div>';
    expect(sanitizeFragment(html, BASE)).toBe("до после");
  });

  it("removes javascript: and data: URLs, and images left without a source", () => {
    expect(sanitizeFragment('<a href="javascript:alert(1)">a</a>', BASE)).toBe("<a>a</a>");
    expect(sanitizeFragment('<a href=" JaVaScRiPt:alert(1)">a</a>', BASE)).toBe("<a>a</a>");
    expect(sanitizeFragment('<img src="data:image/png;base64,AAAA">x', BASE)).toBe("x");
    expect(sanitizeFragment('<a href="mailto:agency@trend.az">почта</a>', BASE)).toBe(
      '<a href="mailto:agency@trend.az">почта</a>',
    );
  });

  it("drops in-page anchors but keeps links to other pages' fragments", () => {
    expect(sanitizeFragment('<a href="#comments">к комментариям</a>', BASE)).toBe("<a>к комментариям</a>");
    expect(sanitizeFragment('<a href="/a/2.html#x">там</a>', BASE)).toBe(
      '<a href="https://ru.trend.az/a/2.html#x">там</a>',
    );
  });

  it("strips XML-invalid control characters and bidi overrides", () => {
    expect(sanitizeFragment("<p>a\u0001b\u202Ec\uFFFE</p>", BASE)).toBe("<p>abc</p>");
  });

  it("escapes text so that it cannot become markup", () => {
    expect(sanitizeFragment("<p>1 &lt; 2 &amp; &lt;script&gt;</p>", BASE)).toBe(
      "<p>1 &lt; 2 &amp; &lt;script&gt;</p>",
    );
  });
});

describe("sanitizeFragment on plain text (the path that skips sanitize-html)", () => {
  const ALPHABET = [..."аб Bəİı«»—…\"'=/!?-:;.,()[]{}#%*+~`|\\^$@\u00A0\t\n\r\u2009€№"];

  it("gives back what sanitize-html gives back, for text with nothing to escape", () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    for (let i = 0; i < 2000; i++) {
      let s = "";
      for (let n = Math.floor(next() * 20); n > 0; n--) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
      // Wrapped in allowed tags, the text goes through sanitize-html itself: it must come out unchanged.
      expect(sanitizeFragment(`<b>${s}</b>`, BASE), JSON.stringify(s)).toBe(`<b>${s}</b>`);
      expect(sanitizeFragment(s, BASE)).toBe(s.trim());
    }
  });

  it("still escapes, strips and re-parses whatever needs it", () => {
    expect(sanitizeFragment("a > b & c", BASE)).toBe("a &gt; b &amp; c");
    expect(sanitizeFragment("a\u0007b\u202Ec", BASE)).toBe("abc");
    expect(sanitizeFragment("x <script>y</script>", BASE)).toBe("x");
  });
});
