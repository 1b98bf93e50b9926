import { decodeId, decodeIdOfType, encodeId } from "./global-id";

const UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

describe("global IDs", () => {
  it("encodes as unpadded base64url of Type:uuid, whatever the type's length", () => {
    expect(encodeId("Claim", UUID)).toBe(Buffer.from(`Claim:${UUID}`, "utf8").toString("base64url"));
    for (const type of ["Claim", "Actor", "Source", "Statement", "Evidence", "Verdict", "ClaimRelation"] as const) {
      expect(encodeId(type, UUID)).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it("still decodes IDs issued in padded standard base64", () => {
    const legacy = Buffer.from(`Source:${UUID}`, "utf8").toString("base64");
    expect(legacy.endsWith("=")).toBe(true);
    expect(decodeId(legacy)).toEqual({ type: "Source", id: UUID });
    expect(decodeIdOfType(legacy, "Source")).toBe(UUID);
  });

  it("round-trips type and id", () => {
    expect(decodeId(encodeId("ClaimRelation", UUID))).toEqual({ type: "ClaimRelation", id: UUID });
  });

  it("lower-cases the UUID when decoding", () => {
    expect(decodeId(encodeId("Actor", UUID.toUpperCase()))).toEqual({ type: "Actor", id: UUID });
  });

  it("returns null for an unknown type", () => {
    expect(decodeId(encodeId("User" as never, UUID))).toBeNull();
    expect(decodeId(encodeId("claim" as never, UUID))).toBeNull();
  });

  it("returns null when the id is not a UUID", () => {
    expect(decodeId(encodeId("Claim", "42"))).toBeNull();
    expect(decodeId(encodeId("Claim", `${UUID}x`))).toBeNull();
  });

  it.each(["", "!!!!", "not base64 at all", UUID, Buffer.from("no-colon", "utf8").toString("base64")])(
    "returns null for garbage %p",
    (garbage) => {
      expect(decodeId(garbage)).toBeNull();
    },
  );

  it("decodeIdOfType returns the UUID only for the expected type", () => {
    expect(decodeIdOfType(encodeId("Source", UUID), "Source")).toBe(UUID);
    expect(decodeIdOfType(encodeId("Source", UUID), "Claim")).toBeNull();
    expect(decodeIdOfType("garbage", "Source")).toBeNull();
  });
});
