/** 登记管理部门 — position 1 of a USCC, with the organisation types (position 2) it may use (spec §3). */
export interface UsccDepartment {
  /** The department's name, e.g. `工商/市场监管`. */
  name: string;
  /** Type code → type name, e.g. `1` → `企业`. */
  types: Readonly<Record<string, string>>;
}

/**
 * The department/type table of spec §3 [CSDN 108776492; hutool]. A pair not listed here is an
 * error: 9 is "其他" where the spec lists a bare 9.
 */
export const USCC_DEPARTMENTS: Readonly<Record<string, UsccDepartment>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商/市场监管', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

/** The department for a position-1 character, or undefined. */
export function lookupUsccDepartment(code: string): UsccDepartment | undefined {
  return Object.hasOwn(USCC_DEPARTMENTS, code) ? USCC_DEPARTMENTS[code] : undefined;
}
