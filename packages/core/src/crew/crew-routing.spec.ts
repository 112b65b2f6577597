import {
  crewSettingsOverrideSchema,
  crewSettingsPatchSchema,
  effectiveCrewSettings,
} from './crew-routing.js';

describe('crew settings a tenant may change', () => {
  const crewFile = {
    hours: { mode: 'always' as const, outOfHoursLabels: ['out-of-hours'] },
    handoff: { assign: true, salesLead: true },
    media: { voiceFallback: 'ask_to_write' as const, imageFallback: 'ask_to_describe' as const },
  };

  it("applies the tenant's media fallbacks, hours mode and team over the crew file", () => {
    const override = crewSettingsOverrideSchema.parse({
      hours: { mode: 'night_shift' },
      handoff: { teamId: 7, assign: false },
      media: { voiceFallback: 'handoff' },
    });
    expect(effectiveCrewSettings(crewFile, override)).toEqual({
      hours: { mode: 'night_shift', outOfHoursLabels: ['out-of-hours'] },
      handoff: { assign: false, teamId: 7, salesLead: true },
      media: { voiceFallback: 'handoff', imageFallback: 'ask_to_describe' },
    });
    expect(effectiveCrewSettings({}, undefined).media).toEqual({
      voiceFallback: 'ask_to_write',
      imageFallback: 'ask_to_describe',
    });
  });

  it('takes null in a patch (back to the crew file) and names a wrong value by its path', () => {
    expect(crewSettingsPatchSchema.parse({ media: { voiceFallback: null }, hours: null })).toEqual({
      media: { voiceFallback: null },
      hours: null,
    });
    const parsed = crewSettingsPatchSchema.safeParse({
      media: { voiceFallback: 'call_back' },
      handoff: { teamId: -1, owner: 'ana' },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'handoff',
      'handoff.teamId',
      'media.voiceFallback',
    ]);
  });
});
