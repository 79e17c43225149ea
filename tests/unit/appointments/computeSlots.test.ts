import { scheduleSchema } from '../../../src/content/schema.js';
import { bookableLocations, computeSlots, findSlot, slotsOnDay } from '../../../src/appointments/computeSlots.js';
import { parseIsoDay, zonedInstant } from '../../../src/time/zonedTime.js';

const tz = 'Europe/Amsterdam';
const schedule = scheduleSchema.parse({
  locations: [
    { id: 'buurthuis', name: 'Buurthuis' },
    { id: 'bieb', name: 'Bibliotheek' },
    { id: 'leeg', name: 'Zonder spreekuur' },
  ],
  sessions: [
    { location: 'buurthuis', weekday: 'tuesday', start: '09:00', end: '10:00', capacity: 2, slot_minutes: 30 },
    { location: 'bieb', weekday: 'thursday', start: '13:00', end: '14:15', capacity: 1, slot_minutes: 30 },
  ],
});

describe('zonedInstant', () => {
  it.each([
    ['2026-03-24', '09:00', '2026-03-24T08:00:00.000Z'],
    ['2026-03-31', '09:00', '2026-03-31T07:00:00.000Z'],
    ['2026-10-27', '09:00', '2026-10-27T08:00:00.000Z'],
  ])('puts %s %s in Amsterdam at %s (winter and summer time)', (day, time, expected) => {
    const date = parseIsoDay(day);
    if (!date) throw new Error('bad day');
    expect(zonedInstant(date, time, tz).toISOString()).toBe(expected);
  });
});

describe('computeSlots', () => {
  it('offers the weekly sessions of the next days, cut into slots, in time order', () => {
    const from = new Date('2026-03-02T09:00:00Z'); // Monday
    const slots = computeSlots(schedule, { from, days: 14, timeZone: tz });
    expect(slots.map((slot) => `${slot.locationId} ${slot.start.toISOString()}`)).toEqual([
      'buurthuis 2026-03-03T08:00:00.000Z',
      'buurthuis 2026-03-03T08:30:00.000Z',
      'bieb 2026-03-05T12:00:00.000Z',
      'bieb 2026-03-05T12:30:00.000Z',
      'buurthuis 2026-03-10T08:00:00.000Z',
      'buurthuis 2026-03-10T08:30:00.000Z',
      'bieb 2026-03-12T12:00:00.000Z',
      'bieb 2026-03-12T12:30:00.000Z',
    ]);
    expect(slots[2]?.capacity).toBe(1);
  });

  it('leaves out slots that already started and the part of a session too short for a slot', () => {
    const from = new Date('2026-03-03T08:10:00Z');
    const slots = computeSlots(schedule, { from, days: 1, timeZone: tz });
    expect(slots.map((slot) => slot.start.toISOString())).toEqual(['2026-03-03T08:30:00.000Z']);
  });

  it('filters by location and keeps the local time across the summer-time change', () => {
    const from = new Date('2026-03-23T00:00:00Z');
    const slots = computeSlots(schedule, { from, days: 14, timeZone: tz, locationId: 'buurthuis' });
    expect(slots.map((slot) => slot.start.toISOString())).toEqual([
      '2026-03-24T08:00:00.000Z',
      '2026-03-24T08:30:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-03-31T07:30:00.000Z',
    ]);
  });

  it('finds a slot of the schedule and nothing between slots', () => {
    expect(findSlot(schedule, 'bieb', new Date('2026-03-05T12:30:00Z'), tz)?.capacity).toBe(1);
    expect(findSlot(schedule, 'bieb', new Date('2026-03-05T12:15:00Z'), tz)).toBeUndefined();
    expect(findSlot(schedule, 'buurthuis', new Date('2026-03-05T12:30:00Z'), tz)).toBeUndefined();
  });

  it('lists a day, and only locations with sessions are bookable', () => {
    const tuesday = parseIsoDay('2026-03-03');
    if (!tuesday) throw new Error('bad day');
    expect(slotsOnDay(schedule, tuesday, tz)).toHaveLength(2);
    expect(bookableLocations(schedule).map((location) => location.id)).toEqual(['buurthuis', 'bieb']);
  });
});
