/**
 * The desk's pages, rendered on the server. htmx (served from /static) swaps the live
 * check's answer into the form; without JavaScript the form still submits and the server
 * answers with the same messages.
 */
import type { Selectable } from 'kysely';
import type { AuditTable, PaymentsTable, RunDatesTable } from './db.js';
import { h, Safe } from './html.js';
import { CHANNEL_OPTIONS, COMMON_SECTIONS, FORM_TYPES, isFormType, type FieldDef, type FieldMessage, type FormBody, type FormType } from './intake.js';
import {
  CHANNEL_LABELS,
  METHOD_LABELS,
  PAYMENT_METHODS,
  ROLE_LABELS,
  STATUS_LABELS,
  STATUSES,
  type Channel,
  type NoticeRow,
  type PaymentMethod,
  type Role,
  type Staff,
  type Status,
} from './store.js';

export const yuan = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : `¥${(cents / 100).toFixed(2)}`);
export const fieldId = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-');

// not in a template literal: a bundler rewrites `</script` there (as `<\/script`), which
// needs a runtime helper the CLI bundle does not carry
const HTMX_TAG = new Safe(['<script src="/static/htmx.min.js" defer>', '</', 'script>'].join(''));

/** The page frame: header with the user and the CSRF token for htmx, nav, content. */
export function layout(title: string, body: Safe, user?: Staff, csrf?: string): string {
  return h`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title} · 声明受理</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"allowEval":false,"allowScriptTags":false,"includeIndicatorStyles":false,"selfRequestsOnly":true}'>
<link rel="stylesheet" href="/static/desk.css">${HTMX_TAG}</head>
<body${csrf ? h` hx-headers='${JSON.stringify({ 'X-CSRF-Token': csrf })}'` : ''}>
<header><strong>声明·公告受理台</strong>
${user ? h`<nav><a href="/notices/new">受理</a><a href="/notices">声明列表</a><a href="/daysheet">日报表</a>${user.role === 'admin' ? h`<a href="/admin">管理</a>` : ''}</nav>
<span class="who">${user.name}（${ROLE_LABELS[user.role]}）<form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button>退出</button></form></span>` : ''}
</header><main>${body}</main></body></html>`.html;
}

export function loginPage(csrf: string, error?: string, username = ''): string {
  return layout(
    '登录',
    h`<h1>登录</h1>${error ? h`<p class="err" role="alert">${error}</p>` : ''}
<form method="post" action="/login" class="login">
<input type="hidden" name="_csrf" value="${csrf}">
<label>用户名 <input name="username" autocomplete="username" required value="${username}"></label>
<label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">登录</button></form>`,
  );
}

function messages(list: FieldMessage[] | undefined): Safe {
  return h`${(list ?? []).map((m) => h`<span class="${m.level}">${m.message}</span>`)}`;
}

/**
 * The desk's confirmation of warnings: the box's value is the codes of the warnings shown
 * when it was ticked, so a warning that appears later is not confirmed by it (the live
 * check sends a fresh, unticked box whenever the warnings change).
 */
export function confirmBox(codes: string, checked: boolean, oob = false): Safe {
  return h`<input type="checkbox" id="f-confirmed" name="confirmed" value="${codes}"${checked ? ' checked' : ''}${codes ? '' : ' disabled'} aria-describedby="m-confirmed"${oob ? h` hx-swap-oob="true"` : ''}>`;
}

/** The message slot under a field; the live check replaces it out of band. */
export function fieldMessages(name: string, list: FieldMessage[] | undefined, oob = false): Safe {
  return h`<div class="msg" id="m-${fieldId(name)}" aria-live="polite"${oob ? h` hx-swap-oob="true"` : ''}>${messages(list)}</div>`;
}

function input(f: FieldDef, body: FormBody, msgs: Map<string, FieldMessage[]>, papers: readonly (readonly [string, string])[] = []): Safe {
  const v = body[f.name];
  const one = Array.isArray(v) ? v[0] ?? '' : v ?? '';
  const many = Array.isArray(v) ? v : v ? [v] : [];
  const bad = (msgs.get(f.name) ?? []).some((m) => m.level === 'error');
  const id = `f-${fieldId(f.name)}`;
  const aria = h` aria-describedby="m-${fieldId(f.name)}"${bad ? h` aria-invalid="true"` : ''}`;
  let control: Safe;
  switch (f.input) {
    case 'paper':
      control = h`<select id="${id}" name="${f.name}"${aria}>${papers.map(([val, label]) => h`<option value="${val}"${val === one ? ' selected' : ''}>${label}</option>`)}</select>`;
      break;
    case 'select':
      control = h`<select id="${id}" name="${f.name}"${aria}><option value="">请选择</option>${(f.options ?? []).map(([val, label]) => h`<option value="${val}"${val === one ? ' selected' : ''}>${label}</option>`)}</select>`;
      break;
    case 'checkbox':
      control = f.name === 'confirmed' ? confirmBox('', false) : h`<input type="checkbox" id="${id}" name="${f.name}"${one ? ' checked' : ''}${aria}>`;
      break;
    case 'checks':
      control = h`<span id="${id}">${(f.options ?? []).map(([val, label]) => h`<label class="check"><input type="checkbox" name="${f.name}" value="${val}"${many.includes(val) ? ' checked' : ''}> ${label}</label>`)}</span>`;
      break;
    case 'dates': {
      const ds = [...many, '', ''].slice(0, Math.max(3, many.length + 1));
      control = h`<span id="${id}" class="dates">${ds.map((d, i) => h`<input type="date" name="${f.name}" value="${d}" aria-label="刊登日期${i + 1}">`)}</span>`;
      break;
    }
    case 'list': {
      const xs = [...many, '', ''].slice(0, Math.max(3, many.length + 1));
      control = h`<span id="${id}" class="list">${xs.map((x, i) => h`<input name="${f.name}" value="${x}" autocomplete="off" aria-label="${f.label}${i + 1}">`)}</span>`;
      break;
    }
    case 'date':
      control = h`<input type="date" id="${id}" name="${f.name}" value="${one}"${aria}>`;
      break;
    case 'datetime':
      control = h`<input type="datetime-local" id="${id}" name="${f.name}" value="${one}"${aria}>`;
      break;
    default:
      control = h`<input id="${id}" name="${f.name}" value="${one}" autocomplete="off"${aria}${f.hint ? h` placeholder="${f.hint}"` : ''}>`;
  }
  return h`<div class="field${bad ? ' bad' : ''}"><label for="${id}">${f.label}${f.required ? h`<abbr title="必填">*</abbr>` : ''}</label>${control}${fieldMessages(f.name, msgs.get(f.name))}</div>`;
}

/** The intake form (new notice, or a draft being edited). */
export function intakeForm(opts: {
  type: FormType;
  body: FormBody;
  msgs: Map<string, FieldMessage[]>;
  preview: Safe;
  csrf: string;
  action: string;
  channel?: string;
  fapiao?: { title?: string; taxId?: string };
  editing?: string;
  /** [id, name] of each paper in templates/notices.yaml, the default first. */
  papers?: readonly (readonly [string, string])[];
}): Safe {
  const { type, body, msgs } = opts;
  const papers = opts.papers ?? [];
  const channel = opts.channel ?? 'counter';
  return h`<h1>${opts.editing ? h`修改草稿 ${opts.editing}` : '受理声明'}</h1>
${opts.editing ? '' : h`<nav class="types" aria-label="声明类型">${Object.entries(FORM_TYPES).map(([t, d]) => h`<a href="/notices/new?type=${t}"${t === type ? h` aria-current="page"` : ''}>${d.label}</a>`)}</nav>`}
<div class="intake">
<form id="intake" method="post" action="${opts.action}" hx-post="/intake/check" hx-trigger="input changed delay:300ms, change" hx-target="#preview" hx-swap="innerHTML" hx-sync="this:replace">
<input type="hidden" name="_csrf" value="${opts.csrf}"><input type="hidden" name="type" value="${type}">
<fieldset><legend>${FORM_TYPES[type].label}</legend>${FORM_TYPES[type].fields.map((f) => input(f, body, msgs, papers))}</fieldset>
${COMMON_SECTIONS.map((s) => h`<fieldset><legend>${s.title}</legend>${s.fields.map((f) => input(f, body, msgs, papers))}</fieldset>`)}
<fieldset><legend>受理</legend>
<div class="field"><label for="f-channel">渠道</label><select id="f-channel" name="channel">${CHANNEL_OPTIONS.map(([v, l]) => h`<option value="${v}"${v === channel ? ' selected' : ''}>${l}</option>`)}</select></div>
<div class="field"><label for="f-fapiao-title">发票抬头</label><input id="f-fapiao-title" name="fapiao.title" value="${opts.fapiao?.title ?? ''}"></div>
<div class="field"><label for="f-fapiao-tax">纳税人识别号</label><input id="f-fapiao-tax" name="fapiao.taxId" value="${opts.fapiao?.taxId ?? ''}"></div>
</fieldset>
<button type="submit" class="primary">保存为草稿</button>
</form>
<aside id="preview" aria-live="polite">${opts.preview}</aside>
</div>`;
}

export interface PreviewModel {
  ok: boolean;
  general: FieldMessage[];
  wording?: { title: string; paragraphs: string[]; signoff: string[]; date: string | null; runIn: boolean };
  quote?: string[];
  pngDataUrl?: string;
  runDates: string[];
  deadlines: { label: string; due: string }[];
  cutoffHour: number;
}

/** The live check's answer: wording as it will print, the proof image, the price, dates. */
export function preview(p: PreviewModel): Safe {
  const day = (d: string) => {
    const prev = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return h`<li>${d}（截稿：${prev} ${p.cutoffHour}:00）</li>`;
  };
  return h`<h2>校样与报价</h2>
${p.general.length ? h`<div class="general">${p.general.map((m) => h`<p class="${m.level}">${m.message}</p>`)}</div>` : ''}
${p.wording
    ? h`<section class="wording" aria-label="见报措辞">${p.wording.runIn ? '' : h`<h3>${p.wording.title}</h3>`}${p.wording.paragraphs.map((t) => h`<p>${t}</p>`)}${p.wording.signoff.map((t) => h`<p class="signoff">${t}</p>`)}${p.wording.date ? h`<p class="signoff">${p.wording.date}</p>` : ''}</section>`
    : h`<p class="muted">填好各栏后，这里显示见报措辞、校样和价格。</p>`}
${p.pngDataUrl ? h`<img class="proof" alt="校样" src="${p.pngDataUrl}">` : ''}
${p.quote ? h`<ul class="quote" aria-label="报价">${p.quote.map((l) => h`<li>${l}</li>`)}</ul>` : ''}
${p.runDates.length ? h`<h3>刊登日期</h3><ul>${p.runDates.map(day)}</ul>` : ''}
${p.deadlines.length ? h`<h3>法定期限</h3><ul>${p.deadlines.map((d) => h`<li>${d.label}：${d.due}</li>`)}</ul>` : ''}`;
}

const statusBadge = (s: string) => h`<span class="status s-${s}">${STATUS_LABELS[s as Status] ?? s}</span>`;

export function listPage(rows: NoticeRow[], f: Record<string, string | undefined>, clerks: string[]): Safe {
  return h`<h1>声明列表</h1>
<form method="get" action="/notices" class="filters">
<label>受理日期 <input type="date" name="taken" value="${f.taken ?? ''}"></label>
<label>刊登日期 <input type="date" name="run" value="${f.run ?? ''}"></label>
<label>状态 <select name="status"><option value="">全部</option>${STATUSES.map((s) => h`<option value="${s}"${s === f.status ? ' selected' : ''}>${STATUS_LABELS[s]}</option>`)}</select></label>
<label>受理员 <select name="clerk"><option value="">全部</option>${clerks.map((c) => h`<option${c === f.clerk ? ' selected' : ''}>${c}</option>`)}</select></label>
<label>渠道 <select name="channel"><option value="">全部</option>${CHANNEL_OPTIONS.map(([v, l]) => h`<option value="${v}"${v === f.channel ? ' selected' : ''}>${l}</option>`)}</select></label>
<label>查找 <input type="search" name="q" value="${f.q ?? ''}" placeholder="姓名、证号、单位、订单号"></label>
<button>筛选</button></form>
<table class="list"><thead><tr><th>订单号</th><th>类型</th><th>当事人</th><th>客户</th><th>刊登</th><th>价格</th><th>状态</th><th>受理员</th><th>渠道</th></tr></thead><tbody>
${rows.map((r) => h`<tr><td><a href="/notices/${r.id}">${r.order_no}</a></td><td>${isFormType(r.type) ? FORM_TYPES[r.type].label : r.type}</td><td>${r.subject}</td><td>${r.customer_name}</td><td>${r.run_first}${r.run_last !== r.run_first ? h`—${r.run_last}` : ''}</td><td>${yuan(r.price_cents)}</td><td>${statusBadge(r.status)}${r.ok ? '' : h` <span class="error">未通过检查</span>`}</td><td>${r.clerk}</td><td>${CHANNEL_LABELS[r.channel as Channel] ?? r.channel}</td></tr>`)}
</tbody></table>${rows.length ? '' : h`<p class="muted">没有符合条件的声明。</p>`}`;
}

export function detailPage(o: {
  n: NoticeRow;
  user: Staff;
  csrf: string;
  wording?: PreviewModel['wording'];
  quote?: string[];
  refused: { field: string; message: string }[];
  payments: Selectable<PaymentsTable>[];
  runDates: Selectable<RunDatesTable>[];
  history: Selectable<AuditTable>[];
  idCopies: { id: number; mime: string; clerk: string; at: string }[];
  cutoff: string;
  flash?: string;
}): Safe {
  const { n, csrf, user } = o;
  const data = JSON.parse(n.data) as Record<string, unknown>;
  const consent = (data.consent ?? {}) as Record<string, unknown>;
  const csrfField = h`<input type="hidden" name="_csrf" value="${csrf}">`;
  const act = (path: string, label: string, extra: Safe | string = '') => h`<form method="post" action="/notices/${n.id}/${path}" class="act">${csrfField}${extra}<button>${label}</button></form>`;
  const editor = user.role !== 'desk';
  return h`<h1>${n.order_no} ${statusBadge(n.status)}</h1>
${o.flash ? h`<p class="err" role="alert">${o.flash}</p>` : ''}
<div class="detail"><section>
<h2>见报措辞</h2>
${o.wording ? h`<section class="wording">${o.wording.runIn ? '' : h`<h3>${o.wording.title}</h3>`}${o.wording.paragraphs.map((t) => h`<p>${t}</p>`)}${o.wording.signoff.map((t) => h`<p class="signoff">${t}</p>`)}${o.wording.date ? h`<p class="signoff">${o.wording.date}</p>` : ''}</section>
<img class="proof" alt="校样" src="/notices/${n.id}/proof.png">` : ''}
${o.refused.length ? h`<h3>未通过检查</h3><ul>${o.refused.map((r) => h`<li class="error">${r.field ? h`<code>${r.field}</code> ` : ''}${r.message}</li>`)}</ul>` : ''}
${o.quote ? h`<ul class="quote">${o.quote.map((l) => h`<li>${l}</li>`)}</ul>` : ''}
<p><a href="/notices/${n.id}/proof.pdf">客户校样（PDF，含订单号与签字栏）</a>${n.status === 'draft' ? h` · <a href="/notices/${n.id}/edit">修改</a>` : ''}</p>
</section><section>
<h2>记录</h2><dl>
<dt>价格</dt><dd>${yuan(n.price_cents)}</dd>
<dt>刊登日期</dt><dd>${o.runDates.map((d) => h`${d.run_date}${d.published_at ? '（已刊出）' : ''} `)}　截稿 ${o.cutoff}</dd>
<dt>客户</dt><dd>${n.customer_name} ${n.customer_phone ?? '（已清除）'} ${n.customer_id_kind ?? ''} ${n.customer_id ?? ''}</dd>
<dt>同意记录</dt><dd>${String(consent.by ?? '—')}，${String(consent.relation ?? '')}，${String(consent.at ?? '')}，${String(consent.method ?? '')}，范围：${Array.isArray(consent.scope) ? consent.scope.join('、') : ''}${consent.sensitive ? '，含敏感信息' : ''}</dd>
<dt>渠道 / 受理员</dt><dd>${CHANNEL_LABELS[n.channel as Channel] ?? n.channel} / ${n.clerk}</dd>
<dt>发票</dt><dd>${n.fapiao_title ?? '—'} ${n.fapiao_tax_id ?? ''}</dd>
${n.override_by ? h`<dt>越权排期</dt><dd>${n.override_by}：${n.override_reason}</dd>` : ''}
</dl>
<h2>操作</h2>
${n.status === 'draft' && n.ok ? act('approve', '客户已签字确认校样') : ''}
${n.status === 'approved' ? act('pay', '登记付款', h`<label>方式 <select name="method">${PAYMENT_METHODS.map((m) => h`<option value="${m}">${METHOD_LABELS[m as PaymentMethod]}</option>`)}</select></label> <label>金额（元） <input name="amount" value="${n.price_cents !== null ? (n.price_cents / 100).toFixed(2) : ''}" size="8"></label> <label>收据号 <input name="receipt" required size="10"></label>`) : ''}
${n.status === 'paid' ? act('schedule', '排期') : ''}
${editor && (n.status === 'draft' || n.status === 'approved') && n.ok ? act('schedule', '编辑越权排期', h`<label>理由 <input name="override" required></label>`) : ''}
${['draft', 'approved', 'paid', 'scheduled'].includes(n.status) ? act('cancel', '撤销（已付款则退款）', h`<label>原因 <input name="reason" required></label> <label>退款收据号 <input name="receipt" size="10"></label>`) : ''}
${n.status !== 'cancelled' ? act('fapiao', '保存发票信息', h`<label>抬头 <input name="title" value="${n.fapiao_title ?? ''}"></label> <label>税号 <input name="taxId" value="${n.fapiao_tax_id ?? ''}"></label>`) : ''}
<h2>证件复印件</h2>
${o.idCopies.length ? h`<ul>${o.idCopies.map((a) => h`<li><a href="/notices/${n.id}/id-copy/${a.id}">复印件 ${a.id}</a>（${a.mime}，${a.clerk}，${a.at}）</li>`)}</ul>` : h`<p class="muted">${n.purged_at ? '已清除' : '无'}</p>`}
${n.purged_at ? '' : h`<form method="post" action="/notices/${n.id}/id-copy" enctype="multipart/form-data" class="act">${csrfField}<input type="file" name="file" accept="image/jpeg,image/png,application/pdf" required> <button>上传</button></form>`}
<h2>收付款</h2>
${o.payments.length ? h`<table><tr><th>时间</th><th>类别</th><th>方式</th><th>金额</th><th>收据号</th><th>经手</th></tr>${o.payments.map((p) => h`<tr><td>${p.at}</td><td>${p.kind === 'refund' ? '退款' : '收款'}</td><td>${METHOD_LABELS[p.method as PaymentMethod] ?? p.method}</td><td>${yuan(p.amount_cents)}</td><td>${p.receipt_no}</td><td>${p.clerk}</td></tr>`)}</table>` : h`<p class="muted">无</p>`}
</section></div>
<h2>历史</h2>
<table class="history"><tr><th>时间</th><th>人员</th><th>操作</th><th>状态</th></tr>
${o.history.map((a) => {
    const before = a.before ? (JSON.parse(a.before) as { status?: string }) : null;
    const after = a.after ? (JSON.parse(a.after) as { status?: string }) : null;
    return h`<tr><td>${a.at}</td><td>${a.actor}</td><td>${ACTION_LABELS[a.action] ?? a.action}</td><td>${before?.status && before.status !== after?.status ? h`${STATUS_LABELS[before.status as Status]} → ` : ''}${after?.status ? STATUS_LABELS[after.status as Status] : ''}</td></tr>`;
  })}
</table>`;
}

export const ACTION_LABELS: Record<string, string> = {
  'notice.create': '受理',
  'notice.update': '修改',
  'notice.approve': '客户确认',
  'notice.pay': '收款',
  'notice.schedule': '排期',
  'notice.schedule.override': '越权排期',
  'notice.cancel': '撤销',
  'notice.fapiao': '发票信息',
  'notice.publish': '刊出',
  'notice.purge': '清除个人信息',
  'notice.id-copy': '上传证件复印件',
  'notice.id-copy.view': '查看证件复印件',
  'notice.export': '导出',
};

export interface DaySheetModel {
  day: string;
  rows: { clerk: string; taken: number; refused: number; cancelled: number; byMethod: Record<string, number>; refunds: number }[];
  callBack: NoticeRow[];
}

export function daySheetPage(m: DaySheetModel): Safe {
  const methods = PAYMENT_METHODS;
  return h`<h1>日报表 ${m.day}</h1>
<form method="get" action="/daysheet" class="filters"><label>日期 <input type="date" name="date" value="${m.day}"></label><button>查看</button> <a href="/daysheet.csv?date=${m.day}">下载 CSV</a></form>
<table class="list"><thead><tr><th>受理员</th><th>受理</th><th>未通过</th><th>撤销</th>${methods.map((x) => h`<th>${METHOD_LABELS[x]}</th>`)}<th>退款</th><th>实收</th></tr></thead><tbody>
${m.rows.map((r) => {
    const sum = Object.values(r.byMethod).reduce((a, b) => a + b, 0);
    return h`<tr><td>${r.clerk}</td><td>${r.taken}</td><td>${r.refused}</td><td>${r.cancelled}</td>${methods.map((x) => h`<td>${yuan(r.byMethod[x] ?? 0)}</td>`)}<td>${yuan(r.refunds)}</td><td>${yuan(sum - r.refunds)}</td></tr>`;
  })}
</tbody></table>
<h2>待回访（未通过检查或未付款）</h2>
<table class="list"><tr><th>订单号</th><th>客户</th><th>电话</th><th>状态</th><th>受理员</th></tr>
${m.callBack.map((r) => h`<tr><td><a href="/notices/${r.id}">${r.order_no}</a></td><td>${r.customer_name}</td><td>${r.customer_phone ?? ''}</td><td>${STATUS_LABELS[r.status as Status]}${r.ok ? '' : '，未通过检查'}</td><td>${r.clerk}</td></tr>`)}
</table>`;
}

export interface StaffRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  disabled: number;
  created_at: string;
}

export function adminPage(csrf: string, retentionDays: number, flash?: string, users: readonly StaffRow[] = [], self = ''): Safe {
  const tok = h`<input type="hidden" name="_csrf" value="${csrf}">`;
  const rows = users.map(
    (u) => h`<tr data-user="${u.username}" class="${u.disabled ? 'muted' : ''}"><td>${u.username}</td><td>${u.name}</td>
<td><form method="post" action="/admin/users/${u.id}/role" class="inline">${tok}<select name="role" aria-label="${u.username}的角色">${Object.entries(ROLE_LABELS).map(([v, l]) => h`<option value="${v}"${v === u.role ? h` selected` : ''}>${l}</option>`)}</select> <button>改角色</button></form></td>
<td>${u.disabled ? '已停用' : '在用'} ${u.id === self ? '' : h`<form method="post" action="/admin/users/${u.id}/active" class="inline">${tok}<input type="hidden" name="active" value="${u.disabled ? '1' : '0'}"><button>${u.disabled ? '启用' : '停用'}</button></form>`}</td>
<td><form method="post" action="/admin/users/${u.id}/password" class="inline">${tok}<input name="password" type="password" minlength="10" required aria-label="${u.username}的新密码" placeholder="新密码（至少10位）"> <button>重设密码</button></form></td></tr>`,
  );
  return h`<h1>管理</h1>${flash ? h`<p class="ok" role="status">${flash}</p>` : ''}
<h2>人员</h2><p class="muted">密码以 argon2id 保存；每次更改记入审计。停用或重设密码即结束该人员的登录。</p>
<table class="users"><thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>状态</th><th>密码</th></tr></thead><tbody>${rows}</tbody></table>
<h2>清除个人信息</h2><p>最后一次刊登${retentionDays}天后，清除客户电话和证件号码（清除本身记入审计）。</p>
<form method="post" action="/admin/purge"><input type="hidden" name="_csrf" value="${csrf}"><button>立即清除到期数据</button></form>
<h2>新增人员</h2>
<form method="post" action="/admin/users" class="login"><input type="hidden" name="_csrf" value="${csrf}">
<label>用户名 <input name="username" required pattern="[A-Za-z0-9_.-]{2,32}"></label><label>姓名 <input name="name" required></label>
<label>密码 <input name="password" type="password" required minlength="10"></label>
<label>角色 <select name="role">${Object.entries(ROLE_LABELS).map(([v, l]) => h`<option value="${v}">${l}</option>`)}</select></label><button>新增</button></form>`;
}

export const DESK_CSS = `
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#f6f5f2}
header{display:flex;gap:1.5em;align-items:center;padding:.6em 1.2em;background:#8b1a1a;color:#fff}
header a{color:#fff;margin-right:1em}header .who{margin-left:auto}
main{padding:1em 1.5em;max-width:1400px}
form.inline{display:inline}
.intake{display:grid;grid-template-columns:minmax(420px,1fr) minmax(380px,1fr);gap:1.5em;align-items:start}
fieldset{border:1px solid #ccc;background:#fff;margin:0 0 .8em;padding:.5em .8em}
legend{font-weight:bold}
.field{display:grid;grid-template-columns:10em 1fr;gap:.2em .6em;margin:.35em 0}
.field .msg{grid-column:2}
.field.bad input,.field.bad select{border-color:#c00;background:#fff4f4}
input,select,button{font:inherit;padding:.2em .4em}
.field input[type=checkbox]{justify-self:start;width:1.1em;height:1.1em;padding:0}
.msg span{display:block;font-size:.9em}
.error{color:#b00000}.warning{color:#9a5b00}.info{color:#555}.ok{color:#17612a}.muted{color:#777}
.err{color:#b00000;font-weight:bold}
#preview{background:#fff;border:1px solid #ccc;padding:.6em 1em;position:sticky;top:.5em}
.wording{font-family:"Noto Serif SC",serif;border-left:3px solid #8b1a1a;padding-left:.8em}
.wording .signoff{text-align:right}
img.proof{max-width:100%;border:1px solid #ddd;margin:.5em 0}
.quote{list-style:none;padding:0;font-size:.95em}
.types a{margin-right:1em}.types a[aria-current]{font-weight:bold;text-decoration:none;color:#8b1a1a}
table{border-collapse:collapse;background:#fff}td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left}
.filters label{margin-right:.8em}
.status{padding:0 .4em;border-radius:3px;background:#eee}.s-scheduled{background:#d8ecff}.s-paid{background:#e4f6e4}.s-cancelled{background:#f3d6d6}.s-published{background:#ddd}
.detail{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}
dl{display:grid;grid-template-columns:8em 1fr}dt{font-weight:bold}
form.act{margin:.4em 0}
.login{display:flex;flex-direction:column;gap:.5em;max-width:22em}
button.primary{background:#8b1a1a;color:#fff;border:0;padding:.4em 1.2em}
abbr{color:#b00000;text-decoration:none}
`;
