import { readFileSync } from 'node:fs';
import { toPinyin, toInitials } from './src/core/catalogue/pinyin.js';
const rows = JSON.parse(readFileSync('src/data/gbt4754-2017.json','utf8')) as {code:string;name:string}[];
const poly = /[行重长乐调种供差便朝藏降还和折曲处发干量省传载济模假系弹着给相参数薄剥舍厦仓尽称华]/u;
const out: string[] = [];
for (const r of rows) if (poly.test(r.name)) out.push(`${r.code} ${r.name} | ${toPinyin(r.name)}`);
console.log(out.length); console.log(out.join('\n'));
console.log(toPinyin('KTV歌厅'), toInitials('KTV歌厅'), toPinyin('咖啡店/茶馆'), toInitials('咖啡店/茶馆'), toPinyin('旅馆'), toPinyin('一、二级病原微生物实验室'));
