import fs from "node:fs";
import pg from "pg";
async function main() {
  const c = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/claimtrail_bench_12519" });
  await c.connect();
  const raw = (sql: string) => c.query({ text: sql.replace(/;\s*$/, ""), types: { getTypeParser: () => (v: string) => v } as never });
  const a = (await raw(fs.readFileSync("/tmp/pgb/a.sql", "utf8"))).rows;
  const b = (await raw(fs.readFileSync("/tmp/pgb/b.sql", "utf8"))).rows;
  console.log(a[0].childStatements.slice(0, 200)); console.log(b[0].childStatements.slice(0, 200)); console.log(a[0].childVerdicts, b[0].childVerdicts);
  const arrayParser = pg.types.getTypeParser(1009 as never) as (v: string) => unknown;
  console.log(JSON.stringify(arrayParser(b[0].childStatements)).slice(0, 200));
  const bytesA = a.reduce((n, r) => n + r.childStatements.length + r.childVerdicts.length, 0);
  const bytesB = b.reduce((n, r) => n + r.childStatements.length + (r.childVerdicts ?? "").length, 0);
  console.log("bytes json", bytesA, "text[]", bytesB);
  for (let round = 0; round < 3; round++) {
    let t = process.hrtime.bigint();
    for (let i = 0; i < 2000; i++) for (const r of a) { JSON.parse(r.childStatements); JSON.parse(r.childVerdicts); }
    const ja = Number(process.hrtime.bigint() - t) / 1e6 / 2000;
    t = process.hrtime.bigint();
    for (let i = 0; i < 2000; i++) for (const r of b) { arrayParser(r.childStatements); if (r.childVerdicts) arrayParser(r.childVerdicts); }
    const tb = Number(process.hrtime.bigint() - t) / 1e6 / 2000;
    console.log(`per page: JSON.parse ${ja.toFixed(3)} ms, text[] parse ${tb.toFixed(3)} ms`);
  }
  await c.end();
}
void main();
