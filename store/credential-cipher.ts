import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface EncryptedBlob {
  keyId: string;
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

/** AES-256-GCM with a key from configuration. The tenant id is bound as associated data. */
export class CredentialCipher {
  private readonly key: Buffer;
  readonly keyId: string;

  constructor(hexKey: string) {
    this.key = Buffer.from(hexKey, 'hex');
    if (this.key.length !== 32)
      throw new Error('KOPPELING_ENCRYPTION_KEY must be 32 bytes (64 hex characters)');
    this.keyId = createHash('sha256').update(this.key).digest('hex').slice(0, 12);
  }

  encrypt(tenantId: string, plaintext: string): EncryptedBlob {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(tenantId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.keyId, iv, authTag: cipher.getAuthTag(), ciphertext };
  }

  decrypt(tenantId: string, blob: EncryptedBlob): string {
    if (blob.keyId !== this.keyId) {
      throw new Error(`credentials of tenant ${tenantId} were encrypted with another key (${blob.keyId})`);
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, blob.iv);
    decipher.setAAD(Buffer.from(tenantId));
    decipher.setAuthTag(blob.authTag);
    return Buffer.concat([decipher.update(blob.ciphertext), decipher.final()]).toString('utf8');
  }
}
