/**
 * A facilities ledger (台账) with words the import does not know (理发 as a service, 试营业 as a
 * status) beside known ones: the value-words tests of the engine and of the wizard read the same rows.
 */
export const UNKNOWN_WORDS_LEDGER = [
  '设施编号,设施名称,经度,纬度,建筑面积,服务功能,运营状态',
  'S1,甲,106.5,29.5,100,养老、理发,运营中',
  'S2,乙,106.5,29.5,100,助餐,试营业',
  'S3,丙,106.5,29.5,100,理发；助餐,运营中',
].join('\n');
