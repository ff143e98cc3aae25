import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "../../src/fetch/address.js";
import { expectFailure, expectOk, rig } from "./setup.js";

/** Redirects `/r/<n>` to `/r/<n+1>` until `/r/<stop>`, which answers 200. */
const chain = (stop: number) => (req: { url?: string }, res: import("node:http").ServerResponse) => {
  const n = Number(req.url?.split("/")[2]);
  if (n >= stop) return void res.end(`<p>end ${n}</p>`);
  res.writeHead(302, { location: `/r/${n + 1}` }).end();
};

/** The real private-address rule, except for the loopback test server itself. */
const allButLoopback = (address: string) => address !== "127.0.0.1" && isPrivateAddress(address);

describe("redirects", () => {
  it("follows a relative redirect and reports the final URL", async () => {
    const { server, fetcher } = await rig(chain(2));
    const ok = expectOk(await fetcher.get({ url: server.url("/r/0") }));
    expect(ok.url).toBe(server.url("/r/2"));
    expect(ok.text).toBe("<p>end 2</p>");
    expect(server.requests.map((r) => r.path)).toEqual(["/r/0", "/r/1", "/r/2"]);
  });

  it("follows exactly maxRedirects hops and refuses one more", async () => {
    const within = await rig(chain(3), { maxRedirects: 3 });
    expect(expectOk(await within.fetcher.get({ url: within.server.url("/r/0") })).url).toBe(
      within.server.url("/r/3"),
    );
    const over = await rig(chain(4), { maxRedirects: 3 });
    const f = expectFailure(await over.fetcher.get({ url: over.server.url("/r/0") }));
    expect(f).toMatchObject({ kind: "too-many-redirects", transient: false, url: over.server.url("/r/4") });
    expect(f.message).toContain("more than 3 redirects");
    expect(over.server.requests).toHaveLength(4);
  });

  it("detects a redirect loop", async () => {
    const { server, fetcher } = await rig((req, res) => {
      res.writeHead(301, { location: req.url === "/a" ? "/b" : "/a" }).end();
    });
    const f = expectFailure(await fetcher.get({ url: server.url("/a") }));
    expect(f).toMatchObject({ kind: "redirect-loop", transient: false, url: server.url("/a") });
    expect(server.requests.map((r) => r.path)).toEqual(["/a", "/b"]);
  });

  it("refuses a redirect to a host outside the allow-list without connecting", async () => {
    const { server, fetcher } = await rig(
      (_req, res) => void res.writeHead(302, { location: "http://evil.example/steal" }).end(),
      {},
      { isAllowedHost: (host) => host === "127.0.0.1" },
    );
    const f = expectFailure(await fetcher.get({ url: server.url("/") }));
    expect(f).toMatchObject({ kind: "refused-host", transient: false, url: "http://evil.example/steal" });
    expect(f.message).toContain("evil.example");
    expect(f.message).toContain(`redirected from ${server.url("/")}`);
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://[::ffff:10.0.0.1]/",
    "http://[fd00::1]:8080/",
  ])("refuses a redirect to the private address %s before connecting", async (location) => {
    const { server, fetcher } = await rig(
      (_req, res) => void res.writeHead(302, { location }).end(),
      { allowPrivateNetworks: false },
      { isBlockedAddress: allButLoopback },
    );
    const f = expectFailure(await fetcher.get({ url: server.url("/") }));
    expect(f).toMatchObject({ kind: "private-address", transient: false, url: new URL(location).href });
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a redirect to another scheme", async () => {
    const { server, fetcher } = await rig(
      (_req, res) => void res.writeHead(302, { location: "file:///etc/passwd" }).end(),
    );
    expect(expectFailure(await fetcher.get({ url: server.url("/") }))).toMatchObject({
      kind: "bad-url",
      url: "file:///etc/passwd",
    });
  });

  it("treats a 3xx without Location as an http-status failure", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.writeHead(302).end());
    expect(expectFailure(await fetcher.get({ url: server.url("/") }))).toMatchObject({
      kind: "http-status",
      status: 302,
    });
  });
});

describe("host and address guards", () => {
  it("refuses the loopback test server itself when private networks are not allowed", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end("secret"), {
      allowPrivateNetworks: false,
    });
    const f = expectFailure(await fetcher.get({ url: server.url("/") }));
    expect(f).toMatchObject({ kind: "private-address", transient: false, url: server.url("/") });
    expect(f.message).toContain("127.0.0.1");
    expect(server.connections()).toBe(0);
  });

  it("checks the resolved address at connect time: a name for 127.0.0.1 is refused too", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end("secret"), {
      allowPrivateNetworks: false,
    });
    const url = `http://localhost:${server.port}/`;
    const f = expectFailure(await fetcher.get({ url }));
    expect(f).toMatchObject({ kind: "private-address", transient: false, url });
    expect(f.message).toContain("localhost resolves to 127.0.0.1");
    expect(server.connections()).toBe(0);
  });

  it("connects through the guarded lookup when the resolved address is allowed", async () => {
    const { server, fetcher } = await rig(
      (_req, res) => void res.end("fine"),
      { allowPrivateNetworks: false },
      { isBlockedAddress: allButLoopback },
    );
    expect(expectOk(await fetcher.get({ url: `http://localhost:${server.port}/` })).text).toBe("fine");
  });

  it("refuses a host outside the allow-list without connecting", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end(), {}, { isAllowedHost: () => false });
    const f = expectFailure(await fetcher.get({ url: server.url("/") }));
    expect(f).toMatchObject({ kind: "refused-host", transient: false });
    expect(f.message).toContain("host 127.0.0.1 is not in the allow-list");
    expect(server.connections()).toBe(0);
  });

  it("returns bad-url for something that is not a URL", async () => {
    const { fetcher } = await rig((_req, res) => void res.end());
    expect(expectFailure(await fetcher.get({ url: "not a url" }))).toMatchObject({
      kind: "bad-url",
      url: "not a url",
    });
  });
});
