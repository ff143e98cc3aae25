import { describe, expect, it } from "vitest";
import { articleKeyCandidates, canonicalize } from "../../src/sources/canonical-url.js";

const trend = (url: string, aliases?: string[][]) => canonicalize(url, { profile: "trend", aliases });
const generic = (url: string, aliases?: string[][]) => canonicalize(url, { profile: "generic", aliases });

describe("canonicalize: Trend", () => {
  it("keys an article by edition host and numeric id, whatever the section path", () => {
    expect(trend("https://ru.trend.az/azerbaijan/business/4108303.html")).toEqual({
      url: "https://ru.trend.az/azerbaijan/business/4108303.html",
      key: "ru.trend.az/4108303",
      siteId: "4108303",
    });
    expect(trend("https://ru.trend.az/azerbaijan/politics/4108303.html").key).toBe("ru.trend.az/4108303");
  });

  it("folds scheme, host case, default port, fragment and tracking parameters", () => {
    const r = trend(
      "http://RU.Trend.AZ:80/azerbaijan/business/4108303.html?utm_source=rss&utm_medium=x&fbclid=1&gclid=2&yclid=3&_openstat=4#comments",
    );
    expect(r).toEqual({
      url: "http://ru.trend.az/azerbaijan/business/4108303.html",
      key: "ru.trend.az/4108303",
      siteId: "4108303",
    });
  });

  it("treats en.trend.az and www.trend.az as one edition, ru and az as separate ones", () => {
    expect(trend("https://en.trend.az/business/4108394.html").key).toBe("www.trend.az/4108394");
    expect(trend("https://www.trend.az/business/4108394.html").key).toBe("www.trend.az/4108394");
    expect(trend("https://az.trend.az/azerbaijan/incident/3463754.html").key).toBe("az.trend.az/3463754");
    expect(trend("https://ru.trend.az/business/4108394.html").key).not.toBe("www.trend.az/4108394");
  });

  it("applies configured alias groups, whichever member they name first", () => {
    expect(trend("https://en.trend.az/business/1.html", [["en.trend.az", "www.trend.az"]]).key).toBe(
      "www.trend.az/1",
    );
    expect(trend("https://mirror.trend.az/a/2.html", [["ru.trend.az", "mirror.trend.az"]]).key).toBe(
      "ru.trend.az/2",
    );
  });

  it("recognises the id on any host the profile is used for (local test sites included)", () => {
    expect(trend("http://127.0.0.1:8123/azerbaijan/business/7.html")).toEqual({
      url: "http://127.0.0.1:8123/azerbaijan/business/7.html",
      key: "127.0.0.1:8123/7",
      siteId: "7",
    });
  });

  it("falls back to the generic key for Trend pages without an id", () => {
    expect(trend("https://ru.trend.az/latest/?utm_campaign=x")).toEqual({
      url: "https://ru.trend.az/latest/",
      key: "ru.trend.az/latest",
      siteId: null,
    });
  });
});

describe("canonicalize: generic", () => {
  it("keeps meaningful query parameters, sorted in the key, and drops a trailing slash from the key", () => {
    const a = generic("https://News.Example.com/story/?b=2&a=1&utm_content=z");
    const b = generic("http://news.example.com/story?a=1&b=2");
    expect(a.url).toBe("https://news.example.com/story/?b=2&a=1");
    expect(a.key).toBe("news.example.com/story?a=1&b=2");
    expect(b.key).toBe(a.key);
    expect(a.siteId).toBeNull();
  });

  it("does not read a numeric .html as an id outside the Trend profile", () => {
    expect(generic("https://report.az/ru/biznes/4108303.html").key).toBe("report.az/ru/biznes/4108303.html");
  });

  it("keeps non-default ports and folds alias groups", () => {
    expect(generic("https://example.com:8443/a").key).toBe("example.com:8443/a");
    expect(generic("https://example.com:443/a").key).toBe("example.com/a");
    expect(generic("https://m.example.com/a", [["example.com", "m.example.com"]]).key).toBe("example.com/a");
  });

  it("refuses what is not an absolute http(s) URL, naming it", () => {
    expect(() => generic("/relative/path")).toThrow('"/relative/path" is not an absolute URL');
    expect(() => generic("ftp://example.com/a")).toThrow("not an http(s) URL");
  });
});

describe("articleKeyCandidates", () => {
  it("turns a bare id into the keys of every Trend edition", () => {
    expect(articleKeyCandidates(" 4108303 ")).toEqual([
      "ru.trend.az/4108303",
      "az.trend.az/4108303",
      "www.trend.az/4108303",
    ]);
  });

  it("turns an alias URL, with or without scheme, into the stored key", () => {
    expect(articleKeyCandidates("http://en.trend.az/business/4108394.html?utm_source=x")).toContain(
      "www.trend.az/4108394",
    );
    expect(articleKeyCandidates("ru.trend.az/azerbaijan/business/4108303.html")).toContain(
      "ru.trend.az/4108303",
    );
  });

  it("offers the generic key too, for sources using the generic profile", () => {
    expect(articleKeyCandidates("https://news.example.com/story/?utm_source=a")).toEqual([
      "news.example.com/story",
    ]);
    expect(articleKeyCandidates("https://report.az/ru/a/12.html")).toEqual([
      "report.az/12",
      "report.az/ru/a/12.html",
    ]);
  });

  it("gives nothing for text that is no URL", () => {
    expect(articleKeyCandidates("not a url at all")).toEqual([]);
  });
});
