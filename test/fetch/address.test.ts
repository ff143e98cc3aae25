import { describe, expect, it } from "vitest";
import { ipLiteral, isPrivateAddress } from "../../src/fetch/address.js";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.0.0.1",
    "172.16.5.4",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "[::1]",
    "fe80::1",
    "fd12:3456::1",
    "fc00::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:a00:1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",
  ])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "93.184.216.34",
    "172.32.0.1",
    "192.169.0.1",
    "2a00:1450:4001::200e",
    "::ffff:8.8.8.8",
  ])("allows %s", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it("is false for host names (those are checked after DNS)", () => {
    expect(isPrivateAddress("localhost")).toBe(false);
    expect(isPrivateAddress("ru.trend.az")).toBe(false);
  });
});

describe("ipLiteral", () => {
  it("unwraps bracketed IPv6 and passes IPv4 through, null for names", () => {
    expect(ipLiteral("[::ffff:7f00:1]")).toBe("::ffff:7f00:1");
    expect(ipLiteral("10.0.0.1")).toBe("10.0.0.1");
    expect(ipLiteral("ru.trend.az")).toBeNull();
  });
});
