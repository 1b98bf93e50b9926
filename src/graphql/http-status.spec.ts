// The HTTP status and headers a GraphQL response gets from its errors' codes.
import { httpHeadForCode, httpHeadForErrors } from "./http-status";

describe("httpHeadForErrors", () => {
  it("answers SERVICE_UNAVAILABLE with 503 and a Retry-After", () => {
    const head = httpHeadForErrors([{ message: "x", extensions: { code: "SERVICE_UNAVAILABLE" } }]);
    expect(head?.status).toBe(503);
    expect(head?.headers.get("retry-after")).toMatch(/^[1-5]$/);
  });

  it("takes Retry-After from the error's retryAfterSeconds when it has one (rounded up)", () => {
    const head = httpHeadForErrors([
      { message: "x", extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 7.2 } },
    ]);
    expect(head?.headers.get("retry-after")).toBe("8");
  });

  it("leaves responses without a listed code alone", () => {
    expect(httpHeadForErrors(undefined)).toBeNull();
    expect(httpHeadForErrors([])).toBeNull();
    expect(httpHeadForErrors([{ message: "x", extensions: { code: "INTERNAL_SERVER_ERROR" } }])).toBeNull();
  });

  it("finds a listed code among other errors", () => {
    const head = httpHeadForErrors([
      { message: "a", extensions: { code: "FORBIDDEN" } },
      { message: "b", extensions: { code: "SERVICE_UNAVAILABLE" } },
    ]);
    expect(head?.status).toBe(503);
  });

  it("gives the head for a code directly, for errors raised before Apollo's pipeline", () => {
    expect(httpHeadForCode("SERVICE_UNAVAILABLE").status).toBe(503);
  });
});
