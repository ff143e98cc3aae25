/** revfeed's HTTP layer: what the rest of the program imports. */
export { isPrivateAddress } from "./address.js";
export { backoffFromConfig, nextBackoffMs } from "./backoff.js";
export { type DecodedText, decodeBody } from "./charset.js";
export type { FailureKind, FetchFailure } from "./failure.js";
export {
  createFetcher,
  type Fetcher,
  type FetcherDeps,
  type FetchRequest,
  type FetchResult,
} from "./fetcher.js";
export { HostLimiter } from "./host-limiter.js";
export { parseRetryAfter } from "./retry-after.js";
