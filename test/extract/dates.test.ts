import { describe, expect, it } from "vitest";
import { parseTrendDate } from "../../src/extract/dates.js";
import { toUtcIso } from "../../src/sources/dates.js";

describe("parseTrendDate: page date lines", () => {
  it.each([
    ["24 октября 2025 14:35 (UTC +04:00)", "2025-10-24T10:35:00.000Z"],
    ["6 Dekabr 2025 15:49 (UTC +04:00)", "2025-12-06T11:49:00.000Z"],
    ["24 October 2025 14:35 (UTC +04:00)", "2025-10-24T10:35:00.000Z"],
    ["3 мая 2025 09:00", "2025-05-03T05:00:00.000Z"],
    ["24 марта 2025 10:00 (UTC +04:00)", "2025-03-24T06:00:00.000Z"],
    ["3 İyun 2025 09:00", "2025-06-03T05:00:00.000Z"],
    ["3 İyul 2025 09:00", "2025-07-03T05:00:00.000Z"],
    ["1 Jan 2026 00:10 (UTC +03:00)", "2025-12-31T21:10:00.000Z"],
  ])("%s -> %s", (text, iso) => {
    expect(parseTrendDate(text)).toBe(iso);
  });

  it("refuses what is not a date line, and yearless lines without a `now`", () => {
    expect(parseTrendDate("Просмотров: 1012")).toBeNull();
    expect(parseTrendDate("24 попугая 2025 14:35")).toBeNull();
    expect(parseTrendDate("15 Noyabr 10:31 (UTC+04)")).toBeNull();
    expect(parseTrendDate("15:49 (UTC+04)")).toBeNull();
  });
});

describe("parseTrendDate: listing lines relative to an injected now", () => {
  it("a yearless date takes the year of now in Baku", () => {
    expect(parseTrendDate("15 Noyabr 10:31 (UTC+04)", new Date("2025-11-20T00:00:00Z"))).toBe(
      "2025-11-15T06:31:00.000Z",
    );
  });

  it("31 Dekabr 23:50 read on 1 January resolves to the previous year", () => {
    // 00:30 UTC on Jan 1 is already 04:30 in Baku.
    expect(parseTrendDate("31 Dekabr 23:50 (UTC+04)", new Date("2026-01-01T00:30:00Z"))).toBe(
      "2025-12-31T19:50:00.000Z",
    );
  });

  it("a time alone means today in Baku, even when it is still yesterday in UTC", () => {
    expect(parseTrendDate("15:49 (UTC+04)", new Date("2025-12-06T12:00:00Z"))).toBe(
      "2025-12-06T11:49:00.000Z",
    );
    // 21:00 UTC on Dec 5 is 01:00 on Dec 6 in Baku: 00:20 is today there.
    expect(parseTrendDate("00:20 (UTC+04)", new Date("2025-12-05T21:00:00Z"))).toBe(
      "2025-12-05T20:20:00.000Z",
    );
  });

  it("a time well ahead of now is yesterday's item seen after midnight", () => {
    expect(parseTrendDate("23:50 (UTC+04)", new Date("2025-12-05T20:30:00Z"))).toBe(
      "2025-12-05T19:50:00.000Z",
    );
  });
});

describe("toUtcIso: feed and meta dates", () => {
  it("RSS +0400 and meta +04:00 are the same instant (Atom 10:35Z)", () => {
    expect(toUtcIso("Fri, 24 Oct 2025 14:35:00 +0400")).toBe("2025-10-24T10:35:00.000Z");
    expect(toUtcIso("2025-10-24T14:35:00+04:00")).toBe("2025-10-24T10:35:00.000Z");
  });

  it("reads a date without a zone as UTC, never as the server's local time", () => {
    expect(toUtcIso("2025-10-24 14:35:00")).toBe("2025-10-24T14:35:00.000Z");
    expect(toUtcIso("Fri, 24 Oct 2025 14:35:00")).toBe("2025-10-24T14:35:00.000Z");
    expect(toUtcIso("Fri, 24 Oct 2025 14:35:00 GMT")).toBe("2025-10-24T14:35:00.000Z");
  });

  it("gives null for nothing or nonsense", () => {
    expect(toUtcIso(undefined)).toBeNull();
    expect(toUtcIso("  ")).toBeNull();
    expect(toUtcIso("вчера вечером")).toBeNull();
  });
});
