package org.unbinddesk.unbind;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the identifiers the clearing report must carry in full (AES-256-GCM, a fresh nonce per value), so that the
 * database holds them only as ciphertext. The key (32 bytes, Base64) comes from {@code unbinddesk.clearing.key}, i.e.
 * the environment or a secret file, never from the database.
 */
@Component
public class ReportCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	ReportCipher(@Value("${unbinddesk.clearing.key}") String base64Key) {
		byte[] bytes = Base64.getDecoder().decode(base64Key);
		if (bytes.length != 32) {
			throw new IllegalStateException("unbinddesk.clearing.key must be 32 bytes, Base64-encoded");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
				.put(nonce)
				.put(sealed)
				.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a clearing-report value", ex);
		}
	}

	public String decrypt(String sealed) {
		if (sealed == null) {
			return null;
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A clearing-report value cannot be decrypted: wrong key or altered data", ex);
		}
	}

}
