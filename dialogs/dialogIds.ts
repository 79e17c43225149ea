// Every dialog id in one place.
export const DialogIds = {
  main: 'main',
  mainLoop: 'main.loop',
  afval: 'afval',
  afvalAddressPrompt: 'afval.address',
  tenant: 'tenant',
  tenantPrompt: 'tenant.prompt',
  appointment: 'appointment',
} as const;

export type DialogId = (typeof DialogIds)[keyof typeof DialogIds];
