import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeBody, sniffDeclaredCharset } from "../../src/fetch/charset.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/fetch/${name}`, import.meta.url));
const expectedLead = readFileSync(
  new URL("../fixtures/fetch/expected-text.txt", import.meta.url),
  "utf8",
).trim();

describe("decodeBody", () => {
  it("decodes windows-1251 named by the Content-Type header", () => {
    const out = decodeBody(fixture("cp1251-no-meta.html"), "text/html; charset=windows-1251");
    expect(out.charset).toBe("windows-1251");
    expect(out.text).toContain(expectedLead);
    expect(out.text).toContain("<title>Заседание ОТГ</title>");
  });

  it("accepts a quoted, upper-case header label and an alias (cp1251)", () => {
    expect(decodeBody(fixture("cp1251-no-meta.html"), 'text/html; CHARSET="CP1251"').text).toContain(
      expectedLead,
    );
  });

  it("finds <meta charset> when the header has none", () => {
    const out = decodeBody(fixture("cp1251-meta-charset.html"), "text/html");
    expect(out.charset).toBe("windows-1251");
    expect(out.text).toContain(expectedLead);
  });

  it("finds <meta http-equiv=content-type> when there is no header at all", () => {
    const out = decodeBody(fixture("cp1251-meta-http-equiv.html"), null);
    expect(out.charset).toBe("windows-1251");
    expect(out.text).toContain(expectedLead);
  });

  it("finds the XML declaration's encoding in a feed", () => {
    const out = decodeBody(fixture("cp1251-xml-decl.xml"), "application/rss+xml");
    expect(out.charset).toBe("windows-1251");
    expect(out.text).toContain(expectedLead);
    expect(out.text.startsWith("<?xml")).toBe(true);
  });

  it("lets a UTF-8 BOM win over a header that says windows-1251, and strips the BOM", () => {
    const out = decodeBody(fixture("utf8-bom.html"), "text/html; charset=windows-1251");
    expect(out.charset).toBe("utf-8");
    expect(out.text.startsWith("<!doctype html>")).toBe(true);
    expect(out.text).toContain(expectedLead);
  });

  it("decodes UTF-16 with a BOM", () => {
    const text = "<p>Организация тюркских государств</p>";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeBody(bytes, "text/html")).toEqual({ text, charset: "utf-16le" });
  });

  it("lets the header win over a <meta> that disagrees", () => {
    const bytes = Buffer.from('<meta charset="windows-1251"><p>Баку</p>', "utf8");
    const out = decodeBody(bytes, "text/html; charset=utf-8");
    expect(out.charset).toBe("utf-8");
    expect(out.text).toContain("Баку");
  });

  it("skips an unknown header label and falls back to <meta>, then to UTF-8", () => {
    const withMeta = decodeBody(fixture("cp1251-meta-charset.html"), "text/html; charset=x-no-such-thing");
    expect(withMeta.charset).toBe("windows-1251");
    expect(withMeta.text).toContain(expectedLead);
    const plain = decodeBody(Buffer.from("<p>Баку</p>", "utf8"), "text/html; charset=klingon");
    expect(plain).toEqual({ text: "<p>Баку</p>", charset: "utf-8" });
  });

  it("defaults to UTF-8 and replaces invalid bytes with U+FFFD instead of throwing", () => {
    const out = decodeBody(fixture("utf8-invalid.html"), "text/html");
    expect(out.charset).toBe("utf-8");
    expect(out.text).toContain("\uFFFD");
    expect(out.text).toContain(expectedLead);
  });

  it("treats a <meta> claiming UTF-16 in an ASCII-readable page as UTF-8", () => {
    const out = decodeBody(Buffer.from('<meta charset="utf-16"><p>Баку</p>', "utf8"), null);
    expect(out).toEqual({ text: '<meta charset="utf-16"><p>Баку</p>', charset: "utf-8" });
  });

  it("only sniffs the first 2 KB", () => {
    const late = Buffer.from(`${" ".repeat(4096)}<meta charset="windows-1251">`, "latin1");
    expect(sniffDeclaredCharset(late)).toBeNull();
    expect(decodeBody(late, null).charset).toBe("utf-8");
  });

  it("decodes an empty body", () => {
    expect(decodeBody(new Uint8Array(0), null)).toEqual({ text: "", charset: "utf-8" });
  });
});

describe("charsetFromContentType", () => {
  it.each([
    ["text/html; charset=UTF-8", "UTF-8"],
    ['text/xml;charset="windows-1251"', "windows-1251"],
    ["text/html; foo=bar; charset=koi8-r; x=y", "koi8-r"],
    ["text/html", null],
    [null, null],
  ])("%s -> %s", (header, label) => {
    expect(charsetFromContentType(header)).toBe(label);
  });
});
