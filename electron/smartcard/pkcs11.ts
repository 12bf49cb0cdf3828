/**
 * The second route to a card's certificate (issue 4 §2): through the workstation's card middleware, a
 * PKCS#11 module named by path, rather than APDUs over PC/SC. Certificates are public objects, so no
 * PIN is asked for. The binding (pkcs11js, N-API) is loaded only when this route is used.
 */
import type * as Pkcs11 from 'pkcs11js';

export interface TokenCertificate {
  /** The slot's description: middleware names the slot after the reader the card is in. */
  slot: string;
  token: string;
  label: string;
  der: Buffer;
}

export class Pkcs11Error extends Error {}

export async function readPkcs11Certificates(modulePath: string): Promise<TokenCertificate[]> {
  let binding: typeof Pkcs11;
  try {
    const loaded = (await import('pkcs11js')) as unknown as { default?: typeof Pkcs11 } & typeof Pkcs11;
    // A CommonJS module seen from an import(): its exports may sit on `default`.
    binding = loaded.default ?? loaded;
  } catch (error) {
    throw new Pkcs11Error(
      `PKCS#11 support could not be loaded (${(error as Error).message.split('\n')[0]}).`,
    );
  }
  const pkcs11 = new binding.PKCS11();
  try {
    pkcs11.load(modulePath);
  } catch {
    throw new Pkcs11Error(
      `${modulePath} could not be loaded as a PKCS#11 module. Give the path of the card middleware's library (for example /usr/lib/softhsm/libsofthsm2.so).`,
    );
  }
  pkcs11.C_Initialize();
  try {
    const found: TokenCertificate[] = [];
    for (const slot of pkcs11.C_GetSlotList(true)) {
      const info = pkcs11.C_GetTokenInfo(slot);
      // A blank token (middleware often shows one) has nothing to read.
      if ((info.flags & binding.CKF_TOKEN_INITIALIZED) === 0) continue;
      const token = info.label.trim();
      const slotName = pkcs11.C_GetSlotInfo(slot).slotDescription.trim();
      const session = pkcs11.C_OpenSession(slot, binding.CKF_SERIAL_SESSION);
      try {
        pkcs11.C_FindObjectsInit(session, [{ type: binding.CKA_CLASS, value: binding.CKO_CERTIFICATE }]);
        const handles = pkcs11.C_FindObjects(session, 16);
        pkcs11.C_FindObjectsFinal(session);
        for (const handle of handles) {
          const [value, label] = pkcs11.C_GetAttributeValue(session, handle, [
            { type: binding.CKA_VALUE },
            { type: binding.CKA_LABEL },
          ]);
          if (Buffer.isBuffer(value?.value))
            found.push({
              slot: slotName,
              token,
              label: Buffer.isBuffer(label?.value) ? label.value.toString('utf8') : '',
              der: value.value,
            });
        }
      } finally {
        pkcs11.C_CloseSession(session);
      }
    }
    return found;
  } finally {
    pkcs11.C_Finalize();
  }
}
