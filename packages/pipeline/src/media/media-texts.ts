import type { Language } from '@mcp-crew/core';

/** The reply to a voice note nobody could transcribe in time (crew `media.voiceFallback: ask_to_write`). */
export const VOICE_ASK_TO_WRITE: Record<Language, string> = {
  es: 'Disculpa, no pude escuchar tu nota de voz. ¿Me lo puedes escribir, por favor?',
  pt: 'Desculpe, não consegui ouvir sua mensagem de voz. Pode me escrever, por favor?',
  en: "Sorry, I couldn't listen to your voice note. Could you write it to me, please?",
};

/** The reply to a photo without a vision model (crew `media.imageFallback: ask_to_describe`). */
export const IMAGE_ASK_TO_DESCRIBE: Record<Language, string> = {
  es: 'Gracias por la foto. No puedo verla por aquí: ¿me cuentas qué muestra o qué necesitas?',
  pt: 'Obrigado pela foto. Não consigo vê-la por aqui: pode me contar o que ela mostra ou do que precisa?',
  en: "Thanks for the photo. I can't see it here: could you tell me what it shows or what you need?",
};
