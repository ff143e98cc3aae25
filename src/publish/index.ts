/** Publishing: the snapshot types the caller builds, the one entry point, and the parts tests reach for. */
export type { PublishArticle, PublishRevision, PublishSite } from "./input.js";
export {
  createRenderCache,
  type PublishDeps,
  type PublishInput,
  type PublishResult,
  publishAll,
  type RenderCache,
  renderAll,
} from "./publish-all.js";
export type { FetchLike, HubPingResult } from "./websub.js";
export { pingHub } from "./websub.js";
export { type OutputFile, writeFileIfChanged, writeFiles } from "./write-files.js";
