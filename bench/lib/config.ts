/** The watcher configuration every bench party shares: one Trend-profile source, two published feeds. */
export function benchConfigYaml(feedUrl: string, n: number, concurrency: number): string {
  return `stateDir: state
feedsDir: feeds
baseUrl: http://localhost:8080
fetch:
  allowPrivateNetworks: true
  perHostDelayMs: 0
  perHostConcurrency: ${concurrency}
watch:
  maxItemsPerFeed: ${n}
  maxChecksPerCycle: ${Math.max(n, 5000)}
sources:
  - id: bench
    url: ${feedUrl}
    profile: trend
    lang: ru
publish:
  - name: all
    title: All stories
  - name: ots
    title: Organization of Turkic States
    tags: [ots]
`;
}
