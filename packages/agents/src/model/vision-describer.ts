import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { ImageDescriber, Language, MediaFile } from '@mcp-crew/core';

const INSTRUCTIONS: Record<Language, string> = {
  es: 'Eres el asistente de una tienda. Describe en una o dos frases, en español, lo que muestra la foto del cliente: el producto (marca, tipo, color, tamaño, texto de la etiqueta) o el problema (por ejemplo humedad, pintura descascarada, grietas). Solo lo que se ve; sin precios ni promesas.',
  pt: 'Você é o assistente de uma loja. Descreva em uma ou duas frases, em português, o que a foto do cliente mostra: o produto (marca, tipo, cor, tamanho, texto do rótulo) ou o problema (por exemplo umidade, tinta descascando, rachaduras). Só o que se vê; sem preços nem promessas.',
  en: "You are a shop's assistant. In one or two sentences, in English, describe what the customer's photo shows: the product (brand, type, colour, size, label text) or the problem (for example damp, peeling paint, cracks). Only what is visible; no prices or promises.",
};

/**
 * A vision-capable chat model that says what a customer's photo shows, so the crew can match it to a support
 * procedure or a product like any text. The image goes as bytes (Chatwoot's URLs need the bot token).
 */
export class VisionDescriber implements ImageDescriber {
  constructor(private readonly model: LanguageModelV3) {}

  async describe(image: MediaFile, options: { language: Language; signal?: AbortSignal }): Promise<string> {
    const result = await this.model.doGenerate({
      prompt: [
        { role: 'system', content: INSTRUCTIONS[options.language] },
        {
          role: 'user',
          content: [{ type: 'file', mediaType: image.contentType || 'image/jpeg', data: image.bytes }],
        },
      ],
      maxOutputTokens: 200,
      ...(options.signal ? { abortSignal: options.signal } : {}),
    });
    return result.content
      .flatMap((part) => (part.type === 'text' ? [part.text] : []))
      .join(' ')
      .trim();
  }
}
