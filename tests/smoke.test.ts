import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test("an empty database answers an empty claims list", async () => {
  const data = dataOf(await server.gql("{ claims { totalCount nodes { id } } }"));
  expect(data.claims).toEqual({ totalCount: 0, nodes: [] });
});
