import { scheduleSchema } from '../../src/content/schema.js';
import { type AppointmentKit, createPerson, openAppointmentKit } from '../unit/appointments/appointmentTestKit.js';
import { createHarness, type Turn } from './appointmentHarness.js';

describe('AppointmentDialog', () => {
  let kit: AppointmentKit;

  beforeAll(async () => {
    kit = await openAppointmentKit();
  });
  afterAll(() => kit.test.drop());

  function tenant() {
    const found = kit.content.tenants.get('testdorp');
    if (!found) throw new Error('no tenant');
    return found;
  }

  async function withSchedule<T>(change: (schedule: ReturnType<typeof tenant>['schedule']) => ReturnType<typeof tenant>['schedule'], run: () => Promise<T>): Promise<T> {
    const original = tenant().schedule;
    tenant().schedule = change(original);
    try {
      return await run();
    } finally {
      tenant().schedule = original;
    }
  }

  it('nl: confirms the topic from the conversation, offers times, asks interpreter and name, and books', async () => {
    const harness = await createHarness(kit, { locale: 'nl', options: { topic: 'toeslagen.huurtoeslag' } });
    const turns: Turn[] = [
      { send: 'afspraak', expect: ['Gaat uw afspraak over: Huurtoeslag?', '1. Ja', '2. Nee, over iets anders'] },
      {
        send: '1',
        expect: ['Wanneer kunt u komen? Deze tijden zijn vrij:', '1. dinsdag 3 maart om 09:00', '2. dinsdag 3 maart om 09:30', '5. dinsdag 10 maart om 09:30', '6. Een andere tijd'],
        absent: ['Waar wilt u', 'voorbeeldtijden'],
      },
      { send: '9', expect: ['Dat begrijp ik niet. Stuur het nummer van uw keuze.', '6. Een andere tijd'] },
      { send: '2', expect: ['Heeft u een tolk nodig?', '1. Nee', '2. Ja, een andere taal'] },
      { send: 'ja', expect: ['Welke taal?', '1. English', '2. العربية', '3. ትግርኛ'] },
      { send: '2', expect: ['Wilt u uw naam geven?', '1. Nee, liever niet'] },
      {
        send: 'Fatima',
        expect: ['Klopt dit?', 'Over: Huurtoeslag', 'Waar: Buurthuis De Brug, Brugstraat 1', 'Wanneer: dinsdag 3 maart om 09:30', 'Tolk: العربية', 'Naam: Fatima', '1. Ja, het klopt'],
      },
      { send: '1', expect: ['Dank u! Uw afspraak: dinsdag 3 maart om 09:30, Buurthuis De Brug, Brugstraat 1.', "Stuur 'afzeggen'."] },
    ];
    await harness.run(turns);
    const booked = await kit.desk.nextActiveFor(harness.contactId);
    expect(booked).toMatchObject({ topic: 'toeslagen.huurtoeslag', name: 'Fatima', interpreterLocale: 'ar', status: 'requested', locationId: 'buurthuis' });
    expect(booked?.slotStart?.toISOString()).toBe('2026-03-03T08:30:00.000Z');
    expect(harness.handoffs).toEqual([]);
  });

  it('ar: asks what it is about, takes Arabic-Indic digits, and says every time shown is a sample', async () => {
    await withSchedule(
      (schedule) => ({ ...schedule, sample: true }),
      async () => {
        const harness = await createHarness(kit, { locale: 'ar' });
        await harness.run([
          { send: 'موعد', expect: ['عن ماذا تريد أن تسأل؟', '1. أفضّل ألا أقول'] },
          { send: 'رسالة من الضرائب', expect: ['متى تستطيع أن تأتي؟', 'انتبه: هذه أوقات تجريبية (sample).', 'الخميس، 5 مارس في 13:00', 'وقت آخر'] },
          { send: '٣', expect: ['هل تحتاج مترجمًا (tolk)؟', '1. لا', '2. نعم، العربية', '3. نعم، لغة أخرى'] },
          { send: '٢', expect: ['هل تريد أن تعطي اسمك؟'] },
          { send: '١', expect: ['هل هذا صحيح؟', 'الموضوع: رسالة من الضرائب', 'الوقت: الخميس، 5 مارس في 13:00', 'انتبه: هذه أوقات تجريبية', 'مترجم: العربية'], absent: ['الاسم:'] },
          { send: 'نعم', expect: ['شكرًا! موعدك: الخميس، 5 مارس في 13:00', 'انتبه: هذه أوقات تجريبية', "أرسل 'afzeggen'"] },
        ]);
        expect(await kit.desk.nextActiveFor(harness.contactId)).toMatchObject({ topic: null, note: 'رسالة من الضرائب', interpreterLocale: 'ar', name: null });
      },
    );
  });

  it('ti: "another time" takes the person\'s own words and hands the request to a volunteer', async () => {
    const other = await createHarness(kit, { locale: 'ti', options: { topic: 'toeslagen.huurtoeslag' } });
    await other.run([
      { send: 'ቆጸራ', expect: ['ቆጸራኻ ብዛዕባ: ሓገዝ ክራይ ገዛ ድዩ?', '2. ኣይፋል፣ ብዛዕባ ካልእ'] },
      { send: '2', expect: ['ብዛዕባ እንታይ እዩ?'] },
      { send: 'ደብዳበ ካብ ቤት ጽሕፈት ግብሪ', expect: ['መዓስ ክትመጽእ ትኽእል?', '1. ሰሉስ፣ 3 መጋቢት ሰዓት 09:00', '6. ካልእ ሰዓት'] },
      // Ge'ez numeral six: "another time".
      { send: '፮', expect: ['ኣየናይ መዓልትን ሰዓትን ይጥዕመካ?'] },
      { send: 'ሰኑይ ድሕሪ ቀትሪ', expect: ['1. ኣይፋል', '2. እወ፣ ትግርኛ'] },
      { send: '2', expect: ['ስምካ ክትህብ ትደሊ ዶ?'] },
      { send: 'ሰላም', expect: ['እዚ ቅኑዕ ድዩ?', 'ብዛዕባ: ደብዳበ ካብ ቤት ጽሕፈት ግብሪ', 'ዝደለኻዮ ሰዓት: ሰኑይ ድሕሪ ቀትሪ', 'ተርጓሚ: ትግርኛ', 'ስም: ሰላም'] },
      { send: '1', expect: ['የቐንየለይ! ሓደ ወለንተኛ ሰዓት ክሰደልካ እዩ።', "'afzeggen'"] },
    ]);
    const request = await kit.desk.nextActiveFor(other.contactId);
    expect(request).toMatchObject({ slotStart: null, preferredTime: 'ሰኑይ ድሕሪ ቀትሪ', note: 'ደብዳበ ካብ ቤት ጽሕፈት ግብሪ', interpreterLocale: 'ti', name: 'ሰላም', status: 'requested' });
    expect(other.handoffs).toEqual([
      expect.objectContaining({ reason: 'appointment-other', tenantKey: 'testdorp', locale: 'ti', topic: null, summary: `Afspraakverzoek #${request?.id}: de persoon vraagt een andere tijd.` }),
    ]);
  });

  it('ti: a cancel word leaves the dialog at any step without booking', async () => {
    const harness = await createHarness(kit, { locale: 'ti' });
    await harness.run([
      { send: 'ቆጸራ', expect: ['ብዛዕባ እንታይ እዩ?'] },
      { send: 'ሰርዝ', expect: ['ሕራይ፣ ቆጸራ ኣይተገብረን።'] },
    ]);
    expect(await kit.desk.nextActiveFor(harness.contactId)).toBeUndefined();
  });

  it('says it cannot offer times when the tenant has no sessions, and passes the request on', async () => {
    await withSchedule(
      () => scheduleSchema.parse({}),
      async () => {
        const harness = await createHarness(kit, { locale: 'nl' });
        await harness.run([
          { send: 'afspraak', expect: ['Waarover gaat het?'] },
          { send: '1', expect: ['Ik kan hier nog geen tijden geven.', 'Welke dag en tijd passen u?'] },
          { send: 'vrijdagochtend', expect: ['Heeft u een tolk nodig?'] },
          { send: '1', expect: ['Wilt u uw naam geven?'] },
          { send: '1', expect: ['Uw tijd: vrijdagochtend', 'Tolk: nee'], absent: ['Over:', 'Waar:'] },
          { send: '1', expect: ['Een vrijwilliger stuurt u een tijd.'] },
        ]);
        expect(harness.handoffs.map((call) => call.summary)).toEqual([expect.stringContaining('het rooster heeft geen spreekuurtijden')]);
      },
    );
  });

  it('offers the next slot when the chosen one filled up before the person confirmed', async () => {
    const harness = await createHarness(kit, { locale: 'nl' });
    await harness.run([
      { send: 'afspraak', expect: ['Waarover gaat het?'] },
      { send: 'toeslagen', expect: ['dinsdag 10 maart om 09:00'] },
    ]);
    const pick = harness.transcript.at(-1)?.join('\n').match(/(\d)\. dinsdag 10 maart om 09:00/)?.[1];
    if (!pick) throw new Error('slot not offered');
    await harness.run([
      { send: pick, expect: ['Heeft u een tolk nodig?'] },
      { send: '1', expect: ['Wilt u uw naam geven?'] },
      { send: '1', expect: ['Wanneer: dinsdag 10 maart om 09:00'] },
    ]);
    for (let other = 0; other < 2; other++) {
      const { contact } = await createPerson(kit);
      const taken = await kit.desk.book({ contactId: contact.id, tenantKey: 'testdorp', topic: null, note: null, locationId: 'buurthuis', slotStart: new Date('2026-03-10T08:00:00Z'), preferredTime: null, interpreterLocale: null, name: null });
      expect(taken.kind).toBe('booked');
    }
    await harness.run([
      { send: '1', expect: ['Sorry, die tijd is net vol.', 'Klopt dit?', 'Wanneer: dinsdag 10 maart om 09:30'] },
      { send: '1', expect: ['Dank u! Uw afspraak: dinsdag 10 maart om 09:30'] },
    ]);
  });

  it('asks for the municipality first when the person never said it, and remembers it', async () => {
    const other = { ...tenant(), tenant: { ...tenant().tenant, key: 'elders', name: 'Elders' }, schedule: scheduleSchema.parse({}) };
    kit.content.tenants.set('elders', other);
    try {
      const harness = await createHarness(kit, { locale: 'uk', noTenant: true, options: { topic: 'spreekuur.afspraak' } });
      await harness.run([
        { send: 'запис', expect: ['1. Testdorp', '2. Elders'] },
        // The appointment topic itself says nothing about the subject: ask.
        { send: '1', expect: ['Про що йдеться?'], absent: ['Ваш запис про'] },
      ]);
      expect(harness.tenantsSaved).toEqual(['testdorp']);
    } finally {
      kit.content.tenants.delete('elders');
    }
  });

  it('answers a reminder: "afzeggen" cancels, "verzetten" asks only for a new time', async () => {
    const harness = await createHarness(kit, { locale: 'nl', reminderReplies: true });
    const book = () =>
      kit.desk.book({ contactId: harness.contactId, tenantKey: 'testdorp', topic: 'toeslagen.huurtoeslag', note: null, locationId: 'buurthuis', slotStart: new Date('2026-03-03T08:00:00Z'), preferredTime: null, interpreterLocale: 'ar', name: 'Amal' });
    expect((await book()).kind).toBe('booked');
    await harness.run([{ send: 'afzeggen', expect: ['Uw afspraak is afgezegd.'] }]);
    expect(await kit.desk.nextActiveFor(harness.contactId)).toBeUndefined();

    const first = await book();
    await harness.run([
      { send: 'Ik wil verzetten', expect: ['Wanneer kunt u komen?'], absent: ['Gaat uw afspraak over'] },
      { send: '1', expect: ['Klopt dit?', 'Tolk: العربية', 'Naam: Amal'] },
      { send: '1', expect: ['Dank u! Uw afspraak:'] },
    ]);
    const next = await kit.desk.nextActiveFor(harness.contactId);
    expect(next?.id).not.toBe(first.kind === 'booked' ? first.appointment.id : undefined);
    expect(first.kind === 'booked' && (await kit.desk.get(first.appointment.id))?.status).toBe('cancelled');
  });
});
