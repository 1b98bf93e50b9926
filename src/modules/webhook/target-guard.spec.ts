import type { LookupAddress } from "node:dns";
import {
  checkTarget,
  pinnedLookup,
  specialUseRange,
  TargetRefusedError,
  TargetUnresolvedError,
  type Resolver,
} from "./target-guard";

/** Answers from a table and never asks the network. */
function fakeResolver(table: Record<string, string[]>): Resolver {
  return (hostname) => {
    const addresses = table[hostname];
    if (!addresses)
      return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
    return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
  };
}

const PUBLIC_ONLY = { allowPrivate: false, resolve: fakeResolver({}) };

describe("specialUseRange", () => {
  test.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.0.10", "private"],
    ["169.254.169.254", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "unique local"],
    ["fd12:3456::1", "unique local"],
    ["fe80::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["64:ff9b::7f00:1", "rfc6052"],
  ])("%s is %s", (address, range) => {
    expect(specialUseRange(address)).toBe(range);
  });

  test.each(["8.8.8.8", "93.184.215.14", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "%s is an ordinary public address",
    (address) => {
      expect(specialUseRange(address)).toBeNull();
    },
  );
});

describe("checkTarget", () => {
  test.each([
    "http://127.0.0.1/hook",
    "http://0x7f.0.0.1/hook",
    "http://0x7f000001/hook",
    "http://2130706433/hook",
    "http://017700000001/hook",
    "http://0177.0.0.1/hook",
    "http://127.1/hook",
    "https://10.0.0.5:8443/hook",
    "http://[::1]:8080/hook",
    "http://[::]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[fd00::1]/hook",
  ])("refuses the address literal %s without resolving anything", async (url) => {
    await expect(checkTarget(new URL(url), PUBLIC_ONLY)).rejects.toThrow(TargetRefusedError);
  });

  test("refuses a name when any of its addresses is special-use, naming the address", async () => {
    const resolve = fakeResolver({ "mixed.example": ["93.184.215.14", "10.0.0.7"] });
    await expect(checkTarget(new URL("https://mixed.example/in"), { allowPrivate: false, resolve })).rejects.toThrow(
      "mixed.example resolves to 10.0.0.7, a private address",
    );
  });

  test("refuses localhost through the system's resolver (/etc/hosts: no network)", async () => {
    await expect(checkTarget(new URL("http://localhost:9/in"), { allowPrivate: false })).rejects.toThrow(
      /^localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
    );
  });

  test("returns the addresses of a public name, to connect to those", async () => {
    const resolve = fakeResolver({ "hooks.example": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"] });
    expect(await checkTarget(new URL("https://hooks.example/in"), { allowPrivate: false, resolve })).toEqual([
      { address: "93.184.215.14", family: 4 },
      { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
    ]);
  });

  test("allows private addresses when the policy does", async () => {
    const resolve = fakeResolver({ "inside.example": ["10.0.0.7"] });
    expect(await checkTarget(new URL("http://inside.example/"), { allowPrivate: true, resolve })).toEqual([
      { address: "10.0.0.7", family: 4 },
    ]);
    expect(await checkTarget(new URL("http://127.0.0.1:3000/"), { allowPrivate: true, resolve })).toEqual([
      { address: "127.0.0.1", family: 4 },
    ]);
  });

  test("a name that does not resolve is an unresolved target, not a refused one", async () => {
    await expect(checkTarget(new URL("https://nowhere.example/"), PUBLIC_ONLY)).rejects.toThrow(
      new TargetUnresolvedError("nowhere.example does not resolve (ENOTFOUND)"),
    );
  });
});

describe("pinnedLookup", () => {
  const addresses = [
    { address: "93.184.215.14", family: 4 as const },
    { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 as const },
  ];

  function ask(options: { family?: number; all?: boolean }) {
    return new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>(
      (resolve) =>
        pinnedLookup(addresses)("whatever.example", options, (error, address, family) =>
          resolve({ error, address, family }),
        ),
    );
  }

  test("answers with the checked addresses whatever name it is asked about", async () => {
    expect(await ask({})).toEqual({ error: null, address: "93.184.215.14", family: 4 });
    expect(await ask({ family: 6 })).toEqual({ error: null, address: addresses[1]!.address, family: 6 });
    expect(await ask({ all: true })).toEqual({ error: null, address: addresses, family: undefined });
  });

  test("fails when no checked address has the family asked for", async () => {
    const lookup = pinnedLookup([{ address: "93.184.215.14", family: 4 }]);
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup("whatever.example", { family: 6 }, (err) => resolve(err)),
    );
    expect(error?.code).toBe("ENOTFOUND");
  });
});
