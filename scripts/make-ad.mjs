// Writes the sample edition's advertisement, content/ads/hongjiang-bank.pdf: an invented
// advertiser, drawn with pdfkit as vectors and text (楷 and 黑 embedded), at the size the
// edition books for it (2 columns × 17 lines of the 对开 grid: 243 × 216 pt).
// The ad stands for a file another program made, so it is drawn with pdfkit, which zuban
// itself no longer depends on: `npm i --no-save pdfkit@0.20 && node scripts/make-ad.mjs`.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';

const W = 243, H = 216;
const doc = new PDFDocument({ size: [W, H], margin: 0, info: { Title: '泓江银行 广告', Producer: 'zuban sample', CreationDate: new Date('2026-11-01T00:00:00Z') } });
const out = fs.createWriteStream('content/ads/hongjiang-bank.pdf');
doc.pipe(out);
const hei = 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf';
const kai = 'fonts/cache/LXGWWenKai-Regular.ttf';
doc.rect(0, 0, W, H).fill([92, 43, 0, 46]);
doc.rect(8, 8, W - 16, H - 16).lineWidth(1).stroke([0, 0, 0, 0]);
// a bridge drawn as vectors: deck, two towers, cables
doc.lineWidth(2).moveTo(20, 150).lineTo(W - 20, 150).stroke([0, 20, 68, 5]);
for (const tx of [80, 163]) {
  doc.lineWidth(3).moveTo(tx, 150).lineTo(tx, 92).stroke([0, 20, 68, 5]);
  for (let k = 1; k <= 5; k++) {
    doc.lineWidth(0.6).moveTo(tx, 96).lineTo(tx - k * 11, 150).stroke([0, 0, 0, 0]);
    doc.lineWidth(0.6).moveTo(tx, 96).lineTo(tx + k * 8, 150).stroke([0, 0, 0, 0]);
  }
}
doc.font(hei).fontSize(26).fillColor([0, 0, 0, 0]).text('泓江银行', 0, 24, { width: W, align: 'center' });
doc.font(kai).fontSize(13).fillColor([0, 20, 68, 5]).text('三桥通车 一路同行', 0, 62, { width: W, align: 'center' });
doc.font(hei).fontSize(10).fillColor([0, 0, 0, 0]).text('过江通勤贷 年化利率3.1%起', 0, 162, { width: W, align: 'center' });
doc.font(kai).fontSize(8).fillColor([0, 0, 0, 0]).text('客服热线 0745-95500　泓州市鼓楼区滨江路9号', 0, 184, { width: W, align: 'center' });
doc.end();
await new Promise((r) => out.on('finish', r));
console.log('content/ads/hongjiang-bank.pdf');
