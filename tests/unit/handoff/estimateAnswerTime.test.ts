import type { TenantContent } from '../../../src/content/loadContentTree.js';
import { scheduleSchema, tenantSchema, wasteSchema } from '../../../src/content/schema.js';
import { estimateAnswerTime } from '../../../src/handoff/estimateAnswerTime.js';
import { zonedInstant } from '../../../src/time/zonedTime.js';

function tenantWith(schedule: unknown): TenantContent {
  return {
    tenant: tenantSchema.parse({ key: 'test', name: 'Test' }),
    schedule: scheduleSchema.parse(schedule),
    waste: wasteSchema.parse({}),
    overrides: new Map(),
    dir: '/tmp',
  };
}

const weekly = tenantWith({
  sample: false,
  locations: [{ id: 'loc', name: 'Loc' }],
  sessions: [
    { location: 'loc', weekday: 'monday', start: '09:30', end: '12:00' },
    { location: 'loc', weekday: 'thursday', start: '13:00', end: '14:00' },
  ],
});

const amsterdam = (iso: string) => {
  const [date, time] = iso.split('T');
  const [year, month, day] = (date ?? '').split('-').map(Number);
  return zonedInstant({ year: year ?? 0, month: month ?? 0, day: day ?? 0 }, time ?? '', 'Europe/Amsterdam');
};

describe('estimateAnswerTime', () => {
  it('says "as soon as possible" when the tenant has no sessions, never a made-up time', () => {
    expect(estimateAnswerTime(tenantWith({ sessions: [] }), 0, new Date())).toEqual({ kind: 'asap' });
    expect(estimateAnswerTime(undefined, 0, new Date())).toEqual({ kind: 'asap' });
  });

  it('points to the next session in Amsterdam time (Sunday 2026-03-01 -> Monday 09:30 CET)', () => {
    const estimate = estimateAnswerTime(weekly, 0, amsterdam('2026-03-01T20:00'));
    expect(estimate).toEqual({ kind: 'next-spreekuur', start: new Date('2026-03-02T08:30:00Z'), sample: false });
  });

  it('answers "as soon as possible" during a session with room left', () => {
    expect(estimateAnswerTime(weekly, 1, amsterdam('2026-03-02T10:00'))).toEqual({ kind: 'asap' });
  });

  it('moves to a later session when the queue fills the next one', () => {
    // Monday 09:30-12:00 takes 10 threads at 4 an hour; the 11th waits for Thursday.
    expect(estimateAnswerTime(weekly, 9, amsterdam('2026-03-01T20:00'))).toMatchObject({ start: amsterdam('2026-03-02T09:30') });
    expect(estimateAnswerTime(weekly, 10, amsterdam('2026-03-01T20:00'))).toMatchObject({ start: amsterdam('2026-03-05T13:00') });
  });

  it('uses summer time after the clocks change (Monday 2026-03-30 09:30 CEST = 07:30 UTC)', () => {
    expect(estimateAnswerTime(weekly, 0, amsterdam('2026-03-29T12:00'))).toMatchObject({ start: new Date('2026-03-30T07:30:00Z') });
  });

  it('passes on that the schedule is a sample', () => {
    const sample = tenantWith({ sample: true, sessions: [{ location: 'x', weekday: 'friday', start: '13:00', end: '15:00' }] });
    expect(estimateAnswerTime(sample, 0, amsterdam('2026-03-02T10:00'))).toMatchObject({ kind: 'next-spreekuur', sample: true });
  });

  it('falls back to "as soon as possible" when the queue is longer than the horizon', () => {
    expect(estimateAnswerTime(weekly, 1000, amsterdam('2026-03-01T20:00'))).toEqual({ kind: 'asap' });
  });
});
