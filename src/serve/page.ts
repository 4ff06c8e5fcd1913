/**
 * The one page `zuban serve` shows: HTML, CSS and a small script inline (no front-end build).
 * The script reads /api/edition, draws the chosen page (an image from /page/<label>.png at
 * 150 dpi) under an SVG of the page's blocks in pt, marks overset and underset blocks, lists
 * the warnings, shows a block's copyfit on a click, and refetches when /events says a build
 * finished — the page is never reloaded.
 */
export const servePage = /* html */ `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>zuban serve</title>
<style>
  :root { --red: #e0201b; --blue: #1f6fd1; --ink: #222; --line: #ddd; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: var(--ink); background: #f3f1ec; }
  header { display: flex; gap: 16px; align-items: baseline; padding: 8px 16px; background: #222; color: #fff; }
  header h1 { font-size: 16px; margin: 0; }
  header .status { margin-left: auto; font-size: 13px; }
  header .status.failed { color: #ff8a80; }
  main { display: grid; grid-template-columns: 120px 1fr 340px; gap: 12px; padding: 12px; height: calc(100vh - 40px); }
  #thumbs { overflow-y: auto; }
  #thumbs button { display: block; width: 100%; margin: 0 0 10px; padding: 4px; border: 2px solid transparent; background: #fff; cursor: pointer; font: inherit; font-size: 12px; position: relative; }
  #thumbs button.current { border-color: #222; }
  #thumbs button.has-overset::after { content: "溢出"; position: absolute; top: 4px; right: 4px; background: var(--red); color: #fff; font-size: 11px; padding: 0 3px; }
  #thumbs img { width: 100%; display: block; }
  #view { overflow: auto; background: #8a8a8a; padding: 12px; }
  #sheet { position: relative; margin: 0 auto; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.4); }
  #sheet img { display: block; width: 100%; height: 100%; }
  #sheet svg { position: absolute; inset: 0; width: 100%; height: 100%; }
  .block { fill: transparent; stroke: rgba(0, 120, 220, .35); stroke-width: 1; vector-effect: non-scaling-stroke; cursor: pointer; }
  .block:hover, .block.selected { fill: rgba(0, 120, 220, .08); stroke: rgba(0, 120, 220, .9); }
  .mark rect { fill: none; stroke-width: 3; vector-effect: non-scaling-stroke; pointer-events: none; }
  .mark.overset rect, .mark.head-over rect { stroke: var(--red); }
  .mark.underset rect { stroke: var(--blue); stroke-dasharray: 6 4; }
  .mark .tab { pointer-events: none; }
  .mark.overset .tab, .mark.head-over .tab { fill: var(--red); }
  .mark.underset .tab { fill: var(--blue); }
  .mark text { fill: #fff; font-weight: 700; pointer-events: none; }
  aside { overflow-y: auto; background: #fff; padding: 10px 12px; }
  aside h2 { font-size: 14px; margin: 12px 0 6px; border-bottom: 1px solid var(--line); }
  aside ul { margin: 0; padding-left: 18px; }
  aside li { margin: 2px 0; font-size: 13px; }
  aside li.overset, aside li.head-over { color: var(--red); }
  aside li.underset { color: var(--blue); }
  table { border-collapse: collapse; font-size: 13px; width: 100%; }
  td, th { border-bottom: 1px solid var(--line); padding: 2px 4px; text-align: left; }
  .toolbar { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; }
  .muted { color: #777; }
</style>
</head>
<body>
<header><h1 id="title">zuban serve</h1><span id="pageName"></span><span class="status" id="status">…</span></header>
<main>
  <nav id="thumbs"></nav>
  <section id="view">
    <div class="toolbar"><label><input type="checkbox" id="outline" checked> 版块轮廓</label>
      <label>缩放 <select id="zoom"><option value="fit">适合宽度</option><option value="1">100%（150 dpi）</option></select></label>
      <a id="pdf" target="_blank">PDF</a></div>
    <div id="sheet"><img id="img" alt=""><svg id="over" xmlns="http://www.w3.org/2000/svg"></svg></div>
  </section>
  <aside>
    <h2>校样标记 <span class="muted" id="markCount"></span></h2><ul id="marks"></ul>
    <h2>选中版块</h2><div id="block" class="muted">点击版面上的一块查看稿件的 copyfit。</div>
    <h2>警告 <span class="muted" id="warnCount"></span></h2><ul id="warnings"></ul>
  </aside>
</main>
<script>
const DPI = 150;
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
let ed = null;
let current = new URLSearchParams(location.search).get('page');
let selected = null;
window.__zubanBuilds = 0;

async function load() {
  const r = await fetch('/api/edition');
  const data = await r.json();
  if (!r.ok) { status(data.last && data.last.error ? '构建失败：' + data.last.error : '等待第一次构建…', !!(data.last && data.last.error)); return; }
  ed = data;
  window.__zubanBuilds++;
  if (!current || !ed.pages.some((p) => p.label === current)) current = ed.pages[0].label;
  $('title').textContent = ed.title;
  thumbs();
  show();
  status(data.last && data.last.ok === false ? '构建失败：' + data.last.error : '已构建 ' + new Date().toLocaleTimeString(), data.last && data.last.ok === false);
}

function status(text, failed) {
  $('status').textContent = text;
  $('status').className = 'status' + (failed ? ' failed' : '');
}

function thumbs() {
  const nav = $('thumbs');
  nav.innerHTML = '';
  for (const p of ed.pages) {
    const b = document.createElement('button');
    b.dataset.page = p.label;
    const over = ed.marks.some((m) => m.page === p.label && m.kind === 'overset');
    b.className = (p.label === current ? 'current' : '') + (over ? ' has-overset' : '');
    b.innerHTML = '<img loading="lazy" src="/thumb/' + p.label + '.png?b=' + ed.build + '" alt="">' + esc(p.label + ' ' + (p.name || ''));
    b.onclick = () => { current = p.label; selected = null; history.replaceState(null, '', '?page=' + p.label); thumbs(); show(); };
    nav.appendChild(b);
  }
}

function show() {
  const page = ed.pages.find((p) => p.label === current);
  $('pageName').textContent = page.label + ' ' + (page.name || '');
  $('pdf').href = '/pdf/' + page.label + '.pdf?b=' + ed.build;
  const sheet = $('sheet');
  const zoom = $('zoom').value;
  if (zoom === 'fit') { sheet.style.width = '100%'; sheet.style.aspectRatio = page.width + ' / ' + page.height; sheet.style.height = ''; }
  else { sheet.style.width = Math.round(page.width / 72 * DPI) + 'px'; sheet.style.height = Math.round(page.height / 72 * DPI) + 'px'; }
  const src = '/page/' + page.label + '.png?dpi=' + DPI + '&b=' + ed.build;
  if ($('img').getAttribute('src') !== src) $('img').src = src;
  const svg = $('over');
  svg.setAttribute('viewBox', '0 0 ' + page.width + ' ' + page.height);
  svg.setAttribute('preserveAspectRatio', 'none');
  let s = '';
  if ($('outline').checked) {
    for (const b of page.blocks) {
      if (b.source.component === 'furniture' && b.kind !== 'text') continue;
      const r = b.rect;
      s += '<rect class="block' + (b.id === selected ? ' selected' : '') + '" data-block="' + esc(b.id) + '" x="' + r.x + '" y="' + r.y + '" width="' + r.w + '" height="' + r.h + '"><title>' + esc(b.source.id + ' · ' + b.source.component) + '</title></rect>';
    }
  }
  const marks = ed.marks.filter((m) => m.page === page.label);
  for (const m of marks) {
    const r = m.rect;
    const fs = 10, tw = [...m.label].length * fs * 0.85 + fs * 0.8, th = fs * 1.5;
    s += '<g class="mark ' + m.kind + '" data-article="' + esc(m.article) + '"><rect x="' + r.x + '" y="' + r.y + '" width="' + r.w + '" height="' + r.h + '"></rect>'
      + '<rect class="tab" x="' + (r.x + r.w - tw) + '" y="' + (r.y + r.h - th) + '" width="' + tw + '" height="' + th + '"></rect>'
      + '<text x="' + (r.x + r.w - tw + fs * 0.4) + '" y="' + (r.y + r.h - fs * 0.4) + '" font-size="' + fs + '">' + esc(m.label) + '</text></g>';
  }
  svg.innerHTML = s;
  svg.querySelectorAll('.block').forEach((el) => el.addEventListener('click', () => { selected = el.dataset.block; show(); }));
  $('markCount').textContent = '(' + ed.marks.length + ')';
  $('marks').innerHTML = ed.marks.map((m) => '<li class="' + m.kind + '"><a href="?page=' + m.page + '" data-page="' + m.page + '">' + esc(m.page) + '</a> ' + esc(m.file) + '：' + esc(m.label) + '</li>').join('') || '<li class="muted">无</li>';
  $('marks').querySelectorAll('a').forEach((a) => a.onclick = (e) => { e.preventDefault(); current = a.dataset.page; thumbs(); show(); });
  $('warnCount').textContent = '(' + ed.diagnostics.length + ')';
  $('warnings').innerHTML = ed.diagnostics.map((d) => '<li>' + esc((d.file ? d.file + ': ' : '') + (d.field ? d.field + ': ' : '') + d.message) + '</li>').join('') || '<li class="muted">无</li>';
  blockPanel(page);
}

function blockPanel(page) {
  const b = selected && page.blocks.find((x) => x.id === selected);
  if (!b) { $('block').innerHTML = '<span class="muted">点击版面上的一块查看稿件的 copyfit。</span>'; return; }
  const fit = ed.copyfit.find((a) => a.id === b.source.id);
  let h = '<p><b>' + esc(b.source.id) + '</b> · ' + esc(b.source.component) + ' · ' + b.lines + ' 行</p>';
  if (fit) {
    const bd = fit.body;
    h += '<table><tr><th>文件</th><td>' + esc(fit.file) + '</td></tr>'
      + '<tr><th>正文</th><td>' + bd.usedLines + ' / ' + bd.capacityLines + ' 行，' + bd.usedChars + ' 字</td></tr>'
      + '<tr><th>溢出</th><td>' + (bd.overLines ? bd.overLines + ' 行（' + bd.overChars + ' 字）' : '无') + '</td></tr>'
      + '<tr><th>欠行</th><td>' + (bd.underLines ? bd.underLines + ' 行（约 ' + bd.underChars + ' 字）' : '无') + '</td></tr>'
      + fit.heads.map((x) => '<tr><th>' + esc(x.component) + '</th><td>' + x.size + ' pt，' + x.lines + ' / ' + x.maxLines + ' 行' + (x.step ? '，缩 ' + x.step + ' 号' : '') + (x.over ? '，超 ' + x.over + ' 行' : '') + '</td></tr>').join('')
      + '</table>';
  }
  $('block').innerHTML = h;
}

$('outline').onchange = show;
$('zoom').onchange = show;
const events = new EventSource('/events');
events.addEventListener('build', (e) => {
  const b = JSON.parse(e.data);
  if (b.ok) load(); else status('构建失败：' + b.error, true);
});
load();
</script>
</body>
</html>
`;
