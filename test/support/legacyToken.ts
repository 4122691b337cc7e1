/** A bot token as the first version of Rapport stored it: `v1:<iv>:<tag>:<ciphertext>`, no key id, nothing bound. */
import { createCipheriv, randomBytes } from 'node:crypto';

export function sealV1(key: Buffer, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
}
