import { STATUSES } from '../../model/evaluation.js';
import { INK, STATUS_COLOURS } from './palette.js';

const ACCENT = '#1d4f91';

const statusRules = STATUSES.map((status) => {
  const { strong, pale } = STATUS_COLOURS[status];
  return `.s-${status}{--strong:${strong};--pale:${pale}}`;
}).join('\n');

/**
 * The report's only stylesheet, inlined (the page loads nothing). System fonts only; print
 * rules lay it out on A4 with one area per page and rows never split.
 */
export const STYLES = `
:root{color-scheme:light;--ink:${INK.text};--muted:${INK.muted};--rule:#d8dee4;--soft:#f4f6f9;--accent:${ACCENT}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#e9edf2;color:var(--ink);font:14px/1.5 "Segoe UI","Noto Sans","Helvetica Neue","Liberation Sans","DejaVu Sans",Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.page{max-width:1160px;margin:24px auto;background:#fff;padding:0 0 28px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06);border-radius:6px;overflow:hidden}
.masthead{background:var(--accent);color:#fff;padding:28px 48px 24px}
.masthead .issuer{margin:0;font-size:12px;letter-spacing:.08em;text-transform:uppercase;opacity:.85}
.masthead h1{margin:6px 0 4px;font-size:26px;line-height:1.25;font-weight:700}
.masthead .plan-title{margin:0 0 12px;font-size:16px;opacity:.95;max-width:62em}
.masthead .meta{margin:0;display:flex;flex-wrap:wrap;gap:8px 10px;font-size:13px}
.masthead .meta span{background:rgba(255,255,255,.14);border-radius:3px;padding:2px 9px}
main{padding:0 48px}
h2{font-size:20px;line-height:1.3;margin:30px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--accent);color:var(--accent)}
h2 .ref{color:var(--muted);font-weight:600;margin-right:.45em}
h3{font-size:15px;margin:22px 0 10px;color:var(--ink)}
.lead{margin:0 0 14px;color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(6,1fr);gap:10px;margin:0 0 14px;padding:0;list-style:none}
.card{background:var(--pale);border-top:4px solid var(--strong);border-radius:4px;padding:9px 12px 10px}
.card .count{display:block;font-size:28px;font-weight:700;line-height:1.1;color:var(--strong);font-variant-numeric:tabular-nums}
.card .word{display:block;font-size:13px;font-weight:600;color:var(--strong)}
.summary-bar{display:block;width:100%;height:auto;margin:4px 0 6px;border-radius:4px}
.bar-label{font:700 17px "Segoe UI","Noto Sans","Liberation Sans","DejaVu Sans",Arial,sans-serif}
table{width:100%;border-collapse:collapse;margin:0 0 8px;font-size:13px}
caption{caption-side:top;text-align:left;font-size:12px;color:var(--muted);padding:0 0 6px}
th,td{padding:7px 8px;border-bottom:1px solid var(--rule);vertical-align:middle;text-align:left}
thead th{background:var(--soft);font-size:11.5px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:#3d4752;border-bottom:2px solid #c4ccd5;vertical-align:bottom}
tbody tr:nth-child(even) td,tbody tr:nth-child(even) th{background:#fafbfc}
tbody th{font-weight:400}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.center{text-align:center}
.ind-title{display:block;font-weight:600;line-height:1.35}
.ind-meta{display:block;margin-top:2px;font-size:11.5px;color:var(--muted)}
.col-target{width:30%}
.ind-meta code{white-space:nowrap;font:11px/1.3 "DejaVu Sans Mono","Liberation Mono",Consolas,monospace;background:var(--soft);padding:0 3px;border-radius:2px}
.req{min-width:6.5em}
.period{display:block;font-size:11px;color:var(--muted);white-space:normal}
.fn-ref{font-size:10.5px;color:var(--accent);text-decoration:none;margin-left:2px;vertical-align:super;line-height:0}
.gap-pos{color:${STATUS_COLOURS.met.strong}}
.gap-neg{color:${STATUS_COLOURS.missed.strong}}
.badge{display:inline-flex;align-items:center;gap:6px;white-space:nowrap;font-weight:600;font-size:12.5px;color:var(--strong);background:var(--pale);border:1px solid var(--strong);border-radius:999px;padding:1px 10px 1px 4px}
.badge .sym{display:inline-grid;place-items:center;width:18px;height:18px;border-radius:50%;background:var(--strong);color:#fff;font-size:11px;line-height:1}
.chart-cell{width:156px}
svg.bullet{display:block}
.overview td.num,.overview th.num{width:9%}
.overview{margin-top:22px}
.overview caption{font-size:15px;font-weight:700;color:var(--ink);padding-bottom:8px}
.overview a{color:var(--ink);text-decoration:none;font-weight:600}
.overview a:hover{text-decoration:underline}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.overview td.zero{color:#b3bac2}
.trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:14px;margin:0 0 8px}
.trends figure{margin:0;border:1px solid var(--rule);border-radius:4px;padding:10px 10px 6px;break-inside:avoid}
.trends figcaption{font-size:12.5px;font-weight:600;margin:0 0 4px;line-height:1.35}
.trends figcaption code{font:11px "DejaVu Sans Mono","Liberation Mono",monospace;color:var(--muted);font-weight:400}
svg.trend{display:block;width:100%;height:auto;max-width:420px}
svg.trend .tick{font-size:9.5px;fill:${INK.muted}}
svg.trend .value{font-size:9.5px;font-weight:700;fill:#1d4f91}
svg.trend .mark{font-size:9.5px;font-weight:600;fill:${INK.text}}
.trend-key{font-size:11px;color:var(--muted);margin:2px 0 0}
.sources{font-size:12px;color:#39424c;margin:6px 0 0;padding-left:1.6em}
.sources li{margin:2px 0;break-inside:avoid}
.sources code{font:11px "DejaVu Sans Mono","Liberation Mono",monospace}
.sources .tid{font-weight:600}
.legend dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 14px;margin:0;font-size:13px;align-items:center}
.legend dd{margin:0;color:#39424c}
.legend p{font-size:13px;color:#39424c}
footer{margin:28px 48px 0;padding-top:10px;border-top:1px solid var(--rule);font-size:12px;color:var(--muted)}
footer p{margin:2px 0}
${statusRules}
@media screen and (max-width:720px){.ind-meta code{white-space:normal;overflow-wrap:anywhere}main{padding:0 16px}.masthead{padding:20px 16px}.cards{grid-template-columns:repeat(3,1fr)}}
@page{size:A4;margin:14mm 12mm 14mm 12mm}
@media print{
  body{background:#fff;font-size:9.5pt}
  .page{max-width:none;margin:0;box-shadow:none;border-radius:0;padding:0}
  .masthead{padding:14px 18px 12px}
  main{padding:0}
  footer{margin:18px 0 0}
  .area{break-before:page}
  h2,h3{break-after:avoid}
  table{font-size:8.5pt}
  thead{display:table-header-group}
  tr,figure,.card,.legend dl>*{break-inside:avoid}
  th,td{padding:4px 5px}
  thead th{font-size:7.5pt}
  .badge{font-size:8pt;padding:0 6px 0 2px;gap:4px}
  .badge .sym{width:14px;height:14px;font-size:8pt}
  .page{overflow:visible}
  table.targets{table-layout:fixed}
  .col-target{width:29%}
  .col-year{width:6%}
  .col-req{width:12%}
  .col-required{width:8%}
  .col-actual{width:11%}
  .col-gap{width:8%}
  .col-status{width:14%}
  .col-chart{width:12%}
  .targets th,.targets td{overflow-wrap:anywhere}
  .targets thead th{white-space:normal;overflow-wrap:normal;hyphens:auto}
  .targets .badge{white-space:normal}
  .ind-meta{font-size:7pt}
  .ind-meta code{font-size:6.8pt;white-space:normal}
  svg.bullet{width:100%;height:auto}
  .trends{grid-template-columns:repeat(2,1fr);gap:8px}
  a{color:inherit;text-decoration:none}
}
`;
