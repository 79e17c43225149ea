import { reminderTimes } from '../../../src/appointments/reminderTimes.js';

const settings = { timeZone: 'Europe/Amsterdam', dayBeforeHour: 18, twoHourReminder: false };
const tuesday0930 = new Date('2026-03-03T08:30:00Z');

describe('reminderTimes', () => {
  it('reminds at 18:00 local the evening before', () => {
    expect(reminderTimes(tuesday0930, new Date('2026-02-27T10:00:00Z'), settings)).toEqual([{ kind: 'day_before', dueAt: new Date('2026-03-02T17:00:00Z') }]);
  });

  it('reminds at once when booked after that evening, but not when the time is only hours away', () => {
    const lateEvening = new Date('2026-03-02T21:00:00Z');
    expect(reminderTimes(tuesday0930, lateEvening, settings)).toEqual([{ kind: 'day_before', dueAt: lateEvening }]);
    expect(reminderTimes(tuesday0930, new Date('2026-03-03T07:00:00Z'), settings)).toEqual([]);
  });

  it('adds the two-hour reminder when the flag is on, at the local hour in summer time too', () => {
    const summer = new Date('2026-06-02T07:30:00Z'); // 09:30 CEST
    expect(reminderTimes(summer, new Date('2026-05-20T10:00:00Z'), { ...settings, twoHourReminder: true })).toEqual([
      { kind: 'day_before', dueAt: new Date('2026-06-01T16:00:00Z') },
      { kind: 'two_hours', dueAt: new Date('2026-06-02T05:30:00Z') },
    ]);
  });
});
