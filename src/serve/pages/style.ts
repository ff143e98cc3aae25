/**
 * The one stylesheet of the web view, inlined in every page (no assets, no other hosts). The CSP allows it by
 * its hash (see security.ts), so changing this text needs nothing else.
 */
export const STYLESHEET = `
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#fbfbfd;--accent:#1d5fbf;--add:#e3f6e6;--add-ink:#0b5b1d;--del:#fde8e8;--del-ink:#8a1313}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
header.site,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;gap:1rem;align-items:baseline;border-bottom:1px solid var(--line);padding-top:.8rem;padding-bottom:.6rem}
header.site a.home{font-weight:700;font-size:1.2rem;color:var(--ink);text-decoration:none}
header.site nav{display:flex;gap:.8rem;flex-wrap:wrap;font-size:.9rem}
a{color:var(--accent)}
h1{font-size:1.6rem;line-height:1.25;margin:1.2rem 0 .4rem}
h2{font-size:1.2rem;margin:1.6rem 0 .6rem}
.meta,.muted{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.status{display:inline-block;padding:.05rem .45rem;border-radius:.7rem;font-size:.78rem;font-weight:600;border:1px solid currentColor}
.status-developing{color:#a15c00}.status-final{color:#14733a}.status-removed{color:#a11}.status-watching{color:#1d5fbf}.status-stopped{color:#666}
.tag{display:inline-block;background:#eef1f7;border-radius:.3rem;padding:0 .35rem;margin:0 .2rem .2rem 0;font-size:.8rem;text-decoration:none;color:var(--ink)}
.label{display:inline-block;background:#f2efe6;border-radius:.3rem;padding:0 .35rem;margin-right:.2rem;font-size:.78rem}
.plus{color:var(--add-ink);font-weight:600}.minus{color:var(--del-ink);font-weight:600}
.feeds{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;padding:.6rem .8rem;background:#fff;border:1px solid var(--line);border-radius:.4rem}
.filter{margin:.8rem 0}
.text{max-width:46rem;background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.4rem 1.2rem}
.text img{max-width:100%;height:auto}
svg.chart{max-width:46rem;width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:.4rem}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
.diff ins,.diff .ins{background:var(--add);color:var(--add-ink);text-decoration:none}
.diff del,.diff .del{background:var(--del);color:var(--del-ink);text-decoration:line-through}
.diff{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.4rem 1rem;overflow-x:auto}
.diff table td{width:50%}
.headline{font-size:1.15rem;font-weight:600}
footer{margin-top:2.5rem;padding-bottom:2rem;border-top:1px solid var(--line);padding-top:.6rem}
.error{max-width:40rem}
`;
