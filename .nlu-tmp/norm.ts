import { normalizeText } from '../src/nlu/normalizeText.js';
for (const t of ['İstanbul IŞIK', "п’ять б'є", 'أريد مساعدة في الإيجار؟', 'میخواهم\u200Cکه کمک', 'Zorgtoeslag!!! pleeeease €1000', 'ሠላም ፀሓይ።', 'café ideeën', "ba'an la'aan", '٣٤ ۵۶', "sho3'l", 'e\u0301te']) console.log(JSON.stringify(t), '->', JSON.stringify(normalizeText(t)));
