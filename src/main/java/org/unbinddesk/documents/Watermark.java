package org.unbinddesk.documents;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws "仅供终端解绑审核使用 · case number" across a copy of an image, so a screenshot or a forwarded copy says what it
 * was shown for. The copy is re-encoded from pixels alone, so EXIF and other metadata (GPS position, camera, editing
 * software) do not reach the screen; the stored original is never touched. Needs a font with Chinese characters
 * (Debian's fonts-noto-cjk); without one it writes the same words in English rather than boxes.
 */
public final class Watermark {

	private static final Logger log = LoggerFactory.getLogger(Watermark.class);

	public static final String PURPOSE = "仅供终端解绑审核使用";

	static final String PURPOSE_LATIN = "FOR TERMINAL UNBINDING REVIEW ONLY";

	private static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK SC", "Noto Serif CJK SC",
			"Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN");

	private static volatile String family;

	private Watermark() {
	}

	public static String text(String caseNumber) {
		return (cjkFamily() != null ? PURPOSE : PURPOSE_LATIN) + " · " + caseNumber;
	}

	/**
	 * What all pictures being watermarked at one time may take of the heap, in MiB: a third of it. A view waits for its
	 * share rather than exhausting the heap when many large photos are opened at once (eight 2 MiB phone photos at a
	 * time took a 512 MiB service down before; see docs/benchmark.md).
	 */
	static final int BUDGET_MIB = (int) Math.max(64, Runtime.getRuntime().maxMemory() / 3 / (1024 * 1024));

	private static final Semaphore MEMORY = new Semaphore(BUDGET_MIB, true);

	/** A decoded picture and its copy, 4 bytes a pixel each at most. */
	private static final int BYTES_PER_PIXEL = 8;

	/**
	 * Decodes an image, draws the watermark and writes it in the same format. The decoded picture is drawn on where
	 * its kind of pixels allows (it is this call's own; the stored original is never touched), otherwise on a copy.
	 *
	 * @param maxPixels larger images are decoded at a reduced resolution
	 */
	public static void render(InputStream original, String mediaType, String caseNumber, long maxPixels,
			OutputStream out) throws IOException {
		boolean png = "image/png".equals(mediaType);
		try (ImageInputStream in = ImageIO.createImageInputStream(original)) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
			if (in == null || !readers.hasNext()) {
				throw new IOException("No reader for " + mediaType);
			}
			ImageReader reader = readers.next();
			try {
				// ignoreMetadata: EXIF and text chunks are not even read
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				ImageReadParam param = reader.getDefaultReadParam();
				if (pixels > maxPixels) {
					int step = (int) Math.ceil(Math.sqrt((double) pixels / maxPixels));
					param.setSourceSubsampling(step, step, 0, 0);
					pixels = pixels / ((long) step * step);
				}
				int share = (int) Math.min(BUDGET_MIB, Math.max(1, pixels * BYTES_PER_PIXEL >> 20));
				MEMORY.acquireUninterruptibly(share);
				try {
					BufferedImage image = reader.read(0, param);
					BufferedImage canvas = drawable(image, png) ? image : copy(image, png);
					Graphics2D g = canvas.createGraphics();
					try {
						draw(g, canvas.getWidth(), canvas.getHeight(), text(caseNumber));
					}
					finally {
						g.dispose();
					}
					if (png) {
						ImageIO.write(canvas, "png", out);
					}
					else {
						writeJpeg(canvas, out);
					}
				}
				finally {
					MEMORY.release(share);
				}
			}
			finally {
				reader.dispose();
			}
		}
	}

	/** Pixels the watermark's red can be drawn on as they are, and written back in the image's own format. */
	private static boolean drawable(BufferedImage image, boolean png) {
		int type = image.getType();
		return type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
				|| png && (type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR);
	}

	/** Grey, indexed and other pictures: a full-colour copy to draw on. */
	private static BufferedImage copy(BufferedImage image, boolean png) {
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(),
				png ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		try {
			if (!png) {
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
			}
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return copy;
	}

	/** The watermark alone, on a transparent picture of that size: what is laid over each page of a PDF. */
	static BufferedImage overlay(int width, int height, String caseNumber) {
		BufferedImage overlay = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = overlay.createGraphics();
		try {
			draw(g, width, height, text(caseNumber));
		}
		finally {
			g.dispose();
		}
		return overlay;
	}

	private static void draw(Graphics2D g, int width, int height, String text) {
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		String cjk = cjkFamily();
		int size = Math.max(12, Math.min(width, height) / 18);
		g.setFont(new Font(cjk != null ? cjk : Font.SANS_SERIF, Font.BOLD, size));
		int textWidth = g.getFontMetrics().stringWidth(text);
		AffineTransform before = g.getTransform();
		g.rotate(Math.toRadians(-30), width / 2.0, height / 2.0);
		g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
		g.setColor(new Color(200, 0, 0));
		int diagonal = (int) Math.hypot(width, height);
		int stepX = textWidth + size * 2;
		int stepY = size * 4;
		for (int y = -diagonal; y < diagonal * 2; y += stepY) {
			int shift = (y / stepY) % 2 == 0 ? 0 : stepX / 2;
			for (int x = -diagonal - shift; x < diagonal * 2; x += stepX) {
				g.drawString(text, x, y);
			}
		}
		g.setTransform(before);
		// a plain band along the bottom that no crop of the middle removes
		g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
		g.setColor(Color.WHITE);
		int band = size + size / 2;
		g.fillRect(0, height - band, width, band);
		g.setColor(new Color(160, 0, 0));
		g.setComposite(AlphaComposite.SrcOver);
		g.drawString(text, size / 2, height - size / 3);
	}

	private static void writeJpeg(BufferedImage image, OutputStream out) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream target = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(target);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.9f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	/** The first installed font family that has every character of the watermark, or null. */
	public static String cjkFamily() {
		String found = family;
		if (found == null) {
			found = "";
			try {
				List<String> installed = List
					.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
				for (String candidate : CJK_FAMILIES) {
					if (installed.contains(candidate) && displays(candidate)) {
						found = candidate;
						break;
					}
				}
				if (found.isEmpty()) {
					found = installed.stream().filter(Watermark::displays).findFirst().orElse("");
				}
			}
			catch (RuntimeException | LinkageError | InternalError ex) {
				log.warn("Fonts could not be listed ({}); watermarks are written in English", ex.toString());
			}
			if (found.isEmpty()) {
				log.warn("No font with Chinese characters is installed (Debian: fonts-noto-cjk); watermarks are written in English");
			}
			family = found;
		}
		return found.isEmpty() ? null : found;
	}

	private static boolean displays(String familyName) {
		return new Font(familyName, Font.PLAIN, 12).canDisplayUpTo(PURPOSE + "·") == -1;
	}

}
