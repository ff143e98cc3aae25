/**
 * The benchmarks' seeded generator is the tests' (mulberry32), so every run measures the same generated
 * data: pages and mutations (`seeded`), diff and serve inputs (`mulberry32`, the same function).
 */
export { seeded, seeded as mulberry32 } from "../../test/support/seeded-random.js";
