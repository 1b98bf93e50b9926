import type { ApiKey } from "../../generated/prisma/client";
import { ApiKeyCache } from "./api-key-cache";

function row(name: string): ApiKey {
  return {
    id: `id-${name}`,
    name,
    prefix: "ct_00000000",
    secretHash: `hash-${name}`,
    role: "VIEWER",
    scopes: [],
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    createdById: null,
    createdAt: new Date(0),
  };
}

/** A loader that counts its calls and answers with `answer()` at the time of the call. */
function loader(answer: () => ApiKey | null) {
  const load = jest.fn(() => Promise.resolve(answer()));
  return load;
}

describe("ApiKeyCache", () => {
  it("reads through to the database until its listener is live, and caches nothing meanwhile", async () => {
    const cache = new ApiKeyCache({ maxEntries: 10, ttlMs: 60_000 });
    const load = loader(() => row("a"));
    await cache.lookup("a", load);
    await cache.lookup("a", load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it("serves a found key from memory once live, but never caches an unknown one", async () => {
    const cache = new ApiKeyCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.resume();
    const found = loader(() => row("a"));
    expect(await cache.lookup("a", found)).toMatchObject({ name: "a" });
    expect(await cache.lookup("a", found)).toMatchObject({ name: "a" });
    expect(found).toHaveBeenCalledTimes(1);

    const missing = loader(() => null);
    await cache.lookup("b", missing);
    await cache.lookup("b", missing);
    expect(missing).toHaveBeenCalledTimes(2);
  });

  it("reads an evicted key again", async () => {
    const cache = new ApiKeyCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.resume();
    let current = row("a");
    const load = loader(() => current);
    await cache.lookup("a", load);
    current = { ...current, revokedAt: new Date() };
    cache.evict("a");
    expect((await cache.lookup("a", load))?.revokedAt).toBeInstanceOf(Date);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("does not store a row read before a change whose notification came while the read was under way", async () => {
    const cache = new ApiKeyCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.resume();
    let release!: (key: ApiKey) => void;
    const stale = cache.lookup("a", () => new Promise<ApiKey>((resolve) => (release = resolve)));
    cache.evict("a"); // the revocation's notification, handled before the read returns
    release(row("a"));
    await stale;
    const load = loader(() => ({ ...row("a"), revokedAt: new Date() }));
    expect((await cache.lookup("a", load))?.revokedAt).toBeInstanceOf(Date);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("empties itself and stops serving when suspended, and starts empty when resumed", async () => {
    const cache = new ApiKeyCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.resume();
    const load = loader(() => row("a"));
    await cache.lookup("a", load);
    cache.suspend();
    expect(cache.isLive).toBe(false);
    expect(cache.size).toBe(0);
    await cache.lookup("a", load);
    expect(cache.size).toBe(0);
    cache.resume();
    await cache.lookup("a", load);
    await cache.lookup("a", load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("holds at most maxEntries keys, and forgets a key after its TTL", async () => {
    const cache = new ApiKeyCache({ maxEntries: 2, ttlMs: 30 });
    cache.resume();
    for (const name of ["a", "b", "c"])
      await cache.lookup(
        name,
        loader(() => row(name)),
      );
    expect(cache.size).toBe(2);
    const load = loader(() => row("c"));
    await new Promise((resolve) => setTimeout(resolve, 60));
    await cache.lookup("c", load);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
