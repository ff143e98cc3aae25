// `npm run bench` measures compiled JavaScript, as production runs it (no tsx loader in the measured
// processes): src and bench compile together into bench/.build, with the SQL migrations beside the store.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync("bench/.build", { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.bench.json"], { stdio: "inherit" });
cpSync("src/store/migrations", "bench/.build/src/store/migrations", { recursive: true });
