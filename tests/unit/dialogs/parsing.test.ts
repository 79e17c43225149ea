import { parseAddress } from '../../../dialogs/AfvalDialog.js';
import { parseChoiceNumber } from '../../../dialogs/session.js';

describe('parseChoiceNumber', () => {
  it.each([
    ['3', 3],
    [' 12 ', 12],
    ['٣', 3],
    ['۴', 4],
    ['2.', 2],
    ['drie', undefined],
    ['123', undefined],
  ])('%s -> %s', (text, expected) => {
    expect(parseChoiceNumber(text)).toBe(expected);
  });
});

describe('parseAddress', () => {
  it.each([
    ['9981 AB 12', { postcode: '9981AB', houseNumber: '12' }],
    ['9981ab-12a', { postcode: '9981AB', houseNumber: '12A' }],
    ['mijn adres is 9471 KL nr 3', { postcode: '9471KL', houseNumber: '3' }],
    ['٩٩٨١ AB ١٢', { postcode: '9981AB', houseNumber: '12' }],
    ['9981 12', { postcode: '9981', houseNumber: '12' }],
  ])('%s', (text, expected) => {
    expect(parseAddress(text)).toEqual(expected);
  });

  it('refuses text without a postcode', () => {
    expect(parseAddress('weet ik niet')).toBeUndefined();
  });
});
