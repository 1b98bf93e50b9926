import { canonicalUrl } from "./canonical-url";

describe("canonicalUrl", () => {
  it("lower-cases the scheme and host but not the path", () => {
    expect(canonicalUrl("HTTPS://News.Example.COM/Path/Story")).toBe("https://news.example.com/Path/Story");
  });

  it("drops the default port and keeps any other", () => {
    expect(canonicalUrl("https://example.com:443/a")).toBe("https://example.com/a");
    expect(canonicalUrl("http://example.com:80/a")).toBe("http://example.com/a");
    expect(canonicalUrl("http://example.com:8080/a")).toBe("http://example.com:8080/a");
  });

  it("drops the fragment", () => {
    expect(canonicalUrl("https://example.com/a#section-2")).toBe("https://example.com/a");
  });

  it("drops utm_, fbclid and gclid tracking parameters", () => {
    expect(
      canonicalUrl("https://example.com/a?utm_source=x&UTM_Medium=y&id=7&fbclid=abc&gclid=def&utm_campaign=z"),
    ).toBe("https://example.com/a?id=7");
  });

  it("leaves no question mark when only tracking parameters were present", () => {
    expect(canonicalUrl("https://example.com/a?utm_source=x&fbclid=y")).toBe("https://example.com/a");
  });

  it("sorts the remaining parameters by name, then by value", () => {
    expect(canonicalUrl("https://example.com/a?b=2&a=3&c=1&a=1")).toBe("https://example.com/a?a=1&a=3&b=2&c=1");
  });

  it("removes trailing slashes from the path", () => {
    expect(canonicalUrl("https://example.com/a/b/")).toBe("https://example.com/a/b");
    expect(canonicalUrl("https://example.com/a//?x=1")).toBe("https://example.com/a?x=1");
  });

  it("keeps the root path as a single slash", () => {
    expect(canonicalUrl("https://example.com")).toBe("https://example.com/");
    expect(canonicalUrl("https://example.com/")).toBe("https://example.com/");
  });

  it("keeps the www. prefix", () => {
    expect(canonicalUrl("https://WWW.Example.com/a")).toBe("https://www.example.com/a");
  });

  it("trims surrounding whitespace", () => {
    expect(canonicalUrl("  https://example.com/a  ")).toBe("https://example.com/a");
  });

  it("gives the same URL for differently written links to one document", () => {
    expect(canonicalUrl("HTTPS://Example.com:443/story/?b=2&utm_source=tw&a=1#top")).toBe(
      canonicalUrl("https://example.com/story?a=1&b=2"),
    );
  });

  it("throws on a string that is not a URL", () => {
    expect(() => canonicalUrl("not a url")).toThrow("Invalid URL");
    expect(() => canonicalUrl("/relative/path")).toThrow("Invalid URL");
  });
});
