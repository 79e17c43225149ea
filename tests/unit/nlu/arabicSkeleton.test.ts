import { skeletonOfArabic, skeletonOfArabizi } from '../../../src/nlu/arabicSkeleton.js';
import { normalizeText } from '../../../src/nlu/normalizeText.js';

describe('Arabic skeletons', () => {
  // Each pair: the same word in Arabic letters and in Arabizi, as people write them.
  const pairs: [arabic: string, arabizi: string][] = [
    ['مدرسة', 'madrase'],
    ['موعد', 'maw3ed'],
    ['عندي', '3andi'],
    ['شغل', 'shoghl'],
    ['مساعدة', 'mosa3ade'],
    ['الإيجار', 'el ijar'],
    ['حكيم', '7akim'],
    ['خربان', '5arban'],
  ];
  it.each(pairs)('%s and %s reduce to the same skeleton', (arabic, arabizi) => {
    const fromArabic = normalizeText(arabic).split(' ').map(skeletonOfArabic).join(' ');
    const fromArabizi = normalizeText(arabizi).split(' ').filter((word) => word !== 'el').map(skeletonOfArabizi).join(' ');
    expect(fromArabizi).toBe(fromArabic);
  });

  it('drops the article and attached particles', () => {
    expect(skeletonOfArabic(normalizeText('والبيت'))).toBe(skeletonOfArabic(normalizeText('بيت')));
    expect(skeletonOfArabizi('elbeit')).toBe(skeletonOfArabizi('beit'));
  });
});
