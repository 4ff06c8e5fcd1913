/** A lost-ID notice as the intake form sends it (invented person; the spec's test vector). */
export function lostId(over: { holder?: string; number?: string; dates?: string[]; phone?: string } = {}) {
  return {
    type: 'lost-person',
    holder: over.holder ?? '张明',
    certificate: '居民身份证',
    number: over.number ?? '320102198506120317',
    issuer: '南京市公安局玄武分局',
    customer: { name: over.holder ?? '张明', phone: over.phone ?? '13800001111', id: '320102198506120317', idKind: 'id' },
    run: { dates: over.dates ?? ['2026-12-10'] },
    consent: { by: over.holder ?? '张明', relation: 'self', at: '2026-12-03T10:00+08:00', method: 'signed-form', scope: ['print', 'epaper', 'archive'] },
  };
}
